package cn.heatdesk.notice.channel;

import cn.heatdesk.notice.api.DeliveryResult;
import cn.heatdesk.notice.api.NoticeChannel;
import cn.heatdesk.notice.api.NoticeChannelAdapter;
import cn.heatdesk.notice.api.OutboxMessage;
import cn.heatdesk.notice.config.NoticeProperties;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChannelRegistryTest {

    static NoticeChannelAdapter a(NoticeChannel c, String name) {
        return new NoticeChannelAdapter() {
            public NoticeChannel channel() { return c; }
            public String name() { return name; }
            public DeliveryResult send(OutboxMessage m) { return DeliveryResult.sent(name); }
        };
    }

    final List<NoticeChannelAdapter> all = List.of(a(NoticeChannel.SMS, "log"), a(NoticeChannel.SMS, "http"),
            a(NoticeChannel.WECHAT, "wechat"), a(NoticeChannel.APP_PUSH, "live"));

    @Test
    void selectsByConfiguredName() {
        NoticeProperties p = new NoticeProperties();
        ChannelRegistry r = new ChannelRegistry(all, p);
        assertThat(r.forChannel(NoticeChannel.SMS)).get().extracting(NoticeChannelAdapter::name).isEqualTo("log");
        p.getSms().setAdapter("http");
        assertThat(new ChannelRegistry(all, p).forChannel(NoticeChannel.SMS)).get()
                .extracting(NoticeChannelAdapter::name).isEqualTo("http");
        assertThat(r.forChannel(NoticeChannel.IN_APP)).isEmpty();
        NoticeChannelAdapter previous = r.replace(a(NoticeChannel.SMS, "test"));
        assertThat(previous.name()).isEqualTo("log");
        assertThat(r.forChannel(NoticeChannel.SMS).get().name()).isEqualTo("test");
    }

    @Test
    void unknownNameStopsTheStartWithTheChoices() {
        NoticeProperties p = new NoticeProperties();
        p.getSms().setAdapter("aliyun");
        assertThatThrownBy(() -> new ChannelRegistry(all, p))
                .hasMessageContaining("heatdesk.notice.sms.adapter=aliyun").hasMessageContaining("log, http");
    }
}
