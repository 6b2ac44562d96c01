package cn.heatdesk.notice.message;

import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.notice.api.LivePush;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** The signed-in user's own messages: list, unread count, mark read. */
@Service
public class MessageService {

    public static final String LIVE_TOPIC = "notice";
    static final Map<String, String> SORTS = Map.of("createdAt", "m.created_at");

    private final MessageMapper mapper;
    private final LivePush live;

    public MessageService(MessageMapper mapper, LivePush live) {
        this.mapper = mapper;
        this.live = live;
    }

    @Transactional(readOnly = true)
    public PageResult<MessageViews.MessageView> page(MessageFilter f, PageQuery query) {
        CurrentUser user = SecurityContext.require();
        String orderBy = query.orderBy(SORTS, "m.created_at DESC") + ", m.id DESC";
        f.setRecipientId(user.userId());
        f.setEventCode(blankToNull(f.getEventCode()));
        f.setBizType(blankToNull(f.getBizType()));
        String k = blankToNull(f.getKeyword());
        f.setKeywordLike(k == null ? null : "%" + k.strip() + "%");
        if (f.getCreatedFrom() != null && f.getCreatedTo() != null && f.getCreatedFrom().isAfter(f.getCreatedTo())) {
            throw BizException.invalid("createdFrom", "开始时间不能晚于结束时间");
        }
        return Paging.page(query, () -> mapper.selectMine(f, orderBy)).map(MessageViews.MessageView::of);
    }

    @Transactional(readOnly = true)
    public MessageViews.UnreadCount unread() {
        return new MessageViews.UnreadCount(mapper.countUnread(SecurityContext.require().userId()));
    }

    /** Marks one message read (idempotent) and returns the new unread count. */
    @Transactional
    public MessageViews.UnreadCount read(long id) {
        long me = SecurityContext.require().userId();
        if (mapper.selectMineById(id, me) == null) {
            throw BizException.notFound("消息");
        }
        mapper.markRead(id, me, LocalDateTime.now());
        long unread = mapper.countUnread(me);
        pushAfterCommit(me, unread);
        return new MessageViews.UnreadCount(unread);
    }

    @Transactional
    public MessageViews.UnreadCount readAll() {
        long me = SecurityContext.require().userId();
        mapper.markAllRead(me, LocalDateTime.now());
        pushAfterCommit(me, 0);
        return new MessageViews.UnreadCount(0);
    }

    /** the user's other tabs update their badge */
    private void pushAfterCommit(long userId, long unread) {
        Runnable push = () -> live.toUsers(List.of(userId), LIVE_TOPIC, new MessageViews.LiveNotice("READ", null, unread));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    push.run();
                }
            });
        } else {
            push.run();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
