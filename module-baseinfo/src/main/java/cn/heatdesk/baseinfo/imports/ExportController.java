package cn.heatdesk.baseinfo.imports;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.audit.AuditEntry;
import cn.heatdesk.kernel.audit.AuditService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/** Streamed Excel exports of the base data, in the import layout. */
@Tag(name = "基础数据导出")
@RestController
@RequestMapping("/api/baseinfo/export")
public class ExportController {

    private static final Logger log = LoggerFactory.getLogger(ExportController.class);

    private final ExportService service;
    private final AuditService audit;

    public ExportController(ExportService service, AuditService audit) {
        this.service = service;
        this.audit = audit;
    }

    @Operation(summary = "导出楼宇信息（节点）")
    @GetMapping("/nodes")
    @SaCheckPermission("baseinfo:export")
    @AuditAction(value = "导出基础数据", manual = true)
    public void nodes(ExportFilter filter, HttpServletResponse response) throws IOException {
        export(ImportKind.NODE, filter, response, "/api/baseinfo/export/nodes");
    }

    @Operation(summary = "导出房屋信息")
    @GetMapping("/households")
    @SaCheckPermission("baseinfo:export")
    @AuditAction(value = "导出基础数据", manual = true)
    public void households(ExportFilter filter, HttpServletResponse response) throws IOException {
        export(ImportKind.HOUSEHOLD, filter, response, "/api/baseinfo/export/households");
    }

    @Operation(summary = "导出热用户")
    @GetMapping("/customers")
    @SaCheckPermission("baseinfo:export")
    @AuditAction(value = "导出基础数据", manual = true)
    public void customers(ExportFilter filter, HttpServletResponse response) throws IOException {
        export(ImportKind.CUSTOMER, filter, response, "/api/baseinfo/export/customers");
    }

    private void export(ImportKind kind, ExportFilter filter, HttpServletResponse response, String path) throws IOException {
        // filter errors (unknown node, bad status) still answer as JSON: nothing is written before this
        ExportFilter f = service.prepare(filter);
        ImportController.attachment(response, ExportService.fileName(kind));
        long started = System.nanoTime();
        long rows = service.export(kind, f, response.getOutputStream());
        long ms = (System.nanoTime() - started) / 1_000_000;
        try {
            audit.record(AuditEntry.fromContext("导出基础数据").target("GET " + path)
                    .detail(kind.label() + "：导出 " + rows + " 行" + (rows >= ExportService.MAX_ROWS ? "（已达单表上限）" : "")
                            + "，用时 " + ms + " ms；条件：" + describe(filter))
                    .httpStatus(200).success().build());
        } catch (RuntimeException e) {
            log.error("审计日志写入失败 / audit write failed for export {}", path, e);
        }
    }

    private static String describe(ExportFilter f) {
        StringBuilder sb = new StringBuilder();
        if (f.getKeyword() != null) sb.append("关键字=").append(f.getKeyword()).append(' ');
        if (f.getNodeId() != null) sb.append("节点=").append(f.getNodeId()).append(' ');
        if (f.getHeatingStatus() != null) sb.append("供热状态=").append(f.getHeatingStatus()).append(' ');
        if (Boolean.TRUE.equals(f.getArrearsOnly())) sb.append("仅欠费 ");
        if (f.getSubsidiaryId() != null) sb.append("分公司=").append(f.getSubsidiaryId()).append(' ');
        return sb.isEmpty() ? "全部" : sb.toString().strip();
    }
}
