package cn.heatdesk.notice.live;

import cn.dev33.satoken.stp.StpUtil;
import cn.heatdesk.notice.api.LivePush;
import cn.heatdesk.notice.config.NoticeProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The live-push hub of this instance ({@link LivePush}): the registry of open event streams per user, topic
 * filtering, the heartbeat, and the hand-over to other instances through the {@link LiveRelay} when there is one.
 * <p>Pushes are written by one background thread, so a business thread (after its commit) never waits for a
 * slow browser; when more than 5 000 pushes queue up the newest are dropped with a warning — live push is only
 * a hint to re-read, never the only copy of anything.
 */
@Component
public class LiveHub implements LivePush {

    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);

    private final Map<Long, List<LiveSession>> byUser = new ConcurrentHashMap<>();
    private final ObjectMapper json;
    private final NoticeProperties.Live config;
    private final LiveRelay relay;
    private final ExecutorService writer;

    public LiveHub(ObjectMapper json, NoticeProperties props, ObjectProvider<LiveRelay> relay) {
        this.json = json;
        this.config = props.getLive();
        this.relay = relay.getIfAvailable();
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(5000), r -> {
            Thread t = new Thread(r, "live-push");
            t.setDaemon(true);
            return t;
        });
        if (this.relay != null) {
            this.relay.listen(m -> enqueue(m.topic(), m.userIds(), m.json()));
        }
    }

    // ---------------------------------------------------------------- LivePush

    @Override
    public void broadcast(String topic, Object payload) {
        push(topic, null, payload);
    }

    @Override
    public void toUsers(Collection<Long> userIds, String topic, Object payload) {
        if (userIds == null || userIds.isEmpty()) {
            return;
        }
        push(topic, Set.copyOf(userIds), payload);
    }

    private void push(String topic, Set<Long> userIds, Object payload) {
        String text = toJson(payload);
        if (text == null) {
            return;
        }
        enqueue(topic, userIds, text);
        if (relay != null) {
            try {
                relay.publish(new LiveRelay.Relayed(topic, userIds, text));
            } catch (RuntimeException e) {
                log.warn("Live push relay failed (other instances miss this push): {}", e.toString());
            }
        }
    }

    /**
     * Writes to this instance's streams of the users now, on the caller's thread, and returns how many streams
     * took it (the app-push adapter needs the answer).
     */
    public int deliverNow(Collection<Long> userIds, String topic, Object payload) {
        String text = toJson(payload);
        return text == null ? 0 : write(topic, Set.copyOf(userIds), text);
    }

    /** pushes to the user's streams on other instances when the user has one there; false when nobody is there */
    public boolean relayToOnlineElsewhere(long userId, String topic, Object payload) {
        if (relay == null || !relay.onlineElsewhere(userId)) {
            return false;
        }
        String text = toJson(payload);
        if (text == null) {
            return false;
        }
        relay.publish(new LiveRelay.Relayed(topic, Set.of(userId), text));
        return true;
    }

    private void enqueue(String topic, Collection<Long> userIds, String text) {
        try {
            writer.execute(() -> write(topic, userIds, text));
        } catch (RejectedExecutionException e) {
            log.warn("Live push queue full; dropped a push on topic {}", topic);
        }
    }

    private int write(String topic, Collection<Long> userIds, String text) {
        List<LiveSession> targets = new ArrayList<>();
        if (userIds == null) {
            byUser.values().forEach(targets::addAll);
        } else {
            for (Long id : userIds) {
                List<LiveSession> l = id == null ? null : byUser.get(id);
                if (l != null) {
                    targets.addAll(l);
                }
            }
        }
        int delivered = 0;
        for (LiveSession s : targets) {
            if (s.closed || !s.topics.contains(topic)) {
                continue;
            }
            try {
                s.emitter.send(SseEmitter.event().name(topic).data(text, MediaType.TEXT_PLAIN));
                delivered++;
            } catch (IOException | IllegalStateException e) {
                close(s, null);
            }
        }
        return delivered;
    }

    private String toJson(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            log.warn("Live push payload cannot be written as JSON: {}", e.getOriginalMessage());
            return null;
        }
    }

    // ---------------------------------------------------------------- streams

    /** Opens a stream for the user; the oldest streams beyond the per-user limit are closed. */
    SseEmitter open(long userId, String token, Set<String> topics) {
        SseEmitter emitter = new SseEmitter(config.getStreamTimeout().toMillis());
        LiveSession session = new LiveSession(UUID.randomUUID().toString(), userId, Set.copyOf(topics), token, emitter);
        emitter.onCompletion(() -> remove(session));
        emitter.onTimeout(() -> close(session, null));
        emitter.onError(e -> remove(session));
        List<LiveSession> evicted = new ArrayList<>();
        byUser.compute(userId, (id, list) -> {
            List<LiveSession> l = list == null ? new ArrayList<>() : new ArrayList<>(list);
            l.add(session);
            l.sort(Comparator.comparing(x -> x.openedAt));
            while (l.size() > Math.max(1, config.getMaxStreamsPerUser())) {
                evicted.add(l.remove(0));
            }
            return List.copyOf(l);
        });
        evicted.forEach(s -> close(s, "too-many-streams"));
        try {
            // tells the client the subscription is in place and how often to expect a heartbeat
            emitter.send(SseEmitter.event().name("ready").reconnectTime(3000)
                    .data(toJson(Map.of("topics", session.topics, "heartbeatSeconds", config.getHeartbeat().toSeconds())),
                            MediaType.TEXT_PLAIN));
        } catch (IOException | IllegalStateException e) {
            close(session, null);
        }
        if (relay != null) {
            relay.touch(Set.of(userId));
        }
        return emitter;
    }

    private void close(LiveSession s, String reason) {
        if (s.closed) {
            return;
        }
        if (reason != null) {
            try {
                s.emitter.send(SseEmitter.event().name("bye").data(reason, MediaType.TEXT_PLAIN));
            } catch (IOException | IllegalStateException ignored) {
                // the stream is going away anyway
            }
        }
        remove(s);
        try {
            s.emitter.complete();
        } catch (IllegalStateException ignored) {
            // already completed by the container
        }
    }

    private void remove(LiveSession s) {
        s.closed = true;
        boolean[] last = {false};
        byUser.computeIfPresent(s.userId, (id, list) -> {
            List<LiveSession> l = new ArrayList<>(list);
            l.remove(s);
            last[0] = l.isEmpty();
            return l.isEmpty() ? null : List.copyOf(l);
        });
        if (last[0] && relay != null) {
            try {
                relay.gone(s.userId);
            } catch (RuntimeException e) {
                log.debug("relay gone failed: {}", e.toString());
            }
        }
    }

    /** open streams on this instance (all users) */
    public int openStreams() {
        return byUser.values().stream().mapToInt(List::size).sum();
    }

    /** open streams of one user on this instance */
    public int openStreams(long userId) {
        List<LiveSession> l = byUser.get(userId);
        return l == null ? 0 : l.size();
    }

    /**
     * Every 20 s (per instance, deliberately not under ShedLock): a comment line keeps proxies from closing idle
     * streams and reveals dead ones; a stream whose token was logged out or expired is closed.
     */
    @Scheduled(fixedDelayString = "${heatdesk.notice.live.heartbeat:PT20S}", initialDelayString = "${heatdesk.notice.live.heartbeat:PT20S}")
    public void heartbeat() {
        Set<Long> users = new HashSet<>();
        for (List<LiveSession> list : byUser.values()) {
            for (LiveSession s : list) {
                if (!tokenValid(s.token)) {
                    close(s, "logged-out");
                    continue;
                }
                try {
                    s.emitter.send(SseEmitter.event().comment("hb"));
                    users.add(s.userId);
                } catch (IOException | IllegalStateException e) {
                    close(s, null);
                }
            }
        }
        if (relay != null && !users.isEmpty()) {
            try {
                relay.touch(users);
            } catch (RuntimeException e) {
                log.debug("relay touch failed: {}", e.toString());
            }
        }
    }

    private static boolean tokenValid(String token) {
        try {
            return token != null && StpUtil.getLoginIdByToken(token) != null;
        } catch (RuntimeException e) {
            // the session store is unreachable: keep the stream, the next heartbeat checks again
            return true;
        }
    }

    /**
     * Open streams end as soon as the application starts closing: otherwise the web server's graceful shutdown
     * waits for them (they never finish by themselves) until its timeout. Browsers reconnect to another instance.
     */
    @EventListener(ContextClosedEvent.class)
    public void closeStreamsOnShutdown() {
        byUser.values().forEach(list -> list.forEach(s -> close(s, "shutdown")));
    }

    @PreDestroy
    void shutdown() {
        writer.shutdownNow();
        byUser.values().forEach(list -> list.forEach(s -> close(s, "shutdown")));
    }
}
