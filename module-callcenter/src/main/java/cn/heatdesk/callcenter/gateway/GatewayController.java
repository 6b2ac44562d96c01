package cn.heatdesk.callcenter.gateway;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.dev33.satoken.annotation.SaMode;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.web.ApiResponse;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.settings.api.DictItemOption;
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

@Tag(name = "呼叫中心-网关、话机与队列")
@RestController
@RequestMapping("/api/callcenter")
public class GatewayController {

    private final GatewayService gateways;
    private final PhoneService phones;
    private final QueueService queues;

    public GatewayController(GatewayService gateways, PhoneService phones, QueueService queues) {
        this.gateways = gateways;
        this.phones = phones;
        this.queues = queues;
    }

    // ---- gateways ----

    @Operation(summary = "网关列表（按数据权限；含实时连接状态：是否连接、Asterisk 版本、运行时长、通道数、最后事件）")
    @GetMapping("/gateways")
    @SaCheckPermission(CallcenterPermissions.GATEWAY)
    public ApiResponse<PageResult<GatewayViews.GatewayView>> page(GatewayFilter filter, PageQuery query) {
        return ApiResponse.ok(gateways.page(filter, query.validated()));
    }

    @Operation(summary = "网关详情（AMI 密码从不返回，只返回是否已设置）")
    @GetMapping("/gateways/{id}")
    @SaCheckPermission(CallcenterPermissions.GATEWAY)
    public ApiResponse<GatewayViews.GatewayView> get(@PathVariable long id) {
        return ApiResponse.ok(gateways.get(id));
    }

    @Operation(summary = "新增网关（AMI 密码 SM4 加密保存）")
    @PostMapping("/gateways")
    @SaCheckPermission(CallcenterPermissions.GATEWAY_EDIT)
    @AuditAction("新增呼叫网关")
    public ApiResponse<GatewayViews.GatewayView> create(@Valid @RequestBody GatewayRequests.GatewaySave req) {
        return ApiResponse.ok(gateways.create(req));
    }

    @Operation(summary = "修改网关（AMI 密码留空则不变；保存后 AMI 连接按新配置重连）")
    @PutMapping("/gateways/{id}")
    @SaCheckPermission(CallcenterPermissions.GATEWAY_EDIT)
    @AuditAction("修改呼叫网关")
    public ApiResponse<GatewayViews.GatewayView> update(@PathVariable long id, @Valid @RequestBody GatewayRequests.GatewaySave req) {
        return ApiResponse.ok(gateways.update(id, req));
    }

    @Operation(summary = "启用/停用网关（有坐席签入时不能停用）")
    @PostMapping("/gateways/{id}/enabled")
    @SaCheckPermission(CallcenterPermissions.GATEWAY_EDIT)
    @AuditAction("启用/停用呼叫网关")
    public ApiResponse<GatewayViews.GatewayView> enable(@PathVariable long id, @Valid @RequestBody GatewayRequests.Enabled req) {
        return ApiResponse.ok(gateways.enable(id, req.enabled()));
    }

    @Operation(summary = "删除网关（仅限没有话机、队列和坐席的网关）")
    @DeleteMapping("/gateways/{id}")
    @SaCheckPermission(CallcenterPermissions.GATEWAY_EDIT)
    @AuditAction("删除呼叫网关")
    public ApiResponse<Void> delete(@PathVariable long id) {
        gateways.delete(id);
        return ApiResponse.ok(null);
    }

    // ---- phones ----

    @Operation(summary = "IP 话机列表（含注册状态与绑定的坐席）")
    @GetMapping("/phones")
    @SaCheckPermission(value = {CallcenterPermissions.PHONE, CallcenterPermissions.AGENT}, mode = SaMode.OR)
    public ApiResponse<PageResult<GatewayViews.PhoneView>> phones(PhoneFilter filter, PageQuery query) {
        return ApiResponse.ok(phones.page(filter, query.validated()));
    }

    @Operation(summary = "IP 话机详情（SIP 密码从不返回）")
    @GetMapping("/phones/{id}")
    @SaCheckPermission(value = {CallcenterPermissions.PHONE, CallcenterPermissions.AGENT}, mode = SaMode.OR)
    public ApiResponse<GatewayViews.PhoneView> phone(@PathVariable long id) {
        return ApiResponse.ok(phones.get(id));
    }

    @Operation(summary = "新增 IP 话机（SIP 密码留空则自动生成）")
    @PostMapping("/phones")
    @SaCheckPermission(CallcenterPermissions.PHONE_EDIT)
    @AuditAction("新增 IP 话机")
    public ApiResponse<GatewayViews.PhoneView> createPhone(@Valid @RequestBody GatewayRequests.PhoneSave req) {
        return ApiResponse.ok(phones.create(req));
    }

    @Operation(summary = "修改 IP 话机（SIP 密码留空则不变）")
    @PutMapping("/phones/{id}")
    @SaCheckPermission(CallcenterPermissions.PHONE_EDIT)
    @AuditAction("修改 IP 话机")
    public ApiResponse<GatewayViews.PhoneView> updatePhone(@PathVariable long id, @Valid @RequestBody GatewayRequests.PhoneSave req) {
        return ApiResponse.ok(phones.update(id, req));
    }

    @Operation(summary = "删除 IP 话机（已绑定坐席的须先解绑）")
    @DeleteMapping("/phones/{id}")
    @SaCheckPermission(CallcenterPermissions.PHONE_EDIT)
    @AuditAction("删除 IP 话机")
    public ApiResponse<Void> deletePhone(@PathVariable long id) {
        phones.delete(id);
        return ApiResponse.ok(null);
    }

    // ---- queues & skills ----

    @Operation(summary = "技能列表（字典 cc_skill：报修、投诉、咨询、缴费…）")
    @GetMapping("/skills")
    @SaCheckPermission(value = {CallcenterPermissions.QUEUE, CallcenterPermissions.AGENT}, mode = SaMode.OR)
    public ApiResponse<List<DictItemOption>> skills() {
        return ApiResponse.ok(queues.skills());
    }

    @Operation(summary = "队列列表（按网关、技能筛选；含成员数）")
    @GetMapping("/queues")
    @SaCheckPermission(value = {CallcenterPermissions.QUEUE, CallcenterPermissions.AGENT}, mode = SaMode.OR)
    public ApiResponse<List<GatewayViews.QueueView>> queues(@RequestParam(required = false) Long gatewayId,
                                                            @RequestParam(required = false) String skillCode) {
        return ApiResponse.ok(queues.list(gatewayId, skillCode));
    }

    @Operation(summary = "新增队列")
    @PostMapping("/queues")
    @SaCheckPermission(CallcenterPermissions.QUEUE_EDIT)
    @AuditAction("新增呼叫队列")
    public ApiResponse<GatewayViews.QueueView> createQueue(@Valid @RequestBody GatewayRequests.QueueSave req) {
        return ApiResponse.ok(queues.create(req));
    }

    @Operation(summary = "修改队列")
    @PutMapping("/queues/{id}")
    @SaCheckPermission(CallcenterPermissions.QUEUE_EDIT)
    @AuditAction("修改呼叫队列")
    public ApiResponse<GatewayViews.QueueView> updateQueue(@PathVariable long id, @Valid @RequestBody GatewayRequests.QueueSave req) {
        return ApiResponse.ok(queues.update(id, req));
    }

    @Operation(summary = "删除队列（有坐席成员时不能删除）")
    @DeleteMapping("/queues/{id}")
    @SaCheckPermission(CallcenterPermissions.QUEUE_EDIT)
    @AuditAction("删除呼叫队列")
    public ApiResponse<Void> deleteQueue(@PathVariable long id) {
        queues.delete(id);
        return ApiResponse.ok(null);
    }
}
