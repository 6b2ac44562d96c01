package cn.heatdesk.notice.template;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.web.ApiResponse;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "通知模板")
@RestController
@RequestMapping("/api/notice/templates")
public class TemplateController {

    private final TemplateService service;

    public TemplateController(TemplateService service) {
        this.service = service;
    }

    @Operation(summary = "模板列表（keyword 匹配事件编码或名称；channel；enabled = 1/0）")
    @GetMapping
    @SaCheckPermission("notice:template")
    public ApiResponse<PageResult<TemplateViews.TemplateView>> page(TemplateFilter filter, PageQuery query) {
        return ApiResponse.ok(service.page(filter, query));
    }

    @Operation(summary = "通知事件及其可用参数")
    @GetMapping("/events")
    @SaCheckPermission("notice:template")
    public ApiResponse<List<TemplateViews.EventView>> events() {
        return ApiResponse.ok(service.events());
    }

    @Operation(summary = "模板详情")
    @GetMapping("/{id}")
    @SaCheckPermission("notice:template")
    public ApiResponse<TemplateViews.TemplateView> get(@PathVariable long id) {
        return ApiResponse.ok(service.get(id));
    }

    @Operation(summary = "修改模板（标题、内容、微信模板ID、启用、备注；rowVersion 为打开时的版本）")
    @PutMapping("/{id}")
    @SaCheckPermission("notice:template:edit")
    @AuditAction("修改通知模板")
    public ApiResponse<TemplateViews.TemplateView> update(@PathVariable long id, @RequestBody TemplateViews.Update req) {
        return ApiResponse.ok(service.update(id, req));
    }

    @Operation(summary = "预览模板（未填的参数用示例值）")
    @PostMapping("/preview")
    @SaCheckPermission("notice:template")
    public ApiResponse<TemplateViews.Preview> preview(@RequestBody TemplateViews.PreviewRequest req) {
        return ApiResponse.ok(service.preview(req));
    }
}
