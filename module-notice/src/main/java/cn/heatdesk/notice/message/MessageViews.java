package cn.heatdesk.notice.message;

import cn.heatdesk.notice.template.NoticeEvents;

import java.time.LocalDateTime;

/** 消息中心 views, and the payload of the live topic "notice". */
public final class MessageViews {

    private MessageViews() {
    }

    public record MessageView(Long id, String title, String content, String eventCode, String eventName,
                              String bizType, Long bizId, String bizNo, boolean read, LocalDateTime readAt,
                              LocalDateTime createdAt) {

        public static MessageView of(NoticeMessage m) {
            NoticeEvents.EventInfo e = NoticeEvents.find(m.getEventCode());
            return new MessageView(m.getId(), m.getTitle(), m.getContent(), m.getEventCode(),
                    e == null ? m.getEventCode() : e.name(), m.getBizType(), m.getBizId(), m.getBizNo(),
                    m.getReadAt() != null, m.getReadAt(), m.getCreatedAt());
        }
    }

    public record UnreadCount(long unread) {
    }

    /**
     * What the console receives on topic "notice": a new message (kind MESSAGE, with the message) or a change of
     * the read state from another tab (kind READ). unread is the user's unread count after the change when known
     * (null for MESSAGE: the console re-reads the count).
     */
    public record LiveNotice(String kind, MessageView message, Long unread) {
    }
}
