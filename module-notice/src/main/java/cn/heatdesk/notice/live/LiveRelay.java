package cn.heatdesk.notice.live;

import java.util.Collection;
import java.util.function.Consumer;

/**
 * Carries live pushes to the other instances (several instances behind a load balancer: a user's stream may be
 * open on any of them) and knows which users have a stream open elsewhere. Without a relay bean everything
 * stays on this instance, which is right for a single instance.
 */
public interface LiveRelay {

    /** @param userIds null = every session subscribed to the topic */
    record Relayed(String topic, Collection<Long> userIds, String json) {
    }

    /** hands a push to the other instances (not back to this one) */
    void publish(Relayed message);

    /** called for every push another instance published */
    void listen(Consumer<Relayed> handler);

    /** whether the user has a live stream open on another instance (seen within the last heartbeats) */
    boolean onlineElsewhere(long userId);

    /** heartbeat: these users have streams open here */
    void touch(Collection<Long> localUsers);

    /** the user's last stream on this instance closed */
    void gone(long userId);
}
