package cn.heatdesk.servicedesk.web;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.dev33.satoken.annotation.SaMode;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.web.ApiResponse;
import cn.heatdesk.servicedesk.config.DeadlineRule;
import cn.heatdesk.servicedesk.config.DeadlineService;
import cn.heatdesk.servicedesk.config.FlowService;
import cn.heatdesk.servicedesk.visit.VisitService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

@Tag(name = "客服中心-工单配置与回访")
@RestController
@RequestMapping("/api/servicedesk")
public class ConfigController {

    public record StationOption(Long id, String orgCode, String orgName, Long subsidiaryId, String subsidiaryName,
                                boolean enabled) {
    }

    private final DeadlineService deadlines;
    private final FlowService flow;
    private final VisitService visits;
    private final OrgApi orgs;

    public ConfigController(DeadlineService deadlines, FlowService flow, VisitService visits, OrgApi orgs) {
        this.deadlines = deadlines;
        this.flow = flow;
        this.visits = visits;
        this.orgs = orgs;
    }

    @Operation(summary = "可派单的维修站（本人数据范围内的启用维修站）")
    @GetMapping("/stations")
    @SaCheckPermission(value = {"servicedesk:ticket", "repair:pool", "monitor:ticket"}, mode = SaMode.OR)
    public ApiResponse<List<StationOption>> stations() {
        cn.heatdesk.kernel.security.CurrentUser u = cn.heatdesk.kernel.security.SecurityContext.require();
        List<OrgInfo> all = orgs.root().map(r -> orgs.subtree(r.id())).orElse(List.of());
        Map<Long, String> names = new HashMap<>();
        all.forEach(o -> names.put(o.id(), o.orgName()));
        boolean everything = u.dataScope() == cn.heatdesk.kernel.security.DataScope.ALL;
        return ApiResponse.ok(all.stream()
                .filter(o -> "REPAIR_STATION".equals(o.orgType()) && o.enabled())
                .filter(o -> everything || (u.subsidiaryId() != null && u.subsidiaryId().equals(o.subsidiaryId())))
                .map(o -> new StationOption(o.id(), o.orgCode(), o.orgName(), o.subsidiaryId(), names.get(o.subsidiaryId()), true))
                .toList());
    }


    @Operation(summary = "超时规则列表（subsidiaryId=0 为集团默认）")
    @GetMapping("/deadline-rules")
    @SaCheckPermission(value = {"servicedesk:config", "servicedesk:ticket"}, mode = SaMode.OR)
    public ApiResponse<List<DeadlineRule>> rules(@RequestParam(required = false) String ticketType,
                                                 @RequestParam(required = false) Long subsidiaryId) {
        return ApiResponse.ok(deadlines.list(ticketType, subsidiaryId));
    }

    @PostMapping("/deadline-rules")
    @SaCheckPermission("servicedesk:config")
    @AuditAction("新增超时规则")
    public ApiResponse<DeadlineRule> createRule(@RequestBody DeadlineService.RuleRequest req) {
        return ApiResponse.ok(deadlines.create(req));
    }

    @PutMapping("/deadline-rules/{id}")
    @SaCheckPermission("servicedesk:config")
    @AuditAction("修改超时规则")
    public ApiResponse<DeadlineRule> updateRule(@PathVariable long id, @RequestBody DeadlineService.RuleRequest req) {
        return ApiResponse.ok(deadlines.update(id, req));
    }

    @DeleteMapping("/deadline-rules/{id}")
    @SaCheckPermission("servicedesk:config")
    @AuditAction("删除超时规则")
    public ApiResponse<Void> deleteRule(@PathVariable long id) {
        deadlines.delete(id);
        return ApiResponse.ok();
    }

    @Operation(summary = "分公司的工单流程模板（核心节点不可删除，扩展节点可配置）")
    @GetMapping("/flow-nodes")
    @SaCheckPermission(value = {"servicedesk:config", "servicedesk:ticket"}, mode = SaMode.OR)
    public ApiResponse<List<FlowService.NodeView>> flow(@RequestParam long subsidiaryId) {
        return ApiResponse.ok(flow.template(subsidiaryId));
    }

    @PostMapping("/flow-nodes")
    @SaCheckPermission("servicedesk:config")
    @AuditAction("新增流程扩展节点")
    public ApiResponse<FlowService.NodeView> createNode(@RequestBody FlowService.NodeRequest req) {
        return ApiResponse.ok(flow.create(req));
    }

    @PutMapping("/flow-nodes/{id}")
    @SaCheckPermission("servicedesk:config")
    @AuditAction("修改流程扩展节点")
    public ApiResponse<FlowService.NodeView> updateNode(@PathVariable long id, @RequestBody FlowService.NodeRequest req) {
        return ApiResponse.ok(flow.update(id, req));
    }

    @DeleteMapping("/flow-nodes/{id}")
    @SaCheckPermission("servicedesk:config")
    @AuditAction("删除流程扩展节点")
    public ApiResponse<Void> deleteNode(@PathVariable long id) {
        flow.delete(id);
        return ApiResponse.ok();
    }

    @GetMapping("/visit-templates")
    @SaCheckPermission(value = {"servicedesk:config", "servicedesk:visit"}, mode = SaMode.OR)
    public ApiResponse<List<VisitService.TemplateView>> templates() {
        return ApiResponse.ok(visits.templates());
    }

    @PostMapping("/visit-templates")
    @SaCheckPermission("servicedesk:config")
    @AuditAction("新增回访模板")
    public ApiResponse<VisitService.TemplateView> createTemplate(@RequestBody VisitService.TemplateRequest req) {
        return ApiResponse.ok(visits.create(req));
    }

    @PutMapping("/visit-templates/{id}")
    @SaCheckPermission("servicedesk:config")
    @AuditAction("修改回访模板")
    public ApiResponse<VisitService.TemplateView> updateTemplate(@PathVariable long id, @RequestBody VisitService.TemplateRequest req) {
        return ApiResponse.ok(visits.update(id, req));
    }

    @Operation(summary = "回访闭环统计（按完成时间）")
    @GetMapping("/visits/stats")
    @SaCheckPermission("servicedesk:visit")
    public ApiResponse<VisitService.Stats> stats(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
                                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to) {
        return ApiResponse.ok(visits.stats(from, to));
    }
}
