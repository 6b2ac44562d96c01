package cn.heatdesk.repair.mobile.review;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.audit.AuditEntry;
import cn.heatdesk.kernel.audit.AuditService;
import cn.heatdesk.kernel.web.ApiResponse;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.repair.mobile.sync.CheckIn;
import cn.heatdesk.repair.mobile.sync.SyncOp;
import com.alibaba.excel.EasyExcel;
import com.alibaba.excel.ExcelWriter;
import com.alibaba.excel.write.metadata.WriteSheet;
import com.alibaba.excel.write.style.column.SimpleColumnWidthStyleStrategy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

@Tag(name = "移动端被拒操作与签到记录（维修站）")
@RestController
@RequestMapping("/api/repair")
public class ReviewController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final List<String> CHECK_IN_HEAD = List.of("人员", "签到类型", "工单号", "纬度", "经度", "定位精度（米）", "地点",
            "签到时间（设备）", "到达服务器时间", "设备");

    private final ReviewService service;
    private final AuditService audit;

    public ReviewController(ReviewService service, AuditService audit) {
        this.service = service;
        this.audit = audit;
    }

    public record Resolve(String note) {
    }

    @Operation(summary = "移动端被拒绝的操作（按维修站数据权限）；筛选：人员、工单、原因代码、时间、是否已处理")
    @GetMapping("/sync/rejected")
    @SaCheckPermission("repair:sync:review")
    public ApiResponse<PageResult<SyncOp>> rejected(
            @RequestParam(required = false) Long workerId, @RequestParam(required = false) Long ticketId,
            @RequestParam(required = false) String ticketNo, @RequestParam(required = false) String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
            @RequestParam(required = false) Boolean resolved, PageQuery q) {
        return ApiResponse.ok(service.rejected(new ReviewService.RejectedFilter(workerId, ticketId, ticketNo, code, from,
                to, resolved), q));
    }

    @Operation(summary = "处理被拒绝的操作（须填处理说明）")
    @PostMapping("/sync/rejected/{opId}/resolve")
    @SaCheckPermission("repair:sync:review")
    @AuditAction("处理移动端被拒操作")
    public ApiResponse<SyncOp> resolve(@PathVariable String opId, @RequestBody(required = false) Resolve r) {
        return ApiResponse.ok(service.resolve(opId, r == null ? null : r.note()));
    }

    @Operation(summary = "签到记录（每日签到 DAILY / 现场签到 SITE，按维修站数据权限）")
    @GetMapping("/check-ins")
    @SaCheckPermission("repair:checkin")
    public ApiResponse<PageResult<CheckIn>> checkIns(
            @RequestParam(required = false) Long workerId, @RequestParam(required = false) String checkType,
            @RequestParam(required = false) Long ticketId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
            PageQuery q) {
        return ApiResponse.ok(service.checkIns(new ReviewService.CheckInFilter(workerId, checkType, ticketId, from, to), q));
    }

    @Operation(summary = "导出签到记录 Excel（按当前筛选条件，最多 100,000 行）")
    @GetMapping("/check-ins/export")
    @SaCheckPermission("repair:checkin")
    @AuditAction(value = "导出签到记录", manual = true)
    public void export(@RequestParam(required = false) Long workerId, @RequestParam(required = false) String checkType,
                       @RequestParam(required = false) Long ticketId,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
                       HttpServletResponse response) throws IOException {
        ReviewService.CheckInFilter f = new ReviewService.CheckInFilter(workerId, checkType, ticketId, from, to);
        service.validate(f);
        String name = "签到记录_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + ".xlsx";
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        int rows;
        List<List<String>> head = CHECK_IN_HEAD.stream().map(List::of).toList();
        try (ExcelWriter writer = EasyExcel.write(response.getOutputStream()).head(head)
                .registerWriteHandler(new SimpleColumnWidthStyleStrategy(16)).build()) {
            WriteSheet sheet = EasyExcel.writerSheet("签到记录").build();
            boolean[] any = {false};
            rows = service.exportCheckIns(f, chunk -> {
                List<List<Object>> lines = new ArrayList<>(chunk.size());
                chunk.forEach(c -> lines.add(line(c)));
                writer.write(lines, sheet);
                any[0] = true;
            });
            if (!any[0]) {
                writer.write(List.<List<Object>>of(), sheet); // the header row of an empty export
            }
        }
        audit.record(AuditEntry.fromContext("导出签到记录").target("GET /api/repair/check-ins/export")
                .detail("导出 " + rows + " 行").httpStatus(200).success().build());
    }

    static List<Object> line(CheckIn c) {
        return Arrays.asList(c.userName, "SITE".equals(c.checkType) ? "现场签到" : "每日签到", c.ticketNo,
                c.lat == null ? null : c.lat.toPlainString(), c.lng == null ? null : c.lng.toPlainString(),
                c.accuracy == null ? null : c.accuracy.toPlainString(), c.address, time(c.clientTime),
                time(c.serverTime), c.deviceId);
    }

    private static String time(LocalDateTime t) {
        return t == null ? null : t.format(TIME);
    }
}
