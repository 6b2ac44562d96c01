package cn.heatdesk.notice.live;

import cn.heatdesk.notice.config.NoticeProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * The Redis relay is on when {@code heatdesk.notice.live.relay=redis}, or with the default {@code auto} when the
 * sessions are in Redis ({@code heatdesk.session.store=redis}, i.e. several instances). Otherwise there is no
 * relay bean and live push stays on the instance, which is all a single instance needs; Redis is not touched.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(StringRedisTemplate.class)
@Conditional(LiveRelayConfiguration.RelayWanted.class)
public class LiveRelayConfiguration {

    @Bean
    public RedisLiveRelay redisLiveRelay(StringRedisTemplate redis, ObjectMapper json, NoticeProperties props) {
        return new RedisLiveRelay(redis, json, props.getLive().getHeartbeat());
    }

    @Bean
    public RedisMessageListenerContainer liveRelayListenerContainer(RedisConnectionFactory factory, RedisLiveRelay relay) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(factory);
        container.addMessageListener(relay, new ChannelTopic(RedisLiveRelay.CHANNEL));
        return container;
    }

    static class RelayWanted implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String relay = context.getEnvironment().getProperty("heatdesk.notice.live.relay", "auto").strip();
            if (relay.equalsIgnoreCase("redis")) {
                return true;
            }
            return relay.equalsIgnoreCase("auto")
                    && "redis".equalsIgnoreCase(context.getEnvironment().getProperty("heatdesk.session.store", "memory").strip());
        }
    }
}
