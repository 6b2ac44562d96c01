package cn.heatdesk.settings.permission;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.dev33.satoken.annotation.SaMode;
import cn.heatdesk.kernel.web.ApiResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The permission tree for the role editor. */
@RestController
@RequestMapping("/api/settings/permissions")
public class PermissionController {

    private final PermissionService service;

    public PermissionController(PermissionService service) {
        this.service = service;
    }

    @GetMapping("/tree")
    @SaCheckPermission(value = {"settings:role", "settings:role:edit", "settings:role:grant"}, mode = SaMode.OR)
    public ApiResponse<List<PermissionNode>> tree() {
        return ApiResponse.ok(service.tree());
    }
}
