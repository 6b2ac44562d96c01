package cn.heatdesk.baseinfo.node;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.web.ApiResponse;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.settings.api.OrgInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "维修站服务区域")
@RestController
@RequestMapping("/api/baseinfo/coverage")
public class CoverageController {

    private final CoverageService service;

    public CoverageController(CoverageService service) {
        this.service = service;
    }

    @Operation(summary = "服务区域列表（可按维修站、节点筛选；排序键 fullName、createdAt）")
    @GetMapping
    @SaCheckPermission("baseinfo:node")
    public ApiResponse<PageResult<CoverageView>> page(@RequestParam(required = false) Long stationId,
                                                      @RequestParam(required = false) Long nodeId, PageQuery query) {
        return ApiResponse.ok(service.page(stationId, nodeId, query));
    }

    @Operation(summary = "可为该节点指定的维修站（节点所属分公司的启用维修站）")
    @GetMapping("/stations")
    @SaCheckPermission("baseinfo:coverage")
    public ApiResponse<List<OrgInfo>> stations(@RequestParam long nodeId) {
        return ApiResponse.ok(service.stationChoices(nodeId));
    }

    @Operation(summary = "指定维修站服务的小区或楼栋（已由其他维修站服务的改由该站服务）")
    @PostMapping
    @SaCheckPermission("baseinfo:coverage")
    @AuditAction("指定维修站服务区域")
    public ApiResponse<List<CoverageView>> map(@Valid @RequestBody NodeRequests.CoverageCreate req) {
        return ApiResponse.ok(service.map(req));
    }

    @DeleteMapping("/{id}")
    @SaCheckPermission("baseinfo:coverage")
    @AuditAction("取消维修站服务区域")
    public ApiResponse<Void> remove(@PathVariable long id) {
        service.remove(id);
        return ApiResponse.ok();
    }
}
