package cn.heatdesk.callcenter.lost;

import cn.dev33.satoken.annotation.SaCheckPermission;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** 呼损管理 (docs/lost-calls.md). A lost call is called back through the CTI: POST /api/callcenter/cti/callback/{id}. */
@Tag(name = "呼损管理")
@RestController
@RequestMapping("/api/callcenter/lost-calls")
public class LostCallController {

    private static final Logger log = LoggerFactory.getLogger(LostCallController.class);

    private final LostCallService lost;
    private final LostCallExportService export;
    private final AuditService audit;

    public LostCallController(LostCallService lost, LostCallExportService export, AuditService audit) {
        this.lost = lost;
        this.export = export;
        this.audit = audit;
    }

    @Operation(summary = "呼损列表（语音导航/排队/振铃中放弃、排队超时；处理状态、同号码重复呼损标红；默认近 7 天）")
    @GetMapping
    @SaCheckPermission(LostCallCodes.PERMISSION)
    public ApiResponse<PageResult<LostCallViews.LostCallView>> search(LostCallFilter filter, PageQuery query) {
        return ApiResponse.ok(lost.search(filter, query));
    }

    @Operation(summary = "呼损报表（按日、队列、原因；呼损率 = 排队后呼损 ÷ 进入队列的呼入，对照目标值）")
    @GetMapping("/report")
    @SaCheckPermission(LostCallCodes.PERMISSION)
    public ApiResponse<LostCallViews.Report> report(LostCallFilter filter) {
        return ApiResponse.ok(lost.report(filter));
    }

    @Operation(summary = "导出呼损明细 Excel（按当前筛选条件，最多 100,000 行）")
    @GetMapping("/export")
    @SaCheckPermission(LostCallCodes.PERMISSION_EXPORT)
    @AuditAction(value = "导出呼损明细", manual = true)
    public void exportList(LostCallFilter filter, HttpServletResponse response) throws IOException {
        attachment(response, LostCallExportService.fileName("呼损明细"));
        long rows = export.exportList(filter, response.getOutputStream());
        audit("导出呼损明细", "GET /api/callcenter/lost-calls/export", "导出 " + rows + " 行"
                + (rows >= LostCallExportService.MAX_ROWS ? "（已达上限）" : "") + "；条件：" + filter.describe());
    }

    @Operation(summary = "导出呼损报表 Excel（按日、按队列、按原因三个工作表）")
    @GetMapping("/report/export")
    @SaCheckPermission(LostCallCodes.PERMISSION_EXPORT)
    @AuditAction(value = "导出呼损报表", manual = true)
    public void exportReport(LostCallFilter filter, HttpServletResponse response) throws IOException {
        attachment(response, LostCallExportService.fileName("呼损报表"));
        LostCallViews.Report r = export.exportReport(filter, response.getOutputStream());
        audit("导出呼损报表", "GET /api/callcenter/lost-calls/report/export", "范围 " + r.from() + " ~ " + r.to()
                + "；条件：" + filter.describe());
    }

    private static void attachment(HttpServletResponse response, String name) {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private void audit(String action, String target, String detail) {
        try {
            audit.record(AuditEntry.fromContext(action).target(target).detail(detail).httpStatus(200).success().build());
        } catch (RuntimeException e) {
            log.error("审计日志写入失败 / audit write failed for {}", action, e);
        }
    }
}
