package cn.heatdesk.notice.api;

/**
 * Delivers outbox rows of one channel (SMS gateway, WeChat, app push …). The notice module ships adapters for
 * every channel; another module (or a site) adds one by declaring a bean and selecting it by {@link #name()}
 * with {@code heatdesk.notice.<channel>.adapter} (see docs/notice.md).
 *
 * <p>Called by the outbox dispatcher outside any transaction, at most once at a time per row. It must not
 * throw for ordinary failures: return {@link DeliveryResult#retry} for anything that may work later (network,
 * 5xx, rate limits) and {@link DeliveryResult#failed} when retrying cannot help (no phone number, unbound
 * account). An exception counts as a retryable failure.
 */
public interface NoticeChannelAdapter {

    NoticeChannel channel();

    /** short name used in configuration and in the delivery log, e.g. "log", "http", "wechat", "live" */
    String name();

    DeliveryResult send(OutboxMessage message);
}
