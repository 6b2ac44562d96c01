package cn.heatdesk.baseinfo.imports;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.web.ApiResponse;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

@Tag(name = "基础数据导入")
@RestController
@RequestMapping("/api/baseinfo/imports")
public class ImportController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ImportService service;

    public ImportController(ImportService service) {
        this.service = service;
    }

    @Operation(summary = "上传Excel并创建后台导入任务（kind = NODE/HOUSEHOLD/CUSTOMER）")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @SaCheckPermission("baseinfo:import")
    @AuditAction("导入基础数据")
    public ApiResponse<ImportJobView> upload(@RequestPart(value = "file", required = false) MultipartFile file,
                                             @RequestParam(required = false) String kind,
                                             @RequestParam(required = false) Long subsidiaryId) {
        return ApiResponse.ok(service.upload(file, kind, subsidiaryId));
    }

    @Operation(summary = "导入任务列表（分页，按数据权限）")
    @GetMapping
    @SaCheckPermission("baseinfo:import")
    public ApiResponse<PageResult<ImportJobView>> page(ImportJobFilter filter, PageQuery query) {
        return ApiResponse.ok(service.page(filter, query));
    }

    @Operation(summary = "下载导入模板")
    @GetMapping("/template")
    @SaCheckPermission("baseinfo:import")
    public void template(@RequestParam(required = false) String kind, HttpServletResponse response) throws IOException {
        ImportKind k = ImportKind.require(kind);
        attachment(response, ImportTemplates.fileName(k));
        service.writeTemplate(k, response.getOutputStream());
    }

    @Operation(summary = "导入任务详情与进度")
    @GetMapping("/{id}")
    @SaCheckPermission("baseinfo:import")
    public ApiResponse<ImportJobView> get(@PathVariable long id) {
        return ApiResponse.ok(service.get(id));
    }

    @Operation(summary = "下载失败行（原始各列 + 错误字段 + 错误原因）")
    @GetMapping("/{id}/errors")
    @SaCheckPermission("baseinfo:import")
    @AuditAction(value = "下载导入失败行", includeRead = true)
    public void errors(@PathVariable long id, HttpServletResponse response) throws IOException {
        ImportJob job = service.require(id);
        attachment(response, service.errorFileName(job));
        service.writeErrors(job, response.getOutputStream());
    }

    @Operation(summary = "取消导入任务（已提交的批次保留）")
    @PostMapping("/{id}/cancel")
    @SaCheckPermission("baseinfo:import")
    @AuditAction("取消导入任务")
    public ApiResponse<ImportJobView> cancel(@PathVariable long id) {
        return ApiResponse.ok(service.cancel(id));
    }

    static void attachment(HttpServletResponse response, String fileName) {
        response.setContentType(XLSX);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
    }
}
