package cn.heatdesk.bench.baseinfo;

import cn.heatdesk.app.HeatDeskApplication;
import cn.heatdesk.baseinfo.api.CallerPanel;
import cn.heatdesk.baseinfo.api.HouseholdApi;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load driver for the base-information goals of issue 4. Generates a heating group (3 subsidiaries, 1,000
 * communities, N households), boots HeatDesk in-process on the chosen database, loads the data through the real
 * Excel import path (HTTP upload, background job), then measures: caller-phone panel lookup through the service
 * (HouseholdApi, and over HTTP for reference), tree children per level, multi-condition household search first
 * pages, and an export of ~100,000 rows with the JVM's peak heap. Prints figures; writes results-&lt;db&gt;.md.
 *
 * <pre>./mvnw -q -f bench/pom.xml compile exec:exec@baseinfo -Dbench.args="--db=postgresql --households=1000000"</pre>
 */
public final class BaseinfoLoadDriver {

    private final Map<String, String> opt = new HashMap<>();
    private final StringBuilder report = new StringBuilder();

    public static void main(String[] args) throws Exception {
        new BaseinfoLoadDriver().run(args);
    }

    private void run(String[] args) throws Exception {
        for (String a : args) {
            if (a.startsWith("--") && a.contains("=")) {
                opt.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else if (a.startsWith("--")) {
                opt.put(a.substring(2), "true");
            }
        }
        String db = opt.getOrDefault("db", "h2");
        long households = Long.parseLong(opt.getOrDefault("households", "1000000"));
        int communities = Integer.parseInt(opt.getOrDefault("communities", "1000"));
        int perFile = Integer.parseInt(opt.getOrDefault("per-file", "100000"));
        Path work = Path.of(opt.getOrDefault("workdir", "target/baseinfo")).toAbsolutePath();
        Path data = work.resolve("data-" + households);

        line("# HeatDesk base-information load run");
        line("- database: " + db + ", households: " + households + ", communities: " + communities);
        line("- machine: " + Runtime.getRuntime().availableProcessors() + " cores, JVM max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, Java " + System.getProperty("java.version")
                + ", started " + LocalDateTime.now().withNano(0));

        HeatGroupGenerator.Output gen;
        long t0 = System.nanoTime();
        Path marker = data.resolve("generated.txt");
        if (Files.exists(marker) && Files.readString(marker).startsWith(communities + " " + perFile + " ")) {
            // same parameters and seed as last time: the files are identical, reuse them
            String[] counts = Files.readString(marker).trim().split(" ");
            try (var files = Files.list(data)) {
                List<Path> all = files.sorted().toList();
                gen = new HeatGroupGenerator.Output(
                        all.stream().filter(f -> f.getFileName().toString().startsWith("nodes-")).toList(),
                        all.stream().filter(f -> f.getFileName().toString().startsWith("households-")).toList(),
                        Long.parseLong(counts[2]), households, Long.parseLong(counts[3]));
            }
            line(String.format("- reused the generated files: %d tree nodes (%d units), %d households in %d files",
                    gen.nodeCount(), gen.unitCount(), gen.householdCount(), gen.householdFiles().size()));
        } else {
            gen = new HeatGroupGenerator(communities, households, perFile, 20261121L).generate(data);
            Files.writeString(marker, communities + " " + perFile + " " + gen.nodeCount() + " " + gen.unitCount() + "\n");
            line(String.format("- generated %d tree nodes (%d units) and %d households in %d files: %.1f s",
                    gen.nodeCount(), gen.unitCount(), gen.householdCount(), gen.householdFiles().size(), secs(t0)));
        }

        Path appDir = work.resolve("app-" + db);
        boolean reuse = opt.containsKey("skip-import");
        if (!reuse) {
            deleteTree(appDir);
        }
        // --skip-import measures again on the database the previous run loaded
        String url = reuse ? reuseDatabase(db, appDir) : prepareDatabase(db, appDir);
        SpringApplication app = new SpringApplication(HeatDeskApplication.class);
        List<String> props = new ArrayList<>(List.of("--server.port=0", "--heatdesk.data-dir=" + appDir,
                "--heatdesk.baseinfo.demo-data=false", "--logging.level.root=WARN",
                "--logging.level.cn.heatdesk=INFO", "--spring.servlet.multipart.max-file-size=200MB",
                "--spring.servlet.multipart.max-request-size=210MB"));
        if (url != null) {
            props.add("--spring.datasource.url=" + url);
            props.add("--spring.datasource.username=" + (db.equals("h2") ? "sa" : db.equals("postgresql") ? "postgres" : "root"));
            props.add("--spring.datasource.password=");
        }
        try (ConfigurableApplicationContext ctx = app.run(props.toArray(String[]::new))) {
            String base = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
            BenchHttp http = new BenchHttp(base);
            http.login("admin", "HeatDesk@2026");
            Map<String, String> subsidiaryIds = new HashMap<>();
            for (JsonNode s : http.get("/api/settings/orgs/subsidiaries")) {
                subsidiaryIds.put(s.path("orgCode").asText(), s.path("id").asText());
            }
            if (!opt.containsKey("skip-import")) {
                importAll(http, gen, subsidiaryIds);
            }
            lookups(ctx.getBean(HouseholdApi.class), http, households);
            tree(http);
            search(http);
            export(http, work);
        }
        Path out = work.resolve("results-" + db + ".md");
        Files.writeString(out, report.toString());
        System.out.println("results written to " + out);
    }

    private void importAll(BenchHttp http, HeatGroupGenerator.Output gen, Map<String, String> subs) throws Exception {
        line("");
        line("## Import through the Excel import path (HTTP upload → background job)");
        line("| file | rows | ok | failed | seconds | rows/s |");
        line("|---|---:|---:|---:|---:|---:|");
        long total = 0;
        long t0 = System.nanoTime();
        for (Path f : gen.nodeFiles()) {
            total += runImport(http, f, "NODE", subs);
        }
        for (Path f : gen.householdFiles()) {
            total += runImport(http, f, "HOUSEHOLD", subs);
        }
        double s = secs(t0);
        line(String.format("| **all** | %d | | | %.1f | %.0f |", total, s, total / s));
    }

    private long runImport(BenchHttp http, Path file, String kind, Map<String, String> subs) throws Exception {
        String name = file.getFileName().toString();
        String sub = name.replaceAll(".*(SUB\\d+).*", "$1");
        long t0 = System.nanoTime();
        JsonNode job = http.upload("/api/baseinfo/imports", file, "kind", kind, "subsidiaryId", subs.get(sub));
        String id = job.path("id").asText();
        while (true) {
            job = http.get("/api/baseinfo/imports/" + id);
            String status = job.path("status").asText();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                break;
            }
            Thread.sleep(500);
        }
        double s = secs(t0);
        long rows = job.path("processedRows").asLong();
        line(String.format("| %s (%s, %s) | %d | %d | %d | %.1f | %.0f |", name, kind, job.path("status").asText(),
                rows, job.path("okRows").asLong(), job.path("failedRows").asLong(), s, rows / s));
        if (!job.path("status").asText().equals("SUCCEEDED") || job.path("failedRows").asLong() > 0) {
            line("  - job message: " + job.path("message").asText());
        }
        return rows;
    }

    private void lookups(HouseholdApi api, BenchHttp http, long households) throws Exception {
        int n = Integer.parseInt(opt.getOrDefault("lookups", "20000"));
        Random r = new Random(7);
        for (int i = 0; i < 2000; i++) {
            api.panelForCaller(HeatGroupGenerator.phoneOf((long) (r.nextDouble() * households)));
        }
        long[] ns = new long[n];
        int found = 0;
        for (int i = 0; i < n; i++) {
            String phone = HeatGroupGenerator.phoneOf((long) (r.nextDouble() * households));
            long t = System.nanoTime();
            CallerPanel p = api.panelForCaller(phone);
            ns[i] = System.nanoTime() - t;
            if (p.panel() != null) {
                found++;
            }
        }
        line("");
        line("## Caller phone → household panel (HouseholdApi.panelForCaller, in-process, " + n + " random callers)");
        line("- found a household for " + found + " of " + n + " numbers");
        line("- " + percentiles(ns));
        int m = Math.min(2000, n);
        long[] hs = new long[m];
        for (int i = 0; i < m; i++) {
            String phone = HeatGroupGenerator.phoneOf((long) (r.nextDouble() * households));
            long t = System.nanoTime();
            http.get("/api/baseinfo/panel/by-phone?phone=" + phone);
            hs[i] = System.nanoTime() - t;
        }
        line("- over HTTP (GET /api/baseinfo/panel/by-phone, " + m + " calls, for reference): " + percentiles(hs));
    }

    private void tree(BenchHttp http) throws Exception {
        line("");
        line("## Tree children (GET /api/baseinfo/nodes/children), per level, 100 random parents each");
        Random r = new Random(11);
        Map<String, List<Long>> byLevel = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            String parent = null;
            for (int level = 0; level < 6; level++) {
                String path = "/api/baseinfo/nodes/children" + (parent == null ? "" : "?parentId=" + parent);
                long t = System.nanoTime();
                JsonNode kids = http.get(path);
                byLevel.computeIfAbsent(level == 0 ? "roots" : "children of level " + level, k -> new ArrayList<>())
                        .add(System.nanoTime() - t);
                if (!kids.isArray() || kids.isEmpty()) {
                    break;
                }
                parent = kids.get(r.nextInt(kids.size())).path("id").asText();
            }
        }
        for (Map.Entry<String, List<Long>> e : byLevel.entrySet()) {
            line("- " + e.getKey() + ": " + percentiles(e.getValue().stream().mapToLong(Long::longValue).toArray()));
        }
    }

    private void search(BenchHttp http) throws Exception {
        line("");
        line("## Household search, first page of 20 (GET /api/baseinfo/households), 20 runs each");
        JsonNode companies = http.get("/api/baseinfo/nodes/children");
        String company = companies.get(0).path("id").asText();
        JsonNode sources = http.get("/api/baseinfo/nodes/children?parentId=" + company);
        String source = sources.get(0).path("id").asText();
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("no filter", "");
        queries.put("household code prefix HH0012", "&keyword=HH0012");
        queries.put("owner name prefix 王", "&keyword=" + BenchHttp.q("王"));
        queries.put("address keyword 幸福", "&keyword=" + BenchHttp.q("幸福"));
        queries.put("company subtree + 报停", "&nodeId=" + company + "&heatingStatus=SUSPENDED");
        queries.put("heat source subtree + arrears only", "&nodeId=" + source + "&arrearsOnly=true");
        queries.put("exact phone", "&phone=" + HeatGroupGenerator.phoneOf(123_456));
        queries.put("sorted by arrears desc", "&sort=arrears&order=desc");
        for (Map.Entry<String, String> q : queries.entrySet()) {
            long[] ns = new long[20];
            long total = 0;
            for (int i = 0; i < ns.length; i++) {
                long t = System.nanoTime();
                JsonNode page = http.get("/api/baseinfo/households?page=1&size=20" + q.getValue());
                ns[i] = System.nanoTime() - t;
                total = page.path("total").asLong();
            }
            line("- " + q.getKey() + " (total " + total + "): " + percentiles(ns));
        }
    }

    private void export(BenchHttp http, Path work) throws Exception {
        JsonNode companies = http.get("/api/baseinfo/nodes/children");
        String company = companies.get(0).path("id").asText();
        JsonNode sources = http.get("/api/baseinfo/nodes/children?parentId=" + company);
        // the heat source whose subtree is closest to 100,000 households
        String chosen = null;
        long rows = 0;
        for (JsonNode s : sources) {
            long n = http.get("/api/baseinfo/households?page=1&size=1&nodeId=" + s.path("id").asText()).path("total").asLong();
            if (chosen == null || Math.abs(n - 100_000) < Math.abs(rows - 100_000)) {
                chosen = s.path("id").asText();
                rows = n;
            }
        }
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = mem.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long t0 = System.nanoTime();
        long bytes = http.download("/api/baseinfo/export/households?nodeId=" + chosen, work.resolve("export.xlsx"));
        double s = secs(t0);
        running.set(false);
        sampler.join();
        line("");
        line("## Export (GET /api/baseinfo/export/households, streamed xlsx)");
        line(String.format("- %d rows, %.1f MB file, %.1f s (%.0f rows/s); JVM heap used: %d MiB before, peak %d MiB "
                        + "during the export (whole in-process app incl. the HTTP client reading the stream)",
                rows, bytes / 1e6, s, rows / s, baseline >> 20, peak.get() >> 20));
    }

    private static String reuseDatabase(String db, Path appDir) {
        return switch (db) {
            case "h2" -> "jdbc:h2:file:" + appDir.resolve("db/heatdesk") + ";DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=262144";
            case "postgresql" -> "jdbc:postgresql://127.0.0.1:5432/heatdesk_bench?reWriteBatchedInserts=true";
            case "mariadb" -> "jdbc:mariadb://127.0.0.1:3306/heatdesk_bench";
            default -> throw new IllegalArgumentException("--db must be h2, postgresql or mariadb");
        };
    }

    private static String prepareDatabase(String db, Path appDir) throws Exception {
        switch (db) {
            case "h2" -> {
                // the demo's embedded file database, with a 256 MB page cache instead of H2's 64 MB default
                return "jdbc:h2:file:" + appDir.resolve("db/heatdesk") + ";DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=262144";
            }
            case "postgresql" -> {
                try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
                     Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS heatdesk_bench");
                    s.execute("CREATE DATABASE heatdesk_bench");
                }
                return "jdbc:postgresql://127.0.0.1:5432/heatdesk_bench?reWriteBatchedInserts=true";
            }
            case "mariadb" -> {
                try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/test", "root", "");
                     Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS heatdesk_bench");
                    s.execute("CREATE DATABASE heatdesk_bench CHARACTER SET utf8mb4");
                }
                return "jdbc:mariadb://127.0.0.1:3306/heatdesk_bench";
            }
            default -> throw new IllegalArgumentException("--db must be h2, postgresql or mariadb");
        }
    }

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
        long[] s = ns.clone();
        Arrays.sort(s);
        return String.format("p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms", ms(s, 0.50), ms(s, 0.95), ms(s, 0.99),
                s[s.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private void line(String s) {
        System.out.println(s);
        report.append(s).append('\n');
    }
}
