package cn.heatdesk.bench.callcenter;

import cn.heatdesk.callcenter.sim.AsteriskSimulator;
import cn.heatdesk.callcenter.sim.CallHandle;
import cn.heatdesk.callcenter.sim.SimConfig;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.File;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole application under call-center load (issue 7, "Tests and speed"). HeatDesk runs as its own process (the
 * executable jar, {@code heatdesk.callcenter.demo-simulators=false}) so its CPU is measured apart from the driver's;
 * the driver starts G Asterisk simulators in its own JVM (real AMI over TCP, the app's real FastAGI server called by
 * their dialplans), creates gateways, queues, phones, users and agents through the REST API as an administrator
 * would, signs every agent in on its bound phone with the agent's own login, and opens one live stream per agent
 * ({@code GET /api/notice/stream?topics=screenpop}, the console's SSE channel). Then, on the same running instance:
 *
 * <ol>
 *   <li><b>ingest</b>: N complete calls (IVR → queue → agent → hang-up) plus an event storm as fast as the
 *   simulators produce them; events/s processed by the application's listeners (CallTracker, agent state machine,
 *   call-control listener) from the first event until every call is recorded ENDED and the event lanes are empty.</li>
 *   <li><b>screenpop</b>: calls arriving at R/s for S seconds; latency from AgentCalled leaving the gateway's AMI
 *   socket (read by a second AMI client per simulator) to the {@code screenpop} SSE message on that agent's stream.</li>
 *   <li><b>agents300</b>: every agent talking at once (one call per agent) plus churn, held for H seconds, sampling
 *   the HeatDesk process's CPU from /proc and the whole machine's.</li>
 * </ol>
 *
 * <pre>./mvnw -q -o -f bench/pom.xml compile exec:exec@callcenter -Dbench.args="--agents=300 --gateways=18"</pre>
 *
 * Flags: --phases=ingest,screenpop,agents300 --db=h2|postgresql --jar=… --app-xmx=2g --gateways=18 --agents=300
 * --ingest-calls=2000 --ingest-rounds=2 --ingest-concurrency=150 --storm=100000 --pop-rate=40 --pop-seconds=60
 * --pop-ring-ms=1000 --pop-talk-ms=3000 --concurrent=300 --hold-seconds=120 --churn=2; --jfr records the last ingest
 * round, --dumps takes HeatDesk thread dumps every 10 s of the screenpop phase (both into the work directory).
 */
public final class CallCenterLoadDriver {

    private static final String AMI_SECRET = "bench-ami-secret";
    private static final String PASSWORD = "Bench#2026cc";
    private static final Pattern MOBILE = Pattern.compile("\\b1[3-9]\\d{9}\\b");

    private final Map<String, String> opt;
    private final List<Gw> gws = new ArrayList<>();
    private final List<Agent> agents = new ArrayList<>();
    private final List<String> numbers = new ArrayList<>();
    private final Random random = new Random(7);
    private Process app;
    private String base;
    private CcHttp admin;
    private Path work;

    /** AgentCalled read by the AMI taps: "linkedid|interface" → System.nanoTime() */
    private final Map<String, Long> called = new ConcurrentHashMap<>();
    /** screenpop messages received: "linkedid|interface" → System.nanoTime() */
    private final Map<String, Long> pops = new ConcurrentHashMap<>();
    private final AtomicLong duplicatePops = new AtomicLong();
    private final AtomicLong streamErrors = new AtomicLong();
    private volatile boolean recording;
    private volatile boolean running = true;

    /** one simulated gateway */
    static final class Gw {
        final int index;
        final AsteriskSimulator sim;
        final List<Agent> agents = new ArrayList<>();
        long gatewayId;
        long queueId;

        Gw(int index, AsteriskSimulator sim) {
            this.index = index;
            this.sim = sim;
        }
    }

    /** one agent: user, bound phone, login, live stream */
    static final class Agent {
        final Gw gw;
        final String username;
        final String jobNo;
        final String ext;
        long userId;
        long phoneId;
        long agentId;
        CcHttp http;
        CompletableFuture<HttpResponse<Void>> stream;

        Agent(Gw gw, String username, String jobNo, String ext) {
            this.gw = gw;
            this.username = username;
            this.jobNo = jobNo;
            this.ext = ext;
        }

        String iface() {
            return "PJSIP/" + ext;
        }
    }

    private CallCenterLoadDriver(Map<String, String> opt) {
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
        CallCenterLoadDriver d = new CallCenterLoadDriver(opt);
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
        return List.of(opt.getOrDefault("phases", "ingest,screenpop,agents300").split(",")).contains(name);
    }

    // ------------------------------------------------------------------ set-up

    private void run() throws Exception {
        int g = intOpt("gateways", 18);
        int a = intOpt("agents", 300);
        String db = opt.getOrDefault("db", "h2");
        work = Files.createTempDirectory("heatdesk-ccbench");
        System.out.printf("# call-center load: %d gateways, %d agents, db %s; %d cores, %s RAM, Java %s, %s%n", g, a, db,
                Runtime.getRuntime().availableProcessors(), memTotal(), System.getProperty("java.version"), Instant.now());
        int agiPort = freePort();
        // agents spread over the gateways round-robin; extensions unique over all of them (gateway 1: 10001…, 2: 11001…)
        for (int i = 0; i < g; i++) {
            Map<String, String> phones = new LinkedHashMap<>();
            for (int n = i; n < a; n += g) {
                phones.put(ext(i, n / g), "Bench " + ext(i, n / g));
            }
            SimConfig c = new SimConfig().port(0).systemName("bench-gw" + (i + 1)).credentials("heatdesk", AMI_SECRET)
                    .phones(phones)
                    .queues(List.of(new SimConfig.QueueConfig("repair", "rrmemory", false, Duration.ZERO,
                            Duration.ofSeconds(15), Duration.ofSeconds(1), 30, 300)))
                    .agi("127.0.0.1", agiPort)
                    .promptDuration(Duration.ofMillis(300)).streamFileDuration(Duration.ofMillis(100));
            AsteriskSimulator sim = new AsteriskSimulator(c);
            sim.start();
            gws.add(new Gw(i, sim));
        }
        for (int n = 0; n < a; n++) {
            Gw gw = gws.get(n % g);
            Agent ag = new Agent(gw, String.format("ccb%03d", n + 1), String.format("CB%04d", n + 1), ext(n % g, n / g));
            gw.agents.add(ag);
            agents.add(ag);
        }
        for (Gw gw : gws) {
            tap(gw);
        }

        startApp(db, agiPort);
        setUp();
        signIn();
        openStreams();

        if (phase("ingest")) {
            ingest();
        }
        if (phase("screenpop")) {
            screenPop();
        }
        if (phase("agents300")) {
            concurrent();
        }
    }

    private void startApp(String db, int agiPort) throws Exception {
        int port = freePort();
        base = "http://127.0.0.1:" + port;
        String jar = opt.getOrDefault("jar", "bench/target/callcenter/heatdesk-exec.jar");
        File jarFile = new File(jar).getAbsoluteFile();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + opt.getOrDefault("app-xmx", "2g"), "-XX:+UseG1GC", "-jar", jarFile.toString(),
                "--server.port=" + port, "--heatdesk.data-dir=" + work.resolve("app"),
                "--heatdesk.callcenter.demo-simulators=false", "--heatdesk.callcenter.agi.port=" + agiPort,
                "--heatdesk.callcenter.agi.bind-address=127.0.0.1", "--logging.level.root=WARN"));
        if ("postgresql".equals(db)) {
            String name = "heatdesk_cc_bench";
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
                new CcHttp(base).get("/api/auth/public-key");
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
        long t0 = System.nanoTime();
        admin = new CcHttp(base);
        admin.login("admin", "HeatDesk@2026");
        // bench users log in with their initial password, as a site that switched the first-login change off
        JsonNode ps = admin.get("/api/settings/params?keyword=" + q("security.password.force-initial-change") + "&size=50");
        for (JsonNode p : ps.path("records")) {
            if ("security.password.force-initial-change".equals(p.path("paramKey").asText())) {
                admin.put("/api/settings/params/" + p.path("id").asText() + "/value",
                        Map.of("paramValue", "false", "rowVersion", p.path("rowVersion").asInt()));
            }
        }
        JsonNode agent01 = admin.get("/api/settings/users?keyword=agent01&size=10").path("records").get(0);
        long orgId = agent01.path("orgId").asLong();
        List<Long> roleIds = new ArrayList<>();
        for (JsonNode r : agent01.path("roles")) {
            roleIds.add(r.has("roleId") ? r.path("roleId").asLong() : r.path("id").asLong());
        }
        System.out.printf("# bench users get agent01's org %d and roles %s%n", orgId, agent01.path("roles"));

        for (Gw gw : gws) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", "BENCH-GW" + (gw.index + 1));
            body.put("name", "压测网关" + (gw.index + 1));
            body.put("kind", "HQ");
            body.put("amiHost", "127.0.0.1");
            body.put("amiPort", gw.sim.port());
            body.put("amiUsername", "heatdesk");
            body.put("amiSecret", AMI_SECRET);
            body.put("agiHost", "127.0.0.1");
            body.put("agiPort", gw.sim.config().agiPort());
            body.put("enabled", true);
            gw.gatewayId = admin.post("/api/callcenter/gateways", body).path("id").asLong();
            Map<String, Object> queue = new LinkedHashMap<>();
            queue.put("gatewayId", gw.gatewayId);
            queue.put("queueName", "repair");
            queue.put("displayName", "报修队列");
            queue.put("skillCode", "REPAIR");
            queue.put("strategy", "rrmemory");
            queue.put("timeoutSeconds", 15);
            queue.put("wrapupSeconds", 0);
            queue.put("maxWaitSeconds", 300);
            queue.put("enabled", true);
            gw.queueId = admin.post("/api/callcenter/queues", queue).path("id").asLong();
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> fs = new ArrayList<>();
        for (Agent ag : agents) {
            fs.add(pool.submit(() -> {
                Map<String, Object> phone = new LinkedHashMap<>();
                phone.put("gatewayId", ag.gw.gatewayId);
                phone.put("extension", ag.ext);
                phone.put("sipSecret", "Sip#" + ag.ext + "bench");
                phone.put("enabled", true);
                ag.phoneId = admin.post("/api/callcenter/phones", phone).path("id").asLong();
                Map<String, Object> user = new LinkedHashMap<>();
                user.put("username", ag.username);
                user.put("realName", "压测坐席" + ag.jobNo.substring(2));
                user.put("jobNumber", ag.jobNo);
                user.put("orgId", orgId);
                user.put("initialPassword", admin.sm2(PASSWORD));
                user.put("roleIds", roleIds);
                ag.userId = admin.post("/api/settings/users", user).path("id").asLong();
                Map<String, Object> agent = new LinkedHashMap<>();
                agent.put("userId", ag.userId);
                agent.put("jobNo", ag.jobNo);
                agent.put("phoneId", ag.phoneId);
                agent.put("skills", List.of(Map.of("queueId", ag.gw.queueId, "level", 0)));
                ag.agentId = admin.post("/api/callcenter/agents", agent).path("id").asLong();
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("# set-up over REST: %d gateways, %d queues, %d phones, %d users, %d agents in %.1f s%n",
                gws.size(), gws.size(), agents.size(), agents.size(), agents.size(), (System.nanoTime() - t0) / 1e9);

        // caller numbers: the demo households' phone numbers, so pops carry a real panel
        JsonNode hh = admin.get("/api/baseinfo/customers?page=1&size=500");
        Matcher m = MOBILE.matcher(hh.toString());
        while (m.find()) {
            numbers.add(m.group());
        }
        if (numbers.isEmpty()) {
            for (int i = 0; i < 500; i++) {
                numbers.add("139" + String.format("%08d", random.nextInt(100_000_000)));
            }
            System.out.println("# caller numbers: none readable from the households list; 500 random mobile numbers (unknown-number pops)");
        } else {
            System.out.printf("# caller numbers: %d customers' phone numbers from the demo data (GET /api/baseinfo/customers)%n",
                    numbers.size());
        }
    }

    private void signIn() throws Exception {
        long t0 = System.nanoTime();
        for (Gw gw : gws) {
            if (!gw.sim.await(() -> gw.sim.connectedClients() >= 2, Duration.ofSeconds(60))) {
                throw new IllegalStateException("HeatDesk did not connect to " + gw.sim.config().systemName());
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> fs = new ArrayList<>();
        for (Agent ag : agents) {
            fs.add(pool.submit(() -> {
                ag.http = new CcHttp(base);
                ag.http.login(ag.username, PASSWORD);
                for (int attempt = 0; ; attempt++) {
                    try {
                        ag.http.post("/api/callcenter/agents/me/sign-in", Map.of("extension", ag.ext, "gatewayId", ag.gw.gatewayId));
                        return null;
                    } catch (CcHttp.HttpError e) {
                        if (e.status != 503 || attempt > 30) {
                            throw e;
                        }
                        Thread.sleep(500);
                    }
                }
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        int members = 0;
        for (Gw gw : gws) {
            members += gw.sim.queueMembers("repair").size();
        }
        long idle = admin.get("/api/callcenter/agents?state=IDLE&size=1").path("total").asLong();
        System.out.printf("# %d agents logged in and signed in on their bound phones in %.1f s: %d queue members in the "
                + "simulators, %d agents IDLE in HeatDesk%n", agents.size(), (System.nanoTime() - t0) / 1e9, members, idle);
    }

    private void openStreams() throws Exception {
        CountDownLatch ready = new CountDownLatch(agents.size());
        for (Agent ag : agents) {
            ag.stream = ag.http.stream("screenpop", (event, data) -> {
                long now = System.nanoTime();
                switch (event) {
                    case "ready" -> ready.countDown();
                    case "screenpop" -> {
                        try {
                            JsonNode n = CcHttp.JSON.readTree(data);
                            JsonNode lid = n.findValue("linkedid");
                            if (lid != null && recording && pops.putIfAbsent(lid.asText() + "|" + ag.iface(), now) != null) {
                                duplicatePops.incrementAndGet();
                            }
                        } catch (Exception e) {
                            streamErrors.incrementAndGet();
                        }
                    }
                    case "error", "closed", "bye" -> {
                        if (running) {
                            streamErrors.incrementAndGet();
                            System.out.printf("! live stream of %s: %s %s%n", ag.username, event, data);
                        }
                    }
                    default -> {
                    }
                }
            });
        }
        if (!ready.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(ready.getCount() + " live streams did not open");
        }
        System.out.printf("# %d live streams open (GET /api/notice/stream?topics=screenpop, one per agent, own token)%n",
                agents.size());
    }

    /**
     * AgentCalled as it leaves the gateway: a second AMI client per simulator (plain TCP, Events: agent) that stamps
     * each AgentCalled when its terminating blank line is read. The simulator writes every session from its own
     * writer thread, so this is the moment HeatDesk's own AMI connection could have it too.
     */
    private void tap(Gw gw) throws Exception {
        java.net.Socket socket = new java.net.Socket("127.0.0.1", gw.sim.port());
        socket.setTcpNoDelay(true);
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8));
        socket.getOutputStream().write(("Action: Login\r\nUsername: heatdesk\r\nSecret: " + AMI_SECRET
                + "\r\nEvents: agent\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        Thread t = new Thread(() -> {
            Map<String, String> msg = new HashMap<>();
            try {
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isEmpty()) {
                        int c = line.indexOf(':');
                        if (c > 0) {
                            msg.putIfAbsent(line.substring(0, c), line.substring(c + 1).trim());
                        }
                        continue;
                    }
                    if (recording && "AgentCalled".equals(msg.get("Event"))) {
                        called.putIfAbsent(msg.get("Linkedid") + "|" + msg.get("Interface"), System.nanoTime());
                    }
                    msg.clear();
                }
            } catch (java.io.IOException e) {
                if (running) {
                    System.out.println("! AMI tap of " + gw.sim.config().systemName() + " closed: " + e);
                }
            }
        }, "ami-tap-" + gw.sim.config().systemName());
        t.setDaemon(true);
        t.start();
    }

    // ------------------------------------------------------------------ calls

    /** one inbound call: IVR key 1, queue, an agent answers (auto-answer), talk, the caller hangs up */
    private boolean call(Gw gw, long talkMs, CountDownLatch release, AtomicInteger talking) {
        CallHandle c = gw.sim.incomingCall(numbers.get(ThreadLocalRandomHolder.next(numbers.size())), "", null);
        try {
            if (!c.awaitInput(Duration.ofSeconds(20))) {
                return false;
            }
            c.press("1");
            if (!c.awaitBridged(Duration.ofSeconds(60))) {
                return false;
            }
            if (talking != null) {
                talking.incrementAndGet();
            }
            try {
                if (release != null) {
                    release.await();
                } else if (talkMs > 0) {
                    Thread.sleep(talkMs);
                }
            } finally {
                if (talking != null) {
                    talking.decrementAndGet();
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            c.hangup();
            c.awaitHungUp(Duration.ofSeconds(10));
        }
    }

    private static final class ThreadLocalRandomHolder {
        static int next(int bound) {
            return java.util.concurrent.ThreadLocalRandom.current().nextInt(bound);
        }
    }

    private void autoAnswer(Duration ring) {
        for (Agent ag : agents) {
            ag.gw.sim.phone(ag.ext).autoAnswer(ring);
        }
    }

    private double metric(String name, String statistic) throws Exception {
        JsonNode m = admin.getRaw("/actuator/metrics/" + name);
        for (JsonNode s : m.path("measurements")) {
            if (statistic.equals(s.path("statistic").asText())) {
                return s.path("value").asDouble();
            }
        }
        return Double.NaN;
    }

    /**
     * A lower bound for the started_at of the calls a phase makes, on HeatDesk's clock (the application runs in
     * Asia/Shanghai whatever the machine's zone is): one second after the newest call recorded so far. Called while
     * no call is running.
     */
    private String phaseStart() throws Exception {
        JsonNode r = admin.get("/api/callcenter/calls?size=1&sort=startedAt&order=desc").path("records");
        if (r.isEmpty()) {
            return "2000-01-01T00:00:00";
        }
        LocalDateTime newest = LocalDateTime.parse(r.get(0).path("startedAt").asText().replace(' ', 'T'));
        // the JSON may carry whole seconds: one second later, and the phase starts more than a second from now
        Thread.sleep(1100);
        return newest.plusSeconds(1).toString();
    }

    private long ended(String from) throws Exception {
        return admin.get("/api/callcenter/calls?status=ENDED&size=1&from=" + q(from)).path("total").asLong();
    }

    private long count(String from, String filter) throws Exception {
        return admin.get("/api/callcenter/calls?size=1&from=" + q(from) + "&" + filter).path("total").asLong();
    }

    // ------------------------------------------------------------------ phase 1: ingestion with the real listeners

    private void ingest() throws Exception {
        int rounds = intOpt("ingest-rounds", 2);
        for (int r = 1; r <= rounds; r++) {
            ingestRound(r == 1 && rounds > 1 ? "warm-up (JIT, pools, caches)" : "round " + r,
                    r == rounds && opt.containsKey("jfr"));
        }
    }

    private void ingestRound(String label, boolean jfr) throws Exception {
        int n = intOpt("ingest-calls", 2000);
        int storm = intOpt("storm", 100_000);
        // HeatDesk's FastAGI pool takes 200 sessions at most (heatdesk.callcenter.agi.max-pool-size)
        int concurrency = Math.min(intOpt("ingest-concurrency", 150), agents.size());
        System.out.printf("%n## ingest, %s: %,d calls (%d at a time, agents answer at once, caller hangs up at once) + "
                + "a storm of %,d VarSet events over %d gateways%n", label, n, concurrency, storm, gws.size());
        autoAnswer(Duration.ZERO);
        double events0 = metric("heatdesk.callcenter.ami.events", "COUNT");
        double processed0 = metric("heatdesk.callcenter.ami.dispatch.lag", "COUNT");
        double ignored0 = metric("heatdesk.callcenter.ami.events.ignored", "COUNT");
        long[] journal0 = gws.stream().mapToLong(g -> g.sim.journalMark()).toArray();
        String from = phaseStart();
        ProcCpu cpu = new ProcCpu(app.pid());
        ProcCpu self = new ProcCpu(ProcessHandle.current().pid());
        ProcCpu.Sample c0 = cpu.sample();
        ProcCpu.Sample s0 = self.sample();
        if (jfr) {
            jcmd("JFR.start", "name=ingest", "settings=profile", "filename=" + work.resolve("ingest.jfr"));
        }
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger ok = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            Gw gw = gws.get(i % gws.size());
            pool.submit(() -> {
                if (call(gw, 0, null, null)) {
                    ok.incrementAndGet();
                }
            });
        }
        List<Thread> storms = new ArrayList<>();
        int perGw = storm / gws.size();
        for (Gw gw : gws) {
            Thread t = new Thread(() -> {
                for (int sent = 0; sent < perGw; sent += 500) {
                    gw.sim.eventStorm(Math.min(500, perGw - sent));
                    Thread.yield();
                }
            }, "storm-" + gw.index);
            t.start();
            storms.add(t);
        }
        for (Thread t : storms) {
            t.join();
        }
        long stormDone = System.nanoTime();
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        long callsDone = System.nanoTime();
        long emitted = 0;
        for (int i = 0; i < gws.size(); i++) {
            emitted += gws.get(i).sim.journalMark() - journal0[i];
        }
        // recorded = every call ENDED in cc_call and nothing left in the event lanes
        long recorded;
        double backlog;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        recorded = 0;
        while (true) {
            // the cheap gauge first: the count query runs only once the lanes are empty, so polling costs little
            backlog = metric("heatdesk.callcenter.ami.backlog", "VALUE");
            if (backlog == 0) {
                recorded = ended(from);
            }
            if ((recorded >= n && backlog == 0) || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(100);
        }
        long t1 = System.nanoTime();
        ProcCpu.Sample c1 = cpu.sample();
        ProcCpu.Sample s1 = self.sample();
        if (jfr) {
            jcmd("JFR.stop", "name=ingest");
            System.out.println("- flight recording of this round: " + work.resolve("ingest.jfr"));
        }
        double received = metric("heatdesk.callcenter.ami.events", "COUNT") - events0;
        double ignored = metric("heatdesk.callcenter.ami.events.ignored", "COUNT") - ignored0;
        double processed = metric("heatdesk.callcenter.ami.dispatch.lag", "COUNT") - processed0;
        double secs = (t1 - t0) / 1e9;
        long answered = count(from, "result=ANSWERED");
        System.out.printf("- calls: %,d started, %,d answered and hung up by the driver; cc_call rows ENDED since the start: "
                + "%,d (ANSWERED %,d)%n", n, ok.get(), recorded, answered);
        System.out.printf("- simulators emitted %,d events (storm done after %.1f s, last call hung up after %.1f s); "
                + "HeatDesk read all of them from the sockets: %,.0f of classes no listener handles skipped by the "
                + "reader unbuilt, %,.0f built and dispatched, of which %,.0f dropped on arrival (no listener, e.g. other "
                + "VarSets) and %,.0f processed by the listeners on the lanes%n", emitted, (stormDone - t0) / 1e9,
                (callsDone - t0) / 1e9, emitted - received, received, ignored, processed);
        System.out.printf("- **%,.0f events/s ingested** (events the gateways sent ÷ time from the first event until every "
                + "call is ENDED in cc_call and the lanes are empty: %.1f s); %,.0f events/s through the listeners; "
                + "≈ %.0f events sent per call; %.1f calls/s%n", emitted / secs, secs, processed / secs,
                (emitted - storm) / (double) Math.max(1, n), n / secs);
        System.out.printf("- HeatDesk process CPU %.0f %% of the machine (%d cores), the driver's JVM (simulators) %.0f %%, "
                + "whole machine %.0f %%%n", cpu.processShare(c0, c1), cpu.cores(), self.processShare(s0, s1),
                ProcCpu.machineShare(c0, c1));
        System.out.printf("- dispatch lag (arrival → processed): mean %.1f ms over the run so far, max %.0f ms (decaying max)%n",
                1000 * metric("heatdesk.callcenter.ami.dispatch.lag", "TOTAL_TIME")
                        / Math.max(1, metric("heatdesk.callcenter.ami.dispatch.lag", "COUNT")),
                1000 * metric("heatdesk.callcenter.ami.dispatch.lag", "MAX"));
    }

    // ------------------------------------------------------------------ phase 2: screen-pop latency

    private void screenPop() throws Exception {
        int rate = intOpt("pop-rate", 40);
        int seconds = intOpt("pop-seconds", 60);
        long ringMs = intOpt("pop-ring-ms", 1000);
        long talkMs = intOpt("pop-talk-ms", 3000);
        int total = rate * seconds;
        System.out.printf("%n## screenpop: %d calls/s for %d s (%,d calls) over %d gateways; phones answer after %d ms, "
                + "talk %d ms; %d agents with a live stream%n", rate, seconds, total, gws.size(), ringMs, talkMs, agents.size());
        autoAnswer(Duration.ofMillis(ringMs));
        double popCount0 = metric("heatdesk.callcenter.screenpop", "COUNT");
        double popTotal0 = metric("heatdesk.callcenter.screenpop", "TOTAL_TIME");
        called.clear();
        pops.clear();
        duplicatePops.set(0);
        String from = phaseStart();
        ProcCpu cpu = new ProcCpu(app.pid());
        ProcCpu self = new ProcCpu(ProcessHandle.current().pid());
        ProcCpu.Sample c0 = cpu.sample();
        ProcCpu.Sample s0 = self.sample();
        recording = true;
        Thread dumper = null;
        if (opt.containsKey("dumps")) {
            // thread dumps of HeatDesk every 10 s, to see where the event lanes wait
            dumper = new Thread(() -> {
                for (int d = 1; running && recording; d++) {
                    try {
                        Thread.sleep(10_000);
                        jcmdTo(work.resolve("screenpop-threads-" + d + ".txt"), "Thread.print");
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        System.out.println("! thread dump: " + e);
                    }
                }
            }, "dumper");
            dumper.setDaemon(true);
            dumper.start();
        }
        ExecutorService pool = Executors.newCachedThreadPool();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long t0 = System.nanoTime();
        long lateStarts = 0;
        for (int i = 0; i < total; i++) {
            long at = t0 + (long) (i * 1e9 / rate);
            long wait = at - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (wait < -50_000_000L) {
                lateStarts++;
            }
            Gw gw = gws.get(i % gws.size());
            pool.submit(() -> {
                if (call(gw, talkMs, null, null)) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
            });
        }
        double arrivalSecs = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        Thread.sleep(3000);
        recording = false;
        ProcCpu.Sample c1 = cpu.sample();
        ProcCpu.Sample s1 = self.sample();
        List<Double> lat = new ArrayList<>();
        long missed = 0;
        long negative = 0;
        for (Map.Entry<String, Long> e : called.entrySet()) {
            Long p = pops.get(e.getKey());
            if (p == null) {
                missed++;
            } else {
                double ms = (p - e.getValue()) / 1e6;
                if (ms < 0) {
                    negative++;
                }
                lat.add(ms);
            }
        }
        long unmatched = pops.keySet().stream().filter(k -> !called.containsKey(k)).count();
        Collections.sort(lat);
        System.out.printf("- arrivals: %,d calls started in %.1f s (%.1f/s; %d started > 50 ms late); %,d answered and "
                + "completed, %d failed; cc_call rows since the start: %,d%n", total, arrivalSecs, total / arrivalSecs,
                lateStarts, ok.get(), failed.get(), count(from, "status=ENDED"));
        System.out.printf("- AgentCalled events: %,d; screenpop messages received: %,d; **missed: %d**; pops without a "
                + "matching AgentCalled: %d; duplicates: %d%n", called.size(), pops.size(), missed, unmatched, duplicatePops.get());
        if (!lat.isEmpty()) {
            System.out.printf("- **AgentCalled on the gateway's AMI socket → SSE screenpop received: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, "
                            + "max %.1f ms** (mean %.1f ms, n = %,d%s)%n", pct(lat, 50), pct(lat, 95), pct(lat, 99),
                    lat.get(lat.size() - 1), lat.stream().mapToDouble(Double::doubleValue).average().orElse(0), lat.size(),
                    negative > 0 ? ", " + negative + " negative" : "");
        }
        double popCount = metric("heatdesk.callcenter.screenpop", "COUNT") - popCount0;
        double popTotal = metric("heatdesk.callcenter.screenpop", "TOTAL_TIME") - popTotal0;
        System.out.printf("- HeatDesk's own timer heatdesk.callcenter.screenpop (AgentCalled arrival → hand-over to the "
                + "live push): %,.0f pops, mean %.2f ms%n", popCount, popCount == 0 ? 0 : 1000 * popTotal / popCount);
        System.out.printf("- HeatDesk process CPU %.0f %% of the machine, the driver's JVM %.0f %%, whole machine %.0f %%%n",
                cpu.processShare(c0, c1), self.processShare(s0, s1), ProcCpu.machineShare(c0, c1));
    }

    private static double pct(List<Double> sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    // ------------------------------------------------------------------ phase 3: every agent talking, CPU

    private void concurrent() throws Exception {
        int target = Math.min(intOpt("concurrent", agents.size()), agents.size());
        int hold = intOpt("hold-seconds", 120);
        int churn = intOpt("churn", 2);
        long ringMs = intOpt("pop-ring-ms", 1000);
        System.out.printf("%n## agents300: %d signed-in agents, %d concurrent calls (ramp 20/s), held %d s with churn "
                + "%d calls/s (a talking call hangs up, a new one arrives on its gateway)%n", agents.size(), target, hold, churn);
        autoAnswer(Duration.ofMillis(ringMs));
        String from = phaseStart();
        ExecutorService pool = Executors.newCachedThreadPool();
        AtomicInteger talking = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        // live calls per gateway, each with its release latch
        List<List<CountDownLatch>> live = new ArrayList<>();
        gws.forEach(g -> live.add(Collections.synchronizedList(new ArrayList<>())));
        java.util.function.IntConsumer start = gi -> {
            CountDownLatch release = new CountDownLatch(1);
            live.get(gi).add(release);
            pool.submit(() -> {
                boolean ok = call(gws.get(gi), 0, release, talking);
                live.get(gi).remove(release);
                (ok ? completed : failed).incrementAndGet();
            });
        };
        long t0 = System.nanoTime();
        for (int i = 0; i < target; i++) {
            start.accept(i % gws.size());
            Thread.sleep(50);
        }
        long rampEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (talking.get() < target && System.nanoTime() < rampEnd) {
            Thread.sleep(100);
        }
        System.out.printf("- ramp: %d of %d calls talking after %.1f s%n", talking.get(), target, (System.nanoTime() - t0) / 1e9);
        ProcCpu appCpu = new ProcCpu(app.pid());
        ProcCpu self = new ProcCpu(ProcessHandle.current().pid());
        ProcCpu.Sample a0 = appCpu.sample();
        ProcCpu.Sample s0 = self.sample();
        ProcCpu.Sample aPrev = a0;
        List<Double> appSamples = new ArrayList<>();
        List<Double> machineSamples = new ArrayList<>();
        int minTalking = Integer.MAX_VALUE;
        long sumTalking = 0;
        long talkingAgentsMid = -1;
        int churned = 0;
        long h0 = System.nanoTime();
        for (int s = 1; s <= hold; s++) {
            LockSupport.parkNanos(h0 + TimeUnit.SECONDS.toNanos(s) - System.nanoTime());
            ProcCpu.Sample a = appCpu.sample();
            appSamples.add(appCpu.processShare(aPrev, a));
            machineSamples.add(ProcCpu.machineShare(aPrev, a));
            aPrev = a;
            int now = talking.get();
            minTalking = Math.min(minTalking, now);
            sumTalking += now;
            for (int c = 0; c < churn; c++) {
                int gi = random.nextInt(gws.size());
                List<CountDownLatch> l = live.get(gi);
                CountDownLatch victim = null;
                synchronized (l) {
                    if (!l.isEmpty()) {
                        victim = l.get(random.nextInt(l.size()));
                    }
                }
                if (victim != null) {
                    victim.countDown();
                    start.accept(gi);
                    churned++;
                }
            }
            if (s == hold / 2) {
                talkingAgentsMid = admin.get("/api/callcenter/agents?state=TALKING&size=1").path("total").asLong();
            }
        }
        ProcCpu.Sample a1 = appCpu.sample();
        ProcCpu.Sample s1 = self.sample();
        for (List<CountDownLatch> l : live) {
            synchronized (l) {
                l.forEach(CountDownLatch::countDown);
            }
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        List<Double> sortedApp = new ArrayList<>(appSamples);
        Collections.sort(sortedApp);
        List<Double> sortedMachine = new ArrayList<>(machineSamples);
        Collections.sort(sortedMachine);
        System.out.printf("- held %d s: calls talking min %d, mean %.1f; agents TALKING in HeatDesk at mid-hold: %d; "
                + "%d calls churned%n", hold, minTalking, (double) sumTalking / hold, talkingAgentsMid, churned);
        System.out.printf("- **HeatDesk process CPU: mean %.1f %% of the machine (%d cores)**, 1-s samples p50 %.0f %%, "
                        + "p95 %.0f %%, max %.0f %%%n", appCpu.processShare(a0, a1), appCpu.cores(), pct(sortedApp, 50),
                pct(sortedApp, 95), sortedApp.get(sortedApp.size() - 1));
        System.out.printf("- whole machine CPU: mean %.1f %%, 1-s samples p95 %.0f %%, max %.0f %%; the driver's JVM "
                        + "(simulators, %d callers, %d live streams): mean %.1f %%%n", ProcCpu.machineShare(a0, a1),
                pct(sortedMachine, 95), sortedMachine.get(sortedMachine.size() - 1), target, agents.size(),
                self.processShare(s0, s1));
        Thread.sleep(2000);
        System.out.printf("- calls: %d completed, %d failed; cc_call rows ENDED since the phase start: %,d (ANSWERED %,d)%n",
                completed.get(), failed.get(), count(from, "status=ENDED"), count(from, "result=ANSWERED"));
    }

    // ------------------------------------------------------------------ misc

    private void shutdown() {
        running = false;
        for (Agent ag : agents) {
            if (ag.stream != null) {
                ag.stream.cancel(true);
            }
        }
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
        for (Gw gw : gws) {
            if (gw.sim != null) {
                gw.sim.close();
            }
        }
    }

    private void jcmdTo(Path file, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(app.pid())));
        cmd.addAll(List.of(args));
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(file.toFile()).start().waitFor();
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

    private static String ext(int gateway, int nth) {
        return String.valueOf(10000 + gateway * 1000 + nth + 1);
    }
}
