package cn.heatdesk.app;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;

/**
 * Caching of the web console (module web-console, packaged as classpath:/static/ and served by Spring Boot with
 * index.html as the welcome page at / or the WAR's context path). The bundles under /assets/ carry a content hash
 * in their names, so browsers may keep them for a year; index.html must be revalidated on every load so that an
 * upgrade is picked up at once. The same holds for the field app (供热移动运维, field.html), its service worker
 * (field-sw.js, whose bytes change with every build and so trigger the app-shell update) and its manifest.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfig implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/index.html", "/field.html", "/field-sw.js", "/field.webmanifest")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.noCache());
    }
}
