package cn.heatdesk.bench.baseinfo;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Kills HeatDesk with SIGKILL in the middle of a household import and starts it again on the same data directory:
 * the job must resume from its checkpoint and end with exactly one household per row of the file. Runs the real
 * executable jar as a child process (embedded H2), so nothing here is simulated.
 *
 * <pre>./mvnw -q -f bench/pom.xml compile exec:exec@crash -Dbench.args="--households=100000"</pre>
 */
public final class ImportCrashDriver {

    public static void main(String[] args) throws Exception {
        long households = 100_000;
        String jar = "platform-boot/platform-app/target/heatdesk-exec.jar";
        for (String a : args) {
            if (a.startsWith("--households=")) {
                households = Long.parseLong(a.substring(13));
            } else if (a.startsWith("--jar=")) {
                jar = a.substring(6);
            }
        }
        Path work = Path.of("bench/target/crash").toAbsolutePath();
        Path data = work.resolve("files");
        Path appDir = work.resolve("app");
        if (Files.exists(appDir)) {
            try (var paths = Files.walk(appDir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        // a group three times the size, so that SUB01's share (its first file) holds about the requested households
        HeatGroupGenerator.Output gen = new HeatGroupGenerator(90, households * 3, Integer.MAX_VALUE, 7L).generate(data);
        Path nodes = gen.nodeFiles().get(0);
        Path file = gen.householdFiles().get(0);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = List.of(javaBin.toString(), "-Xmx1g", "-jar", new File(jar).getAbsolutePath(),
                "--server.port=" + port, "--heatdesk.data-dir=" + appDir, "--heatdesk.baseinfo.demo-data=false",
                "--logging.level.root=WARN");
        String base = "http://127.0.0.1:" + port;

        Process app = start(cmd, work.resolve("first.log"), base);
        BenchHttp http = new BenchHttp(base);
        http.login("admin", "HeatDesk@2026");
        String sub = null;
        for (JsonNode s : http.get("/api/settings/orgs/subsidiaries")) {
            if (s.path("orgCode").asText().equals("SUB01")) {
                sub = s.path("id").asText();
            }
        }
        JsonNode job = http.upload("/api/baseinfo/imports", nodes, "kind", "NODE", "subsidiaryId", sub);
        waitFor(http, job.path("id").asText(), -1);
        job = http.upload("/api/baseinfo/imports", file, "kind", "HOUSEHOLD", "subsidiaryId", sub);
        String id = job.path("id").asText();
        JsonNode before = waitFor(http, id, Math.max(1000, households / 3));
        System.out.printf("killing HeatDesk (SIGKILL) at %d of %d rows processed%n",
                before.path("processedRows").asLong(), before.path("totalRows").asLong());
        app.destroyForcibly().waitFor();

        app = start(cmd, work.resolve("second.log"), base);
        http = new BenchHttp(base);
        http.login("admin", "HeatDesk@2026");
        JsonNode done = waitFor(http, id, -1);
        JsonNode companies = http.get("/api/baseinfo/nodes/children");
        long stored = http.get("/api/baseinfo/households?page=1&size=1&nodeId=" + companies.get(0).path("id").asText())
                .path("total").asLong();
        long rows = done.path("totalRows").asLong();
        System.out.printf("after restart: job %s, %d rows in the file, %d ok, %d failed; households stored: %d%n",
                done.path("status").asText(), rows, done.path("okRows").asLong(), done.path("failedRows").asLong(), stored);
        app.destroy();
        app.waitFor();
        boolean ok = "SUCCEEDED".equals(done.path("status").asText()) && stored == rows && done.path("failedRows").asLong() == 0;
        System.out.println(ok ? "RESULT: exactly one copy of each household" : "RESULT: MISMATCH");
        System.exit(ok ? 0 : 1);
    }

    private static Process start(List<String> cmd, Path log, String base) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant until = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(until)) {
            try {
                new BenchHttp(base).get("/api/auth/public-key");
                return p;
            } catch (Exception notYet) {
                Thread.sleep(500);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("HeatDesk did not start; see " + log);
    }

    /** polls the job until it finished, or (processedAtLeast > 0) until it processed that many rows */
    private static JsonNode waitFor(BenchHttp http, String id, long processedAtLeast) throws Exception {
        while (true) {
            JsonNode job = http.get("/api/baseinfo/imports/" + id);
            String status = job.path("status").asText();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return job;
            }
            if (processedAtLeast > 0 && job.path("processedRows").asLong() >= processedAtLeast) {
                return job;
            }
            Thread.sleep(200);
        }
    }
}
