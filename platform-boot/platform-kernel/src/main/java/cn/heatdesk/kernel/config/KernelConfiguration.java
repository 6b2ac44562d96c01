package cn.heatdesk.kernel.config;

import cn.heatdesk.db.mybatis.HeatDeskDatabaseIdProvider;
import cn.heatdesk.kernel.crypto.EncryptedStringTypeHandler;
import cn.heatdesk.kernel.crypto.FieldCipher;
import cn.heatdesk.kernel.datascope.DataScopeInterceptor;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.id.SnowflakeIdGenerator;
import cn.heatdesk.kernel.id.WorkerIdLease;
import cn.heatdesk.kernel.security.RedisSaTokenDao;
import cn.heatdesk.kernel.security.SessionPermissionSource;
import cn.dev33.satoken.dao.SaTokenDao;
import cn.dev33.satoken.stp.StpInterface;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.apache.ibatis.mapping.DatabaseIdProvider;
import org.mybatis.spring.boot.autoconfigure.ConfigurationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import javax.sql.DataSource;
import java.util.Properties;
import java.util.TimeZone;

/** Kernel beans every module relies on. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HeatDeskProperties.class)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
public class KernelConfiguration {

    @Bean(destroyMethod = "release")
    @DependsOnDatabaseInitialization
    public WorkerIdLease workerIdLease(JdbcTemplate jdbc) {
        WorkerIdLease lease = new WorkerIdLease(jdbc);
        lease.acquire();
        return lease;
    }

    @Bean
    public IdGenerator idGenerator(WorkerIdLease lease) {
        return new SnowflakeIdGenerator(lease.acquiredWorkerId());
    }

    @Bean
    public LeaseRenewal leaseRenewal(WorkerIdLease lease) {
        return new LeaseRenewal(lease);
    }

    /** Scheduled jobs take a row lock in table shedlock, so one instance runs each job at a time. */
    @Bean
    @DependsOnDatabaseInitialization
    public LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .withTimeZone(TimeZone.getDefault())
                .build());
    }

    @Bean
    public DatabaseIdProvider databaseIdProvider() {
        HeatDeskDatabaseIdProvider provider = new HeatDeskDatabaseIdProvider();
        provider.setProperties(new Properties());
        return provider;
    }

    @Bean
    public DataScopeInterceptor dataScopeInterceptor() {
        return new DataScopeInterceptor();
    }

    @Bean
    public ConfigurationCustomizer heatdeskMybatisCustomizer(ObjectProvider<FieldCipher> fieldCipher) {
        return configuration -> {
            configuration.setMapUnderscoreToCamelCase(true);
            // module test applications without keys have no cipher (and no encrypted columns)
            fieldCipher.ifAvailable(c -> EncryptedStringTypeHandler.bind(configuration.getTypeHandlerRegistry(), c));
        };
    }

    @Bean
    public StpInterface stpInterface() {
        return new SessionPermissionSource();
    }

    /** Ids are 64-bit snowflakes; JavaScript numbers lose them, so boxed Longs travel as strings. */
    @Bean
    public Jackson2ObjectMapperBuilderCustomizer heatdeskJackson() {
        return builder -> builder.serializerByType(Long.class, ToStringSerializer.instance);
    }

    /** Sessions in Redis for several instances; kept apart so Redis stays an optional dependency. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(StringRedisTemplate.class)
    @ConditionalOnProperty(name = "heatdesk.session.store", havingValue = "redis")
    static class RedisSessionStore {
        @Bean
        public SaTokenDao redisSaTokenDao(StringRedisTemplate redis) {
            return new RedisSaTokenDao(redis);
        }
    }

    /** Renews the snowflake worker-id lease every minute. */
    public static class LeaseRenewal {
        private final WorkerIdLease lease;

        LeaseRenewal(WorkerIdLease lease) {
            this.lease = lease;
        }

        @Scheduled(fixedRate = 60_000, initialDelay = 60_000)
        public void renew() {
            lease.renew();
        }
    }
}
