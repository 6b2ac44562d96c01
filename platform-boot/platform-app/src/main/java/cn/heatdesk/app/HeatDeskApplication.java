package cn.heatdesk.app;

import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.support.SpringBootServletInitializer;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.TimeZone;

/**
 * HeatDesk (供热客服平台): one deployable assembling every module. Runs as an executable JAR or, through
 * {@link SpringBootServletInitializer}, as a WAR in an external Jakarta servlet container (Tomcat 10, TongWeb).
 */
@SpringBootApplication(scanBasePackages = "cn.heatdesk")
@MapperScan(basePackages = "cn.heatdesk", annotationClass = Mapper.class)
public class HeatDeskApplication extends SpringBootServletInitializer {

    static {
        // customer networks are closed: Liquibase must not try to send usage analytics
        if (System.getProperty("liquibase.analytics.enabled") == null) {
            System.setProperty("liquibase.analytics.enabled", "false");
        }
    }

    public static void main(String[] args) {
        // business times are local times (LocalDateTime) of the heating group: Beijing time unless the operator
        // chose otherwise with -Duser.timezone (a WAR container sets it in its own JVM options)
        boolean chosen = System.getenv("TZ") != null || ManagementFactory.getRuntimeMXBean().getInputArguments()
                .stream().anyMatch(a -> a.startsWith("-Duser.timezone="));
        if (!chosen) {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
        }
        SpringApplication app = new SpringApplication(HeatDeskApplication.class);
        // command-line tools (e.g. --heatdesk.cli=audit-verify) run without a web server
        if (Arrays.stream(args).anyMatch(a -> a.startsWith("--heatdesk.cli="))) {
            app.setWebApplicationType(WebApplicationType.NONE);
        }
        app.run(args);
    }

    @Override
    protected SpringApplicationBuilder configure(SpringApplicationBuilder builder) {
        return builder.sources(HeatDeskApplication.class);
    }
}
