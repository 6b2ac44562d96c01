package cn.heatdesk.kernel.routing;

import com.zaxxer.hikari.HikariDataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.autoconfigure.liquibase.LiquibaseProperties;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.io.ResourceLoader;
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
        routingDs.setSubsidiaryTargets(targets);
        routingDs.setDefaultTargetDataSource(shared);
        routingDs.setLenientFallback(true);
        routingDs.afterPropertiesSet();
        return routingDs;
    }

    /**
     * A subsidiary with its own database gets the same schema as the shared one: the one changelog runs on each
     * of those databases at start-up, after the shared database's own migration.
     */
    @Bean
    @DependsOn("liquibase")
    @ConditionalOnProperty(prefix = "spring.liquibase", name = "enabled", matchIfMissing = true)
    public SubsidiaryMigrations subsidiaryMigrations(DataSource dataSource, LiquibaseProperties liquibase,
                                                     ResourceLoader resourceLoader) throws Exception {
        SubsidiaryMigrations migrations = new SubsidiaryMigrations();
        if (dataSource instanceof SubsidiaryRoutingDataSource routing) {
            for (Map.Entry<Object, Object> e : routing.subsidiaryTargets().entrySet()) {
                SpringLiquibase lb = new SpringLiquibase();
                lb.setDataSource((DataSource) e.getValue());
                lb.setChangeLog(liquibase.getChangeLog());
                lb.setResourceLoader(resourceLoader);
                lb.afterPropertiesSet();
                migrations.migrated.add(e.getKey());
            }
        }
        return migrations;
    }

    /** Which subsidiaries' own databases were migrated at start-up. */
    public static class SubsidiaryMigrations {
        final java.util.List<Object> migrated = new java.util.ArrayList<>();

        public java.util.List<Object> migrated() {
            return java.util.List.copyOf(migrated);
        }
    }
}
