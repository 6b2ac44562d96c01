package cn.heatdesk.callcenter.config;

import cn.heatdesk.callcenter.agi.AgiProperties;
import cn.heatdesk.callcenter.ami.AmiProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** the call center's settings ({@code heatdesk.callcenter.*}) */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AmiProperties.class, AgiProperties.class})
public class CallCenterConfiguration {
}
