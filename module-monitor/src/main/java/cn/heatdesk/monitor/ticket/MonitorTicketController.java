package cn.heatdesk.monitor.ticket;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.audit.AuditEntry;
import cn.heatdesk.kernel.audit.AuditService;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.web.ApiResponse;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.servicedesk.api.TicketApi;
import cn.heatdesk.servicedesk.api.TicketCommand;
import cn.heatdesk.servicedesk.api.TicketFilter;
import cn.heatdesk.servicedesk.api.TicketOrigin;
import cn.heatdesk.servicedesk.api.TicketQueryParams;
import cn.heatdesk.servicedesk.api.TicketRow;
import cn.heatdesk.servicedesk.api.TicketView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** 工单管理: every ticket of the user's data scope, admin operations with a reason, export. */
@Tag(name = "工单管理（监控中心）")
@RestController
@RequestMapping("/api/monitor/tickets")
public class MonitorTicketController {

    private static final Logger log = LoggerFactory.getLogger(MonitorTicketController.class);
    static final int REASON_MAX = 500;

    private final TicketApi tickets;
    private final TicketExportService export;
    private final AuditService audit;

    public MonitorTicketController(TicketApi tickets, TicketExportService export, AuditService audit) {
        this.tickets = tickets;
        this.export = export;
        this.audit = audit;
    }

    @Operation(summary = "全部工单（按数据权限；组合条件：工单号、关键字模糊、状态多选、类型、来源、紧急程度、督办/越级、机构、时间、时效）")
    @GetMapping
    @SaCheckPermission("monitor:ticket")
    public ApiResponse<PageResult<TicketRow>> page(TicketQueryParams params, PageQuery query) {
        return ApiResponse.ok(tickets.search(params.toFilter(), query));
    }

    @Operation(summary = "工单详情与全生命周期时间线")
    @GetMapping("/{id}")
    @SaCheckPermission("monitor:ticket")
    public ApiResponse<TicketView> detail(@PathVariable long id) {
        return ApiResponse.ok(tickets.detail(id));
    }

    @Operation(summary = "管理操作（任意工单操作，原因必填；需要审批的操作返回 409 APPROVAL_REQUIRED，请改走提交审批）")
    @PostMapping("/{id}/actions")
    @SaCheckPermission("monitor:ticket:operate")
    @AuditAction("工单管理操作")
    public ApiResponse<TicketView> perform(@PathVariable long id, @RequestBody TicketCommand command) {
        if (command == null || command.action() == null) {
            throw BizException.invalid("action", "请选择要执行的操作");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw BizException.invalid("reason", "管理操作必须填写原因");
        }
        if (command.reason().strip().length() > REASON_MAX) {
            throw BizException.invalid("reason", "原因不能超过 " + REASON_MAX + " 个字符");
        }
        return ApiResponse.ok(tickets.perform(id, command, TicketOrigin.WEB));
    }

    @Operation(summary = "导出工单 Excel（按当前筛选条件，最多 100,000 行）")
    @GetMapping("/export")
    @SaCheckPermission("monitor:ticket:export")
    @AuditAction(value = "导出工单", manual = true)
    public void export(TicketQueryParams params, HttpServletResponse response) throws IOException {
        // filter errors still answer as JSON: nothing is written before this
        TicketFilter filter = params.toFilter();
        String name = TicketExportService.fileName();
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        long started = System.nanoTime();
        long rows = export.export(filter, response.getOutputStream());
        long ms = (System.nanoTime() - started) / 1_000_000;
        try {
            audit.record(AuditEntry.fromContext("导出工单").target("GET /api/monitor/tickets/export")
                    .detail("导出 " + rows + " 行" + (rows >= TicketExportService.MAX_ROWS ? "（已达上限 "
                            + TicketExportService.MAX_ROWS + " 行，其余未导出）" : "") + "，用时 " + ms + " ms；条件："
                            + params.describe())
                    .httpStatus(200).success().build());
        } catch (RuntimeException e) {
            log.error("审计日志写入失败 / audit write failed for ticket export", e);
        }
    }
}
