package cn.heatdesk.notice.channel;

import cn.heatdesk.kernel.crypto.Masking;
import cn.heatdesk.notice.api.DeliveryResult;
import cn.heatdesk.notice.api.NoticeChannel;
import cn.heatdesk.notice.api.NoticeChannelAdapter;
import cn.heatdesk.notice.api.OutboxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo's SMS "gateway": writes the message to the application log (number masked) and reports it sent, so
 * the whole flow can be watched without an SMS contract. Selected by {@code heatdesk.notice.sms.adapter=log}.
 */
@Component
public class LogSmsAdapter implements NoticeChannelAdapter {

    private static final Logger log = LoggerFactory.getLogger(LogSmsAdapter.class);

    @Override
    public NoticeChannel channel() {
        return NoticeChannel.SMS;
    }

    @Override
    public String name() {
        return "log";
    }

    @Override
    public DeliveryResult send(OutboxMessage m) {
        log.info("SMS (log adapter) #{} to {} ({}): {}", m.id(), Masking.phone(m.address()), m.recipientName(), m.content());
        return DeliveryResult.sent("已写入应用日志（演示短信通道，未真实发送）");
    }
}
