package cn.heatdesk.kernel.id;

import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerIdLeaseTest {

    private JdbcTemplate jdbc;

    @BeforeEach
    void schema() throws Exception {
        SingleConnectionDataSource ds = new SingleConnectionDataSource(
                "jdbc:h2:mem:lease" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", true);
        try (var c = ds.getConnection()) {
            new Liquibase("db/changelog/kernel/001-kernel-base.xml", new ClassLoaderResourceAccessor(),
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c))).update("");
        }
        jdbc = new JdbcTemplate(ds);
    }

    @Test
    void instancesGetDistinctWorkerIdsAndAReleasedOneIsReused() {
        WorkerIdLease a = new WorkerIdLease(jdbc);
        WorkerIdLease b = new WorkerIdLease(jdbc);
        int idA = a.acquire();
        int idB = b.acquire();
        assertThat(idA).isNotEqualTo(idB);

        a.release();
        assertThat(new WorkerIdLease(jdbc).acquire()).isEqualTo(idA);
    }

    @Test
    void aLeaseNotRenewedForFiveMinutesIsTakenOver() {
        WorkerIdLease crashed = new WorkerIdLease(jdbc);
        int id = crashed.acquire();
        jdbc.update("UPDATE id_worker_lease SET renewed_at = ? WHERE worker_id = ?",
                Timestamp.from(Instant.now().minusSeconds(301)), id);
        assertThat(new WorkerIdLease(jdbc).acquire()).isEqualTo(id);
        // the old holder notices it lost the lease: its renewal touches nothing
        crashed.renew();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM id_worker_lease WHERE worker_id = ? AND renewed_at < ?",
                Integer.class, id, Timestamp.from(Instant.now().minusSeconds(200)))).isZero();
    }
}
