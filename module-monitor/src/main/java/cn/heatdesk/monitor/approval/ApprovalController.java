package cn.heatdesk.monitor.approval;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.web.ApiResponse;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.monitor.api.ApprovalRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "工单审批")
@RestController
@RequestMapping("/api/monitor/approvals")
public class ApprovalController {

    private final ApprovalService service;

    public ApprovalController(ApprovalService service) {
        this.service = service;
    }

    @Operation(summary = "提交审批（工单的延期、退回、作废、取消、免回访处结、二次派单等；原因必填，payload 为工单操作参数）")
    @PostMapping
    @SaCheckPermission("monitor:approval")
    @AuditAction("提交审批")
    public ApiResponse<ApprovalViews.Detail> submit(@RequestBody ApprovalViews.Submit body) {
        return ApiResponse.ok(service.submitForView(new ApprovalRequest(body.bizType() == null ? "TICKET" : body.bizType(),
                body.bizId(), body.action(), body.reason(), body.payload())));
    }

    @Operation(summary = "待我审批（当前层级由我所在机构及上级机构的我的角色审批）")
    @GetMapping("/pending")
    @SaCheckPermission("monitor:approval")
    public ApiResponse<PageResult<ApprovalViews.Row>> pending(ApprovalFilter filter, PageQuery query) {
        return ApiResponse.ok(service.pending(filter, query));
    }

    @Operation(summary = "我发起的审批")
    @GetMapping("/mine")
    @SaCheckPermission("monitor:approval")
    public ApiResponse<PageResult<ApprovalViews.Row>> mine(ApprovalFilter filter, PageQuery query) {
        return ApiResponse.ok(service.mine(filter, query));
    }

    @Operation(summary = "审批监控（数据权限范围内的全部审批；overdue=true 只看超时未审批的）")
    @GetMapping
    @SaCheckPermission("monitor:approval:all")
    public ApiResponse<PageResult<ApprovalViews.Row>> all(ApprovalFilter filter, PageQuery query) {
        return ApiResponse.ok(service.all(filter, query));
    }

    @Operation(summary = "某业务对象（如工单）的全部审批记录")
    @GetMapping("/by-biz")
    @SaCheckPermission("monitor:approval")
    public ApiResponse<List<ApprovalViews.Row>> byBiz(@RequestParam(defaultValue = "TICKET") String bizType,
                                                      @RequestParam long bizId) {
        return ApiResponse.ok(service.byBiz(bizType, bizId));
    }

    @Operation(summary = "审批详情（含各级审批进度）")
    @GetMapping("/{id}")
    @SaCheckPermission("monitor:approval")
    public ApiResponse<ApprovalViews.Detail> detail(@PathVariable long id) {
        return ApiResponse.ok(service.detail(id));
    }

    @Operation(summary = "同意（最后一级同意后执行工单操作）")
    @PostMapping("/{id}/approve")
    @SaCheckPermission("monitor:approval")
    @AuditAction("审批同意")
    public ApiResponse<ApprovalViews.Detail> approve(@PathVariable long id, @RequestBody(required = false) ApprovalViews.Decide body) {
        ApprovalViews.Decide b = body == null ? new ApprovalViews.Decide(null, null, null) : body;
        return ApiResponse.ok(service.approve(id, b.comment() != null ? b.comment() : b.reason(), b.expectedVersion()));
    }

    @Operation(summary = "驳回（原因必填）")
    @PostMapping("/{id}/reject")
    @SaCheckPermission("monitor:approval")
    @AuditAction("审批驳回")
    public ApiResponse<ApprovalViews.Detail> reject(@PathVariable long id, @RequestBody(required = false) ApprovalViews.Decide body) {
        ApprovalViews.Decide b = body == null ? new ApprovalViews.Decide(null, null, null) : body;
        return ApiResponse.ok(service.reject(id, b.reason() != null ? b.reason() : b.comment(), b.expectedVersion()));
    }

    @Operation(summary = "撤回（仅申请人，审批中时）")
    @PostMapping("/{id}/withdraw")
    @SaCheckPermission("monitor:approval")
    @AuditAction("撤回审批")
    public ApiResponse<ApprovalViews.Detail> withdraw(@PathVariable long id, @RequestBody(required = false) ApprovalViews.Decide body) {
        ApprovalViews.Decide b = body == null ? new ApprovalViews.Decide(null, null, null) : body;
        return ApiResponse.ok(service.withdraw(id, b.reason() != null ? b.reason() : b.comment(), b.expectedVersion()));
    }

    @Operation(summary = "催办（通知当前层级审批人；5 分钟内只能催办一次）")
    @PostMapping("/{id}/urge")
    @SaCheckPermission("monitor:approval")
    @AuditAction("催办审批")
    public ApiResponse<ApprovalViews.Detail> urge(@PathVariable long id) {
        return ApiResponse.ok(service.urge(id));
    }
}
