package cn.heatdesk.notice.outbox;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "发送记录")
@RestController
@RequestMapping("/api/notice/outbox")
public class OutboxController {

    private final OutboxService service;

    public OutboxController(OutboxService service) {
        this.service = service;
    }

    @Operation(summary = "发送记录（channel、status=PENDING/SENT/FAILED/DEAD、eventCode、recipientId、bizNo、bizId、createdFrom/createdTo）")
    @GetMapping
    @SaCheckPermission("notice:delivery")
    public ApiResponse<PageResult<OutboxViews.OutboxView>> page(OutboxFilter filter, PageQuery query) {
        return ApiResponse.ok(service.page(filter, query));
    }

    @Operation(summary = "各状态的记录数（与列表同样的筛选条件，不含状态）")
    @GetMapping("/stats")
    @SaCheckPermission("notice:delivery")
    public ApiResponse<OutboxViews.Stats> stats(OutboxFilter filter) {
        return ApiResponse.ok(service.stats(filter));
    }

    @Operation(summary = "发送记录详情")
    @GetMapping("/{id}")
    @SaCheckPermission("notice:delivery")
    public ApiResponse<OutboxViews.OutboxView> get(@PathVariable long id) {
        return ApiResponse.ok(service.get(id));
    }

    @Operation(summary = "每次发送尝试的日志")
    @GetMapping("/{id}/logs")
    @SaCheckPermission("notice:delivery")
    public ApiResponse<List<OutboxViews.LogView>> logs(@PathVariable long id) {
        return ApiResponse.ok(service.logs(id));
    }

    @Operation(summary = "重新发送失败（FAILED）或已放弃（DEAD）的记录")
    @PostMapping("/{id}/retry")
    @SaCheckPermission("notice:delivery")
    @AuditAction("重试发送通知")
    public ApiResponse<OutboxViews.OutboxView> retry(@PathVariable long id) {
        return ApiResponse.ok(service.retry(id));
    }
}
