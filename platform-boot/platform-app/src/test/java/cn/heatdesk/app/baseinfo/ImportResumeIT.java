package cn.heatdesk.app.baseinfo;

import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import cn.heatdesk.baseinfo.imports.ImportJobMapper;
import cn.heatdesk.baseinfo.imports.ImportRunner;
import cn.heatdesk.baseinfo.node.HeatNode;
import cn.heatdesk.baseinfo.node.NodeWriter;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job whose process dies mid-import is finished from its checkpoint by the resume scan: every row exactly once,
 * nothing committed before the crash redone, nothing after it skipped, duplicates across the crash still found.
 * The "kill" is {@link ImportRunner#haltNextJobAfterBatches}: the worker stops dead after N committed batches and
 * leaves the job RUNNING with its checkpoint and heartbeat, as a killed JVM would.
 */
class ImportResumeIT extends AbstractApiIT {

    @Autowired
    NodeWriter nodeWriter;
    @Autowired
    PlatformTransactionManager txManager;
    @Autowired
    ImportRunner runner;
    @Autowired
    ImportJobMapper jobMapper;

    @Test
    void aJobKilledAfterTwoBatchesIsFinishedFromItsCheckpointWithExactlyOneCopyOfEachRow() throws Exception {
        String s = ImportApiIT.suffix();
        long sub = orgId("SUB01");
        List<HeatNode> units = ImportApiIT.seedUnits(nodeWriter, txManager, sub, s, 8);
        ImportApiIT.Http http = ImportApiIT.Http.login(port, client(), "admin");

        List<List<Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 1250; i++) {
            rows.add(ImportApiIT.householdRow(code(s, i), units.get(i % units.size()).getNodeCode(), i));
        }
        rows.get(299).set(4, "x");                   // data row 300 = Excel row 301: before the crash
        rows.get(1099).set(0, code(s, 10));          // Excel row 1101 repeats row 11 (committed before the crash)
        rows.get(1199).set(1, "NOUNIT" + s);         // Excel row 1201: after the crash
        byte[] file = ImportApiIT.xlsx(ImportApiIT.HOUSEHOLD_HEAD, rows);

        runner.haltNextJobAfterBatches(2);
        long id = http.upload("HOUSEHOLD", sub, "续传.xlsx", file).path("id").asLong();
        awaitHalted(id, 1001);

        JsonNode halted = http.job(id);
        assertThat(halted.path("status").asText()).isEqualTo("RUNNING");
        assertThat(halted.path("processedRows").asInt()).isEqualTo(1000);
        assertThat(halted.path("okRows").asInt()).isEqualTo(999);
        assertThat(halted.path("failedRows").asInt()).isEqualTo(1);
        assertThat(halted.path("percent").decimalValue()).isEqualByComparingTo("80.0");
        assertThat(households(s)).isEqualTo(999);

        // a row committed before the crash is changed behind the import's back: a resume that redid it would undo this
        jdbc.update("UPDATE bi_household SET meter_no = 'TAMPERED' WHERE household_code = ?", code(s, 5));

        // its heartbeat is fresh: the owner may still be alive, so the scan leaves it alone (a claim would mark it
        // busy before the scan returns)
        runner.resumeWaitingJobs();
        assertThat(runner.isBusyWith(id)).isFalse();
        assertThat(http.job(id).path("processedRows").asInt()).isEqualTo(1000);

        // the owner has stopped beating: the scan picks it up and continues after row 1001
        jdbc.update("UPDATE bi_import_job SET heartbeat_at = ? WHERE id = ?",
                Timestamp.valueOf(LocalDateTime.now().minusMinutes(10)), id);
        assertThat(runner.resumeWaitingJobs()).isPositive();
        JsonNode done = http.await(id);
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.path("processedRows").asInt()).isEqualTo(1250);
        assertThat(done.path("okRows").asInt()).isEqualTo(1247);
        assertThat(done.path("failedRows").asInt()).isEqualTo(3);

        assertThat(households(s)).isEqualTo(1247);
        assertThat(count("SELECT COUNT(DISTINCT household_code) FROM bi_household WHERE household_code LIKE ?", "RH" + s + "-%"))
                .isEqualTo(1247);
        assertThat(count("SELECT COUNT(*) FROM bi_customer WHERE customer_code LIKE ?", "RH" + s + "-%")).isEqualTo(1247);
        assertThat(count("SELECT COUNT(*) FROM bi_customer_phone p JOIN bi_customer c ON c.id = p.customer_id "
                + "WHERE c.customer_code LIKE ?", "RH" + s + "-%")).isEqualTo(1247);
        assertThat(jdbc.queryForObject("SELECT meter_no FROM bi_household WHERE household_code = ?", String.class, code(s, 5)))
                .isEqualTo("TAMPERED");
        // rows after the crash were written by the second run
        assertThat(count("SELECT COUNT(*) FROM bi_household WHERE household_code = ?", code(s, 1250))).isEqualTo(1);

        List<Map<String, Object>> errors = jdbc.queryForList(
                "SELECT row_no, field_name, reason FROM bi_import_error WHERE job_id = ? ORDER BY row_no", id);
        assertThat(errors).extracting(e -> ((Number) e.get("row_no")).intValue()).containsExactly(301, 1101, 1201);
        assertThat(errors.get(0).get("field_name")).isEqualTo("建筑面积");
        assertThat((String) errors.get(1).get("reason")).isEqualTo("房屋编码“" + code(s, 10) + "”与第11行重复");
        assertThat(errors.get(2).get("field_name")).isEqualTo("单元编码");
        Download errorsFile = download(http, id);
        assertThat(ImportApiIT.readXlsx(errorsFile.body())).hasSize(4);
    }

    @Test
    void aCancelledJobKeepsItsCommittedBatchesAndIsNeverResumed() throws Exception {
        String s = ImportApiIT.suffix();
        long sub = orgId("SUB01");
        List<HeatNode> units = ImportApiIT.seedUnits(nodeWriter, txManager, sub, s, 3);
        ImportApiIT.Http http = ImportApiIT.Http.login(port, client(), "admin");
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 1200; i++) {
            rows.add(ImportApiIT.householdRow(code(s, i), units.get(i % units.size()).getNodeCode(), i));
        }
        runner.haltNextJobAfterBatches(1);
        long id = http.upload("HOUSEHOLD", sub, "取消.xlsx", ImportApiIT.xlsx(ImportApiIT.HOUSEHOLD_HEAD, rows)).path("id").asLong();
        awaitHalted(id, 501);

        ApiClient.Reply cancel = http.api.post("/api/baseinfo/imports/" + id + "/cancel", Map.of());
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);
        assertThat(cancel.data().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancel.data().path("message").asText()).contains("取消");
        assertThat(cancel.data().path("finishedAt").isNull()).isFalse();
        assertThat(http.api.post("/api/baseinfo/imports/" + id + "/cancel", Map.of()).status()).isEqualTo(400);

        jdbc.update("UPDATE bi_import_job SET heartbeat_at = ? WHERE id = ?",
                Timestamp.valueOf(LocalDateTime.now().minusMinutes(10)), id);
        runner.resumeWaitingJobs();
        assertThat(runner.isBusyWith(id)).isFalse();
        JsonNode after = http.job(id);
        assertThat(after.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(after.path("processedRows").asInt()).isEqualTo(500);
        assertThat(households(s)).isEqualTo(500);
    }

    @Test
    void aWorkerThatLostItsJobCanNoLongerRecordProgress() throws Exception {
        String s = ImportApiIT.suffix();
        long sub = orgId("SUB01");
        List<HeatNode> units = ImportApiIT.seedUnits(nodeWriter, txManager, sub, s, 2);
        ImportApiIT.Http http = ImportApiIT.Http.login(port, client(), "admin");
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 600; i++) {
            rows.add(ImportApiIT.householdRow(code(s, i), units.get(i % units.size()).getNodeCode(), i));
        }
        runner.haltNextJobAfterBatches(1);
        long id = http.upload("HOUSEHOLD", sub, "接管.xlsx", ImportApiIT.xlsx(ImportApiIT.HOUSEHOLD_HEAD, rows)).path("id").asLong();
        awaitHalted(id, 501);
        LocalDateTime now = LocalDateTime.now();
        assertThat(jdbc.queryForObject("SELECT runner FROM bi_import_job WHERE id = ?", String.class, id)).isEqualTo(runner.runnerId());

        // another instance claims the job after the heartbeat went stale; the old runner's writes now match nothing
        assertThat(jobMapper.claim(id, "other-host#1234", now, now.plusSeconds(1))).isEqualTo(1);
        assertThat(jobMapper.saveProgress(id, runner.runnerId(), 600, 600, 0, 601, BigDecimal.ONE, now)).isZero();
        assertThat(jobMapper.heartbeat(id, runner.runnerId(), now)).isZero();
        assertThat(jobMapper.finish(id, runner.runnerId(), "SUCCEEDED", "x", 600, now)).isZero();
        // the new owner's claim keeps the checkpoint; a fresh claim by a third runner is refused while it beats
        assertThat(jobMapper.claim(id, "third#1", now, now.minusSeconds(60))).isZero();
        assertThat(((Number) jdbc.queryForObject("SELECT checkpoint_row FROM bi_import_job WHERE id = ?", Number.class, id))
                .intValue()).isEqualTo(501);
        // hand it back so the scan finishes it here
        jdbc.update("UPDATE bi_import_job SET heartbeat_at = NULL WHERE id = ?", id);
        runner.resumeWaitingJobs();
        JsonNode done = http.await(id);
        assertThat(done.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(done.path("processedRows").asInt()).isEqualTo(600);
        assertThat(households(s)).isEqualTo(600);
    }

    @Test
    void aJobWhoseFileIsNotHereIsLeftToItsInstanceUntilTheFileCountsAsLost() throws Exception {
        String s = ImportApiIT.suffix();
        long sub = orgId("SUB01");
        List<HeatNode> units = ImportApiIT.seedUnits(nodeWriter, txManager, sub, s, 2);
        ImportApiIT.Http http = ImportApiIT.Http.login(port, client(), "admin");
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 700; i++) {
            rows.add(ImportApiIT.householdRow(code(s, i), units.get(i % units.size()).getNodeCode(), i));
        }
        runner.haltNextJobAfterBatches(1);
        long id = http.upload("HOUSEHOLD", sub, "别处.xlsx", ImportApiIT.xlsx(ImportApiIT.HOUSEHOLD_HEAD, rows)).path("id").asLong();
        awaitHalted(id, 501);
        // as if the upload had gone to another instance: the file is not in this one's data directory
        java.nio.file.Path file = java.nio.file.Path.of(jdbc.queryForObject("SELECT stored_file FROM bi_import_job WHERE id = ?",
                String.class, id));
        java.nio.file.Path aside = file.resolveSibling(file.getFileName() + ".aside");
        java.nio.file.Files.move(file, aside);
        try {
            jdbc.update("UPDATE bi_import_job SET heartbeat_at = ? WHERE id = ?",
                    Timestamp.valueOf(LocalDateTime.now().minusMinutes(10)), id);
            runner.resumeWaitingJobs();
            awaitIdle(id);
            Map<String, Object> left = jdbc.queryForMap("SELECT status, heartbeat_at, checkpoint_row FROM bi_import_job WHERE id = ?", id);
            assertThat(left.get("status")).isEqualTo("RUNNING");
            assertThat(left.get("heartbeat_at")).as("handed back for any instance").isNull();
            assertThat(((Number) left.get("checkpoint_row")).intValue()).isEqualTo(501);
            // skipped here for a while: the scan does not queue it again at once (submit marks a job busy synchronously)
            runner.resumeWaitingJobs();
            assertThat(runner.isBusyWith(id)).isFalse();
        } finally {
            java.nio.file.Files.move(aside, file);
        }

        // a day later it still cannot be found anywhere: the job fails with a clear message
        java.nio.file.Files.delete(file);
        jdbc.update("UPDATE bi_import_job SET created_at = ? WHERE id = ?",
                Timestamp.valueOf(LocalDateTime.now().minusDays(2)), id);
        // this instance skips the job for a while; queue it directly, as the instance that lost the file would
        runner.submit(id, sub);
        JsonNode failed = http.await(id);
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("message").asText()).contains("导入文件已不存在");
        assertThat(households(s)).isEqualTo(500);
    }

    private void awaitIdle(long id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        Thread.sleep(200);
        while (runner.isBusyWith(id)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("job " + id + " still running here");
            }
            Thread.sleep(50);
        }
    }

    private void awaitHalted(long id, int checkpoint) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            Number cp = jdbc.queryForObject("SELECT checkpoint_row FROM bi_import_job WHERE id = ?", Number.class, id);
            if (cp != null && cp.intValue() == checkpoint && !runner.isBusyWith(id)) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("job " + id + " did not halt at checkpoint " + checkpoint + " (now " + cp + ")");
            }
            Thread.sleep(50);
        }
    }

    private static Download download(ImportApiIT.Http http, long id) {
        ImportApiIT.Download d = http.download("/api/baseinfo/imports/" + id + "/errors");
        assertThat(d.status()).isEqualTo(200);
        return new Download(d.body());
    }

    private record Download(byte[] body) {
    }

    private static String code(String s, int i) {
        return "RH" + s + "-" + String.format("%04d", i);
    }

    private int households(String s) {
        return count("SELECT COUNT(*) FROM bi_household WHERE household_code LIKE ?", "RH" + s + "-%");
    }

    private int count(String sql, Object... args) {
        Number n = jdbc.queryForObject(sql, Number.class, args);
        return n == null ? 0 : n.intValue();
    }
}
