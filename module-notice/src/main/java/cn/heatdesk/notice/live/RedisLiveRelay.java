package cn.heatdesk.notice.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Live pushes across instances through Redis pub/sub (channel {@code heatdesk:live}), the same Redis that holds
 * the sessions when several instances run ({@code heatdesk.session.store=redis}). Each instance tags what it
 * publishes with its own id and ignores its own messages (it has delivered them locally already).
 * <p>Presence for app push: hash {@code heatdesk:live:online:<userId>} maps instance id → until when (epoch
 * millis) the user has a stream there; refreshed by every heartbeat, expires on its own when an instance dies.
 */
public class RedisLiveRelay implements LiveRelay, MessageListener {

    public static final String CHANNEL = "heatdesk:live";
    static final String ONLINE_KEY = "heatdesk:live:online:";
    private static final Logger log = LoggerFactory.getLogger(RedisLiveRelay.class);

    private final StringRedisTemplate redis;
    private final ObjectMapper json;
    private final Duration presenceTtl;
    private final String instanceId = UUID.randomUUID().toString();
    private final List<Consumer<Relayed>> handlers = new CopyOnWriteArrayList<>();

    public RedisLiveRelay(StringRedisTemplate redis, ObjectMapper json, Duration heartbeat) {
        this.redis = redis;
        this.json = json;
        this.presenceTtl = heartbeat.multipliedBy(3);
    }

    @Override
    public void publish(Relayed m) {
        ObjectNode node = json.createObjectNode();
        node.put("origin", instanceId);
        node.put("topic", m.topic());
        if (m.userIds() != null) {
            ArrayNode ids = node.putArray("userIds");
            m.userIds().forEach(id -> ids.add(String.valueOf(id)));
        }
        node.put("json", m.json());
        redis.convertAndSend(CHANNEL, node.toString());
    }

    @Override
    public void listen(Consumer<Relayed> handler) {
        handlers.add(handler);
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        try {
            JsonNode node = json.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
            if (instanceId.equals(node.path("origin").asText())) {
                return;
            }
            List<Long> ids = null;
            if (node.has("userIds")) {
                ids = new ArrayList<>();
                for (JsonNode id : node.path("userIds")) {
                    ids.add(Long.parseLong(id.asText()));
                }
            }
            Relayed r = new Relayed(node.path("topic").asText(), ids, node.path("json").asText());
            handlers.forEach(h -> h.accept(r));
        } catch (Exception e) {
            log.warn("Ignored an unreadable live relay message: {}", e.toString());
        }
    }

    @Override
    public boolean onlineElsewhere(long userId) {
        Map<Object, Object> entries = redis.opsForHash().entries(ONLINE_KEY + userId);
        long now = System.currentTimeMillis();
        for (Map.Entry<Object, Object> e : entries.entrySet()) {
            if (instanceId.equals(e.getKey())) {
                continue;
            }
            try {
                if (Long.parseLong(String.valueOf(e.getValue())) > now) {
                    return true;
                }
            } catch (NumberFormatException ignored) {
                // not ours to judge; treat as absent
            }
        }
        return false;
    }

    @Override
    public void touch(Collection<Long> localUsers) {
        String until = Long.toString(System.currentTimeMillis() + presenceTtl.toMillis());
        for (Long id : localUsers) {
            String key = ONLINE_KEY + id;
            redis.opsForHash().put(key, instanceId, until);
            redis.expire(key, presenceTtl);
        }
    }

    @Override
    public void gone(long userId) {
        redis.opsForHash().delete(ONLINE_KEY + userId, instanceId);
    }
}
