package cn.heatdesk.repair.mobile.sync;

import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.ApiResponse;
import cn.heatdesk.repair.mobile.device.MobileDeviceGuard;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "移动运维端：离线同步")
@RestController
@RequestMapping("/api/mobile/sync")
public class MobileSyncController {

    private final PushService push;
    private final PullService pull;
    private final ReferenceService reference;

    public MobileSyncController(PushService push, PullService pull, ReferenceService reference) {
        this.push = push;
        this.pull = pull;
        this.reference = reference;
    }

    @Operation(summary = "提交离线操作：按设备序号依次执行，每条恰好执行一次（重复提交返回原结果 replayed=true）；缺少前序序号的返回 DEFERRED/SEQ_GAP")
    @PostMapping("/push")
    @AuditAction("移动端提交离线操作")
    public ApiResponse<SyncDtos.PushResult> push(@RequestBody SyncDtos.PushRequest req) {
        return ApiResponse.ok(push.push(SecurityContext.require(), MobileDeviceGuard.current(), req));
    }

    @Operation(summary = "拉取变更：cursor 为空时返回本人全部在办工单的快照，之后按游标增量拉取（含 TICKET_REMOVED）")
    @GetMapping("/pull")
    public ApiResponse<SyncDtos.PullResult> pull(@RequestParam(required = false) String cursor,
                                                 @RequestParam(required = false) Integer limit) {
        return ApiResponse.ok(pull.pull(SecurityContext.require(), cursor, limit));
    }

    @Operation(summary = "参考数据：工单类型、拒单/未完成原因、集团回填模板、满意度；refVersion 变化时重新获取")
    @GetMapping("/reference")
    public ApiResponse<SyncDtos.Reference> reference() {
        return ApiResponse.ok(reference.reference());
    }
}
