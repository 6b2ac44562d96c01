package cn.heatdesk.repair.mobile.device;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.web.ApiResponse;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "移动端设备绑定（维修站）")
@RestController
@RequestMapping("/api/repair/devices")
public class DeviceController {

    private final DeviceService service;

    public DeviceController(DeviceService service) {
        this.service = service;
    }

    public record Decision(String note) {
    }

    public record Unbind(String reason) {
    }

    @Operation(summary = "已绑定设备（按数据权限：站长只看本站人员）")
    @GetMapping
    @SaCheckPermission("repair:device")
    public ApiResponse<PageResult<Device>> list(@RequestParam(required = false) Long userId,
                                                @RequestParam(required = false) String keyword, PageQuery q) {
        return ApiResponse.ok(service.list(userId, keyword, q));
    }

    @Operation(summary = "换绑申请（status：PENDING 待审批 / APPROVED / REJECTED / CANCELLED）")
    @GetMapping("/requests")
    @SaCheckPermission("repair:device")
    public ApiResponse<PageResult<DeviceRequest>> requests(@RequestParam(required = false) String status,
                                                           @RequestParam(required = false) Long userId, PageQuery q) {
        return ApiResponse.ok(service.requests(status, userId, q));
    }

    @Operation(summary = "批准换绑：新设备生效，旧设备的登录立即失效")
    @PostMapping("/requests/{id}/approve")
    @SaCheckPermission("repair:device")
    @AuditAction("批准移动端换绑")
    public ApiResponse<DeviceRequest> approve(@PathVariable long id, @RequestBody(required = false) Decision d) {
        return ApiResponse.ok(service.approve(id, d == null ? null : d.note()));
    }

    @Operation(summary = "驳回换绑（须填原因）")
    @PostMapping("/requests/{id}/reject")
    @SaCheckPermission("repair:device")
    @AuditAction("驳回移动端换绑")
    public ApiResponse<DeviceRequest> reject(@PathVariable long id, @RequestBody(required = false) Decision d) {
        return ApiResponse.ok(service.reject(id, d == null ? null : d.note()));
    }

    @Operation(summary = "解绑设备（须填原因）；该人员下次登录的设备自动绑定")
    @PostMapping("/{userId}/unbind")
    @SaCheckPermission("repair:device")
    @AuditAction("解绑移动端设备")
    public ApiResponse<Void> unbind(@PathVariable long userId, @RequestBody(required = false) Unbind u) {
        service.unbind(userId, u == null ? null : u.reason());
        return ApiResponse.ok();
    }
}
