package cn.heatdesk.repair.mobile.device;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers the device check of the field app's API after the kernel's login check (order 20), and the app token
 * lifetime settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MobileTokenProperties.class)
public class MobileWebConfig implements WebMvcConfigurer {

    private final DeviceService devices;
    private final ObjectMapper json;

    public MobileWebConfig(DeviceService devices, ObjectMapper json) {
        this.devices = devices;
        this.json = json;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new MobileDeviceGuard(devices, json))
                .addPathPatterns("/api/mobile/**")
                .excludePathPatterns("/api/mobile/auth/login")
                .order(30);
    }
}
