package cn.heatdesk.kernel.signing;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.security.PermissionCodes;
import cn.heatdesk.kernel.web.ApiResponse;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Management of integration apps (系统设置 → 对接应用). The secret is returned only on create and reset. */
@RestController
@RequestMapping("/api/settings/integration-apps")
public class IntegrationAppController {

    private final IntegrationAppService service;

    public IntegrationAppController(IntegrationAppService service) {
        this.service = service;
    }

    @GetMapping
    @SaCheckPermission(PermissionCodes.API_APP_VIEW)
    public ApiResponse<PageResult<IntegrationApp>> list(PageQuery page, @RequestParam(required = false) String keyword) {
        return ApiResponse.ok(service.list(page, keyword));
    }

    @GetMapping("/{id}")
    @SaCheckPermission(PermissionCodes.API_APP_VIEW)
    public ApiResponse<IntegrationApp> get(@PathVariable long id) {
        return ApiResponse.ok(service.get(id));
    }

    @PostMapping
    @SaCheckPermission(PermissionCodes.API_APP_MANAGE)
    @AuditAction("新增对接应用")
    public ApiResponse<IntegrationAppSecret> create(@RequestBody @Valid AppForm form) {
        return ApiResponse.ok(service.create(form.appName(), form.remark()));
    }

    @PutMapping("/{id}")
    @SaCheckPermission(PermissionCodes.API_APP_MANAGE)
    @AuditAction("修改对接应用")
    public ApiResponse<IntegrationApp> update(@PathVariable long id, @RequestBody @Valid AppForm form) {
        return ApiResponse.ok(service.update(id, form.appName(), form.remark()));
    }

    @PostMapping("/{id}/enable")
    @SaCheckPermission(PermissionCodes.API_APP_MANAGE)
    @AuditAction("启用对接应用")
    public ApiResponse<IntegrationApp> enable(@PathVariable long id) {
        return ApiResponse.ok(service.setEnabled(id, true));
    }

    @PostMapping("/{id}/disable")
    @SaCheckPermission(PermissionCodes.API_APP_MANAGE)
    @AuditAction("停用对接应用")
    public ApiResponse<IntegrationApp> disable(@PathVariable long id) {
        return ApiResponse.ok(service.setEnabled(id, false));
    }

    @PostMapping("/{id}/reset-secret")
    @SaCheckPermission(PermissionCodes.API_APP_MANAGE)
    @AuditAction("重置对接应用密钥")
    public ApiResponse<IntegrationAppSecret> resetSecret(@PathVariable long id) {
        return ApiResponse.ok(service.resetSecret(id));
    }

    public record AppForm(@NotBlank(message = "应用名称不能为空") @Size(max = 60, message = "应用名称不能超过 60 个字符") String appName,
                          @Size(max = 160, message = "备注不能超过 160 个字符") String remark) {
    }
}
