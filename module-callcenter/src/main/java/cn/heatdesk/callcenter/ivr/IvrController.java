package cn.heatdesk.callcenter.ivr;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
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

@Tag(name = "呼叫中心-语音导航")
@RestController
@RequestMapping("/api/callcenter/ivr-menus")
public class IvrController {

    private final IvrService service;

    public IvrController(IvrService service) {
        this.service = service;
    }

    @Operation(summary = "语音菜单列表（按数据权限，可按网关筛选）")
    @GetMapping
    @SaCheckPermission(IvrPermissions.IVR)
    public ApiResponse<List<IvrViews.MenuView>> list(@RequestParam(required = false) Long gatewayId) {
        return ApiResponse.ok(service.list(gatewayId));
    }

    @Operation(summary = "按键动作选项")
    @GetMapping("/actions")
    @SaCheckPermission(IvrPermissions.IVR)
    public ApiResponse<List<IvrViews.ActionOption>> actions() {
        return ApiResponse.ok(service.actions());
    }

    @Operation(summary = "语音菜单详情（整棵菜单树、工作时间、节假日）")
    @GetMapping("/{id}")
    @SaCheckPermission(IvrPermissions.IVR)
    public ApiResponse<IvrViews.MenuView> get(@PathVariable long id) {
        return ApiResponse.ok(service.get(id));
    }

    @Operation(summary = "新增语音菜单（一个网关的一个热线号码一套菜单）")
    @PostMapping
    @SaCheckPermission(IvrPermissions.IVR_EDIT)
    @AuditAction("新增语音菜单")
    public ApiResponse<IvrViews.MenuView> create(@Valid @RequestBody IvrRequests.MenuSave req) {
        return ApiResponse.ok(service.create(req));
    }

    @Operation(summary = "修改语音菜单（整棵树一起保存，立即对新来电生效）")
    @PutMapping("/{id}")
    @SaCheckPermission(IvrPermissions.IVR_EDIT)
    @AuditAction("修改语音菜单")
    public ApiResponse<IvrViews.MenuView> update(@PathVariable long id, @Valid @RequestBody IvrRequests.MenuSave req) {
        return ApiResponse.ok(service.update(id, req));
    }

    @Operation(summary = "删除语音菜单（该热线回到拨号方案的静态菜单）")
    @DeleteMapping("/{id}")
    @SaCheckPermission(IvrPermissions.IVR_EDIT)
    @AuditAction("删除语音菜单")
    public ApiResponse<Void> delete(@PathVariable long id) {
        service.delete(id);
        return ApiResponse.ok(null);
    }
}
