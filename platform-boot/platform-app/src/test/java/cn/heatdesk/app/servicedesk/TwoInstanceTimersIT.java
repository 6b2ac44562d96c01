package cn.heatdesk.app.servicedesk;

import cn.heatdesk.app.ApiClient;
import cn.heatdesk.app.HeatDeskApplication;
import cn.heatdesk.db.testsupport.TestDatabases;
import cn.heatdesk.kernel.id.WorkerIdLease;
import cn.heatdesk.servicedesk.ticket.TicketTimerJobs;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5, correctness under load: the ticket timers (overdue escalation step by step, the near-deadline reminder)
 * and the approval-overdue flag of module-monitor run once with two complete HeatDesk instances on one database, and
 * their state survives instances going away.
 *
 * <p>Two {@link SpringApplication} runs of {@link HeatDeskApplication} with their own web servers share a fresh
 * database of the kind HEATDESK_TEST_DB chooses (a named in-memory H2 database is one database for every
 * connection of this JVM). Both run the ticket timer every 500 ms from the start, the approval-overdue scan every
 * 500 ms after its fixed 30 s start delay. Each instance's ShedLock provider is wrapped so the test sees every hold
 * of those two locks: both instances must have run the ticket timer, and no two holds of one lock may overlap.
 * Then the instance in the middle of a pass (held up on a row the test has locked) is closed and the other one must
 * finish the work; with every instance down, steps fall due and a third instance started later takes them, repeating
 * nothing. The instances share the suite's data directory (target/it-data) so they and the shared test context use
 * one key file: FieldCipher keeps a JVM-wide instance for MyBatis type handlers.
 */
class TwoInstanceTimersIT {

    private static final String PASSWORD = "HeatDesk@2026";
    private static final String LOCK = "ticket-timers";
    private static final String APPROVAL_LOCK = "monitor-approval-overdue";

    /** one hold of a recorded lock, timed strictly inside the real hold (after lock(), before unlock()) */
    record Hold(String lock, String instance, long fromNanos, long toNanos) {
    }

    private final List<Hold> holds = new CopyOnWriteArrayList<>();
    /** the current hold of each recorded lock (instance and start), while it is held */
    private final Map<String, Hold> holder = new ConcurrentHashMap<>();
    private final List<Instance> running = new ArrayList<>();
    private TestDatabases.Db db;
    private JdbcTemplate jdbc;

    @Test
    void escalationsAndRemindersRunOnceOnTwoInstancesAndSurviveRestarts() throws Exception {
        db = TestDatabases.create();
        // a real DataSource (TestDatabases' proxy has no hashCode, which Spring's transaction binding needs)
        jdbc = new JdbcTemplate(new DriverManagerDataSource(db.url(), db.username(), db.password()));
        try {
            Instance a = start("A");              // creates the schema and the demo data
            Instance b = start("B");              // finds both and adds nothing
            assertThat(a.workerId()).isNotEqualTo(b.workerId());
            assertThat(count("SELECT COUNT(*) FROM sys_user WHERE username = 'agent01'")).isEqualTo(1);

            ApiClient agent = new ApiClient("http://localhost:" + a.port).loggedIn("agent01", PASSWORD);
            long agentId = jdbc.queryForObject("SELECT id FROM sys_user WHERE username = 'agent01'", Long.class);
            long household = jdbc.queryForObject("SELECT MIN(h.id) FROM bi_household h JOIN org_unit o ON o.id = h.subsidiary_id"
                    + " WHERE o.org_code = 'SUB01'", Long.class);
            long st01 = jdbc.queryForObject("SELECT id FROM org_unit WHERE org_code = 'ST01'", Long.class);

            // ---- 1. both instances scan every 500 ms: six overdue tickets, each escalated once, one reminder
            List<Long> first = create(agent, household, st01, 6);
            long near = create(agent, household, st01, 1).get(0);
            long cancelled = create(agent, household, st01, 1).get(0);   // dispatched to ST01: lead01 approves
            long approval = overdueApproval(agent, cancelled);
            overdue(first);
            nearDeadline(near);
            awaitLevel(first, 1);
            await("the near-deadline reminder", () -> count("SELECT near_notified FROM sd_ticket WHERE id = ?", near) == 1);
            Thread.sleep(2500);                    // ~5 more passes per instance: room for a second escalation
            assertEscalatedExactly(first, 1, agentId);
            assertThat(count("SELECT COUNT(*) FROM sd_ticket_history WHERE ticket_id = ? AND action = 'ESCALATE'", near)).isZero();
            assertThat(count("SELECT COUNT(*) FROM nt_message WHERE biz_id = ? AND event_code = 'TICKET_URGED' AND recipient_id = ?",
                    near, agentId)).as("one near-deadline reminder to the creator").isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM shedlock WHERE name = ?", LOCK)).isEqualTo(1);
            assertThat(holds(LOCK)).extracting(Hold::instance).as("both instances ran the timer").contains("A", "B");
            assertDisjoint();

            // ---- 2. as if the lock had expired mid-pass: both instances' passes at once, unguarded by ShedLock.
            // The test holds the lock itself so the scheduled passes stand aside; the row lock must still decide.
            List<Long> second = create(agent, household, st01, 6);
            long near2 = create(agent, household, st01, 1).get(0);
            SimpleLock held = holdTimerLock();
            try {
                overdue(second);
                nearDeadline(near2);
                int touched = racePasses(a, b);
                assertThat(touched).as("6 escalations and 1 reminder, each done by exactly one of the two passes").isEqualTo(7);
            } finally {
                held.unlock();
            }
            assertEscalatedExactly(second, 1, agentId);
            assertThat(count("SELECT COUNT(*) FROM nt_message WHERE biz_id = ? AND event_code = 'TICKET_URGED' AND recipient_id = ?",
                    near2, agentId)).isEqualTo(1);

            // ---- 3. the next step falls due: level 2, exactly one more ESCALATE each
            due(first);
            awaitLevel(first, 2);
            Thread.sleep(1500);
            assertEscalatedExactly(first, 2, agentId);

            // the approval-overdue scan starts 30 s after each instance (not configurable): A has been up long enough
            long lead01 = jdbc.queryForObject("SELECT id FROM sys_user WHERE username = 'lead01'", Long.class);
            await("the approval flagged overdue", () -> count("SELECT overdue_level FROM mo_approval WHERE id = ?", approval) == 1);
            Thread.sleep(1500);
            assertApprovalFlaggedOnce(approval, lead01);
            assertThat(holds(APPROVAL_LOCK)).as("the approval-overdue scan ran under its lock").isNotEmpty();
            assertThat(count("SELECT COUNT(*) FROM shedlock WHERE name = ?", APPROVAL_LOCK)).isEqualTo(1);

            // ---- 4. the instance in the middle of a pass is stopped; the other one finishes the work at once.
            // The pass is held up on the first overdue ticket by a row lock of the test, then its instance is closed.
            List<Long> third = create(agent, household, st01, 6);
            Instance stopped;
            SimpleLock held2 = holdTimerLock();   // no pass while the stage is set
            overdue(third);
            jdbc.update("UPDATE sd_ticket SET next_escalate_at = ? WHERE id = ?", ts(LocalDateTime.now().minusMinutes(30)), third.get(0));
            try (Connection blocker = jdbc.getDataSource().getConnection()) {
                blocker.setAutoCommit(false);
                try (PreparedStatement ps = blocker.prepareStatement("SELECT id FROM sd_ticket WHERE id = ? FOR UPDATE")) {
                    ps.setLong(1, third.get(0));
                    ps.executeQuery().close();
                }
                held2.unlock();
                await("a pass waiting on the locked ticket", () -> {
                    Hold h = holder.get(LOCK);
                    return h != null && System.nanoTime() - h.fromNanos() > TimeUnit.MILLISECONDS.toNanos(300);
                });
                stopped = holder.get(LOCK).instance().equals("A") ? a : b;
                Thread closer = new Thread(stopped::close, "close-" + stopped.name);
                closer.start();
                Thread.sleep(500);
                blocker.rollback();
                closer.join(TimeUnit.SECONDS.toMillis(60));
                assertThat(closer.isAlive()).as("instance %s closed", stopped.name).isFalse();
            }
            Instance survivor = stopped == a ? b : a;
            int holdsOfStopped = (int) holds(LOCK).stream().filter(h -> h.instance().equals(stopped.name)).count();
            awaitLevel(third, 1);
            List<Long> fourth = create(new ApiClient("http://localhost:" + survivor.port).loggedIn("agent01", PASSWORD),
                    household, st01, 4);
            overdue(fourth);
            awaitLevel(fourth, 1);
            Thread.sleep(1500);
            assertEscalatedExactly(third, 1, agentId);
            assertEscalatedExactly(fourth, 1, agentId);
            assertThat(escalationWorkers(fourth)).as("written by the survivor").containsOnly(survivor.workerId());
            assertThat(holds(LOCK).stream().filter(h -> h.instance().equals(stopped.name)).count()).as("the stopped one no longer runs")
                    .isEqualTo(holdsOfStopped);

            // ---- 5. every instance down while steps fall due; a new instance takes them and repeats nothing
            survivor.close();
            List<Long> fifth = new ArrayList<>(first.subList(0, 2));   // step 3 (group) of two level-2 tickets
            due(fifth);
            start("C");
            awaitLevel(fifth, 3);
            Thread.sleep(2000);
            assertEscalatedExactly(fifth, 3, agentId);
            assertThat(count("SELECT COUNT(*) FROM sd_ticket WHERE next_escalate_at IS NOT NULL AND id IN ("
                    + fifth.get(0) + "," + fifth.get(1) + ")")).as("after the group level nothing more is planned").isZero();
            assertEscalatedExactly(first.subList(2, 6), 2, agentId);
            assertEscalatedExactly(second, 1, agentId);
            assertEscalatedExactly(third, 1, agentId);
            assertEscalatedExactly(fourth, 1, agentId);
            assertThat(count("SELECT COUNT(*) FROM nt_message WHERE biz_id = ? AND event_code = 'TICKET_URGED' AND recipient_id = ?",
                    near, agentId)).isEqualTo(1);
            assertThat(holds(LOCK)).extracting(Hold::instance).contains("C");
            assertApprovalFlaggedOnce(approval, lead01);
            assertDisjoint();
        } finally {
            for (Instance i : running) {
                i.close();
            }
        }
    }

    // ------------------------------------------------------------------ instances

    /** one complete HeatDesk application with its own web server on the shared database */
    final class Instance implements AutoCloseable {
        final String name;
        final ConfigurableApplicationContext ctx;
        final int port;

        Instance(String name, ConfigurableApplicationContext ctx) {
            this.name = name;
            this.ctx = ctx;
            this.port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
        }

        int workerId() {
            return ctx.getBean(WorkerIdLease.class).acquiredWorkerId();
        }

        @Override
        public void close() {
            if (ctx.isActive()) {
                ctx.close();
            }
        }
    }

    private Instance start(String name) {
        SpringApplication app = new SpringApplication(HeatDeskApplication.class);
        // the lock provider is wrapped before anything uses it (ShedLock's advisor looks it up lazily)
        app.addInitializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof LockProvider p && !(bean instanceof RecordingLockProvider)
                        ? new RecordingLockProvider(name, p, holds, holder) : bean;
            }
        }));
        // command-line arguments outrank application.yml (default properties would not)
        ConfigurableApplicationContext ctx = app.run(
                "--server.port=0",
                // H2 gives up on a row lock after 2 s; the mid-pass stop below holds one a little longer
                "--spring.datasource.url=" + db.url() + (db.kind().equals("h2") ? ";LOCK_TIMEOUT=10000" : ""),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--spring.datasource.hikari.maximum-pool-size=8",
                "--heatdesk.demo=true",
                "--heatdesk.data-dir=target/it-data",
                "--heatdesk.security.keys.generate-if-missing=true",
                "--heatdesk.callcenter.agi.port=0",
                // two instances on one database would fight over the demo gateways' ports
                "--heatdesk.callcenter.demo-simulators=false",
                "--heatdesk.ticket.timer-interval-ms=500",
                "--heatdesk.ticket.timer-initial-delay-ms=0",
                "--heatdesk.monitor.approval-overdue-scan=PT0.5S");
        Instance i = new Instance(name, ctx);
        running.add(i);
        return i;
    }

    /** records the holds of the two timer locks; every other lock passes through untouched */
    record RecordingLockProvider(String instance, LockProvider delegate, List<Hold> holds, Map<String, Hold> holder)
            implements LockProvider {
        @Override
        public Optional<SimpleLock> lock(LockConfiguration cfg) {
            Optional<SimpleLock> lock = delegate.lock(cfg);
            if (lock.isEmpty() || !(LOCK.equals(cfg.getName()) || APPROVAL_LOCK.equals(cfg.getName()))) {
                return lock;
            }
            long from = System.nanoTime();
            holder.put(cfg.getName(), new Hold(cfg.getName(), instance, from, 0));
            SimpleLock inner = lock.get();
            return Optional.of(() -> {
                holder.remove(cfg.getName());
                holds.add(new Hold(cfg.getName(), instance, from, System.nanoTime()));
                inner.unlock();
            });
        }
    }

    private List<Hold> holds(String lock) {
        return holds.stream().filter(h -> h.lock().equals(lock)).toList();
    }

    private void assertDisjoint() {
        for (String lock : List.of(LOCK, APPROVAL_LOCK)) {
            List<Hold> all = new ArrayList<>(holds(lock));
            all.sort((x, y) -> Long.compare(x.fromNanos(), y.fromNanos()));
            for (int i = 1; i < all.size(); i++) {
                assertThat(all.get(i).fromNanos()).as("%s started while %s held the lock", all.get(i), all.get(i - 1))
                        .isGreaterThan(all.get(i - 1).toNanos());
            }
        }
    }

    /** takes the ticket-timers lock the way a third instance would, waiting for a running pass to end */
    private SimpleLock holdTimerLock() throws InterruptedException {
        LockProvider provider = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(jdbc).withTableName("shedlock").withTimeZone(TimeZone.getDefault()).build());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            Optional<SimpleLock> l = provider.lock(new LockConfiguration(Instant.now(), LOCK, Duration.ofMinutes(2), Duration.ZERO));
            if (l.isPresent()) {
                return l.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("could not take the ticket-timers lock in 20 s");
    }

    /** one pass on each instance, started together; returns how many tickets the two passes touched in total */
    private int racePasses(Instance a, Instance b) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<Integer>> passes = new ArrayList<>();
            for (Instance i : List.of(a, b)) {
                TicketTimerJobs timers = i.ctx.getBean(TicketTimerJobs.class);
                passes.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return timers.runOnce();
                }));
            }
            int n = 0;
            for (Future<Integer> f : passes) {
                n += f.get(60, TimeUnit.SECONDS);
            }
            return n;
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ tickets

    private List<Long> create(ApiClient agent, long household, long station, int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> body = new HashMap<>();
            body.put("ticketType", "REPAIR");
            body.put("source", "PHONE");
            body.put("urgency", "NORMAL");
            body.put("householdId", String.valueOf(household));
            body.put("callerPhone", "13800138000");
            body.put("content", "暖气不热（双实例定时任务测试 " + i + "）");
            // half waits in the pool, half is at the station: both kinds of open ticket escalate
            body.put("dispatchNow", i % 2 == 0);
            body.put("stationOrgId", String.valueOf(station));
            ApiClient.Reply r = agent.post("/api/servicedesk/tickets", body);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            ids.add(r.data().path("ticket").path("id").asLong());
        }
        return ids;
    }

    /** the deadline passed five minutes ago and the first step is due */
    private void overdue(List<Long> ids) {
        LocalDateTime now = LocalDateTime.now();
        for (Long id : ids) {
            jdbc.update("UPDATE sd_ticket SET deadline = ?, warn_at = ?, next_escalate_at = ?, near_notified = 1 WHERE id = ?",
                    ts(now.minusMinutes(5)), ts(now.minusMinutes(65)), ts(now.minusMinutes(5)), id);
        }
    }

    /** the next escalation step of already escalated tickets is due */
    private void due(List<Long> ids) {
        for (Long id : ids) {
            jdbc.update("UPDATE sd_ticket SET next_escalate_at = ? WHERE id = ?", ts(LocalDateTime.now().minusMinutes(1)), id);
        }
    }

    /** in the warning window: the reminder is due, the deadline is not */
    private void nearDeadline(long id) {
        LocalDateTime now = LocalDateTime.now();
        jdbc.update("UPDATE sd_ticket SET deadline = ?, warn_at = ?, next_escalate_at = ?, near_notified = 0 WHERE id = ?",
                ts(now.plusMinutes(30)), ts(now.minusMinutes(1)), ts(now.plusMinutes(30)), id);
    }

    /** a cancel request waiting at its first level (the station lead), whose due time passed half an hour ago */
    private long overdueApproval(ApiClient agent, long ticketId) {
        int version = count("SELECT row_version FROM sd_ticket WHERE id = ?", ticketId);
        Map<String, Object> body = new HashMap<>();
        body.put("bizType", "TICKET");
        body.put("bizId", String.valueOf(ticketId));
        body.put("action", "CANCEL");
        body.put("reason", "客户已自行修好");
        body.put("payload", Map.of("expectedVersion", version));
        ApiClient.Reply r = agent.post("/api/monitor/approvals", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        long id = r.data().path("approval").path("id").asLong();
        Timestamp past = ts(LocalDateTime.now().minusMinutes(30));
        jdbc.update("UPDATE mo_approval SET current_due_at = ? WHERE id = ?", past, id);
        jdbc.update("UPDATE mo_approval_step SET due_at = ? WHERE approval_id = ? AND level_no = 1", past, id);
        return id;
    }

    private void assertApprovalFlaggedOnce(long approval, long approver) {
        assertThat(count("SELECT overdue_level FROM mo_approval WHERE id = ?", approval)).isEqualTo(1);
        assertThat(count("SELECT overdue_flag FROM mo_approval_step WHERE approval_id = ? AND level_no = 1", approval)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM nt_message WHERE biz_id = ? AND event_code = 'APPROVAL_OVERDUE' AND recipient_id = ?",
                approval, approver)).as("overdue notices of the approval to its approver").isEqualTo(1);
    }

    private void awaitLevel(List<Long> ids, int level) throws InterruptedException {
        await("escalation level " + level + " of " + ids, () -> ids.stream().allMatch(id -> level(id) >= level));
    }

    private void assertEscalatedExactly(List<Long> ids, int steps, long creatorId) {
        for (Long id : ids) {
            Map<String, Object> row = jdbc.queryForMap("SELECT escalation_level, priority, row_version FROM sd_ticket WHERE id = ?", id);
            assertThat(((Number) row.get("escalation_level")).intValue()).as("level of %s", id).isEqualTo(steps);
            assertThat(((Number) row.get("priority")).intValue()).as("priority of %s", id).isEqualTo(steps);
            List<String> details = jdbc.queryForList("SELECT detail FROM sd_ticket_history WHERE ticket_id = ? AND action = 'ESCALATE'"
                    + " ORDER BY created_at, id", String.class, id);
            assertThat(details).as("ESCALATE entries of ticket %s", id).hasSize(steps);
            for (int s = 0; s < steps; s++) {
                assertThat(details.get(s)).contains("第 " + (s + 1) + " 级");
            }
            assertThat(count("SELECT COUNT(*) FROM sd_ticket_history WHERE ticket_id = ? AND action = 'ESCALATE' AND origin = 'SYSTEM'", id))
                    .isEqualTo(steps);
            assertThat(count("SELECT COUNT(*) FROM nt_message WHERE biz_id = ? AND event_code = 'TICKET_ESCALATED' AND recipient_id = ?",
                    id, creatorId)).as("escalation notices of %s to its creator", id).isEqualTo(steps);
        }
    }

    /** the snowflake worker ids of the ESCALATE entries: which instance wrote them */
    private List<Integer> escalationWorkers(List<Long> ids) {
        List<Integer> out = new ArrayList<>();
        for (Long id : ids) {
            for (Long h : jdbc.queryForList("SELECT id FROM sd_ticket_history WHERE ticket_id = ? AND action = 'ESCALATE'", Long.class, id)) {
                out.add((int) ((h >> 12) & 1023));
            }
        }
        return out;
    }

    private int level(long id) {
        return count("SELECT escalation_level FROM sd_ticket WHERE id = ?", id);
    }

    private int count(String sql, Object... args) {
        Number n = jdbc.queryForObject(sql, Number.class, args);
        return n == null ? 0 : n.intValue();
    }

    private static Timestamp ts(LocalDateTime t) {
        return Timestamp.valueOf(t);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
