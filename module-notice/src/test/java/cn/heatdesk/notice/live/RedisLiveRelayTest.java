package cn.heatdesk.notice.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two relays ("instances") on a real Redis (127.0.0.1:6379 or HEATDESK_TEST_REDIS_HOST/PORT); skipped when no Redis
 * is reachable. Pushes reach the other instance only; presence is seen from the other instance and ends with gone().
 */
class RedisLiveRelayTest {

    static final String HOST = System.getenv().getOrDefault("HEATDESK_TEST_REDIS_HOST", "127.0.0.1");
    static final int PORT = Integer.parseInt(System.getenv().getOrDefault("HEATDESK_TEST_REDIS_PORT", "6379"));

    LettuceConnectionFactory factory;
    RedisMessageListenerContainer containerA;
    RedisMessageListenerContainer containerB;
    RedisLiveRelay a;
    RedisLiveRelay b;
    final BlockingQueue<LiveRelay.Relayed> atA = new LinkedBlockingQueue<>();
    final BlockingQueue<LiveRelay.Relayed> atB = new LinkedBlockingQueue<>();

    @BeforeEach
    void connect() throws Exception {
        assumeTrue(reachable(), "no Redis at " + HOST + ":" + PORT);
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(HOST, PORT));
        factory.afterPropertiesSet();
        factory.start();
        StringRedisTemplate redis = new StringRedisTemplate(factory);
        ObjectMapper json = new ObjectMapper();
        a = new RedisLiveRelay(redis, json, Duration.ofSeconds(20));
        b = new RedisLiveRelay(redis, json, Duration.ofSeconds(20));
        a.listen(atA::add);
        b.listen(atB::add);
        containerA = container(a);
        containerB = container(b);
    }

    RedisMessageListenerContainer container(RedisLiveRelay relay) throws Exception {
        RedisMessageListenerContainer c = new RedisMessageListenerContainer();
        c.setConnectionFactory(factory);
        c.addMessageListener(relay, new ChannelTopic(RedisLiveRelay.CHANNEL));
        c.afterPropertiesSet();
        c.start();
        return c;
    }

    @AfterEach
    void close() throws Exception {
        if (factory == null) {
            return;
        }
        containerA.destroy();
        containerB.destroy();
        factory.destroy();
    }

    static boolean reachable() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, PORT), 500);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void pushesReachTheOtherInstanceOnly() throws Exception {
        // the subscription is asynchronous: publish until B has it
        LiveRelay.Relayed got = null;
        for (int i = 0; i < 50 && got == null; i++) {
            a.publish(new LiveRelay.Relayed("ticket", null, "{\"n\":" + i + "}"));
            got = atB.poll(100, TimeUnit.MILLISECONDS);
        }
        assertThat(got).isNotNull();
        assertThat(got.topic()).isEqualTo("ticket");
        assertThat(got.userIds()).isNull();
        assertThat(got.json()).startsWith("{\"n\":");

        b.publish(new LiveRelay.Relayed("notice", List.of(382589553954783232L, 7L), "{\"kind\":\"MESSAGE\"}"));
        LiveRelay.Relayed toUsers = atA.poll(5, TimeUnit.SECONDS);
        assertThat(toUsers).isNotNull();
        assertThat(toUsers.userIds()).containsExactly(382589553954783232L, 7L);
        assertThat(toUsers.json()).isEqualTo("{\"kind\":\"MESSAGE\"}");
        // nobody hears their own pushes
        Thread.sleep(300);
        assertThat(atA).as("A's own ticket pushes do not come back to A").noneMatch(r -> r.topic().equals("ticket"));
        assertThat(atB).as("B's own notice push does not come back to B").noneMatch(r -> r.topic().equals("notice"));
    }

    @Test
    void presenceIsSeenFromTheOtherInstance() {
        long user = System.nanoTime();
        assertThat(b.onlineElsewhere(user)).isFalse();
        a.touch(Set.of(user));
        assertThat(b.onlineElsewhere(user)).isTrue();
        assertThat(a.onlineElsewhere(user)).as("not elsewhere for the instance itself").isFalse();
        a.gone(user);
        assertThat(b.onlineElsewhere(user)).isFalse();
    }
}
