package cn.heatdesk.callcenter.supervisor;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.heatdesk.callcenter.gateway.CallcenterPermissions;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.web.ApiResponse;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDateTime;

/** 班长监控: listen / whisper / barge / force release / intercept, the queue board and its priorities, the log. */
@Tag(name = "呼叫中心-班长监控")
@RestController
@RequestMapping("/api/callcenter/supervisor")
public class SupervisorController {

    private final SupervisorService supervisor;

    public SupervisorController(SupervisorService supervisor) {
        this.supervisor = supervisor;
    }

    @Operation(summary = "监听坐席通话（先振铃班长绑定的话机，摘机后只听不说）")
    @PostMapping("/agents/{agentId}/listen")
    @SaCheckPermission(CallcenterPermissions.AGENT_SUPERVISE)
    @AuditAction("班长监听")
    public ApiResponse<SupervisorViews.Result> listen(@PathVariable long agentId) {
        return ApiResponse.ok(supervisor.spy(agentId, SupervisorActions.SpyMode.LISTEN));
    }

    @Operation(summary = "耳语（只有坐席听得到班长）")
    @PostMapping("/agents/{agentId}/whisper")
    @SaCheckPermission(CallcenterPermissions.AGENT_SUPERVISE)
    @AuditAction("班长耳语")
    public ApiResponse<SupervisorViews.Result> whisper(@PathVariable long agentId) {
        return ApiResponse.ok(supervisor.spy(agentId, SupervisorActions.SpyMode.WHISPER));
    }

    @Operation(summary = "强插（三方通话：客户和坐席都听得到班长）")
    @PostMapping("/agents/{agentId}/barge")
    @SaCheckPermission(CallcenterPermissions.AGENT_SUPERVISE)
    @AuditAction("班长强插")
    public ApiResponse<SupervisorViews.Result> barge(@PathVariable long agentId) {
        return ApiResponse.ok(supervisor.spy(agentId, SupervisorActions.SpyMode.BARGE));
    }

    @Operation(summary = "强拆（结束坐席当前通话）")
    @PostMapping("/agents/{agentId}/release")
    @SaCheckPermission(CallcenterPermissions.AGENT_SUPERVISE)
    @AuditAction("班长强拆")
    public ApiResponse<SupervisorViews.Result> release(@PathVariable long agentId) {
        return ApiResponse.ok(supervisor.release(agentId));
    }

    @Operation(summary = "拦截（客户转到班长话机，坐席退出）")
    @PostMapping("/agents/{agentId}/intercept")
    @SaCheckPermission(CallcenterPermissions.AGENT_SUPERVISE)
    @AuditAction("班长拦截")
    public ApiResponse<SupervisorViews.Result> intercept(@PathVariable long agentId) {
        return ApiResponse.ok(supervisor.intercept(agentId));
    }

    @Operation(summary = "队列监控：各队列排队中的来电（号码、房屋、等待时长、位置）和坐席状态")
    @GetMapping("/board")
    @SaCheckPermission(CallcenterPermissions.SUPERVISOR)
    public ApiResponse<SupervisorViews.Board> board() {
        return ApiResponse.ok(supervisor.board());
    }

    @Operation(summary = "手动干预排队：mode=FRONT 排到队首 / AGENT 转给指定的空闲坐席（agentId）")
    @PostMapping("/queue/prioritize")
    @SaCheckPermission(CallcenterPermissions.AGENT_SUPERVISE)
    @AuditAction("班长干预排队")
    public ApiResponse<SupervisorViews.Result> prioritize(@Valid @RequestBody SupervisorRequests.Prioritize req) {
        return ApiResponse.ok(supervisor.prioritize(req));
    }

    @Operation(summary = "班长操作记录（按数据权限）")
    @GetMapping("/actions")
    @SaCheckPermission(CallcenterPermissions.SUPERVISOR)
    public ApiResponse<PageResult<SupervisorViews.LogView>> actions(
            @RequestParam(required = false) String action, @RequestParam(required = false) String result,
            @RequestParam(required = false) String linkedid,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
            PageQuery query) {
        return ApiResponse.ok(supervisor.log(action, result, linkedid, from, to, query));
    }
}
