package cn.heatdesk.bench.mobile;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.File;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The mobile sync speed goals of issue 6 on the whole application. HeatDesk runs as its own process (the executable
 * jar) so its CPU is measured apart from the driver's; everything is prepared over the REST API as an administrator,
 * a call-center agent and the station lead would do it (field users and their worker profiles, tickets created,
 * confirmed and assigned), every simulated phone logs in through the field app's login (which binds its device)
 * and holds its own device token. Then, over real HTTP:
 *
 * <ol>
 *   <li><b>push</b>: one worker's batch of 1,000 commands (accept 250 tickets, check in on site at each, then per
 *   ticket fill-back + complete, or temperature reading + fill-back), R times on fresh tickets; after each the very
 *   same batch again (a replay must change nothing: every result replayed, ticket versions and feed unchanged).</li>
 *   <li><b>pull</b>: that worker's device pulls everything since its cursor of before the pushes (≥ 10,000 feed
 *   entries: assignments by the lead and the changes of its own commands) in pages of 500 as the app does; then
 *   a new device's snapshot of the open tickets.</li>
 *   <li><b>devices</b>: D field users, each on its own device, each syncing every I seconds (pull from its cursor,
 *   then a push of one command: a temperature reading on its ticket for those holding one, else a daily
 *   check-in), start times spread over the first interval; after that ramp, S seconds are measured: latency of
 *   each request, errors, HeatDesk's CPU.</li>
 * </ol>
 *
 * <pre>./mvnw -q -o -f bench/pom.xml compile exec:exec@mobile -Dbench.args="--db=h2"</pre>
 *
 * Flags: --phases=push,pull,devices --db=h2|postgresql --jar=bench/target/mobile/heatdesk-exec.jar --app-xmx=2g
 * --push-reps=8 --devices=2000 --device-tickets=200 --interval=30 --sustain=180 --threads=200; --jfr=push|pull|devices
 * records that phase into the work directory.
 */
public final class MobileSyncLoadDriver {

    private static final String PASSWORD = "Bench#2026mob";
    private static final int BATCH = 1000;

    private final Map<String, String> opt;
    private final Random random = new Random(11);
    private Process app;
    private String base;
    private Path work;
    private MobHttp admin;
    private MobHttp agent;
    private MobHttp lead;
    private long stationOrgId;
    private List<Long> roleIds;
    private final List<Long> households = new ArrayList<>();
    private final AtomicInteger householdNext = new AtomicInteger();
    private Phone pusher;
    private String pusherCursor;

    /** one field user on one phone */
    static final class Phone {
        final String username;
        final String deviceId;
        final MobHttp http;
        long userId;
        String cursor = "";
        final AtomicLong seq = new AtomicLong();
        Long ticketId;

        Phone(String base, String username, String deviceId) {
            this.username = username;
            this.deviceId = deviceId;
            this.http = new MobHttp(base);
        }

        Map<String, Object> command(String type, Long ticket, Map<String, Object> payload) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("opId", UUID.randomUUID().toString());
            c.put("seq", seq.incrementAndGet());
            c.put("clientTime", LocalDateTime.now().withNano(0).toString());
            c.put("type", type);
            if (ticket != null) {
                c.put("ticketId", String.valueOf(ticket));
            }
            c.put("payload", payload);
            return c;
        }

        JsonNode push(List<Map<String, Object>> commands) throws Exception {
            return http.post("/api/mobile/sync/push", Map.of("deviceId", deviceId, "commands", commands));
        }

        JsonNode pull(String from, int limit) throws Exception {
            return http.get("/api/mobile/sync/pull?cursor=" + q(from) + "&limit=" + limit);
        }
    }

    private MobileSyncLoadDriver(Map<String, String> opt) {
        this.opt = opt;
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Map<String, String> opt = new HashMap<>();
        for (String a : args) {
            if (a.startsWith("--") && a.contains("=")) {
                opt.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else if (a.startsWith("--")) {
                opt.put(a.substring(2), "true");
            }
        }
        MobileSyncLoadDriver d = new MobileSyncLoadDriver(opt);
        int rc = 0;
        try {
            d.run();
        } catch (Throwable t) {
            t.printStackTrace();
            rc = 1;
        } finally {
            d.shutdown();
        }
        System.exit(rc);
    }

    private int intOpt(String name, int dflt) {
        return Integer.parseInt(opt.getOrDefault(name, String.valueOf(dflt)));
    }

    private boolean phase(String name) {
        return List.of(opt.getOrDefault("phases", "push,pull,devices").split(",")).contains(name);
    }

    private void run() throws Exception {
        String db = opt.getOrDefault("db", "h2");
        work = Files.createTempDirectory("heatdesk-mobbench");
        System.out.printf("# mobile sync load: db %s; %d cores, %s RAM, Java %s, %s%n", db,
                Runtime.getRuntime().availableProcessors(), memTotal(), System.getProperty("java.version"), Instant.now());
        startApp(db);
        setUp();
        if (phase("push") || phase("pull")) {
            push();
        }
        if (phase("pull")) {
            pull();
        }
        if (phase("devices")) {
            devices();
        }
    }

    // ------------------------------------------------------------------ set-up

    private void startApp(String db) throws Exception {
        int port = freePort();
        base = "http://127.0.0.1:" + port;
        File jarFile = new File(opt.getOrDefault("jar", "bench/target/mobile/heatdesk-exec.jar")).getAbsoluteFile();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + opt.getOrDefault("app-xmx", "2g"), "-XX:+UseG1GC", "-jar", jarFile.toString(),
                "--server.port=" + port, "--heatdesk.data-dir=" + work.resolve("app"),
                "--heatdesk.callcenter.demo-simulators=false", "--logging.level.root=WARN"));
        if ("postgresql".equals(db)) {
            String name = "heatdesk_mobile_bench";
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name);
                s.execute("CREATE DATABASE " + name);
            }
            cmd.add("--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + name);
            cmd.add("--spring.datasource.username=postgres");
            cmd.add("--spring.datasource.password=");
        }
        System.out.printf("# HeatDesk: %s (built %s), data dir %s%n", jarFile, Instant.ofEpochMilli(jarFile.lastModified()),
                work.resolve("app"));
        Path log = work.resolve("app.log");
        long t0 = System.nanoTime();
        app = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant until = Instant.now().plus(Duration.ofMinutes(4));
        while (true) {
            if (!app.isAlive()) {
                throw new IllegalStateException("HeatDesk exited; see " + log);
            }
            try {
                new MobHttp(base).get("/api/auth/public-key");
                break;
            } catch (Exception notYet) {
                if (Instant.now().isAfter(until)) {
                    throw new IllegalStateException("HeatDesk did not start; see " + log);
                }
                Thread.sleep(500);
            }
        }
        System.out.printf("# HeatDesk pid %d up after %.1f s; log %s%n", app.pid(), (System.nanoTime() - t0) / 1e9, log);
    }

    private void setUp() throws Exception {
        admin = new MobHttp(base);
        admin.login("admin", "HeatDesk@2026");
        // bench users log in with their initial password, as a site that switched the first-login change off
        JsonNode ps = admin.get("/api/settings/params?keyword=" + q("security.password.force-initial-change") + "&size=50");
        for (JsonNode p : ps.path("records")) {
            if ("security.password.force-initial-change".equals(p.path("paramKey").asText())) {
                admin.put("/api/settings/params/" + p.path("id").asText() + "/value",
                        Map.of("paramValue", "false", "rowVersion", p.path("rowVersion").asInt()));
            }
        }
        agent = new MobHttp(base);
        agent.login("agent01", "HeatDesk@2026");
        lead = new MobHttp(base);
        // the demo data (users, households, worker profiles) is written by application runners, after the web
        // server already answers: wait until the station lead sees its households
        Instant until = Instant.now().plus(Duration.ofMinutes(3));
        while (true) {
            try {
                lead.login("lead01", "HeatDesk@2026");
                if (!lead.get("/api/baseinfo/households?size=1").path("records").isEmpty()) {
                    break;
                }
            } catch (MobHttp.HttpError notYet) {
                // lead01 not there yet
            }
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException("demo data did not appear");
            }
            Thread.sleep(1000);
        }
        Thread.sleep(5000);
        JsonNode w1 = admin.get("/api/settings/users?keyword=worker01&size=10").path("records").get(0);
        stationOrgId = w1.path("orgId").asLong();
        roleIds = new ArrayList<>();
        for (JsonNode r : w1.path("roles")) {
            roleIds.add(r.has("roleId") ? r.path("roleId").asLong() : r.path("id").asLong());
        }
        String stationPath = admin.get("/api/settings/orgs/" + stationOrgId).path("orgPath").asText();
        // the households the station lead sees (its data scope): tickets on them are dispatched to that station;
        for (int page = 1; page <= 5; page++) {
            JsonNode hs = lead.get("/api/baseinfo/households?page=" + page + "&size=1000");
            for (JsonNode h : hs.path("records")) {
                households.add(h.path("id").asLong());
            }
            if (hs.path("records").size() < 1000) {
                break;
            }
        }
        if (households.isEmpty()) {
            throw new IllegalStateException("lead01 sees no household");
        }
        System.out.printf("# field users get worker01's station %d (%s) and roles %s; %d households of that station%n",
                stationOrgId, stationPath, w1.path("roles"), households.size());
    }

    /** field users with a worker profile at the station, each logged in on its own device (which binds it) */
    private List<Phone> phones(String prefix, int n) throws Exception {
        long t0 = System.nanoTime();
        List<Phone> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new Phone(base, String.format("%s%05d", prefix, i), "bench-" + prefix + "-" + i + "-" + UUID.randomUUID()));
        }
        parallel(out, ph -> {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("username", ph.username);
            user.put("realName", "压测维修员" + ph.username.substring(prefix.length()));
            user.put("jobNumber", ph.username.toUpperCase());
            user.put("orgId", stationOrgId);
            user.put("initialPassword", admin.sm2(PASSWORD));
            user.put("roleIds", roleIds);
            ph.userId = admin.post("/api/settings/users", user).path("id").asLong();
            Map<String, Object> worker = new LinkedHashMap<>();
            worker.put("userId", String.valueOf(ph.userId));
            worker.put("workerType", "REPAIR");
            worker.put("onDuty", true);
            worker.put("maxLoad", 99);
            admin.post("/api/repair/workers", worker);
            ph.http.mobileLogin(ph.username, PASSWORD, ph.deviceId);
            // the app's first sync: the snapshot, then it continues from the feed position
            String c = "";
            JsonNode page;
            do {
                page = ph.pull(c, 500);
                c = page.path("cursor").asText();
            } while (page.path("hasMore").asBoolean());
            ph.cursor = c;
        });
        System.out.printf("# %d field users + worker profiles created, logged in on their devices and synced once in %.1f s%n",
                n, (System.nanoTime() - t0) / 1e9);
        return out;
    }

    /** a ticket created by agent01 (dispatched to the station), confirmed and assigned to the user by lead01 */
    private long assign(long workerUserId) throws Exception {
        long household = households.get(Math.floorMod(householdNext.getAndIncrement(), households.size()));
        Map<String, Object> body = new HashMap<>();
        body.put("ticketType", "REPAIR");
        body.put("source", "PHONE");
        body.put("urgency", "NORMAL");
        body.put("householdId", String.valueOf(household));
        body.put("callerPhone", "138" + String.format("%08d", Math.floorMod(household, 100_000_000)));
        body.put("content", "暖气片不热，室温只有 15 度");
        body.put("dispatchNow", true);
        JsonNode t = agent.post("/api/servicedesk/tickets", body).path("ticket");
        long id = t.path("id").asLong();
        JsonNode c = lead.post("/api/repair/tickets/" + id + "/actions",
                Map.of("action", "CONFIRM", "expectedVersion", t.path("rowVersion").asInt())).path("ticket");
        lead.post("/api/repair/tickets/" + id + "/actions", Map.of("action", "ASSIGN", "expectedVersion",
                c.path("rowVersion").asInt(), "workerId", String.valueOf(workerUserId)));
        return id;
    }

    private List<Long> assignMany(long workerUserId, int n) throws Exception {
        List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            slots.add(i);
        }
        parallel(slots, i -> ids.add(assign(workerUserId)));
        List<Long> sorted = new ArrayList<>(ids);
        Collections.sort(sorted);
        return sorted;
    }

    // ------------------------------------------------------------------ phase 1: push of 1,000 commands

    private void push() throws Exception {
        int reps = intOpt("push-reps", 8);
        pusher = phones("mbp", 1).get(0);
        pusherCursor = pusher.cursor;
        long t0 = System.nanoTime();
        List<Long> tickets = assignMany(pusher.userId, reps * BATCH / 4);
        System.out.printf("# %d tickets created, confirmed and assigned to %s over REST in %.1f s%n", tickets.size(),
                pusher.username, (System.nanoTime() - t0) / 1e9);
        System.out.printf("%n## push: %d commands in one batch, %d times on fresh tickets (each then replayed)%n", BATCH, reps);
        System.out.println("| run | push | applied | rejected | replay of the same batch | replayed | changed by replay |");
        System.out.println("|---|---|---|---|---|---|---|");
        jfrStart("push");
        List<Double> times = new ArrayList<>();
        for (int r = 0; r < reps; r++) {
            List<Long> mine = tickets.subList(r * BATCH / 4, (r + 1) * BATCH / 4);
            List<Map<String, Object>> batch = batch(pusher, mine);
            long p0 = System.nanoTime();
            JsonNode res = pusher.push(batch);
            double pushMs = (System.nanoTime() - p0) / 1e6;
            times.add(pushMs);
            int applied = 0;
            int rejected = 0;
            String firstRejection = null;
            for (JsonNode x : res.path("results")) {
                if ("APPLIED".equals(x.path("status").asText())) {
                    applied++;
                } else {
                    rejected++;
                    if (firstRejection == null) {
                        firstRejection = x.toString();
                    }
                }
            }
            // what a replay must not touch: ticket versions, the device's last seq
            List<Long> sample = List.of(mine.get(0), mine.get(mine.size() / 2), mine.get(mine.size() - 1));
            List<Integer> before = versions(sample);
            long p1 = System.nanoTime();
            JsonNode again = pusher.push(batch);
            double replayMs = (System.nanoTime() - p1) / 1e6;
            int replayed = 0;
            int differs = 0;
            for (int i = 0; i < batch.size(); i++) {
                JsonNode a = res.path("results").get(i);
                JsonNode b = again.path("results").get(i);
                if (b.path("replayed").asBoolean()) {
                    replayed++;
                }
                if (!a.path("status").asText().equals(b.path("status").asText())
                        || a.path("ticketVersion").asInt() != b.path("ticketVersion").asInt()) {
                    differs++;
                }
            }
            boolean unchanged = before.equals(versions(sample)) && res.path("lastSeq").asLong() == again.path("lastSeq").asLong()
                    && differs == 0;
            System.out.printf("| %d%s | **%.0f ms** | %d | %d | %.0f ms | %d | %s |%n", r + 1, r == 0 ? " (cold)" : "",
                    pushMs, applied, rejected, replayMs, replayed, unchanged ? "nothing" : "CHANGED (" + differs + " results differ)");
            if (firstRejection != null) {
                System.out.println("  first rejection: " + firstRejection);
            }
        }
        jfrStop("push");
        List<Double> warm = new ArrayList<>(times.subList(Math.min(1, times.size() - 1), times.size()));
        Collections.sort(warm);
        System.out.printf("- warm pushes of %d commands: median %.0f ms, max %.0f ms (%.2f ms per command)%n", BATCH,
                warm.get(warm.size() / 2), warm.get(warm.size() - 1), warm.get(warm.size() / 2) / BATCH);
    }

    /** a working day's queue on 250 tickets: accept all, check in at each, then fill back + complete or measure + fill back */
    private List<Map<String, Object>> batch(Phone ph, List<Long> tickets) {
        List<Map<String, Object>> b = new ArrayList<>();
        for (Long t : tickets) {
            b.add(ph.command("ACCEPT", t, Map.of()));
        }
        for (Long t : tickets) {
            b.add(ph.command("CHECK_IN_SITE", t, gps()));
        }
        for (int i = 0; i < tickets.size(); i++) {
            long t = tickets.get(i);
            if (i % 2 == 0) {
                b.add(ph.command("FILL_BACK", t, fillBack()));
                b.add(ph.command("COMPLETE", t, Map.of("noSignatureReason", "用户不在家，由邻居代为确认")));
            } else {
                b.add(ph.command("TEMPERATURE", t, temperature()));
                b.add(ph.command("FILL_BACK", t, fillBack()));
            }
        }
        return b;
    }

    private List<Integer> versions(List<Long> ids) throws Exception {
        List<Integer> v = new ArrayList<>();
        for (long id : ids) {
            v.add(admin.get("/api/servicedesk/tickets/" + id).path("ticket").path("rowVersion").asInt());
        }
        return v;
    }

    private Map<String, Object> gps() {
        Map<String, Object> p = new HashMap<>();
        p.put("lat", 41.80 + random.nextDouble() / 100);
        p.put("lng", 123.43 + random.nextDouble() / 100);
        p.put("accuracy", 12.5);
        p.put("address", "幸福家园 " + (1 + random.nextInt(30)) + " 号楼");
        return p;
    }

    private static Map<String, Object> fillBack() {
        Map<String, Object> p = new HashMap<>();
        p.put("handlingResult", "更换散热器阀门，试水正常");
        p.put("parts", "DN20 阀门 1 个");
        p.put("durationMinutes", 45);
        p.put("answers", Map.of("faultCause", "阀门故障", "indoorTempAfter", "20.5"));
        return p;
    }

    private Map<String, Object> temperature() {
        Map<String, Object> p = new HashMap<>();
        p.put("indoorTemp", 15 + random.nextInt(80) / 10.0);
        p.put("measuredAt", LocalDateTime.now().withNano(0).toString());
        p.put("room", "客厅");
        return p;
    }

    // ------------------------------------------------------------------ phase 2: pull of 10,000 changes

    /** waits until HeatDesk is idle (< 10 % CPU in three 2-s windows in a row; at most 120 s): background work of the previous phase
     *  (the notice outbox delivering thousands of ticket changes) is not counted against the next one */
    private void quiesce() throws Exception {
        CpuSampler cpu = new CpuSampler(app.pid());
        long t0 = System.nanoTime();
        CpuSampler.Sample prev = cpu.sample();
        double share = 0;
        int quiet = 0;
        // three quiet 2-s windows in a row: the outbox works in batches with pauses between them
        while (quiet < 3 && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(120)) {
            Thread.sleep(2000);
            CpuSampler.Sample s = cpu.sample();
            share = cpu.processShare(prev, s);
            prev = s;
            quiet = share > 10 ? 0 : quiet + 1;
        }
        System.out.printf("# HeatDesk idle after %.0f s (%.0f %% CPU)%n", (System.nanoTime() - t0) / 1e9, share);
    }

    private void pull() throws Exception {
        quiesce();
        int limit = intOpt("pull-limit", 500);
        System.out.printf("%n## pull: %s's device pulls everything since its cursor %s, pages of %d (as the app)%n",
                pusher.username, pusherCursor, limit);
        System.out.println("| run | feed entries | pages | changes returned (tickets / removals) | whole pull | page p50 | page max |");
        System.out.println("|---|---|---|---|---|---|---|");
        jfrStart("pull");
        for (int r = 1; r <= intOpt("pull-reps", 4); r++) {
            String c = pusherCursor;
            List<Double> pages = new ArrayList<>();
            int tickets = 0;
            int removals = 0;
            long t0 = System.nanoTime();
            JsonNode page;
            do {
                long p0 = System.nanoTime();
                page = pusher.pull(c, limit);
                pages.add((System.nanoTime() - p0) / 1e6);
                for (JsonNode ch : page.path("changes")) {
                    if ("TICKET".equals(ch.path("kind").asText())) {
                        tickets++;
                    } else {
                        removals++;
                    }
                }
                c = page.path("cursor").asText();
            } while (page.path("hasMore").asBoolean());
            double total = (System.nanoTime() - t0) / 1e6;
            long entries = Long.parseLong(c.substring(1)) - Long.parseLong(pusherCursor.substring(1));
            List<Double> sorted = new ArrayList<>(pages);
            Collections.sort(sorted);
            System.out.printf("| %d%s | %,d | %d | %d (%d / %d) | **%.0f ms** | %.0f ms | %.0f ms |%n", r, r == 1 ? " (cold)" : "",
                    entries, pages.size(), tickets + removals, tickets, removals, total, sorted.get(sorted.size() / 2),
                    sorted.get(sorted.size() - 1));
        }
        // a new phone of the same worker: the snapshot of the tickets it holds, then the (empty) feed after it
        for (int r = 1; r <= 2; r++) {
            String c = "";
            int n = 0;
            int pages = 0;
            long t0 = System.nanoTime();
            JsonNode page;
            do {
                page = pusher.pull(c, limit);
                n += page.path("changes").size();
                pages++;
                c = page.path("cursor").asText();
            } while (page.path("hasMore").asBoolean());
            System.out.printf("- snapshot (empty cursor) of the %d open tickets held, %d pages: %.0f ms%n", n, pages,
                    (System.nanoTime() - t0) / 1e6);
        }
        jfrStop("pull");
    }

    // ------------------------------------------------------------------ phase 3: D devices syncing every I s

    private void devices() throws Exception {
        int n = intOpt("devices", 2000);
        int withTicket = Math.min(n, intOpt("device-tickets", 200));
        int interval = intOpt("interval", 30);
        int sustain = intOpt("sustain", 180);
        List<Phone> phones = phones("mbd", n);
        long t0 = System.nanoTime();
        parallel(phones.subList(0, withTicket), ph -> ph.ticketId = assign(ph.userId));
        System.out.printf("# %d of them hold a ticket (assigned in %.1f s)%n", withTicket, (System.nanoTime() - t0) / 1e9);
        // the held tickets are accepted and checked in, so the readings of the sustained phase are on 处理中 tickets
        parallel(phones.subList(0, withTicket), ph -> ph.push(List.of(ph.command("ACCEPT", ph.ticketId, Map.of()),
                ph.command("CHECK_IN_SITE", ph.ticketId, gps()))));

        quiesce();
        ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>(); // {kind 0 pull / 1 push / 2 cycle, micros}
        AtomicLong errors = new AtomicLong();
        AtomicLong late = new AtomicLong();
        ConcurrentLinkedQueue<String> errorTexts = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(intOpt("threads", 200));
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        long recordFrom = start + TimeUnit.SECONDS.toNanos(interval);
        long recordTo = recordFrom + TimeUnit.SECONDS.toNanos(sustain);
        AtomicLong cycles = new AtomicLong();
        for (int i = 0; i < n; i++) {
            Phone ph = phones.get(i);
            long offset = (long) i * TimeUnit.SECONDS.toNanos(interval) / n;
            clock.scheduleAtFixedRate(() -> {
                long due = System.nanoTime();
                if (due > recordTo) {
                    return;
                }
                pool.execute(() -> {
                    long c0 = System.nanoTime();
                    boolean rec = c0 >= recordFrom && c0 <= recordTo;
                    if (rec && c0 - due > TimeUnit.MILLISECONDS.toNanos(100)) {
                        late.incrementAndGet();
                    }
                    try {
                        JsonNode page;
                        do {
                            long p0 = System.nanoTime();
                            page = ph.pull(ph.cursor, 500);
                            if (rec) {
                                samples.add(new long[]{0, (System.nanoTime() - p0) / 1000});
                            }
                            ph.cursor = page.path("cursor").asText();
                        } while (page.path("hasMore").asBoolean());
                        Map<String, Object> cmd = ph.ticketId != null
                                ? ph.command("TEMPERATURE", ph.ticketId, temperature())
                                : ph.command("CHECK_IN_DAILY", null, gps());
                        long p1 = System.nanoTime();
                        JsonNode res = ph.push(List.of(cmd));
                        if (rec) {
                            samples.add(new long[]{1, (System.nanoTime() - p1) / 1000});
                            samples.add(new long[]{2, (System.nanoTime() - due) / 1000});
                            cycles.incrementAndGet();
                        }
                        String st = res.path("results").path(0).path("status").asText();
                        if (!"APPLIED".equals(st)) {
                            errors.incrementAndGet();
                            if (errorTexts.size() < 5) {
                                errorTexts.add(res.toString());
                            }
                        }
                    } catch (Exception e) {
                        if (rec) {
                            errors.incrementAndGet();
                        }
                        if (errorTexts.size() < 5) {
                            errorTexts.add(String.valueOf(e));
                        }
                    }
                });
            }, start + offset - System.nanoTime(), TimeUnit.SECONDS.toNanos(interval), TimeUnit.NANOSECONDS);
        }
        System.out.printf("%n## devices: %d devices (%d with a ticket) syncing every %d s; ramp %d s, then %d s measured%n",
                n, withTicket, interval, interval, sustain);
        LockSupport.parkNanos(recordFrom - System.nanoTime());
        jfrStart("devices");
        CpuSampler appCpu = new CpuSampler(app.pid());
        CpuSampler.Sample a0 = appCpu.sample();
        CpuSampler.Sample prev = a0;
        List<Double> secs = new ArrayList<>();
        while (System.nanoTime() < recordTo) {
            LockSupport.parkNanos(Math.min(TimeUnit.SECONDS.toNanos(1), recordTo - System.nanoTime()));
            CpuSampler.Sample s = appCpu.sample();
            secs.add(appCpu.processShare(prev, s));
            prev = s;
        }
        CpuSampler.Sample a1 = appCpu.sample();
        jfrStop("devices");
        clock.shutdownNow();
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        List<Long> pulls = new ArrayList<>();
        List<Long> pushes = new ArrayList<>();
        List<Long> all = new ArrayList<>();
        List<Long> cyc = new ArrayList<>();
        for (long[] s : samples) {
            if (s[0] == 2) {
                cyc.add(s[1]);
            } else {
                (s[0] == 0 ? pulls : pushes).add(s[1]);
                all.add(s[1]);
            }
        }
        Collections.sort(secs);
        System.out.println("| requests | count | p50 | p95 | **p99** | max |");
        System.out.println("|---|---|---|---|---|---|");
        row("all sync requests", all);
        row("pull", pulls);
        row("push (1 command)", pushes);
        row("whole sync (pull + push, from its due time)", cyc);
        System.out.printf("- %d syncs measured (%.1f per second), **%d errors**, %d syncs started > 100 ms after their due time%n",
                cycles.get(), cycles.get() / (double) sustain, errors.get(), late.get());
        errorTexts.forEach(e -> System.out.println("  error: " + e));
        System.out.printf("- **HeatDesk process CPU: mean %.1f %% of the machine (%d cores)**, 1-s samples p95 %.0f %%, max %.0f %%; "
                        + "whole machine mean %.1f %%%n", appCpu.processShare(a0, a1), appCpu.cores(),
                secs.get((int) (secs.size() * 0.95)), secs.get(secs.size() - 1), CpuSampler.machineShare(a0, a1));
    }

    private static void row(String name, List<Long> micros) {
        if (micros.isEmpty()) {
            System.out.printf("| %s | 0 | | | | |%n", name);
            return;
        }
        Collections.sort(micros);
        System.out.printf("| %s | %,d | %.1f ms | %.1f ms | **%.1f ms** | %.0f ms |%n", name, micros.size(),
                pct(micros, 50), pct(micros, 95), pct(micros, 99), micros.get(micros.size() - 1) / 1000.0);
    }

    private static double pct(List<Long> sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1000.0;
    }

    // ------------------------------------------------------------------ misc

    interface Work<T> {
        void run(T item) throws Exception;
    }

    /** set-up calls on 4 threads (the machine has 2 cores; more only queues in HeatDesk) */
    private static <T> void parallel(List<T> items, Work<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (T item : items) {
                fs.add(pool.submit(() -> {
                    work.run(item);
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void jfrStart(String phase) throws Exception {
        if (List.of(opt.getOrDefault("jfr", "").split(",")).contains(phase)) {
            jcmd("JFR.start", "name=" + phase, "settings=profile", "filename=" + work.resolve(phase + ".jfr"));
            System.out.println("# JFR recording of HeatDesk: " + work.resolve(phase + ".jfr"));
        }
    }

    private void jfrStop(String phase) throws Exception {
        if (List.of(opt.getOrDefault("jfr", "").split(",")).contains(phase)) {
            jcmd("JFR.stop", "name=" + phase);
        }
    }

    private void jcmd(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(app.pid())));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            System.out.println("! jcmd " + String.join(" ", args) + ": " + out);
        }
    }

    private void shutdown() {
        if (app != null) {
            app.destroy();
            try {
                if (!app.waitFor(60, TimeUnit.SECONDS)) {
                    app.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String q(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String memTotal() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    return Math.round(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0) + " GiB";
                }
            }
        } catch (Exception ignored) {
            // not Linux
        }
        return "?";
    }
}
