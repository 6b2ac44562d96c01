package cn.heatdesk.kernel.audit;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import cn.heatdesk.kernel.security.PermissionCodes;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.ApiResponse;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import com.alibaba.excel.EasyExcel;
import com.alibaba.excel.ExcelWriter;
import com.alibaba.excel.write.metadata.WriteSheet;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Audit log viewing, export and chain verification. Viewers whose data scope is narrower than
 * {@link DataScope#ALL} see only their own subsidiary's rows.
 */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

    private static final DateTimeFormatter SPACE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final AuditService auditService;
    private final AuditChainVerifier verifier;
    private final long exportMaxRows;

    public AuditController(AuditService auditService, AuditChainVerifier verifier,
                           @Value("${heatdesk.audit.export-max-rows:100000}") long exportMaxRows) {
        this.auditService = auditService;
        this.verifier = verifier;
        this.exportMaxRows = exportMaxRows;
    }

    @GetMapping("/logs")
    @SaCheckPermission(PermissionCodes.AUDIT_VIEW)
    public ApiResponse<PageResult<AuditRecord>> list(PageQuery page,
                                                     @RequestParam(required = false) String username,
                                                     @RequestParam(required = false) String action,
                                                     @RequestParam(required = false) String result,
                                                     @RequestParam(required = false) String from,
                                                     @RequestParam(required = false) String to) {
        return ApiResponse.ok(auditService.search(query(username, action, result, from, to), page));
    }

    @GetMapping("/logs/export")
    @SaCheckPermission(PermissionCodes.AUDIT_EXPORT)
    @AuditAction(value = "导出审计日志", manual = true)
    public void export(@RequestParam(required = false) String username,
                       @RequestParam(required = false) String action,
                       @RequestParam(required = false) String result,
                       @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to,
                       HttpServletResponse response) throws IOException {
        AuditQuery q = query(username, action, result, from, to);
        String fileName = "审计日志_" + LocalDateTime.now().format(FILE_TIME) + ".xlsx";
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
        long[] count = {0};
        try (ExcelWriter writer = EasyExcel.write(response.getOutputStream(), AuditExcelRow.class).build()) {
            WriteSheet sheet = EasyExcel.writerSheet("审计日志").build();
            count[0] = auditService.stream(q, 1000, exportMaxRows,
                    rows -> writer.write(rows.stream().map(AuditExcelRow::of).toList(), sheet));
            if (count[0] == 0) {
                writer.write(java.util.List.of(), sheet);
            }
        }
        auditService.record(AuditEntry.fromContext("导出审计日志")
                .target("GET /api/audit/logs/export")
                .detail(describe(q) + "；导出 " + count[0] + " 条" + (count[0] >= exportMaxRows ? "（已达上限）" : ""))
                .httpStatus(200).success().build());
    }

    @GetMapping("/verify")
    @SaCheckPermission(PermissionCodes.AUDIT_VERIFY)
    @AuditAction(value = "校验审计日志完整性", manual = true)
    public ApiResponse<AuditVerifyResult> verify() {
        AuditVerifyResult r = verifier.verify();
        auditService.record(AuditEntry.fromContext("校验审计日志完整性")
                .target("GET /api/audit/verify")
                .detail(r.ok() ? "完整，校验 " + r.checkedRows() + " 条" : "发现问题：序号 " + r.firstBrokenSeq() + "，" + r.reason())
                .httpStatus(200).result(r.ok() ? AuditResult.SUCCESS : AuditResult.FAILURE).build());
        return ApiResponse.ok(r);
    }

    /** Builds the filter from request parameters (the viewer's data scope is added centrally). */
    static AuditQuery query(String username, String action, String result, String from, String to) {
        AuditResult r = null;
        if (result != null && !result.isBlank()) {
            try {
                r = AuditResult.valueOf(result.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw BizException.invalid("result", "结果只能是 SUCCESS 或 FAILURE");
            }
        }
        LocalDateTime fromTime = from == null || from.isBlank() ? null : parseTime(from, "from", false);
        LocalDateTime toTime = to == null || to.isBlank() ? null : parseTime(to, "to", true);
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            throw BizException.invalid("to", "结束时间必须晚于开始时间");
        }
        return new AuditQuery(blankToNull(username), blankToNull(action), r, fromTime, toTime);
    }

    /**
     * Accepts "2024-05-01", "2024-05-01 08:30[:00]" or ISO "2024-05-01T08:30:00". For {@code to} the result is
     * exclusive: a date means the end of that day, a time means the end of that second.
     */
    static LocalDateTime parseTime(String text, String field, boolean end) {
        String s = text.strip();
        try {
            if (s.length() == 10) {
                LocalDate d = LocalDate.parse(s);
                return end ? d.plusDays(1).atStartOfDay() : d.atStartOfDay();
            }
            LocalDateTime t = s.indexOf('T') > 0 ? LocalDateTime.parse(s) : LocalDateTime.parse(s, SPACE_TIME);
            t = t.withNano(0);
            return end ? t.plusSeconds(1) : t;
        } catch (DateTimeParseException e) {
            throw BizException.invalid(field, "时间格式不正确，应为 yyyy-MM-dd 或 yyyy-MM-dd HH:mm:ss");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String describe(AuditQuery q) {
        StringBuilder sb = new StringBuilder("条件：");
        if (q.username() != null) sb.append("用户名=").append(q.username()).append(' ');
        if (q.action() != null) sb.append("操作=").append(q.action()).append(' ');
        if (q.result() != null) sb.append("结果=").append(q.result()).append(' ');
        if (q.fromInclusive() != null) sb.append("起=").append(q.fromInclusive()).append(' ');
        if (q.toExclusive() != null) sb.append("止(不含)=").append(q.toExclusive()).append(' ');
        return sb.toString().strip();
    }
}
