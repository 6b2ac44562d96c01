package cn.heatdesk.baseinfo.node;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.web.ApiResponse;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "楼宇信息（供热管网树）")
@RestController
@RequestMapping("/api/baseinfo/nodes")
public class NodeController {

    private final NodeService service;

    public NodeController(NodeService service) {
        this.service = service;
    }

    @Operation(summary = "下级节点（懒加载；不带 parentId 时为用户可见的最上层节点）")
    @GetMapping("/children")
    @SaCheckPermission("baseinfo:node")
    public ApiResponse<List<NodeView>> children(@RequestParam(required = false) Long parentId,
                                                @RequestParam(defaultValue = "false") boolean includeDisabled) {
        return ApiResponse.ok(service.children(parentId, includeDisabled));
    }

    @Operation(summary = "按名称、编码或拼音首字母搜索节点（最多 50 个）")
    @GetMapping("/search")
    @SaCheckPermission("baseinfo:node")
    public ApiResponse<List<NodeView>> search(@RequestParam(required = false) String keyword,
                                              @RequestParam(required = false) String type,
                                              @RequestParam(required = false) Integer limit) {
        return ApiResponse.ok(service.search(keyword, type, limit));
    }

    @Operation(summary = "节点详情：路径与房屋、报停、停供、欠费、未完结工单数")
    @GetMapping("/{id}")
    @SaCheckPermission("baseinfo:node")
    public ApiResponse<NodeDetail> detail(@PathVariable long id) {
        return ApiResponse.ok(service.detail(id));
    }

    @Operation(summary = "节点变更记录（分页，新的在前）")
    @GetMapping("/{id}/logs")
    @SaCheckPermission("baseinfo:node")
    public ApiResponse<PageResult<NodeLog>> logs(@PathVariable long id, PageQuery query) {
        return ApiResponse.ok(service.logs(id, query));
    }

    @PostMapping
    @SaCheckPermission("baseinfo:node:edit")
    @AuditAction("新增楼宇节点")
    public ApiResponse<NodeView> create(@Valid @RequestBody NodeRequests.Create req) {
        return ApiResponse.ok(service.create(req));
    }

    @PutMapping("/{id}")
    @SaCheckPermission("baseinfo:node:edit")
    @AuditAction("修改楼宇节点")
    public ApiResponse<NodeView> update(@PathVariable long id, @Valid @RequestBody NodeRequests.Update req) {
        return ApiResponse.ok(service.update(id, req));
    }

    @PostMapping("/{id}/move")
    @SaCheckPermission("baseinfo:node:move")
    @AuditAction("移动楼宇节点")
    public ApiResponse<NodeView> move(@PathVariable long id, @Valid @RequestBody NodeRequests.Move req) {
        return ApiResponse.ok(service.move(id, req));
    }

    @Operation(summary = "停用节点（连同全部下级节点）；返回涉及的房屋数")
    @PostMapping("/{id}/disable")
    @SaCheckPermission("baseinfo:node:disable")
    @AuditAction("停用楼宇节点")
    public ApiResponse<NodeRequests.DisableResult> disable(@PathVariable long id, @Valid @RequestBody NodeRequests.Reason req) {
        return ApiResponse.ok(service.disable(id, req.reason()));
    }

    @Operation(summary = "启用节点（上级须已启用；subtree=true 时连同全部下级节点）")
    @PostMapping("/{id}/enable")
    @SaCheckPermission("baseinfo:node:disable")
    @AuditAction("启用楼宇节点")
    public ApiResponse<NodeView> enable(@PathVariable long id, @Valid @RequestBody NodeRequests.Enable req) {
        return ApiResponse.ok(service.enable(id, req));
    }

    @Operation(summary = "删除节点（无下级节点且无房屋时）")
    @DeleteMapping("/{id}")
    @SaCheckPermission("baseinfo:node:disable")
    @AuditAction("删除楼宇节点")
    public ApiResponse<Void> delete(@PathVariable long id, @RequestParam(required = false) String reason) {
        service.delete(id, reason);
        return ApiResponse.ok();
    }
}
