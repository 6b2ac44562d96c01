package cn.heatdesk.kernel.config;

import cn.heatdesk.db.testsupport.TestDatabases;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled jobs take a row lock in table shedlock: of two instances on one database only one runs a job at a
 * time. Runs on the database chosen by HEATDESK_TEST_DB.
 */
class SchedulerLockTest {

    @Test
    void onlyOneInstanceHoldsAJobLock() throws Exception {
        TestDatabases.Db db = TestDatabases.create();
        try (Connection c = db.connect()) {
            new Liquibase("db/changelog/kernel/001-kernel-base.xml", new ClassLoaderResourceAccessor(),
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c))).update("");
        }
        LockProvider instanceA = provider(db);
        LockProvider instanceB = provider(db);
        LockConfiguration job = new LockConfiguration(Instant.now(), "deadline-escalation",
                Duration.ofMinutes(5), Duration.ZERO);

        Optional<SimpleLock> a = instanceA.lock(job);
        assertThat(a).isPresent();
        assertThat(instanceB.lock(new LockConfiguration(Instant.now(), "deadline-escalation",
                Duration.ofMinutes(5), Duration.ZERO))).isEmpty();
        a.get().unlock();
        Optional<SimpleLock> b = instanceB.lock(new LockConfiguration(Instant.now(), "deadline-escalation",
                Duration.ofMinutes(5), Duration.ZERO));
        assertThat(b).isPresent();
        b.get().unlock();
    }

    private static LockProvider provider(TestDatabases.Db db) {
        DriverManagerDataSource ds = new DriverManagerDataSource(db.url(), db.username(), db.password());
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(ds)).withTableName("shedlock")
                .withTimeZone(TimeZone.getDefault()).build());
    }
}
