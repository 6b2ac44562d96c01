package cn.heatdesk.callcenter.cti;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.heatdesk.callcenter.gateway.CallcenterPermissions;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Call control (CTI) of the agent's own phone from the console. */
@Tag(name = "呼叫中心-电话控制")
@RestController
@RequestMapping("/api/callcenter/cti")
public class CtiController {

    private final CtiService cti;

    public CtiController(CtiService cti) {
        this.cti = cti;
    }

    @Operation(summary = "挂断当前通话")
    @PostMapping("/hangup")
    @SaCheckPermission(CallcenterPermissions.WORKBENCH)
    @AuditAction("坐席挂断")
    public ApiResponse<CtiViews.Result> hangup() {
        return ApiResponse.ok(cti.hangup());
    }

    @Operation(summary = "保持（对方听等待音乐，话机保持连接）")
    @PostMapping("/hold")
    @SaCheckPermission(CallcenterPermissions.WORKBENCH)
    @AuditAction("通话保持")
    public ApiResponse<CtiViews.Result> hold() {
        return ApiResponse.ok(cti.hold());
    }

    @Operation(summary = "恢复被保持的通话")
    @PostMapping("/resume")
    @SaCheckPermission(CallcenterPermissions.WORKBENCH)
    @AuditAction("恢复通话")
    public ApiResponse<CtiViews.Result> resume() {
        return ApiResponse.ok(cti.resume());
    }

    @Operation(summary = "盲转（kind=AGENT 工号 / QUEUE 队列名 / NUMBER 外线号码，外线需外呼权限）")
    @PostMapping("/transfer")
    @SaCheckPermission(CallcenterPermissions.WORKBENCH)
    @AuditAction("通话盲转")
    public ApiResponse<CtiViews.Result> transfer(@Valid @RequestBody CtiRequests.Transfer req) {
        return ApiResponse.ok(cti.blindTransfer(req));
    }

    @Operation(summary = "咨询转接：保持当前对方并呼叫目标")
    @PostMapping("/consult")
    @SaCheckPermission(CallcenterPermissions.WORKBENCH)
    @AuditAction("咨询转接")
    public ApiResponse<CtiViews.Result> consult(@Valid @RequestBody CtiRequests.Transfer req) {
        return ApiResponse.ok(cti.consult(req));
    }

    @Operation(summary = "完成咨询转接（本坐席退出，双方接通）")
    @PostMapping("/consult/complete")
    @SaCheckPermission(CallcenterPermissions.WORKBENCH)
    @AuditAction("完成咨询转接")
    public ApiResponse<CtiViews.Result> completeConsult() {
        return ApiResponse.ok(cti.completeConsult());
    }

    @Operation(summary = "取消咨询转接（挂断被咨询方，回到原通话）")
    @PostMapping("/consult/cancel")
    @SaCheckPermission(CallcenterPermissions.WORKBENCH)
    @AuditAction("取消咨询转接")
    public ApiResponse<CtiViews.Result> cancelConsult() {
        return ApiResponse.ok(cti.cancelConsult());
    }

    @Operation(summary = "在保持的通话与当前通话之间切换（咨询转接中）")
    @PostMapping("/swap")
    @SaCheckPermission(CallcenterPermissions.WORKBENCH)
    @AuditAction("切换通话")
    public ApiResponse<CtiViews.Result> swap() {
        return ApiResponse.ok(cti.swap());
    }

    @Operation(summary = "代答同事正在振铃的来电（jobNo 为空时代答本网关任一振铃的来电）")
    @PostMapping("/pickup")
    @SaCheckPermission(CallcenterPermissions.WORKBENCH)
    @AuditAction("代答来电")
    public ApiResponse<CtiViews.Result> pickup(@Valid @RequestBody(required = false) CtiRequests.Pickup req) {
        return ApiResponse.ok(cti.pickup(req));
    }

    @Operation(summary = "点击外呼（先振铃本坐席话机，摘机后拨打号码；需外呼权限，受号段规则限制）")
    @PostMapping("/dial")
    @SaCheckPermission({CallcenterPermissions.WORKBENCH, CtiService.OUTBOUND})
    @AuditAction("点击外呼")
    public ApiResponse<CtiViews.Result> dial(@Valid @RequestBody CtiRequests.Dial req) {
        return ApiResponse.ok(cti.dial(req));
    }

    @Operation(summary = "回拨未接来电（放弃或无人接听的来电记录）")
    @PostMapping("/callback/{callId}")
    @SaCheckPermission({CallcenterPermissions.WORKBENCH, CtiService.OUTBOUND})
    @AuditAction("回拨未接来电")
    public ApiResponse<CtiViews.Result> callback(@PathVariable long callId) {
        return ApiResponse.ok(cti.callback(callId));
    }
}
