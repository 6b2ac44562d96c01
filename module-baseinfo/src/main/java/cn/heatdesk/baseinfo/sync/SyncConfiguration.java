package cn.heatdesk.baseinfo.sync;

import cn.heatdesk.baseinfo.api.BillingSystemClient;
import cn.heatdesk.baseinfo.api.HeatNetClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The HTTP reference adapters, created only when their base-url is configured. Without one there is no client
 * bean: the scheduled pull does nothing and the console shows the system as 未配置. A site with another interface
 * replaces an adapter by leaving the base-url empty and declaring its own {@link BillingSystemClient} /
 * {@link HeatNetClient} bean.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntegrationProperties.class)
public class SyncConfiguration {

    @Bean
    @Conditional(BillingConfigured.class)
    public BillingSystemClient httpBillingClient(IntegrationProperties props, ObjectMapper json) {
        return new HttpBillingClient(props.getBilling(), json);
    }

    @Bean
    @Conditional(HeatNetConfigured.class)
    public HeatNetClient httpHeatNetClient(IntegrationProperties props, ObjectMapper json) {
        return new HttpHeatNetClient(props.getHeatnet(), json);
    }

    /** a base-url that is present and not blank (an empty value in a config template means "not configured") */
    abstract static class BaseUrlConfigured implements Condition {
        private final String key;

        BaseUrlConfigured(String key) {
            this.key = key;
        }

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String v = context.getEnvironment().getProperty(key);
            return v != null && !v.isBlank();
        }
    }

    static class BillingConfigured extends BaseUrlConfigured {
        BillingConfigured() {
            super("heatdesk.integrations.billing.base-url");
        }
    }

    static class HeatNetConfigured extends BaseUrlConfigured {
        HeatNetConfigured() {
            super("heatdesk.integrations.heatnet.base-url");
        }
    }
}
