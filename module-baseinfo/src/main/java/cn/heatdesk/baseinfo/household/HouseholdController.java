package cn.heatdesk.baseinfo.household;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.web.ApiResponse;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "房屋信息")
@RestController
@RequestMapping("/api/baseinfo/households")
public class HouseholdController {

    private final HouseholdService service;

    public HouseholdController(HouseholdService service) {
        this.service = service;
    }

    @Operation(summary = "房屋列表（按数据权限；关键字为房屋编码/户主/地址前缀，nodeId 为整棵子树）")
    @GetMapping
    @SaCheckPermission("baseinfo:household")
    public ApiResponse<PageResult<HouseholdView>> page(HouseholdFilter filter, PageQuery query) {
        return ApiResponse.ok(service.page(filter, query));
    }

    @GetMapping("/{id}")
    @SaCheckPermission("baseinfo:household")
    public ApiResponse<HouseholdView> get(@PathVariable long id) {
        return ApiResponse.ok(service.get(id));
    }

    @PostMapping
    @SaCheckPermission("baseinfo:household:edit")
    @AuditAction("新增房屋")
    public ApiResponse<HouseholdView> create(@Valid @RequestBody HouseholdRequests.Create req) {
        return ApiResponse.ok(service.create(req));
    }

    @Operation(summary = "修改房屋（计费系统维护的房屋只能改标签和备注）")
    @PutMapping("/{id}")
    @SaCheckPermission("baseinfo:household:edit")
    @AuditAction("修改房屋")
    public ApiResponse<HouseholdView> update(@PathVariable long id, @Valid @RequestBody HouseholdRequests.Update req) {
        return ApiResponse.ok(service.update(id, req));
    }
}
