package cn.heatdesk.notice.channel;

import cn.heatdesk.notice.api.NoticeChannel;
import cn.heatdesk.notice.api.NoticeChannelAdapter;
import cn.heatdesk.notice.config.NoticeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The adapter that delivers each external channel, chosen by name from every {@link NoticeChannelAdapter} bean:
 * {@code heatdesk.notice.sms.adapter} (log | http), {@code heatdesk.notice.wechat.adapter} (wechat),
 * {@code heatdesk.notice.app-push.adapter} (live). A name that matches no bean stops the start-up with the
 * names available, rather than losing messages later.
 */
@Component
public class ChannelRegistry {

    private static final Logger log = LoggerFactory.getLogger(ChannelRegistry.class);

    private final Map<NoticeChannel, NoticeChannelAdapter> selected = new EnumMap<>(NoticeChannel.class);

    public ChannelRegistry(List<NoticeChannelAdapter> adapters, NoticeProperties props) {
        select(adapters, NoticeChannel.SMS, props.getSms().getAdapter(), "heatdesk.notice.sms.adapter");
        select(adapters, NoticeChannel.WECHAT, props.getWechat().getAdapter(), "heatdesk.notice.wechat.adapter");
        select(adapters, NoticeChannel.APP_PUSH, props.getAppPush().getAdapter(), "heatdesk.notice.app-push.adapter");
    }

    private void select(List<NoticeChannelAdapter> adapters, NoticeChannel channel, String name, String key) {
        String wanted = name == null ? "" : name.strip();
        Optional<NoticeChannelAdapter> match = adapters.stream()
                .filter(a -> a.channel() == channel && a.name().equals(wanted)).findFirst();
        if (match.isEmpty()) {
            String available = adapters.stream().filter(a -> a.channel() == channel).map(NoticeChannelAdapter::name)
                    .collect(Collectors.joining(", "));
            throw new IllegalStateException(key + "=" + wanted + " matches no " + channel + " adapter (available: "
                    + available + ")");
        }
        selected.put(channel, match.get());
        log.info("Notice channel {} is delivered by adapter '{}'", channel, wanted);
    }

    /** the channel's adapter; empty for IN_APP (the message row is the delivery) */
    public Optional<NoticeChannelAdapter> forChannel(NoticeChannel channel) {
        synchronized (selected) {
            return Optional.ofNullable(selected.get(channel));
        }
    }

    /**
     * Switches a channel to another adapter while running and returns the previous one. For a site's own
     * switch-over code and for the integration tests, which point SMS at a local gateway without restarting.
     */
    public NoticeChannelAdapter replace(NoticeChannelAdapter adapter) {
        synchronized (selected) {
            return selected.put(adapter.channel(), adapter);
        }
    }
}
