package cn.heatdesk.settings.org;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "组织机构")
@RestController
@RequestMapping("/api/settings")
public class OrgController {

    private final OrgService service;

    public OrgController(OrgService service) {
        this.service = service;
    }

    @Operation(summary = "机构树（按数据权限）")
    @GetMapping("/orgs/tree")
    @SaCheckPermission("settings:org")
    public ApiResponse<List<OrgNode>> tree(@RequestParam(defaultValue = "false") boolean includeDisabled) {
        return ApiResponse.ok(service.tree(includeDisabled));
    }

    @Operation(summary = "机构列表（分页）")
    @GetMapping("/orgs")
    @SaCheckPermission("settings:org")
    public ApiResponse<PageResult<OrgUnit>> page(OrgFilter filter, PageQuery query) {
        return ApiResponse.ok(service.page(filter, query));
    }

    @Operation(summary = "可切换的分公司（任何登录用户，按数据权限）")
    @GetMapping("/orgs/subsidiaries")
    public ApiResponse<List<OrgUnit>> subsidiaries() {
        return ApiResponse.ok(service.subsidiaries());
    }

    @GetMapping("/orgs/{id}")
    @SaCheckPermission("settings:org")
    public ApiResponse<OrgUnit> get(@PathVariable long id) {
        return ApiResponse.ok(service.get(id));
    }

    @PostMapping("/orgs")
    @SaCheckPermission("settings:org:edit")
    @AuditAction("新增机构")
    public ApiResponse<OrgUnit> create(@Valid @RequestBody OrgRequests.Create req) {
        return ApiResponse.ok(service.create(req));
    }

    @PutMapping("/orgs/{id}")
    @SaCheckPermission("settings:org:edit")
    @AuditAction("修改机构")
    public ApiResponse<OrgUnit> update(@PathVariable long id, @Valid @RequestBody OrgRequests.Update req) {
        return ApiResponse.ok(service.update(id, req));
    }

    @PostMapping("/orgs/{id}/move")
    @SaCheckPermission("settings:org:move")
    @AuditAction("调整机构隶属")
    public ApiResponse<OrgUnit> move(@PathVariable long id, @Valid @RequestBody OrgRequests.Move req) {
        return ApiResponse.ok(service.move(id, req));
    }

    @PostMapping("/orgs/{id}/disable")
    @SaCheckPermission("settings:org:disable")
    @AuditAction("停用机构")
    public ApiResponse<OrgUnit> disable(@PathVariable long id, @Valid @RequestBody OrgRequests.Reason req) {
        return ApiResponse.ok(service.disable(id, req.reason()));
    }

    @PostMapping("/orgs/{id}/enable")
    @SaCheckPermission("settings:org:disable")
    @AuditAction("启用机构")
    public ApiResponse<OrgUnit> enable(@PathVariable long id, @Valid @RequestBody OrgRequests.Reason req) {
        return ApiResponse.ok(service.enable(id, req.reason()));
    }

    @Operation(summary = "机构变更历史")
    @GetMapping("/orgs/{id}/history")
    @SaCheckPermission("settings:org")
    public ApiResponse<List<OrgHistory>> history(@PathVariable long id) {
        return ApiResponse.ok(service.history(id));
    }

    @Operation(summary = "机构类型")
    @GetMapping("/org-types")
    public ApiResponse<List<OrgType>> types() {
        return ApiResponse.ok(service.types());
    }

    @PostMapping("/org-types")
    @SaCheckPermission("settings:org:edit")
    @AuditAction("新增机构类型")
    public ApiResponse<OrgType> createType(@Valid @RequestBody OrgRequests.CreateType req) {
        return ApiResponse.ok(service.createType(req));
    }
}
