package cn.heatdesk.notice.config;

import cn.heatdesk.kernel.crypto.EncryptedColumns;
import cn.heatdesk.notice.channel.HttpSmsGatewayAdapter;
import cn.heatdesk.notice.channel.WeChatTemplateAdapter;
import cn.heatdesk.notice.channel.WechatBindingMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The adapters that need configuration, and the notice module's encrypted columns. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NoticeProperties.class)
public class NoticeConfiguration {

    /** only when selected: it refuses to start without a URL and secret */
    @Bean
    @ConditionalOnProperty(name = "heatdesk.notice.sms.adapter", havingValue = "http")
    public HttpSmsGatewayAdapter httpSmsGatewayAdapter(NoticeProperties props, ObjectMapper json) {
        return new HttpSmsGatewayAdapter(props.getSms().getHttp(), json);
    }

    /** always present; without an app id it fails its messages with a clear reason (the templates start disabled) */
    @Bean
    public WeChatTemplateAdapter weChatTemplateAdapter(NoticeProperties props, WechatBindingMapper bindings, ObjectMapper json) {
        return new WeChatTemplateAdapter(props.getWechat(), bindings, json);
    }

    /** phone numbers in the outbox take part in SM4 key rotation */
    @Bean
    public EncryptedColumns noticeOutboxAddresses() {
        return new EncryptedColumns("nt_outbox", "id", List.of("address_enc"));
    }
}
