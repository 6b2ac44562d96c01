package cn.heatdesk.bench.workorder;

import cn.heatdesk.app.HeatDeskApplication;
import cn.heatdesk.bench.baseinfo.BenchHttp;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.servicedesk.api.TicketApi;
import cn.heatdesk.servicedesk.api.TicketCreate;
import cn.heatdesk.servicedesk.api.TicketFilter;
import cn.heatdesk.servicedesk.api.TicketOrigin;
import cn.heatdesk.servicedesk.api.TicketPool;
import cn.heatdesk.servicedesk.api.TicketRow;
import cn.heatdesk.servicedesk.api.TicketStatus;
import cn.heatdesk.servicedesk.api.TicketView;
import com.alibaba.excel.EasyExcel;
import com.alibaba.excel.ExcelWriter;
import com.alibaba.excel.context.AnalysisContext;
import com.alibaba.excel.read.listener.ReadListener;
import com.alibaba.excel.write.handler.SheetWriteHandler;
import com.alibaba.excel.write.handler.context.SheetWriteHandlerContext;
import com.alibaba.excel.write.metadata.WriteSheet;
import com.alibaba.excel.write.style.column.SimpleColumnWidthStyleStrategy;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load driver for the work-order speed goals of issue 5. Starts HeatDesk on an empty database with its demo data
 * (orgs, stations, users, 864 households with coverage), reads the demo ids, stops it, seeds N tickets with a year of
 * history straight into the tables ({@link TicketSeeder}: COPY on PostgreSQL, batches elsewhere), then starts HeatDesk
 * again and measures through the real code path in-process — {@link TicketApi} inside the Spring context, acting as
 * the demo users through {@link SecurityContext#callAs} with the {@link CurrentUser} a login builds — plus HTTP
 * figures for reference and the Excel export over HTTP ({@code GET /api/monitor/tickets/export}) as the console
 * downloads it:
 * <ul>
 *   <li>create + dispatch (agent, dispatchNow) latency; detail with timeline of random tickets; pages of 1,000 with
 *   filters; export of 10,000 tickets;</li>
 *   <li>sustained create throughput (2 threads, 30 s) and, in the same run, a raw JDBC batch insert of copies of
 *   exactly the rows those creates wrote (tickets and their timeline rows) — the ratio is reported.</li>
 * </ul>
 * Writes results-&lt;db&gt;.md to the work directory.
 *
 * <pre>./mvnw -q -f bench/pom.xml compile exec:exec@workorders -Dbench.args="--db=postgresql --tickets=5000000"</pre>
 * {@code --skip-seed} measures again on the database the previous run seeded.
 */
public final class WorkOrderLoadDriver {

    private static final String PG_DB = "heatdesk_wo_bench";
    private final Map<String, String> opt = new HashMap<>();
    private final StringBuilder report = new StringBuilder();
    private String db;
    private String url;

    public static void main(String[] args) throws Exception {
        new WorkOrderLoadDriver().run(args);
        // the application's non-daemon threads (scheduler, pools) are closed with the context; be sure anyway
        System.exit(0);
    }

    private void run(String[] args) throws Exception {
        for (String a : args) {
            if (a.startsWith("--") && a.contains("=")) {
                opt.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else if (a.startsWith("--")) {
                opt.put(a.substring(2), "true");
            }
        }
        db = opt.getOrDefault("db", "postgresql");
        long tickets = Long.parseLong(opt.getOrDefault("tickets", "5000000"));
        boolean skipSeed = opt.containsKey("skip-seed");
        Path work = Path.of(opt.getOrDefault("workdir", "target/workorders")).toAbsolutePath();
        Path appDir = work.resolve("app-" + db);
        Path marker = work.resolve("seeded-" + db + ".txt");
        Files.createDirectories(work);

        line("# HeatDesk work-order load run");
        line("- database: " + db + ", tickets to seed: " + (skipSeed ? "(reused)" : tickets));
        line("- machine: " + Runtime.getRuntime().availableProcessors() + " cores, JVM max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, Java " + System.getProperty("java.version")
                + ", started " + LocalDateTime.now().withNano(0) + ", load average at start "
                + String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));

        if (skipSeed) {
            if (!Files.exists(marker)) {
                throw new IllegalStateException("--skip-seed: no completed seed found (" + marker + ")");
            }
            url = databaseUrl();
            line("- reusing the seeded database: " + Files.readString(marker).trim());
        } else {
            Files.deleteIfExists(marker);
            deleteTree(appDir);
            url = prepareDatabase();
            long t0 = System.nanoTime();
            DemoWorld world;
            String[] templates;
            // 1. HeatDesk once on the empty database: schema, seed data, demo organisation and households
            try (ConfigurableApplicationContext ctx = start(appDir, true)) {
                world = DemoWorld.load(ctx);
                templates = visitTemplates();
            }
            line(String.format("- first start on the empty database (schema, demo data) and demo ids read: %.1f s", secs(t0)));
            line("- demo world: " + world.subs.size() + " subsidiaries, " + world.stations.size() + " repair stations ("
                    + world.stations.values().stream().filter(s -> !s.workers().isEmpty()).count() + " with workers), "
                    + world.households.size() + " households (" + world.coveredHouseholds() + " mapped to a station)");
            // 2. the tickets, straight into the tables while HeatDesk is down
            TicketSeeder.Summary s = new TicketSeeder(world, tickets, Long.parseLong(opt.getOrDefault("seed", "20261121")), templates)
                    .seed(this::connect, isPostgres());
            line("");
            line("## Seed (" + (isPostgres() ? "COPY, secondary indexes rebuilt afterwards, VACUUM ANALYZE" : "JDBC batches, ANALYZE") + ")");
            line(String.format("- %,d tickets, %,d timeline rows (%.2f per ticket, at most %d), %,d visit records: %.1f s in all "
                            + "(index rebuild %.1f s, vacuum/analyze %.1f s)", s.tickets(), s.history(),
                    (double) s.history() / s.tickets(), s.maxHistoryPerTicket(), s.visits(), s.seconds(), s.indexSeconds(),
                    s.analyzeSeconds()));
            long open = s.byStatus().entrySet().stream().filter(e -> !List.of("CLOSED", "VOIDED", "CANCELLED").contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
            line(String.format("- open: %,d (%.1f %%), of which overdue (not yet handled, deadline passed): %,d; open supervised %,d, "
                    + "open over-level %,d", open, 100.0 * open / s.tickets(), s.overdueOpen(), s.supervisedOpen(), s.overLevelOpen()));
            line("- by status: " + s.byStatus());
            Files.writeString(marker, String.format("%,d tickets seeded %s", s.tickets(), LocalDateTime.now().withNano(0)));
        }

        // 3. HeatDesk again, as it would run: timers on, measured in-process and over HTTP
        try (ConfigurableApplicationContext ctx = start(appDir, false)) {
            DemoWorld world = DemoWorld.load(ctx);
            TicketApi api = ctx.getBean(TicketApi.class);
            sizes();
            String base = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
            if (phase("create")) {
                createAndDispatch(api, world);
            }
            if (phase("detail")) {
                detail(api, world);
            }
            if (phase("pages")) {
                pages(api, world);
            }
            if (phase("export")) {
                export(api, world, base, work);
            }
            if (phase("sustained")) {
                sustained(api, world);
            }
            if (phase("http") && !opt.getOrDefault("http", "true").equals("false")) {
                http(base, world);
            }
        }
        if (isPostgres()) {
            // the copies of the raw-insert comparison were deleted; clear their dead rows for the next --skip-seed run
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE sd_ticket");
                s.execute("VACUUM ANALYZE sd_ticket_history");
            }
        }
        Path out = work.resolve("results-" + db + ".md");
        Files.writeString(out, report.toString());
        System.out.println("results written to " + out);
    }

    // ------------------------------------------------------------------ application and database

    private ConfigurableApplicationContext start(Path appDir, boolean firstStart) {
        SpringApplication app = new SpringApplication(HeatDeskApplication.class);
        List<String> props = new ArrayList<>(List.of("--server.port=0", "--heatdesk.data-dir=" + appDir,
                "--logging.level.root=WARN", "--logging.level.cn.heatdesk=INFO"));
        if (firstStart) {
            // the deadline timers only scan an empty table before the seed; keep them quiet
            props.add("--heatdesk.ticket.timer-initial-delay-ms=3600000");
        }
        props.add("--spring.datasource.url=" + url);
        props.add("--spring.datasource.username=" + user());
        props.add("--spring.datasource.password=");
        return app.run(props.toArray(String[]::new));
    }

    /** --only=create,detail,pages,export,sustained,http runs just those measurements (all by default) */
    private boolean phase(String name) {
        String only = opt.get("only");
        return only == null || List.of(only.split(",")).contains(name);
    }

    private boolean isPostgres() {
        return db.equals("postgresql");
    }

    private String user() {
        return db.equals("h2") ? "sa" : db.equals("postgresql") ? "postgres" : "root";
    }

    private String databaseUrl() {
        Path appDir = Path.of(opt.getOrDefault("workdir", "target/workorders")).toAbsolutePath().resolve("app-" + db);
        return switch (db) {
            case "h2" -> "jdbc:h2:file:" + appDir.resolve("db/heatdesk") + ";DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=262144";
            case "postgresql" -> "jdbc:postgresql://127.0.0.1:5432/" + PG_DB + "?reWriteBatchedInserts=true";
            default -> throw new IllegalArgumentException("--db must be postgresql or h2");
        };
    }

    private String prepareDatabase() throws Exception {
        if (isPostgres()) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + PG_DB);
                s.execute("CREATE DATABASE " + PG_DB);
            }
        }
        return databaseUrl();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user(), "");
    }

    private String[] visitTemplates() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT template_code FROM sd_visit_template")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out.toArray(String[]::new);
    }

    private void sizes() throws Exception {
        line("");
        line("## Database");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String t : List.of("sd_ticket", "sd_ticket_history", "sd_visit")) {
                long n;
                try (ResultSet rs = s.executeQuery(isPostgres() ? "SELECT reltuples::bigint FROM pg_class WHERE relname = '" + t + "'"
                        : "SELECT COUNT(*) FROM " + t)) {
                    rs.next();
                    n = rs.getLong(1);
                }
                String size = "";
                if (isPostgres()) {
                    try (ResultSet rs = s.executeQuery("SELECT pg_size_pretty(pg_table_size('" + t + "')), pg_size_pretty(pg_indexes_size('" + t + "'))")) {
                        rs.next();
                        size = ", table " + rs.getString(1) + ", indexes " + rs.getString(2);
                    }
                }
                line(String.format("- %s: ~%,d rows%s", t, n, size));
            }
            if (isPostgres()) {
                try (ResultSet rs = s.executeQuery("SELECT current_setting('shared_buffers'), current_setting('work_mem'), "
                        + "current_setting('autovacuum'), current_setting('max_parallel_workers_per_gather'), version()")) {
                    rs.next();
                    line("- PostgreSQL: shared_buffers " + rs.getString(1) + ", work_mem " + rs.getString(2) + ", autovacuum "
                            + rs.getString(3) + ", max_parallel_workers_per_gather " + rs.getString(4) + "; "
                            + rs.getString(5).replaceAll(" on .*", ""));
                }
            }
        }
    }

    // ------------------------------------------------------------------ create + dispatch

    private final Random rnd = new Random(5);
    private final AtomicLong contentNo = new AtomicLong();

    private TicketCreate newTicket(DemoWorld world, Random r) {
        DemoWorld.Household h = world.households.get(r.nextInt(world.households.size()));
        String[] types = {"REPAIR", "REPAIR", "REPAIR", "REPAIR", "COMPLAINT", "TEMP_CHECK", "INQUIRY"};
        String type = types[r.nextInt(types.length)];
        Long station = null;
        if (h.coveredStationId() == null) {
            // no coverage mapping for this household in the demo: the agent picks the subsidiary's station by hand
            List<DemoWorld.Station> st = world.stationsOf(h.subsidiaryId());
            station = st.get(r.nextInt(st.size())).id();
        }
        String[] titles = TicketSeeder.TITLES.get(type);
        String title = titles[r.nextInt(titles.length)];
        return new TicketCreate(type, r.nextInt(10) < 7 ? "PHONE" : "HOTLINE_12345", r.nextInt(10) == 0 ? "URGENT" : "NORMAL",
                h.id(), h.phone(), null, null, null,
                title + "。" + TicketSeeder.DETAILS[r.nextInt(TicketSeeder.DETAILS.length)] + "（压测 " + contentNo.incrementAndGet() + "）",
                "REPAIR".equals(type) ? Map.of("roomTemp", 15 + r.nextInt(4), "faultPart", "暖气片") : null,
                null, null, station, true, null, null, null, null);
    }

    private void createAndDispatch(TicketApi api, DemoWorld world) throws Exception {
        int n = Integer.parseInt(opt.getOrDefault("creates", "2000"));
        CurrentUser agent = world.user("agent01");
        for (int i = 0; i < Math.min(200, n); i++) {
            TicketCreate c = newTicket(world, rnd);
            SecurityContext.callAs(agent, () -> api.create(c, TicketOrigin.CALL));
        }
        Map<String, long[]> before = tableStats();
        long[] ns = new long[n];
        int dispatched = 0;
        for (int i = 0; i < n; i++) {
            TicketCreate c = newTicket(world, rnd);
            long t = System.nanoTime();
            TicketView v = SecurityContext.callAs(agent, () -> api.create(c, TicketOrigin.CALL));
            ns[i] = System.nanoTime() - t;
            if (v.ticket().status() == TicketStatus.DISPATCHED) {
                dispatched++;
            }
        }
        line("");
        line("## Create + dispatch (TicketApi.create with dispatchNow, in-process as agent01, one thread, " + n
                + " tickets after 200 warm-up)");
        line("- " + dispatched + " of " + n + " landed DISPATCHED at a station (coverage suggestion or the station given)");
        line("- " + percentiles(ns));
        Map<String, long[]> after = tableStats();
        if (!after.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, long[]> e : after.entrySet()) {
                long[] b = before.getOrDefault(e.getKey(), new long[3]);
                long ins = e.getValue()[0] - b[0];
                long upd = e.getValue()[1] - b[1];
                if (ins > 0 || upd > 0) {
                    sb.append(String.format("%s %.2f ins%s; ", e.getKey(), (double) ins / n,
                            upd > 0 ? String.format(" + %.2f upd", (double) upd / n) : ""));
                }
            }
            line("- rows written per created ticket (pg_stat_user_tables deltas): " + sb);
        }
    }

    /** n_tup_ins, n_tup_upd per table (PostgreSQL; stats are flushed by idle backends within ~10 s) */
    private Map<String, long[]> tableStats() throws Exception {
        Map<String, long[]> out = new LinkedHashMap<>();
        if (!isPostgres()) {
            return out;
        }
        Thread.sleep(11_000);
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT relname, n_tup_ins, n_tup_upd FROM pg_stat_user_tables ORDER BY relname")) {
            while (rs.next()) {
                out.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3)});
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ detail

    private List<Long> sampleIds(int n) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            String sql = isPostgres()
                    ? "SELECT id FROM sd_ticket TABLESAMPLE BERNOULLI (" + Math.min(100.0, 100.0 * n * 3 / Math.max(1, estimate(s))) + ") REPEATABLE (7)"
                    : "SELECT id FROM sd_ticket ORDER BY RAND() LIMIT " + n * 3;
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        Collections.shuffle(ids, new Random(3));
        return ids.subList(0, Math.min(n, ids.size()));
    }

    private long estimate(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT reltuples::bigint FROM pg_class WHERE relname = 'sd_ticket'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void detail(TicketApi api, DemoWorld world) throws Exception {
        int n = Integer.parseInt(opt.getOrDefault("details", "2000"));
        List<Long> ids = sampleIds(n + 200);
        CurrentUser agent = world.user("agent01");
        for (Long id : ids.subList(0, Math.min(200, ids.size()))) {
            SecurityContext.callAs(agent, () -> api.detail(id));
        }
        List<Long> measured = ids.subList(Math.min(200, ids.size()), ids.size());
        long[] ns = new long[measured.size()];
        long timeline = 0;
        for (int i = 0; i < ns.length; i++) {
            long id = measured.get(i);
            long t = System.nanoTime();
            TicketView v = SecurityContext.callAs(agent, () -> api.detail(id));
            ns[i] = System.nanoTime() - t;
            timeline += v.timeline().size();
        }
        line("");
        line("## Ticket detail with timeline (TicketApi.detail, in-process as agent01, " + ns.length
                + " random seeded tickets after 200 warm-up)");
        line(String.format("- %.1f timeline entries per ticket on average", (double) timeline / ns.length));
        line("- " + percentiles(ns));
    }

    // ------------------------------------------------------------------ pages

    private record PageCase(String name, String user, TicketFilter filter, String httpQuery) {
    }

    private static TicketFilter filter(String keyword, List<TicketStatus> statuses, String type, Boolean overLevel,
                                       Long subsidiaryId, TicketPool pool, String timing, LocalDateTime from) {
        return new TicketFilter(null, keyword, statuses, type, null, null, null, overLevel, null, subsidiaryId, null, null,
                null, null, pool, timing, null, from, null, null);
    }

    private List<PageCase> pageCases(DemoWorld world) {
        long sub01 = world.subs.values().stream().filter(s -> s.code().equals("SUB01")).findFirst().orElseThrow().id();
        LocalDateTime month = LocalDateTime.now().minusDays(30).withNano(0);
        List<PageCase> cases = new ArrayList<>();
        cases.add(new PageCase("SUB01 + status CLOSED/COMPLETED + type REPAIR + created in the last 30 days", "agent01",
                filter(null, List.of(TicketStatus.CLOSED, TicketStatus.COMPLETED), "REPAIR", null, sub01, null, null, month),
                "subsidiaryId=" + sub01 + "&statuses=CLOSED,COMPLETED&ticketType=REPAIR&createdFrom=" + month));
        cases.add(new PageCase("pool ARRANGED (已安排, all subsidiaries, sorted by priority and deadline)", "agent01",
                filter(null, null, null, null, null, TicketPool.ARRANGED, null, null), "pool=ARRANGED"));
        cases.add(new PageCase("timing OVERDUE (all open tickets past their deadline or visit due)", "agent01",
                filter(null, null, null, null, null, null, "OVERDUE", null), "timing=OVERDUE"));
        cases.add(new PageCase("keyword 漏水 (title/address contains, whole year)", "agent01",
                filter("漏水", null, null, null, null, null, null, null), "keyword=" + BenchHttp.q("漏水")));
        cases.add(new PageCase("keyword 漏水 + SUB01 + last 30 days", "agent01",
                filter("漏水", null, null, null, sub01, null, null, month), "keyword=" + BenchHttp.q("漏水") + "&subsidiaryId=" + sub01
                        + "&createdFrom=" + month));
        cases.add(new PageCase("over-level complaints, any status, whole year", "agent01",
                filter(null, null, null, true, null, null, null, null), "overLevel=true"));
        // what an agent types most: a ticket number, whole, or the day part of it
        String oldNo = null;
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT ticket_no FROM sd_ticket WHERE created_at < ? AND subsidiary_id = ? ORDER BY created_at DESC "
                        + "OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY")) {
            ps.setTimestamp(1, Timestamp.valueOf(LocalDateTime.now().minusDays(200)));
            ps.setLong(2, sub01);
            try (ResultSet rs = ps.executeQuery()) {
                oldNo = rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (oldNo != null) {
            cases.add(new PageCase("keyword = a whole ticket number from 200 days ago (" + oldNo + ")", "agent01",
                    filter(oldNo, null, null, null, null, null, null, null), "keyword=" + oldNo));
        }
        String dayPrefix = "SUB01-" + LocalDateTime.now().minusDays(1).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        cases.add(new PageCase("keyword = yesterday's ticket-number prefix (" + dayPrefix + ")", "agent01",
                filter(dayPrefix, null, null, null, null, null, null, null), "keyword=" + dayPrefix));
        if (world.users.containsKey("sub01admin")) {
            cases.add(new PageCase("sub01admin (subsidiary data scope): pool ARRANGED", "sub01admin",
                    filter(null, null, null, null, null, TicketPool.ARRANGED, null, null), "pool=ARRANGED"));
        }
        if (world.users.containsKey("lead01")) {
            cases.add(new PageCase("lead01 (station data scope): pool STATION_PENDING", "lead01",
                    filter(null, null, null, null, null, TicketPool.STATION_PENDING, null, null), "pool=STATION_PENDING"));
        }
        return cases;
    }

    private void pages(TicketApi api, DemoWorld world) {
        int runs = Integer.parseInt(opt.getOrDefault("page-runs", "50"));
        double capSeconds = Double.parseDouble(opt.getOrDefault("page-cap-seconds", "60"));
        line("");
        line("## Page of 1,000 tickets with filters (TicketApi.search, page 1, size 1,000, count included, in-process; up to "
                + runs + " runs each after 2 warm-up, at most " + (int) capSeconds + " s per case)");
        line("| case | user | total matching | rows | p50 | p95 | max | runs |");
        line("|---|---|---:|---:|---:|---:|---:|---:|");
        for (PageCase pc : pageCases(world)) {
            CurrentUser u = world.user(pc.user());
            PageQuery q = new PageQuery();
            q.setPage(1);
            q.setSize(1000);
            for (int i = 0; i < 2; i++) {
                SecurityContext.callAs(u, () -> api.search(pc.filter(), q));
            }
            List<Long> ns = new ArrayList<>();
            long total = 0;
            int rows = 0;
            long started = System.nanoTime();
            while (ns.size() < runs && (ns.size() < 5 || secs(started) < capSeconds)) {
                long t = System.nanoTime();
                PageResult<TicketRow> page = SecurityContext.callAs(u, () -> api.search(pc.filter(), q));
                ns.add(System.nanoTime() - t);
                total = page.total();
                rows = page.records().size();
            }
            long[] a = ns.stream().mapToLong(Long::longValue).sorted().toArray();
            line(String.format("| %s | %s | %,d | %,d | %.1f ms | %.1f ms | %.1f ms | %d |", pc.name(), pc.user(), total, rows,
                    ms(a, 0.5), ms(a, 0.95), a[a.length - 1] / 1e6, a.length));
        }
    }

    // ------------------------------------------------------------------ export

    private void export(TicketApi api, DemoWorld world, String base, Path work) throws Exception {
        int rows = Integer.parseInt(opt.getOrDefault("export-rows", "10000"));
        int runs = Integer.parseInt(opt.getOrDefault("export-runs", "5"));
        long sub01 = world.subs.values().stream().filter(s -> s.code().equals("SUB01")).findFirst().orElseThrow().id();
        // the creation time from which SUB01's repair tickets number `rows`: the filter of a typical export
        LocalDateTime from;
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT created_at FROM sd_ticket WHERE subsidiary_id = ? AND ticket_type = 'REPAIR' ORDER BY created_at DESC "
                        + "OFFSET " + (rows - 1) + " ROWS FETCH NEXT 1 ROWS ONLY")) {
            ps.setLong(1, sub01);
            try (ResultSet rs = ps.executeQuery()) {
                from = rs.next() ? rs.getTimestamp(1).toLocalDateTime().withNano(0) : LocalDateTime.now().minusYears(1);
            }
        }
        String query = "subsidiaryId=" + sub01 + "&ticketType=REPAIR&createdFrom=" + from;
        TicketFilter f = filter(null, null, "REPAIR", null, sub01, null, null, from);
        CurrentUser admin = world.user("admin");
        BenchHttp http = new BenchHttp(base);
        http.login("admin", "HeatDesk@2026");
        Path file = work.resolve("tickets-export.xlsx");
        boolean viaHttp = http.status("/api/monitor/tickets/export?" + query) == 200;
        line("");
        line("## Export to Excel (filter SUB01 + REPAIR + created since " + from + "; " + runs + " runs after 1 warm-up)");
        if (viaHttp) {
            long[] a = timedRuns(runs, () -> http.download("/api/monitor/tickets/export?" + query, file));
            long counted = countRows(file);
            line(String.format("- **GET /api/monitor/tickets/export** as admin, streamed xlsx downloaded over HTTP: %,d data rows in the "
                    + "file (read back), %.1f MB; p50 %.2f s, max %.2f s (%.0f rows/s at p50)", counted, Files.size(file) / 1e6,
                    ms(a, 0.5) / 1000, a[a.length - 1] / 1e9, counted / (ms(a, 0.5) / 1000)));
        } else {
            line("- the monitor export endpoint is not in this build; the in-process figures below use the same columns");
        }
        // where the time goes: reading and converting the rows alone, then the same rows through EasyExcel with
        // per-column widths (what the console exports do) and with one sheet-wide default width
        AtomicLong streamed = new AtomicLong();
        long[] a = timedRuns(runs, () -> {
            streamed.set(0);
            SecurityContext.callAs(admin, () -> {
                api.stream(f, rows, r -> streamed.incrementAndGet());
                return null;
            });
            return 0L;
        });
        line(String.format("- in-process TicketApi.stream only (query + row conversion, no Excel), %,d rows: p50 %.2f s, max %.2f s",
                streamed.get(), ms(a, 0.5) / 1000, a[a.length - 1] / 1e9));
        for (String widths : List.of("per-column", "sheet-default")) {
            a = timedRuns(runs, () -> exportInProcess(api, admin, f, rows, file, widths.equals("per-column")));
            line(String.format("- in-process TicketApi.stream + EasyExcel, 28 columns, %s column width: %,d rows, p50 %.2f s, max %.2f s",
                    widths.equals("per-column") ? "SimpleColumnWidthStyleStrategy(16) (per-column <col> entries, as the "
                            + "monitor and baseinfo exports do)" : "one sheet-wide default", countRows(file), ms(a, 0.5) / 1000,
                    a[a.length - 1] / 1e9));
        }
    }

    private interface Run {
        long run() throws Exception;
    }

    /** sorted nanosecond timings of {@code runs} runs after one warm-up run */
    private static long[] timedRuns(int runs, Run r) throws Exception {
        r.run();
        long[] ns = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            r.run();
            ns[i] = System.nanoTime() - t;
        }
        Arrays.sort(ns);
        return ns;
    }

    private static final List<String> EXPORT_HEAD = List.of("工单号", "工单类型", "来源", "紧急程度", "状态", "当前节点", "标题", "地址",
            "房屋编码", "联系人", "联系电话", "分公司", "维修站", "维修人员", "处理期限", "时效", "督办", "越级投诉", "催办次数", "升级次数",
            "返工次数", "待审批", "回访结果", "满意度", "受理时间", "受理人", "处理完成时间", "办结时间");

    /** the monitor export's 28 columns through TicketApi.stream and EasyExcel, in-process */
    private long exportInProcess(TicketApi api, CurrentUser user, TicketFilter f, int max, Path file, boolean perColumnWidth)
            throws Exception {
        var builder = EasyExcel.write(Files.newOutputStream(file)).head(EXPORT_HEAD.stream().map(List::of).toList());
        if (perColumnWidth) {
            builder.registerWriteHandler(new SimpleColumnWidthStyleStrategy(16));
        } else {
            builder.registerWriteHandler(new SheetWriteHandler() {
                @Override
                public void afterSheetCreate(SheetWriteHandlerContext context) {
                    context.getWriteSheetHolder().getSheet().setDefaultColumnWidth(16);
                }
            });
        }
        try (ExcelWriter writer = builder.build()) {
            WriteSheet sheet = EasyExcel.writerSheet("工单").build();
            List<List<Object>> chunk = new ArrayList<>(1000);
            SecurityContext.callAs(user, () -> {
                api.stream(f, max, r -> {
                    chunk.add(Arrays.asList(r.ticketNo(), r.ticketTypeLabel(), r.sourceLabel(), r.urgencyLabel(), r.statusLabel(),
                            r.nodeName(), r.title(), r.address(), r.householdCode(), r.contactName(), r.callerPhone(),
                            r.subsidiaryName(), r.stationName(), r.workerName(), str(r.deadline()), r.timing(),
                            r.supervised() ? "是" : "否", r.overLevel() ? "是" : "否", String.valueOf(r.urgeCount()),
                            String.valueOf(r.escalationLevel()), String.valueOf(r.reworkCount()), r.pendingApproval(),
                            r.visitResult(), r.satisfaction() == null ? null : String.valueOf(r.satisfaction()),
                            str(r.createdAt()), r.createdByName(), str(r.completedAt()), str(r.closedAt())));
                    if (chunk.size() >= 1000) {
                        writer.write(chunk, sheet);
                        chunk.clear();
                    }
                });
                writer.write(chunk, sheet);
                return null;
            });
        }
        return Files.size(file);
    }

    private static String str(LocalDateTime t) {
        return t == null ? null : t.withNano(0).toString().replace('T', ' ');
    }

    private static long countRows(Path file) {
        AtomicLong n = new AtomicLong();
        EasyExcel.read(file.toFile(), new ReadListener<Map<Integer, String>>() {
            @Override
            public void invoke(Map<Integer, String> data, AnalysisContext context) {
                n.incrementAndGet();
            }

            @Override
            public void doAfterAllAnalysed(AnalysisContext context) {
            }
        }).sheet().doRead();
        return n.get();
    }

    // ------------------------------------------------------------------ sustained throughput vs raw JDBC

    private void sustained(TicketApi api, DemoWorld world) throws Exception {
        int threads = Integer.parseInt(opt.getOrDefault("threads", "2"));
        int seconds = Integer.parseInt(opt.getOrDefault("sustain-seconds", "30"));
        CurrentUser agent = world.user("agent01");
        ConcurrentLinkedQueue<Long> ids = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> lat = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> ts = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            Random r = new Random(100 + i);
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    TicketCreate c = newTicket(world, r);
                    long s = System.nanoTime();
                    try {
                        TicketView v = SecurityContext.callAs(agent, () -> api.create(c, TicketOrigin.CALL));
                        lat.add(System.nanoTime() - s);
                        ids.add(v.ticket().id());
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                        if (errorSamples.size() < 3) {
                            errorSamples.add(e.toString());
                        }
                    }
                }
            }, "sustained-" + i);
            ts.add(t);
            t.start();
        }
        for (Thread t : ts) {
            t.join();
        }
        double appSecs = secs(t0);
        List<Long> created = new ArrayList<>(ids);
        double appRate = created.size() / appSecs;
        line("");
        line("## Sustained create throughput vs raw JDBC batch insert of the same rows");
        line(String.format("- HeatDesk (TicketApi.create + dispatch, %d threads as agent01, %d s): %,d tickets in %.1f s = **%.1f tickets/s**; "
                        + "errors %d%s; latency %s", threads, seconds, created.size(), appSecs, appRate, errors.get(),
                errorSamples.isEmpty() ? "" : " " + errorSamples, percentiles(lat.stream().mapToLong(Long::longValue).toArray())));

        // the rows those creates wrote: the tickets and their timeline rows, read back as stored
        Rows ticketRows = readRows("sd_ticket", "id", created);
        Rows historyRows = readRows("sd_ticket_history", "ticket_id", created);
        line(String.format("- rows the creates wrote and the raw insert copies: %,d sd_ticket + %,d sd_ticket_history rows",
                ticketRows.values.size(), historyRows.values.size()));
        // one untimed pass first, so neither variant pays for JIT warm-up or first-touch of the table's end pages
        rawInsert(ticketRows, historyRows, threads, 500);
        double batchSecs = rawInsert(ticketRows, historyRows, threads, 500);
        double batchRate = created.size() / batchSecs;
        line(String.format("- raw JDBC batch insert of copies of the same rows (%d threads, PreparedStatement batches of 500 tickets + "
                        + "their timeline rows per transaction%s): %.2f s = **%.0f tickets/s**", threads,
                isPostgres() ? ", reWriteBatchedInserts" : "", batchSecs, batchRate));
        double singleSecs = rawInsert(ticketRows, historyRows, threads, 1);
        double singleRate = created.size() / singleSecs;
        line(String.format("- raw JDBC, same copies, one ticket + its timeline rows per transaction (%d threads): %.2f s = %.0f tickets/s",
                threads, singleSecs, singleRate));
        line(String.format("- **ratio raw batch / HeatDesk: %.1f×** (raw one-per-transaction / HeatDesk: %.1f×)",
                batchRate / appRate, singleRate / appRate));
    }

    private record Rows(String table, List<String> columns, List<Object[]> values) {
    }

    private Rows readRows(String table, String key, List<Long> ids) throws Exception {
        List<String> cols = new ArrayList<>();
        List<Object[]> out = new ArrayList<>();
        try (Connection c = connect()) {
            for (int i = 0; i < ids.size(); i += 500) {
                List<Long> part = ids.subList(i, Math.min(ids.size(), i + 500));
                String in = String.join(",", part.stream().map(String::valueOf).toList());
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE " + key + " IN (" + in + ")")) {
                    ResultSetMetaData md = rs.getMetaData();
                    if (cols.isEmpty()) {
                        for (int k = 1; k <= md.getColumnCount(); k++) {
                            cols.add(md.getColumnName(k).toLowerCase());
                        }
                    }
                    while (rs.next()) {
                        Object[] v = new Object[cols.size()];
                        for (int k = 0; k < v.length; k++) {
                            v[k] = rs.getObject(k + 1);
                            if (v[k] instanceof java.sql.Clob clob) {
                                // H2 hands CLOB columns out as locators of this connection
                                v[k] = clob.getSubString(1, (int) clob.length());
                            }
                        }
                        out.add(v);
                    }
                }
            }
        }
        return new Rows(table, cols, out);
    }

    /**
     * Inserts copies (new ids in the snowflake worker range 1019/1020, which nothing else uses; ticket numbers
     * prefixed R) of the given rows, {@code perTx} tickets with their timeline rows per transaction, split over
     * threads; deletes the copies afterwards. Returns the seconds the inserts took.
     */
    private double rawInsert(Rows tickets, Rows history, int threads, int perTx) throws Exception {
        int idCol = tickets.columns.indexOf("id");
        int noCol = tickets.columns.indexOf("ticket_no");
        int hId = history.columns.indexOf("id");
        int hTicket = history.columns.indexOf("ticket_id");
        Map<Long, List<Object[]>> historyByTicket = new HashMap<>();
        for (Object[] h : history.values) {
            historyByTicket.computeIfAbsent(((Number) h[hTicket]).longValue(), k -> new ArrayList<>()).add(h);
        }
        List<Object[]> all = tickets.values;
        List<Long> copyIds = Collections.synchronizedList(new ArrayList<>());
        List<Thread> ts = new ArrayList<>();
        List<Exception> failures = Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        for (int w = 0; w < threads; w++) {
            int part = w;
            Thread t = new Thread(() -> {
                try (Connection c = connect();
                     PreparedStatement pt = c.prepareStatement(insertSql(tickets));
                     PreparedStatement ph = c.prepareStatement(insertSql(history))) {
                    c.setAutoCommit(false);
                    int inTx = 0;
                    for (int i = part; i < all.size(); i += threads) {
                        Object[] tk = all.get(i).clone();
                        long orig = ((Number) tk[idCol]).longValue();
                        long copy = reWorker(orig, 1020);
                        tk[idCol] = copy;
                        tk[noCol] = "R" + tk[noCol];
                        bind(pt, tk);
                        pt.addBatch();
                        copyIds.add(copy);
                        for (Object[] h : historyByTicket.getOrDefault(orig, List.of())) {
                            Object[] hc = h.clone();
                            hc[hId] = reWorker(((Number) h[hId]).longValue(), 1019);
                            hc[hTicket] = copy;
                            bind(ph, hc);
                            ph.addBatch();
                        }
                        if (++inTx >= perTx) {
                            pt.executeBatch();
                            ph.executeBatch();
                            c.commit();
                            inTx = 0;
                        }
                    }
                    pt.executeBatch();
                    ph.executeBatch();
                    c.commit();
                } catch (Exception e) {
                    failures.add(e);
                }
            });
            ts.add(t);
            t.start();
        }
        for (Thread t : ts) {
            t.join();
        }
        double secs = secs(t0);
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        try (Connection c = connect()) {
            for (int i = 0; i < copyIds.size(); i += 500) {
                String in = String.join(",", copyIds.subList(i, Math.min(copyIds.size(), i + 500)).stream().map(String::valueOf).toList());
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM sd_ticket_history WHERE ticket_id IN (" + in + ")");
                    s.executeUpdate("DELETE FROM sd_ticket WHERE id IN (" + in + ")");
                }
            }
        }
        return secs;
    }

    private static long reWorker(long id, long worker) {
        return (id & ~(0x3FFL << 12)) | (worker << 12);
    }

    private static String insertSql(Rows r) {
        return "INSERT INTO " + r.table + " (" + String.join(", ", r.columns) + ") VALUES (" + "?, ".repeat(r.columns.size() - 1) + "?)";
    }

    private static void bind(PreparedStatement ps, Object[] v) throws SQLException {
        for (int i = 0; i < v.length; i++) {
            if (v[i] == null) {
                ps.setNull(i + 1, java.sql.Types.NULL);
            } else if (v[i] instanceof Timestamp ts) {
                ps.setTimestamp(i + 1, ts);
            } else {
                ps.setObject(i + 1, v[i]);
            }
        }
    }

    // ------------------------------------------------------------------ HTTP reference figures

    private void http(String base, DemoWorld world) throws Exception {
        BenchHttp http = new BenchHttp(base);
        http.login("agent01", "HeatDesk@2026");
        Random r = new Random(9);
        line("");
        line("## Over HTTP, for reference (agent01 signed in; JSON, audit, masking included)");
        int n = 200;
        long[] ns = new long[n];
        for (int i = 0; i < n + 20; i++) {
            TicketCreate c = newTicket(world, r);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ticketType", c.ticketType());
            body.put("source", c.source());
            body.put("urgency", c.urgency());
            body.put("householdId", String.valueOf(c.householdId()));
            body.put("callerPhone", c.callerPhone());
            body.put("content", c.content());
            body.put("formFields", c.formFields());
            body.put("stationOrgId", c.stationOrgId() == null ? null : String.valueOf(c.stationOrgId()));
            body.put("dispatchNow", true);
            long t = System.nanoTime();
            http.post("/api/servicedesk/tickets", body);
            if (i >= 20) {
                ns[i - 20] = System.nanoTime() - t;
            }
        }
        line("- POST /api/servicedesk/tickets (create + dispatch, " + n + " after 20 warm-up): " + percentiles(ns));
        List<Long> ids = sampleIds(520);
        long[] ds = new long[ids.size() - 20];
        for (int i = 0; i < ids.size(); i++) {
            long t = System.nanoTime();
            http.get("/api/servicedesk/tickets/" + ids.get(i));
            if (i >= 20) {
                ds[i - 20] = System.nanoTime() - t;
            }
        }
        line("- GET /api/servicedesk/tickets/{id} (detail with timeline, " + ds.length + " random tickets): " + percentiles(ds));
        PageCase pc = pageCases(world).get(0);
        long[] ps = new long[20];
        for (int i = 0; i < 22; i++) {
            long t = System.nanoTime();
            http.get("/api/servicedesk/tickets?page=1&size=1000&" + pc.httpQuery());
            if (i >= 2) {
                ps[i - 2] = System.nanoTime() - t;
            }
        }
        line("- GET /api/servicedesk/tickets, page of 1,000 (" + pc.name() + ", 20 runs): " + percentiles(ps));
    }

    // ------------------------------------------------------------------ helpers

    private static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static String percentiles(long[] ns) {
        if (ns.length == 0) {
            return "no samples";
        }
        long[] s = ns.clone();
        Arrays.sort(s);
        return String.format("p50 %.2f ms, p95 %.2f ms, **p99 %.2f ms**, max %.2f ms (n=%d)", ms(s, 0.50), ms(s, 0.95),
                ms(s, 0.99), s[s.length - 1] / 1e6, s.length);
    }

    private static double ms(long[] sorted, double p) {
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1))] / 1e6;
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private void line(String s) {
        System.out.println(s);
        report.append(s).append('\n');
    }
}
