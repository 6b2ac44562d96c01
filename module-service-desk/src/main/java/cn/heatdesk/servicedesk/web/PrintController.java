package cn.heatdesk.servicedesk.web;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.dev33.satoken.annotation.SaMode;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.print.PdfDocument;
import cn.heatdesk.kernel.print.PdfFonts;
import cn.heatdesk.servicedesk.api.TicketHistoryEntry;
import cn.heatdesk.servicedesk.api.TicketRow;
import cn.heatdesk.servicedesk.api.TicketView;
import cn.heatdesk.servicedesk.ticket.TicketService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The printable ticket sheet (工单打印): an HTML page for the browser's print dialog and the same sheet as PDF. */
@Tag(name = "客服中心-工单打印")
@RestController
@RequestMapping("/api/servicedesk/tickets")
public class PrintController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TicketService tickets;
    private final PdfFonts pdf;

    public PrintController(TicketService tickets, PdfFonts pdf) {
        this.tickets = tickets;
        this.pdf = pdf;
    }

    @Operation(summary = "工单打印页（HTML）")
    @GetMapping(value = "/{id}/print", produces = MediaType.TEXT_HTML_VALUE)
    @SaCheckPermission(value = {"servicedesk:ticket", "repair:pool", "monitor:ticket"}, mode = SaMode.OR)
    @AuditAction("打印工单")
    public ResponseEntity<String> html(@PathVariable long id) {
        TicketView v = tickets.detail(id);
        TicketRow t = v.ticket();
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>工单 ")
                .append(esc(t.ticketNo())).append("</title><style>")
                .append("body{font-family:'Microsoft YaHei','WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif;margin:24px;color:#222}")
                .append("h1{font-size:22px;text-align:center;margin:0 0 4px}.sub{text-align:center;color:#666;margin-bottom:16px}")
                .append("table{width:100%;border-collapse:collapse;margin-bottom:14px}td,th{border:1px solid #999;padding:6px 8px;font-size:13px;vertical-align:top}")
                .append("th{background:#f2f2f2;width:12%;text-align:left;font-weight:normal}h2{font-size:15px;margin:16px 0 6px}")
                .append(".sign td{height:48px}.noprint{text-align:right;margin-bottom:8px}@media print{.noprint{display:none}body{margin:0}}")
                .append("</style></head><body><div class=\"noprint\"><button onclick=\"window.print()\">打印</button></div>");
        h.append("<h1>供热客服工单</h1><div class=\"sub\">工单号 ").append(esc(t.ticketNo())).append(" ｜ 打印时间 ")
                .append(LocalDateTime.now().format(TIME)).append("</div>");
        h.append("<table>");
        for (List<String> row : pairs(v)) {
            h.append("<tr>");
            for (int i = 0; i < row.size(); i += 2) {
                h.append("<th>").append(esc(row.get(i))).append("</th><td").append(row.size() == 2 ? " colspan=\"3\"" : "")
                        .append(">").append(esc(row.get(i + 1))).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table><h2>处理过程</h2><table><tr><th style=\"width:16%\">时间</th><th style=\"width:14%\">环节</th>")
                .append("<th style=\"width:14%\">操作人</th><th>说明</th></tr>");
        for (TicketHistoryEntry e : v.timeline()) {
            h.append("<tr><td>").append(e.createdAt().format(TIME)).append("</td><td>").append(esc(e.actionLabel()))
                    .append("</td><td>").append(esc(e.operatorName())).append("</td><td>").append(esc(explain(e))).append("</td></tr>");
        }
        h.append("</table><table class=\"sign\"><tr><th>维修人员签字</th><td></td><th>客户签字</th><td></td></tr></table>");
        h.append("</body></html>");
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8)).body(h.toString());
    }

    @Operation(summary = "工单打印页（PDF）")
    @GetMapping(value = "/{id}/print.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @SaCheckPermission(value = {"servicedesk:ticket", "repair:pool", "monitor:ticket"}, mode = SaMode.OR)
    @AuditAction("导出工单 PDF")
    public ResponseEntity<byte[]> pdf(@PathVariable long id) {
        TicketView v = tickets.detail(id);
        TicketRow t = v.ticket();
        List<PdfDocument.KeyValue> kv = new ArrayList<>();
        for (List<String> row : pairs(v)) {
            for (int i = 0; i < row.size(); i += 2) {
                kv.add(PdfDocument.kv(row.get(i), row.get(i + 1)));
            }
        }
        List<List<String>> rows = v.timeline().stream()
                .map(e -> List.of(e.createdAt().format(TIME), e.actionLabel(), e.operatorName(), explain(e))).toList();
        byte[] bytes = pdf.newDocument()
                .title("供热客服工单")
                .subtitle("工单号 " + t.ticketNo() + " ｜ 打印时间 " + LocalDateTime.now().format(TIME))
                .keyValues(2, kv)
                .heading("处理过程")
                .table(List.of("时间", "环节", "操作人", "说明"), rows, new float[]{2.2f, 1.6f, 1.4f, 5f})
                .space(12)
                .keyValues(2, List.of(PdfDocument.kv("维修人员签字", " "), PdfDocument.kv("客户签字", " ")))
                .toBytes();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("工单-" + t.ticketNo() + ".pdf", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.APPLICATION_PDF).body(bytes);
    }

    /** the sheet's fields, two label/value pairs per row (one for long values) */
    private static List<List<String>> pairs(TicketView v) {
        TicketRow t = v.ticket();
        List<List<String>> out = new ArrayList<>();
        out.add(List.of("工单类型", t.ticketTypeLabel(), "紧急程度", t.urgencyLabel()));
        out.add(List.of("受理来源", t.sourceLabel(), "当前状态", t.statusLabel()));
        out.add(List.of("联系人", nz(t.contactName()), "联系电话", nz(t.callerPhone())));
        out.add(List.of("房屋编号", nz(t.householdCode()), "所属公司", nz(t.subsidiaryName())));
        out.add(List.of("地址", nz(t.address())));
        out.add(List.of("诉求内容", nz(v.content())));
        for (Map.Entry<String, Object> f : v.formFields().entrySet()) {
            out.add(List.of(f.getKey(), String.valueOf(f.getValue())));
        }
        out.add(List.of("受理时间", t.createdAt().format(TIME), "受理人", nz(t.createdByName())));
        out.add(List.of("处理期限", t.deadline().format(TIME), "维修站", nz(t.stationName())));
        out.add(List.of("维修人员", nz(t.workerName()), "督办/越级", (t.supervised() ? "督办 " : "") + (t.overLevel() ? "越级投诉" : "")));
        out.add(List.of("处理结果", nz(v.handlingResult())));
        return out;
    }

    private static String explain(TicketHistoryEntry e) {
        StringBuilder sb = new StringBuilder();
        if (e.fromStatus() != null && e.toStatus() != null && e.fromStatus() != e.toStatus()) {
            sb.append(e.fromStatus().label()).append(" → ").append(e.toStatus().label()).append("。");
        }
        if (e.detail() != null) {
            sb.append(e.detail()).append("。");
        }
        if (e.reason() != null) {
            sb.append("原因：").append(e.reason()).append("。");
        }
        if (e.note() != null) {
            sb.append(e.note());
        }
        return sb.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
