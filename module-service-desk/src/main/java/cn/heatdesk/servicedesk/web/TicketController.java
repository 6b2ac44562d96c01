package cn.heatdesk.servicedesk.web;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.dev33.satoken.stp.StpUtil;
import cn.heatdesk.baseinfo.api.CoverageApi;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.web.ApiResponse;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.servicedesk.api.TicketAction;
import cn.heatdesk.servicedesk.api.TicketCommand;
import cn.heatdesk.servicedesk.api.TicketCreate;
import cn.heatdesk.servicedesk.api.TicketHistoryEntry;
import cn.heatdesk.servicedesk.api.TicketOrigin;
import cn.heatdesk.servicedesk.api.TicketQueryParams;
import cn.heatdesk.servicedesk.api.TicketRow;
import cn.heatdesk.servicedesk.api.TicketView;
import cn.heatdesk.servicedesk.config.DeadlineService;
import cn.heatdesk.servicedesk.ticket.TicketService;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@Tag(name = "客服中心-工单")
@RestController
@RequestMapping("/api/servicedesk/tickets")
public class TicketController {

    /** what the service desk may do from its own pages; the station's actions live in the repair module */
    static final Map<TicketAction, String> DESK_ACTIONS = new HashMap<>();

    static {
        for (TicketAction a : EnumSet.of(TicketAction.DISPATCH, TicketAction.REDISPATCH, TicketAction.SECOND_DISPATCH,
                TicketAction.TRANSFER, TicketAction.COLLABORATE)) {
            DESK_ACTIONS.put(a, "servicedesk:ticket:dispatch");
        }
        for (TicketAction a : EnumSet.of(TicketAction.URGE, TicketAction.NOTE, TicketAction.EDIT, TicketAction.DESK_RESOLVE,
                TicketAction.PASS_NODE, TicketAction.DELAY, TicketAction.VOID, TicketAction.CANCEL)) {
            DESK_ACTIONS.put(a, "servicedesk:ticket:operate");
        }
        DESK_ACTIONS.put(TicketAction.VISIT, "servicedesk:visit:do");
        DESK_ACTIONS.put(TicketAction.CLOSE_WITHOUT_VISIT, "servicedesk:visit:do");
        DESK_ACTIONS.put(TicketAction.SUPERVISE, "servicedesk:ticket:supervise");
        DESK_ACTIONS.put(TicketAction.FEEDBACK, "servicedesk:ticket:supervise");
        DESK_ACTIONS.put(TicketAction.REPORT_PROGRESS, "servicedesk:ticket:operate");
    }

    public record DeadlinePreview(int minutes, LocalDateTime deadline, Long ruleId) {
    }

    public record StationSuggestion(Long stationOrgId, String stationName) {
    }

    public record AttachRequest(List<Long> fileIds, String stage) {
    }


    private final TicketService tickets;
    private final DeadlineService deadlines;
    private final CoverageApi coverage;
    private final OrgApi orgs;

    public TicketController(TicketService tickets, DeadlineService deadlines, CoverageApi coverage, OrgApi orgs) {
        this.tickets = tickets;
        this.deadlines = deadlines;
        this.coverage = coverage;
        this.orgs = orgs;
    }

    @Operation(summary = "受理新工单（dispatchNow=true 时按服务区域或所选维修站立即派单）")
    @PostMapping
    @SaCheckPermission("servicedesk:ticket:create")
    @AuditAction("受理工单")
    public ApiResponse<TicketView> create(@RequestBody TicketCreate req) {
        return ApiResponse.ok(tickets.create(req, TicketOrigin.WEB));
    }

    @Operation(summary = "工单列表（工单池 pool、组合筛选、分页排序）")
    @GetMapping
    @SaCheckPermission("servicedesk:ticket")
    public ApiResponse<PageResult<TicketRow>> page(TicketQueryParams f, PageQuery query) {
        return ApiResponse.ok(tickets.search(f.toFilter(), query));
    }

    @Operation(summary = "各工单池的数量")
    @GetMapping("/pool-counts")
    @SaCheckPermission("servicedesk:ticket")
    public ApiResponse<Map<String, Long>> poolCounts() {
        return ApiResponse.ok(tickets.poolCounts());
    }

    @Operation(summary = "工单详情（含全流程记录、回访、附件、当前可执行的操作）")
    @GetMapping("/{id}")
    @SaCheckPermission(value = {"servicedesk:ticket", "repair:pool", "monitor:ticket"}, mode = cn.dev33.satoken.annotation.SaMode.OR)
    public ApiResponse<TicketView> detail(@PathVariable long id) {
        return ApiResponse.ok(tickets.detail(id));
    }

    @Operation(summary = "工单流转记录")
    @GetMapping("/{id}/timeline")
    @SaCheckPermission(value = {"servicedesk:ticket", "repair:pool", "monitor:ticket"}, mode = cn.dev33.satoken.annotation.SaMode.OR)
    public ApiResponse<List<TicketHistoryEntry>> timeline(@PathVariable long id) {
        return ApiResponse.ok(tickets.timeline(id));
    }

    @Operation(summary = "执行工单操作（派单、改派、催办、督办、回访、二次派单等；expectedVersion 为乐观锁版本）")
    @PostMapping("/{id}/actions")
    @SaCheckPermission("servicedesk:ticket")
    @AuditAction("工单操作")
    public ApiResponse<TicketView> act(@PathVariable long id, @RequestBody TicketCommand cmd) {
        if (cmd == null || cmd.action() == null) {
            throw BizException.invalid("action", "请指定操作");
        }
        String perm = DESK_ACTIONS.get(cmd.action());
        if (perm == null) {
            throw BizException.invalid("action", "客服中心不能执行“" + cmd.action().label() + "”");
        }
        StpUtil.checkPermission(perm);
        return ApiResponse.ok(tickets.perform(id, cmd, TicketOrigin.WEB));
    }

    @Operation(summary = "为工单追加附件（文件先经 /api/files 上传）")
    @PostMapping("/{id}/attachments")
    @SaCheckPermission("servicedesk:ticket")
    @AuditAction("追加工单附件")
    public ApiResponse<TicketView> attach(@PathVariable long id, @RequestBody AttachRequest req) {
        return ApiResponse.ok(tickets.addAttachments(id, req.fileIds(), req.stage()));
    }

    @Operation(summary = "按类型、紧急程度、来源预览处理期限")
    @GetMapping("/deadline-preview")
    @SaCheckPermission("servicedesk:ticket")
    public ApiResponse<DeadlinePreview> deadlinePreview(@RequestParam String ticketType, @RequestParam String urgency,
                                                        @RequestParam String source, @RequestParam(required = false) Long subsidiaryId) {
        long sub = subsidiaryId != null ? subsidiaryId
                : cn.heatdesk.kernel.security.SecurityContext.current().map(u -> u.subsidiaryId() == null ? 0L : u.subsidiaryId()).orElse(0L);
        DeadlineService.Deadline d = deadlines.resolve(ticketType, urgency, source, sub);
        return ApiResponse.ok(new DeadlinePreview(d.limitMinutes(), d.deadline(LocalDateTime.now()), d.ruleId()));
    }

    @Operation(summary = "按房屋所在服务区域建议维修站")
    @GetMapping("/station-suggestion")
    @SaCheckPermission("servicedesk:ticket")
    public ApiResponse<StationSuggestion> stationSuggestion(@RequestParam long householdId) {
        return ApiResponse.ok(coverage.stationForHousehold(householdId).flatMap(orgs::find)
                .map(o -> new StationSuggestion(o.id(), o.orgName())).orElse(new StationSuggestion(null, null)));
    }
}
