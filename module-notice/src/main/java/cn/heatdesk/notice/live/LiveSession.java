package cn.heatdesk.notice.live;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Instant;
import java.util.Set;

/** One open event stream: who, which topics, and the token it was opened with (checked on every heartbeat). */
final class LiveSession {

    final String id;
    final long userId;
    final Set<String> topics;
    final String token;
    final SseEmitter emitter;
    final Instant openedAt = Instant.now();
    volatile boolean closed;

    LiveSession(String id, long userId, Set<String> topics, String token, SseEmitter emitter) {
        this.id = id;
        this.userId = userId;
        this.topics = topics;
        this.token = token;
        this.emitter = emitter;
    }
}
