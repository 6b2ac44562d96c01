package cn.heatdesk.kernel.id;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Leases a snowflake worker id from table {@code id_worker_lease}: a slot is free when it has never been
 * taken or its holder stopped renewing it for longer than {@link #EXPIRY}. The holder renews every minute.
 */
public class WorkerIdLease {

    private static final Logger log = LoggerFactory.getLogger(WorkerIdLease.class);
    static final Duration EXPIRY = Duration.ofMinutes(5);

    private final JdbcTemplate jdbc;
    private final String instanceId;
    private volatile int workerId = -1;

    public WorkerIdLease(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.instanceId = describeInstance();
    }

    public int acquire() {
        for (int candidate = 0; candidate <= SnowflakeIdGenerator.MAX_WORKER; candidate++) {
            Timestamp now = Timestamp.from(Instant.now());
            Timestamp expired = Timestamp.from(Instant.now().minus(EXPIRY));
            int taken = jdbc.update(
                    "UPDATE id_worker_lease SET instance_id = ?, renewed_at = ? WHERE worker_id = ? AND renewed_at < ?",
                    instanceId, now, candidate, expired);
            if (taken == 1) {
                return remember(candidate);
            }
            Integer exists = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM id_worker_lease WHERE worker_id = ?", Integer.class, candidate);
            if (exists != null && exists == 0) {
                try {
                    jdbc.update("INSERT INTO id_worker_lease (worker_id, instance_id, renewed_at) VALUES (?, ?, ?)",
                            candidate, instanceId, now);
                    return remember(candidate);
                } catch (DataIntegrityViolationException raced) {
                    // another instance inserted the same slot first: try the next one
                }
            }
        }
        throw new IllegalStateException("no free snowflake worker id (all 1024 leased)");
    }

    public int acquiredWorkerId() {
        if (workerId < 0) {
            throw new IllegalStateException("worker id not acquired");
        }
        return workerId;
    }

    private int remember(int id) {
        workerId = id;
        log.info("snowflake worker id {} leased by {}", id, instanceId);
        return id;
    }

    /** Called by a fixed-rate timer; a lost lease (another instance took it after expiry) is fatal for ids. */
    public void renew() {
        if (workerId < 0) {
            return;
        }
        int n = jdbc.update("UPDATE id_worker_lease SET renewed_at = ? WHERE worker_id = ? AND instance_id = ?",
                Timestamp.from(Instant.now()), workerId, instanceId);
        if (n == 0) {
            log.error("snowflake worker id {} lease lost; ids could collide with another instance", workerId);
        }
    }

    public void release() {
        if (workerId >= 0) {
            jdbc.update("UPDATE id_worker_lease SET renewed_at = ? WHERE worker_id = ? AND instance_id = ?",
                    Timestamp.from(Instant.EPOCH.plusSeconds(86400)), workerId, instanceId);
        }
    }

    private static String describeInstance() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown";
        }
        String name = host + "/" + ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 120 ? name.substring(0, 120) : name;
    }
}
