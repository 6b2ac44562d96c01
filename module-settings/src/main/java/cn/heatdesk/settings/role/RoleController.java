package cn.heatdesk.settings.role;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.web.ApiResponse;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "角色权限")
@RestController
@RequestMapping("/api/settings/roles")
public class RoleController {

    private final RoleService service;

    public RoleController(RoleService service) {
        this.service = service;
    }

    @GetMapping
    @SaCheckPermission("settings:role")
    public ApiResponse<PageResult<SysRole>> page(@RequestParam(required = false) String keyword,
                                                 @RequestParam(required = false) Integer enabled, PageQuery query) {
        return ApiResponse.ok(service.page(keyword, enabled, query));
    }

    @GetMapping("/assignable")
    @SaCheckPermission("settings:user")
    public ApiResponse<List<SysRole>> assignable() {
        return ApiResponse.ok(service.assignable());
    }

    @GetMapping("/{id}")
    @SaCheckPermission("settings:role")
    public ApiResponse<RoleDetail> detail(@PathVariable long id) {
        return ApiResponse.ok(service.detail(id));
    }

    @PostMapping
    @SaCheckPermission("settings:role:edit")
    @AuditAction("新增角色")
    public ApiResponse<RoleDetail> create(@Valid @RequestBody RoleRequests.Save req) {
        return ApiResponse.ok(service.create(req));
    }

    @PutMapping("/{id}")
    @SaCheckPermission("settings:role:edit")
    @AuditAction("修改角色")
    public ApiResponse<RoleDetail> update(@PathVariable long id, @Valid @RequestBody RoleRequests.Save req) {
        return ApiResponse.ok(service.update(id, req));
    }

    @PutMapping("/{id}/permissions")
    @SaCheckPermission("settings:role:grant")
    @AuditAction("分配角色权限")
    public ApiResponse<RoleDetail> grant(@PathVariable long id, @Valid @RequestBody RoleRequests.Grant req) {
        return ApiResponse.ok(service.grant(id, req.permissions()));
    }

    @DeleteMapping("/{id}")
    @SaCheckPermission("settings:role:edit")
    @AuditAction("删除角色")
    public ApiResponse<Void> delete(@PathVariable long id) {
        service.delete(id);
        return ApiResponse.ok();
    }
}
