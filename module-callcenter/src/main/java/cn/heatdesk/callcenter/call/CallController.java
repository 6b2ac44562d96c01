package cn.heatdesk.callcenter.call;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.dev33.satoken.annotation.SaMode;
import cn.heatdesk.callcenter.gateway.CallcenterPermissions;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.audit.AuditEntry;
import cn.heatdesk.kernel.audit.AuditService;
import cn.heatdesk.kernel.web.ApiResponse;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
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

@Tag(name = "通话记录")
@RestController
@RequestMapping("/api/callcenter/calls")
public class CallController {

    private static final Logger log = LoggerFactory.getLogger(CallController.class);

    private final CallQueryService calls;
    private final CallExportService export;
    private final CallStatsService stats;
    private final AuditService audit;

    public CallController(CallQueryService calls, CallExportService export, CallStatsService stats, AuditService audit) {
        this.calls = calls;
        this.export = export;
        this.stats = stats;
        this.audit = audit;
    }

    @Operation(summary = "通话记录查询（号码精确匹配主叫或被叫；按坐席、时间、队列、结果、方向、网关、回拨状态筛选；号码按权限脱敏）")
    @GetMapping
    @SaCheckPermission("callcenter:call")
    public ApiResponse<PageResult<CallViews.CallView>> search(CallFilter filter, PageQuery query) {
        return ApiResponse.ok(calls.search(filter, query));
    }

    @Operation(summary = "实时话务指标（各队列排队数与最长等待、今日呼入呼出量、接通率、呼损率、平均等待、各坐席状态与今日计数；按数据权限）")
    @GetMapping("/stats")
    @SaCheckPermission(value = {"callcenter:call", CallcenterPermissions.WORKBENCH, CallcenterPermissions.AGENT},
            mode = SaMode.OR)
    public ApiResponse<CallStatsService.CallStats> stats() {
        return ApiResponse.ok(stats.current());
    }

    @Operation(summary = "通话详情（通道、关联工单、录音）")
    @GetMapping("/{id}")
    @SaCheckPermission("callcenter:call")
    public ApiResponse<CallViews.CallDetail> detail(@PathVariable long id) {
        return ApiResponse.ok(calls.detail(id));
    }

    @Operation(summary = "为通话关联工单")
    @PostMapping("/{id}/tickets")
    @SaCheckPermission("callcenter:call:link")
    @AuditAction("通话关联工单")
    public ApiResponse<CallViews.CallDetail> linkTicket(@PathVariable long id,
                                                        @RequestBody CallViews.LinkTicketRequest req) {
        return ApiResponse.ok(calls.linkTicket(id, req == null ? null : req.ticketId()));
    }

    @Operation(summary = "导出通话记录 Excel（按当前筛选条件，最多 100,000 行）")
    @GetMapping("/export")
    @SaCheckPermission("callcenter:call:export")
    @AuditAction(value = "导出通话记录", manual = true)
    public void export(CallFilter filter, HttpServletResponse response) throws IOException {
        String name = CallExportService.fileName();
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        long rows = export.export(filter, response.getOutputStream());
        try {
            audit.record(AuditEntry.fromContext("导出通话记录").target("GET /api/callcenter/calls/export")
                    .detail("导出 " + rows + " 行" + (rows >= CallExportService.MAX_ROWS ? "（已达上限）" : "")
                            + "；条件：" + filter.describe())
                    .httpStatus(200).success().build());
        } catch (RuntimeException e) {
            log.error("审计日志写入失败 / audit write failed for call export", e);
        }
    }
}
