package cn.heatdesk.callcenter.agent;

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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDateTime;
import java.util.List;

@Tag(name = "呼叫中心-坐席")
@RestController
@RequestMapping("/api/callcenter/agents")
public class AgentController {

    private final AgentAdminService admin;
    private final AgentService states;

    public AgentController(AgentAdminService admin, AgentService states) {
        this.admin = admin;
        this.states = states;
    }

    // ---- the agent's own workbench ----

    @Operation(summary = "我的坐席：工号、绑定话机及注册状态、当前状态、技能、可执行的操作")
    @GetMapping("/me")
    @SaCheckPermission(CallcenterPermissions.WORKBENCH)
    public ApiResponse<AgentViews.AgentView> me() {
        return ApiResponse.ok(states.me());
    }

    @Operation(summary = "签入（只能在绑定的话机上签入：填写所在话机的分机号）")
    @PostMapping("/me/sign-in")
    @SaCheckPermission(CallcenterPermissions.WORKBENCH)
    @AuditAction("坐席签入")
    public ApiResponse<AgentViews.AgentView> signIn(@Valid @RequestBody AgentRequests.SignIn req) {
        return ApiResponse.ok(states.signIn(req));
    }

    @Operation(summary = "坐席操作：SIGN_OUT 签出 / SET_BUSY 示忙（须选原因）/ SET_IDLE 示闲 / TAKE_BREAK 小休（须选原因）/ END_WRAP_UP 结束整理")
    @PostMapping("/me/state")
    @SaCheckPermission(CallcenterPermissions.WORKBENCH)
    @AuditAction("坐席状态操作")
    public ApiResponse<AgentViews.AgentView> command(@Valid @RequestBody AgentRequests.Command req) {
        return ApiResponse.ok(states.command(req));
    }

    // ---- supervisor ----

    @Operation(summary = "班长强制操作：FORCE_BUSY 强制示忙（须选原因）/ FORCE_IDLE 强制示闲 / FORCE_SIGN_OUT 强制签出")
    @PostMapping("/{id}/force")
    @SaCheckPermission(CallcenterPermissions.AGENT_SUPERVISE)
    @AuditAction("班长强制改变坐席状态")
    public ApiResponse<AgentViews.AgentView> force(@PathVariable long id, @Valid @RequestBody AgentRequests.Force req) {
        return ApiResponse.ok(states.force(id, req));
    }

    // ---- administration ----

    @Operation(summary = "坐席列表（按数据权限；含绑定话机、注册状态、当前状态和技能）")
    @GetMapping
    @SaCheckPermission(CallcenterPermissions.AGENT)
    public ApiResponse<PageResult<AgentViews.AgentView>> page(AgentFilter filter, PageQuery query) {
        return ApiResponse.ok(admin.page(filter, query));
    }

    @Operation(summary = "可设为坐席的人员（有客服坐席或班长角色、尚无坐席档案）")
    @GetMapping("/candidates")
    @SaCheckPermission(CallcenterPermissions.AGENT_EDIT)
    public ApiResponse<List<AgentViews.Candidate>> candidates() {
        return ApiResponse.ok(admin.candidates());
    }

    @Operation(summary = "坐席状态变更记录（谁、何时、为何、来源、上一状态时长）")
    @GetMapping("/state-log")
    @SaCheckPermission(CallcenterPermissions.AGENT)
    public ApiResponse<PageResult<AgentViews.StateLogView>> stateLog(
            @RequestParam(required = false) Long agentId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
            PageQuery query) {
        return ApiResponse.ok(admin.stateLog(agentId, from, to, query));
    }

    @Operation(summary = "坐席登录日志（签入、签出时间与方式）")
    @GetMapping("/sessions")
    @SaCheckPermission(CallcenterPermissions.AGENT)
    public ApiResponse<PageResult<AgentViews.SessionView>> sessions(
            @RequestParam(required = false) Long agentId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
            PageQuery query) {
        return ApiResponse.ok(admin.sessions(agentId, from, to, query));
    }

    @Operation(summary = "坐席详情")
    @GetMapping("/{id}")
    @SaCheckPermission(CallcenterPermissions.AGENT)
    public ApiResponse<AgentViews.AgentView> get(@PathVariable long id) {
        return ApiResponse.ok(admin.get(id));
    }

    @Operation(summary = "新增坐席（工号默认取用户工号；可同时绑定话机——仅集团用户——和分配技能）")
    @PostMapping
    @SaCheckPermission(CallcenterPermissions.AGENT_EDIT)
    @AuditAction("新增坐席")
    public ApiResponse<AgentViews.AgentView> create(@Valid @RequestBody AgentRequests.Create req) {
        return ApiResponse.ok(admin.create(req));
    }

    @Operation(summary = "修改坐席工号、备注（签入中不能改工号）")
    @PutMapping("/{id}")
    @SaCheckPermission(CallcenterPermissions.AGENT_EDIT)
    @AuditAction("修改坐席")
    public ApiResponse<AgentViews.AgentView> update(@PathVariable long id, @Valid @RequestBody AgentRequests.Update req) {
        return ApiResponse.ok(admin.update(id, req));
    }

    @Operation(summary = "绑定 IP 话机（一对一刚性绑定，仅集团用户；已绑定的须先解绑）")
    @PostMapping("/{id}/phone")
    @SaCheckPermission(CallcenterPermissions.AGENT_EDIT)
    @AuditAction("绑定坐席话机")
    public ApiResponse<AgentViews.AgentView> bind(@PathVariable long id, @Valid @RequestBody AgentRequests.Bind req) {
        return ApiResponse.ok(admin.bind(id, req));
    }

    @Operation(summary = "解除话机绑定（须先签出；技能队列随绑定一并清除）")
    @PostMapping("/{id}/phone/unbind")
    @SaCheckPermission(CallcenterPermissions.AGENT_EDIT)
    @AuditAction("解除坐席话机绑定")
    public ApiResponse<AgentViews.AgentView> unbind(@PathVariable long id, @Valid @RequestBody AgentRequests.Unbind req) {
        return ApiResponse.ok(admin.unbind(id, req));
    }

    @Operation(summary = "设置技能（话机所在网关的队列及技能等级 0–9；签入中即时同步到网关）")
    @PutMapping("/{id}/skills")
    @SaCheckPermission(CallcenterPermissions.AGENT_EDIT)
    @AuditAction("设置坐席技能")
    public ApiResponse<AgentViews.AgentView> skills(@PathVariable long id, @Valid @RequestBody AgentRequests.Skills req) {
        return ApiResponse.ok(admin.setSkills(id, req));
    }

    @Operation(summary = "删除坐席（须先签出）")
    @DeleteMapping("/{id}")
    @SaCheckPermission(CallcenterPermissions.AGENT_EDIT)
    @AuditAction("删除坐席")
    public ApiResponse<Void> delete(@PathVariable long id) {
        admin.delete(id);
        return ApiResponse.ok(null);
    }
}
