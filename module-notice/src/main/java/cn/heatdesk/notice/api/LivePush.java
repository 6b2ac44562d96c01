package cn.heatdesk.notice.api;

import java.util.Collection;

/**
 * Live push to open consoles and field apps (server-sent events). Fire-and-forget: only for screens that can
 * also re-read; anything that must arrive goes through {@link NoticeApi}. Call after commit. Works across
 * instances (relayed through Redis when it is configured).
 */
public interface LivePush {

    /** to every connected session that subscribed to the topic (e.g. "ticket") */
    void broadcast(String topic, Object payload);

    /** to the sessions of these users only */
    void toUsers(Collection<Long> userIds, String topic, Object payload);
}
