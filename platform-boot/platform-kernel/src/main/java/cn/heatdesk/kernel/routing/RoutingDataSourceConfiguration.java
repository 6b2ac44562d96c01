package cn.heatdesk.kernel.routing;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.Map;

/**
 * The application's DataSource is the routing one; its default target is the ordinary
 * {@code spring.datasource.*} pool. Business code never sees which database a subsidiary uses.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RoutingProperties.class)
public class RoutingDataSourceConfiguration {

    /** the shared database, with the usual spring.datasource.hikari.* pool settings */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    public HikariDataSource sharedDataSource(DataSourceProperties properties) {
        HikariDataSource shared = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        shared.setPoolName("heatdesk-shared");
        return shared;
    }

    @Bean
    @Primary
    public DataSource dataSource(HikariDataSource sharedDataSource, RoutingProperties routing) {
        HikariDataSource shared = sharedDataSource;
        Map<Object, Object> targets = new HashMap<>();
        routing.getSubsidiaries().forEach((subsidiaryId, t) -> {
            HikariDataSource ds = new HikariDataSource();
            ds.setJdbcUrl(t.getUrl());
            ds.setUsername(t.getUsername());
            ds.setPassword(t.getPassword());
            ds.setPoolName("heatdesk-subsidiary-" + subsidiaryId);
            targets.put(subsidiaryId, ds);
        });
        SubsidiaryRoutingDataSource routingDs = new SubsidiaryRoutingDataSource();
        routingDs.setDefaultTargetDataSource(shared);
        routingDs.setTargetDataSources(targets);
        routingDs.setLenientFallback(true);
        routingDs.afterPropertiesSet();
        return routingDs;
    }
}
