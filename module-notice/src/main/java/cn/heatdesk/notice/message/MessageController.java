package cn.heatdesk.notice.message;

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

@Tag(name = "消息中心")
@RestController
@RequestMapping("/api/notice/messages")
public class MessageController {

    private final MessageService service;

    public MessageController(MessageService service) {
        this.service = service;
    }

    @Operation(summary = "我的消息（unread=true 只看未读；eventCode、bizType、keyword、createdFrom/createdTo）")
    @GetMapping
    @SaCheckPermission("notice:message")
    public ApiResponse<PageResult<MessageViews.MessageView>> page(MessageFilter filter, PageQuery query) {
        return ApiResponse.ok(service.page(filter, query));
    }

    @Operation(summary = "我的未读消息数")
    @GetMapping("/unread-count")
    @SaCheckPermission("notice:message")
    public ApiResponse<MessageViews.UnreadCount> unreadCount() {
        return ApiResponse.ok(service.unread());
    }

    @Operation(summary = "标记一条消息为已读，返回剩余未读数")
    @PostMapping("/{id}/read")
    @SaCheckPermission("notice:message")
    @AuditAction("消息标记已读")
    public ApiResponse<MessageViews.UnreadCount> read(@PathVariable long id) {
        return ApiResponse.ok(service.read(id));
    }

    @Operation(summary = "全部标记为已读")
    @PostMapping("/read-all")
    @SaCheckPermission("notice:message")
    @AuditAction("消息全部已读")
    public ApiResponse<MessageViews.UnreadCount> readAll() {
        return ApiResponse.ok(service.readAll());
    }
}
