package cn.heatdesk.monitor.chain;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.audit.AuditEntry;
import cn.heatdesk.kernel.audit.AuditService;
import cn.heatdesk.kernel.web.ApiResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Tag(name = "审批流程配置")
@RestController
@RequestMapping("/api/monitor/approval-chains")
public class ChainController {

    private static final Logger log = LoggerFactory.getLogger(ChainController.class);

    private final ChainService service;
    private final AuditService audit;
    private final ObjectMapper json;

    public ChainController(ChainService service, AuditService audit, ObjectMapper json) {
        this.service = service;
        this.audit = audit;
        this.json = json;
    }

    @Operation(summary = "审批流程列表（集团默认与分公司覆盖；分公司用户只看到集团默认和本分公司的流程）")
    @GetMapping
    @SaCheckPermission("monitor:approval:config")
    public ApiResponse<List<ChainView>> list(@RequestParam(required = false) String bizType,
                                             @RequestParam(required = false) Long scopeOrgId) {
        return ApiResponse.ok(service.list(bizType, scopeOrgId));
    }

    @Operation(summary = "审批流程详情")
    @GetMapping("/{id}")
    @SaCheckPermission("monitor:approval:config")
    public ApiResponse<ChainView> get(@PathVariable long id) {
        return ApiResponse.ok(service.get(id));
    }

    @Operation(summary = "新增审批流程（集团默认或某分公司的覆盖流程；只影响之后提交的审批）")
    @PostMapping
    @SaCheckPermission("monitor:approval:config")
    @AuditAction("新增审批流程")
    public ApiResponse<ChainView> create(@Valid @RequestBody ChainRequests.Create req) {
        ChainService.Change c = service.create(req);
        note("新增", c);
        return ApiResponse.ok(c.after());
    }

    @Operation(summary = "修改审批流程（名称、备注、审批层级；进行中的审批不受影响）")
    @PutMapping("/{id}")
    @SaCheckPermission("monitor:approval:config")
    @AuditAction("修改审批流程")
    public ApiResponse<ChainView> update(@PathVariable long id, @Valid @RequestBody ChainRequests.Update req) {
        ChainService.Change c = service.update(id, req);
        note("修改", c);
        return ApiResponse.ok(c.after());
    }

    @Operation(summary = "停用审批流程（分公司覆盖流程停用后回到集团默认流程）")
    @PostMapping("/{id}/disable")
    @SaCheckPermission("monitor:approval:config")
    @AuditAction("停用审批流程")
    public ApiResponse<ChainView> disable(@PathVariable long id, @Valid @RequestBody ChainRequests.Toggle req) {
        ChainService.Change c = service.setEnabled(id, false, req.rowVersion());
        note("停用", c);
        return ApiResponse.ok(c.after());
    }

    @Operation(summary = "启用审批流程")
    @PostMapping("/{id}/enable")
    @SaCheckPermission("monitor:approval:config")
    @AuditAction("启用审批流程")
    public ApiResponse<ChainView> enable(@PathVariable long id, @Valid @RequestBody ChainRequests.Toggle req) {
        ChainService.Change c = service.setEnabled(id, true, req.rowVersion());
        note("启用", c);
        return ApiResponse.ok(c.after());
    }

    /**
     * The interceptor audits the request body; this adds the chain as it was and as it is now, so the audit log
     * alone tells what a change did.
     */
    private void note(String what, ChainService.Change c) {
        try {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("before", c.before());
            detail.put("after", c.after());
            audit.record(AuditEntry.fromContext(what + "审批流程（变更前后）")
                    .target("mo_approval_chain/" + c.after().id())
                    .detail(json.writeValueAsString(detail)).success().httpStatus(200).build());
        } catch (Exception e) {
            // the change is committed; a lost note must at least be loud
            log.error("审批流程变更明细写入审计失败 / audit note failed for chain {}", c.after().id(), e);
        }
    }
}
