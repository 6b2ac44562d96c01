package cn.heatdesk.notice.channel;

import cn.heatdesk.notice.api.DeliveryResult;
import cn.heatdesk.notice.api.NoticeChannel;
import cn.heatdesk.notice.api.NoticeChannelAdapter;
import cn.heatdesk.notice.api.OutboxMessage;
import cn.heatdesk.notice.live.LiveHub;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * App push over the live event stream: the message goes to the recipient's open streams subscribed to topic
 * "notice" (the field app keeps one open while it runs). Sent only if at least one stream took it, here or, with
 * several instances, on another instance where the user is online; otherwise it is retried later, when the app
 * may be connected again. The mobile app (a later issue) may add a vendor push adapter next to this one.
 */
@Component
public class AppPushAdapter implements NoticeChannelAdapter {

    public static final String TOPIC = "notice";

    private final LiveHub hub;

    public AppPushAdapter(LiveHub hub) {
        this.hub = hub;
    }

    /** what the app receives: kind PUSH with the rendered text and the business object */
    public record Push(String kind, Long outboxId, String eventCode, String title, String content, String bizType,
                       Long bizId, String bizNo) {
    }

    @Override
    public NoticeChannel channel() {
        return NoticeChannel.APP_PUSH;
    }

    @Override
    public String name() {
        return "live";
    }

    @Override
    public DeliveryResult send(OutboxMessage m) {
        Push push = new Push("PUSH", m.id(), m.eventCode(), m.title(), m.content(), m.bizType(), m.bizId(), m.bizNo());
        int here = hub.deliverNow(List.of(m.recipientId()), TOPIC, push);
        if (here > 0) {
            return DeliveryResult.sent("已推送到 " + here + " 个在线连接");
        }
        if (hub.relayToOnlineElsewhere(m.recipientId(), TOPIC, push)) {
            return DeliveryResult.sent("已转发到收件人在线的其他应用实例");
        }
        return DeliveryResult.retry("收件人当前不在线（没有打开的实时连接），稍后重试", null);
    }
}
