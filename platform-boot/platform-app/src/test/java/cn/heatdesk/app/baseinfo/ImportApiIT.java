package cn.heatdesk.app.baseinfo;

import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import cn.heatdesk.baseinfo.api.NodeType;
import cn.heatdesk.baseinfo.node.HeatNode;
import cn.heatdesk.baseinfo.node.NodeWriter;
import cn.heatdesk.db.testsupport.TestDatabases;
import cn.heatdesk.kernel.crypto.Sm3;
import com.alibaba.excel.EasyExcel;
import com.alibaba.excel.context.AnalysisContext;
import com.alibaba.excel.event.AnalysisEventListener;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Excel import over real HTTP: multipart upload, background job with progress, failed rows as a downloadable file,
 * idempotent re-import, refusal of garbage and wrong headers, the six-level tree and customers.
 */
class ImportApiIT extends AbstractApiIT {

    static final List<String> HOUSEHOLD_HEAD = List.of("房屋编码", "单元编码", "楼层", "房号", "建筑面积", "供热状态", "欠费金额",
            "客户编号", "户主姓名", "证件号码", "联系电话", "热表号", "阀门号", "标签", "备注");
    static final List<String> NODE_HEAD = List.of("节点编码", "节点名称", "节点类型", "上级节点编码", "所属分公司编码", "排序", "地址",
            "外部编号");
    static final List<String> CUSTOMER_HEAD = List.of("客户编号", "姓名", "客户类型", "证件号码", "联系电话", "联系偏好", "联系时间",
            "免打扰", "备注");

    @Autowired
    NodeWriter nodeWriter;
    @Autowired
    PlatformTransactionManager txManager;

    // ------------------------------------------------------------------ households, 10 % bad rows, re-import

    @Test
    void householdsWithTenPercentBadRowsImportTheGoodRowsAndReturnTheBadOnesWithReasons() throws Exception {
        String s = suffix();
        long sub = orgId("SUB01");
        List<HeatNode> units = seedUnits(nodeWriter, txManager, sub, s, 10);
        Http http = Http.login(port, client(), "admin");

        List<List<Object>> rows = new ArrayList<>();
        Map<String, String[]> expectedBad = new LinkedHashMap<>(); // excel row → [code, field, reason fragment]
        for (int i = 1; i <= 1000; i++) {
            int excelRow = i + 1;
            String code = "IH" + s + "-" + String.format("%04d", i);
            List<Object> r = householdRow(code, units.get(i % units.size()).getNodeCode(), i);
            if (i % 10 == 0) {
                switch ((i / 10) % 5) {
                    case 0 -> {
                        r.set(10, "1381234");
                        expectedBad.put(String.valueOf(excelRow), new String[]{code, "联系电话", "电话号码格式不正确"});
                    }
                    case 1 -> {
                        r.set(1, "NOUNIT" + s);
                        expectedBad.put(String.valueOf(excelRow), new String[]{code, "单元编码", "在本分公司不存在"});
                    }
                    case 2 -> {
                        r.set(5, "暖气");
                        expectedBad.put(String.valueOf(excelRow), new String[]{code, "供热状态", "供热状态“暖气”不在字典中"});
                    }
                    case 3 -> {
                        String first = "IH" + s + "-" + String.format("%04d", i - 1);
                        r.set(0, first);
                        expectedBad.put(String.valueOf(excelRow), new String[]{first, "房屋编码",
                                "房屋编码“" + first + "”与第" + excelRow + "行重复"});
                    }
                    default -> {
                        r.set(4, "八十平");
                        expectedBad.put(String.valueOf(excelRow), new String[]{code, "建筑面积", "建筑面积“八十平”不是有效的数字"});
                    }
                }
            }
            rows.add(r);
        }
        // the duplicate's reason names the earlier row, one above it
        expectedBad.replaceAll((row, v) -> v[1].equals("房屋编码")
                ? new String[]{v[0], v[1], "与第" + (Integer.parseInt(row) - 1) + "行重复"} : v);
        byte[] file = xlsx(HOUSEHOLD_HEAD, rows);

        JsonNode job = http.upload("HOUSEHOLD", sub, "房屋导入" + s + ".xlsx", file);
        assertThat(job.path("status").asText()).isIn("QUEUED", "RUNNING", "SUCCEEDED");
        assertThat(job.path("kind").asText()).isEqualTo("HOUSEHOLD");
        long jobId = job.path("id").asLong();
        Map<String, Object> stored = jdbc.queryForMap("SELECT stored_file, file_hash, file_size FROM bi_import_job WHERE id = ?", jobId);
        assertThat(((String) stored.get("file_hash")).strip()).isEqualTo(Sm3.hashHex(file));
        assertThat(((Number) stored.get("file_size")).longValue()).isEqualTo(file.length);
        assertThat(Path.of((String) stored.get("stored_file")).getFileName().toString()).isEqualTo(jobId + ".xlsx");
        assertThat(Files.readAllBytes(Path.of((String) stored.get("stored_file")))).isEqualTo(file);

        JsonNode done = http.await(jobId);
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.path("totalRows").asInt()).isEqualTo(1000);
        assertThat(done.path("processedRows").asInt()).isEqualTo(1000);
        assertThat(done.path("okRows").asInt()).isEqualTo(900);
        assertThat(done.path("failedRows").asInt()).isEqualTo(100);
        assertThat(done.path("percent").decimalValue()).isEqualByComparingTo("100");
        assertThat(done.path("rowsPerSec").asDouble()).isPositive();
        assertThat(done.path("createdByName").asText()).isNotBlank();
        System.out.printf("[import-rate] %s: 1000 household rows (10%% bad) at %.1f rows/s%n", TestDatabases.kind(),
                done.path("rowsPerSec").asDouble());

        String like = "IH" + s + "-%";
        assertThat(count("SELECT COUNT(*) FROM bi_household WHERE household_code LIKE ?", like)).isEqualTo(900);
        assertThat(count("SELECT COUNT(*) FROM bi_customer WHERE customer_code LIKE ?", like)).isEqualTo(900);
        assertThat(count("SELECT COUNT(*) FROM bi_customer_phone p JOIN bi_customer c ON c.id = p.customer_id "
                + "WHERE c.customer_code LIKE ?", like)).isEqualTo(900);
        assertThat(count("SELECT COUNT(*) FROM bi_import_error WHERE job_id = ?", jobId)).isEqualTo(100);

        // the error file: every original column, then 错误字段 and 错误原因, exactly the 100 bad rows
        Download errors = http.download("/api/baseinfo/imports/" + jobId + "/errors");
        assertThat(errors.status()).isEqualTo(200);
        assertThat(errors.fileName()).isEqualTo("导入失败行-房屋导入" + s + ".xlsx");
        List<List<String>> sheet = readXlsx(errors.body());
        List<String> expectedHead = new ArrayList<>(HOUSEHOLD_HEAD);
        expectedHead.addAll(List.of("错误字段", "错误原因"));
        assertThat(sheet.get(0)).containsExactlyElementsOf(expectedHead);
        assertThat(sheet).hasSize(101);
        List<String[]> bad = new ArrayList<>(expectedBad.values());
        for (int i = 1; i <= 100; i++) {
            List<String> line = sheet.get(i);
            String[] want = bad.get(i - 1);
            assertThat(line.get(0)).isEqualTo(want[0]);
            assertThat(line.get(15)).as("row %d field", i).isEqualTo(want[1]);
            assertThat(line.get(16)).as("row %d reason", i).contains(want[2]);
            // the row as read: admin holds data:unmask, so the phone cell is exactly what was uploaded
            List<Object> original = rows.get(Integer.parseInt(new ArrayList<>(expectedBad.keySet()).get(i - 1)) - 2);
            assertThat(line.get(10)).isEqualTo(String.valueOf(original.get(10)));
            assertThat(line.get(3)).isEqualTo(String.valueOf(original.get(3)));
        }

        // the same file again: one copy of everything, the same 100 failures
        JsonNode again = http.await(http.upload("HOUSEHOLD", sub, "房屋导入" + s + ".xlsx", file).path("id").asLong());
        assertThat(again.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(again.path("okRows").asInt()).isEqualTo(900);
        assertThat(again.path("failedRows").asInt()).isEqualTo(100);
        assertThat(count("SELECT COUNT(*) FROM bi_household WHERE household_code LIKE ?", like)).isEqualTo(900);
        assertThat(count("SELECT COUNT(DISTINCT household_code) FROM bi_household WHERE household_code LIKE ?", like)).isEqualTo(900);
        assertThat(count("SELECT COUNT(*) FROM bi_customer WHERE customer_code LIKE ?", like)).isEqualTo(900);
        assertThat(count("SELECT COUNT(*) FROM bi_customer_phone p JOIN bi_customer c ON c.id = p.customer_id "
                + "WHERE c.customer_code LIKE ?", like)).isEqualTo(900);
        // nothing needed changing the second time
        assertThat(count("SELECT MAX(row_version) FROM bi_household WHERE household_code LIKE ?", like)).isZero();

        JsonNode list = http.api.get("/api/baseinfo/imports?kind=HOUSEHOLD&size=50").data();
        assertThat(list.path("records").findValuesAsText("id")).contains(String.valueOf(jobId));
    }

    static List<Object> householdRow(String code, String unitCode, int i) {
        return new ArrayList<>(Arrays.asList(code, unitCode, String.valueOf(i % 30 + 1), String.format("%d%02d", i % 30 + 1, i % 4 + 1),
                "88.5", i % 7 == 0 ? "报停" : "供热", i % 9 == 0 ? "120.5" : "0", null, "户主" + i, null,
                "139" + String.format("%08d", 10_000_000 + i * 37 % 90_000_000), "M" + i, null, null, null));
    }

    // ------------------------------------------------------------------ refusals before anything is stored

    @Test
    void aFiftyMegabyteGarbageFileIsRefusedQuicklyLeavingNoJobAndNoFile() throws Exception {
        long sub = orgId("SUB01");
        Http http = Http.login(port, client(), "admin");
        Path dir = Path.of("target/it-data/imports");
        Set<String> before = listing(dir);
        int jobsBefore = count("SELECT COUNT(*) FROM bi_import_job");

        byte[] garbage = new byte[50 * 1000 * 1000];
        new Random(42).nextBytes(garbage);
        long t0 = System.nanoTime();
        ApiClient.Reply r = http.uploadRaw("HOUSEHOLD", sub, "房屋.xlsx", garbage);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.body().path("field").asText()).isEqualTo("file");
        assertThat(r.body().path("msg").asText()).isEqualTo("文件不是有效的Excel文件");
        assertThat(ms).as("refused in %d ms", ms).isLessThan(15_000);

        // ZIP magic in front of garbage, and a real ZIP that is not a workbook
        garbage[0] = 0x50;
        garbage[1] = 0x4B;
        garbage[2] = 0x03;
        garbage[3] = 0x04;
        ApiClient.Reply zipLike = http.uploadRaw("HOUSEHOLD", sub, "房屋.xlsx", Arrays.copyOf(garbage, 3_000_000));
        assertThat(zipLike.status()).isEqualTo(400);
        assertThat(zipLike.body().path("msg").asText()).isEqualTo("文件不是有效的Excel文件");
        ApiClient.Reply csv = http.uploadRaw("HOUSEHOLD", sub, "房屋.xlsx",
                String.join(",", HOUSEHOLD_HEAD).getBytes(StandardCharsets.UTF_8));
        assertThat(csv.status()).isEqualTo(400);
        assertThat(csv.body().path("field").asText()).isEqualTo("file");

        assertThat(count("SELECT COUNT(*) FROM bi_import_job")).isEqualTo(jobsBefore);
        assertThat(listing(dir)).isEqualTo(before);
    }

    @Test
    void wrongHeadersAreRefusedNamingTheMissingColumnBeforeAnyRowIsWritten() throws Exception {
        String s = suffix();
        long sub = orgId("SUB01");
        List<HeatNode> units = seedUnits(nodeWriter, txManager, sub, s, 1);
        Http http = Http.login(port, client(), "admin");
        int jobsBefore = count("SELECT COUNT(*) FROM bi_import_job");

        List<String> head = new ArrayList<>(HOUSEHOLD_HEAD);
        head.set(0, "房屋编号");
        ApiClient.Reply r = http.uploadRaw("HOUSEHOLD", sub, "h.xlsx",
                xlsx(head, List.of(householdRow("WH" + s, units.get(0).getNodeCode(), 1))));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.body().path("field").asText()).isEqualTo("file");
        assertThat(r.body().path("msg").asText()).contains("房屋编码");

        // a customer file sent as households
        ApiClient.Reply wrongKind = http.uploadRaw("HOUSEHOLD", sub, "c.xlsx",
                xlsx(CUSTOMER_HEAD, List.of(List.of("C" + s, "张三"))));
        assertThat(wrongKind.status()).isEqualTo(400);
        assertThat(wrongKind.body().path("msg").asText()).contains("房屋编码").contains("单元编码").contains("房号");

        assertThat(count("SELECT COUNT(*) FROM bi_import_job")).isEqualTo(jobsBefore);
        assertThat(count("SELECT COUNT(*) FROM bi_household WHERE household_code = ?", "WH" + s)).isZero();

        ApiClient.Reply noKind = http.uploadRaw("PAYMENT", sub, "h.xlsx", xlsx(HOUSEHOLD_HEAD, List.of()));
        assertThat(noKind.status()).isEqualTo(400);
        assertThat(noKind.body().path("field").asText()).isEqualTo("kind");
    }

    @Test
    void theTargetSubsidiaryFollowsTheUsersScopeAndPermissionsAreChecked() throws Exception {
        String s = suffix();
        byte[] file = xlsx(CUSTOMER_HEAD, List.of(List.of("SC" + s, "范围测试")));
        Http admin = Http.login(port, client(), "admin");
        ApiClient.Reply noTarget = admin.uploadRaw("CUSTOMER", null, "c.xlsx", file);
        assertThat(noTarget.status()).isEqualTo(400);
        assertThat(noTarget.body().path("field").asText()).isEqualTo("subsidiaryId");
        ApiClient.Reply notSubsidiary = admin.uploadRaw("CUSTOMER", orgId("ST01"), "c.xlsx", file);
        assertThat(notSubsidiary.status()).isEqualTo(400);
        assertThat(notSubsidiary.body().path("field").asText()).isEqualTo("subsidiaryId");

        Http sub01 = Http.login(port, client(), "sub01admin");
        ApiClient.Reply foreign = sub01.uploadRaw("CUSTOMER", orgId("SUB02"), "c.xlsx", file);
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.body().path("field").asText()).isEqualTo("subsidiaryId");
        JsonNode own = sub01.await(sub01.upload("CUSTOMER", null, "c.xlsx", file).path("id").asLong());
        assertThat(own.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(own.path("subsidiaryId").asLong()).isEqualTo(orgId("SUB01"));
        assertThat(count("SELECT COUNT(*) FROM bi_customer WHERE customer_code = ? AND subsidiary_id = ?", "SC" + s,
                orgId("SUB01"))).isEqualTo(1);

        // the failed rows come back with the phone masked: sub01admin does not hold data:unmask
        byte[] withBadRow = xlsx(CUSTOMER_HEAD, List.of(row("SD" + s, "坏行", null, null, "13912345678", null, null, "可能", null)));
        JsonNode bad = sub01.await(sub01.upload("CUSTOMER", null, "c2.xlsx", withBadRow).path("id").asLong());
        assertThat(bad.path("failedRows").asInt()).isEqualTo(1);
        List<List<String>> errorRows = readXlsx(sub01.download("/api/baseinfo/imports/" + bad.path("id").asText() + "/errors").body());
        assertThat(errorRows.get(1).get(4)).isEqualTo("139****5678");
        assertThat(errorRows.get(1).get(9)).isEqualTo("免打扰");
        assertThat(readXlsx(admin.download("/api/baseinfo/imports/" + bad.path("id").asText() + "/errors").body()).get(1).get(4))
                .isEqualTo("13912345678");

        // jobs of SUB01 are not visible to another subsidiary's view of the list
        JsonNode narrowed = admin.api.getWithHeader("/api/baseinfo/imports?size=100", "X-HeatDesk-Subsidiary",
                String.valueOf(orgId("SUB02"))).data();
        assertThat(narrowed.path("records").findValuesAsText("id")).doesNotContain(own.path("id").asText());
        assertThat(admin.api.getWithHeader("/api/baseinfo/imports/" + own.path("id").asText(), "X-HeatDesk-Subsidiary",
                String.valueOf(orgId("SUB02"))).status()).isEqualTo(404);

        Http worker = Http.login(port, client(), "worker01");
        assertThat(worker.uploadRaw("CUSTOMER", null, "c.xlsx", file).status()).isEqualTo(403);
        assertThat(worker.api.get("/api/baseinfo/imports").status()).isEqualTo(403);
    }

    @Test
    void templatesCarryTheLayoutASampleAndAnExplanationSheet() throws Exception {
        Http http = Http.login(port, client(), "admin");
        Map<String, List<String>> layouts = Map.of("NODE", NODE_HEAD, "HOUSEHOLD", HOUSEHOLD_HEAD, "CUSTOMER", CUSTOMER_HEAD);
        for (Map.Entry<String, List<String>> k : layouts.entrySet()) {
            Download d = http.download("/api/baseinfo/imports/template?kind=" + k.getKey());
            assertThat(d.status()).isEqualTo(200);
            assertThat(d.fileName()).endsWith("导入模板.xlsx");
            List<List<String>> data = readXlsx(d.body());
            assertThat(data.get(0)).containsExactlyElementsOf(k.getValue());
            assertThat(data.size()).isGreaterThan(1);
            List<List<String>> help = readXlsx(d.body(), 1);
            assertThat(help.get(0)).containsExactly("列名", "是否必填", "说明");
            assertThat(help.stream().map(l -> l.get(0)).toList()).containsAll(k.getValue());
        }
        assertThat(http.api.get("/api/baseinfo/imports/template?kind=X").status()).isEqualTo(400);
    }

    // ------------------------------------------------------------------ the tree

    @Test
    void treeImportBuildsAllSixLevelsChecksOrderAndNeverMovesSilently() throws Exception {
        String s = suffix();
        long sub = orgId("SUB01");
        Http http = Http.login(port, client(), "admin");
        List<List<Object>> rows = List.of(
                row("TC" + s, "导入热力公司" + s, "公司", null, "SUB01", "1", "北京路1号", "EXT-" + s),
                row("TS" + s, "一号热源", "热源", "TC" + s, null, "1", null, null),
                row("TX" + s, "幸福换热站", "热站", "TS" + s, null, "1", null, null),
                row("TQ" + s, "幸福家园", "小区", "TX" + s, null, "1", "幸福路88号", null),
                row("TB1" + s, "1号楼", "楼栋", "TQ" + s, null, "1", null, null),
                row("TB2" + s, "2号楼", "楼栋", "TQ" + s, null, "2", null, null),
                row("TU1" + s, "1单元", "单元", "TB1" + s, null, "1", null, null),
                row("TU2" + s, "2单元", "单元", "TB1" + s, null, "2", null, null),
                // a child before its parent
                row("TU3" + s, "1单元", "单元", "TB3" + s, null, "1", null, null),
                row("TB3" + s, "3号楼", "楼栋", "TQ" + s, null, "3", null, null),
                // wrong level: a unit directly under the community
                row("TU4" + s, "4单元", "单元", "TQ" + s, null, null, null, null),
                // a company of another subsidiary
                row("TC2" + s, "别家公司", "公司", null, "SUB02", null, null, null),
                row("TU5" + s, "5单元", "单元元", "TB1" + s, null, null, null, null));
        JsonNode job = http.await(http.upload("NODE", sub, "楼宇.xlsx", xlsx(NODE_HEAD, rows)).path("id").asLong());
        assertThat(job.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.path("okRows").asInt()).isEqualTo(9);
        assertThat(job.path("failedRows").asInt()).isEqualTo(4);
        Map<Integer, Map<String, Object>> errors = errorsOf(job.path("id").asLong());
        assertThat(errors.keySet()).containsExactly(10, 12, 13, 14);
        assertThat(errors.get(10).get("field_name")).isEqualTo("上级节点编码");
        assertThat((String) errors.get(10).get("reason")).contains("TB3" + s).contains("不存在");
        assertThat(errors.get(12).get("field_name")).isEqualTo("上级节点编码");
        assertThat((String) errors.get(12).get("reason")).contains("层级不正确");
        assertThat(errors.get(13).get("field_name")).isEqualTo("所属分公司编码");
        assertThat(errors.get(14).get("field_name")).isEqualTo("节点类型");

        Map<String, Object> unit = jdbc.queryForMap("SELECT node_type, node_level, full_name, node_path, subsidiary_id, data_source "
                + "FROM bi_node WHERE node_code = ?", "TU2" + s);
        assertThat(unit.get("node_type")).isEqualTo("UNIT");
        assertThat(((Number) unit.get("node_level")).intValue()).isEqualTo(6);
        assertThat(unit.get("full_name")).isEqualTo("导入热力公司" + s + "/一号热源/幸福换热站/幸福家园/1号楼/2单元");
        assertThat(((String) unit.get("node_path")).split("/")).hasSize(7);
        assertThat(((Number) unit.get("subsidiary_id")).longValue()).isEqualTo(sub);
        assertThat(unit.get("data_source")).isEqualTo("IMPORT");
        Map<String, Object> company = jdbc.queryForMap("SELECT org_id, address, external_id FROM bi_node WHERE node_code = ?", "TC" + s);
        assertThat(((Number) company.get("org_id")).longValue()).isEqualTo(sub);
        assertThat(company.get("external_id")).isEqualTo("EXT-" + s);
        for (String type : List.of("COMPANY", "HEAT_SOURCE", "HEAT_STATION", "COMMUNITY", "BUILDING", "UNIT")) {
            assertThat(count("SELECT COUNT(*) FROM bi_node WHERE node_type = ? AND node_code LIKE ?", type, "T%" + s))
                    .as(type).isPositive();
        }

        // a household in TU1, so the rename below must reach its address
        JsonNode hh = http.await(http.upload("HOUSEHOLD", sub, "h.xlsx", xlsx(HOUSEHOLD_HEAD,
                List.of(householdRow("TH" + s, "TU1" + s, 5)))).path("id").asLong());
        assertThat(hh.path("okRows").asInt()).isEqualTo(1);
        String room = (String) householdRow("TH" + s, "TU1" + s, 5).get(3);
        assertThat(jdbc.queryForObject("SELECT address FROM bi_household WHERE household_code = ?", String.class, "TH" + s))
                .isEqualTo("幸福家园 1号楼 1单元 " + room);

        // again: the community renamed, a unit under another building (a move), the rest unchanged
        List<List<Object>> again = List.of(
                row("TQ" + s, "幸福家园二期", "小区", "TX" + s, null, "1", "幸福路88号", null),
                row("TU2" + s, "2单元", "单元", "TB2" + s, null, "2", null, null),
                row("TU1" + s, "1单元", "单元", "TB1" + s, null, "1", null, null));
        JsonNode job2 = http.await(http.upload("NODE", sub, "楼宇2.xlsx", xlsx(NODE_HEAD, again)).path("id").asLong());
        assertThat(job2.path("okRows").asInt()).isEqualTo(2);
        assertThat(job2.path("failedRows").asInt()).isEqualTo(1);
        Map<Integer, Map<String, Object>> errors2 = errorsOf(job2.path("id").asLong());
        assertThat(errors2.get(3).get("reason")).isEqualTo("上级节点与现有节点不一致，请在楼宇信息中移动");
        assertThat(jdbc.queryForObject("SELECT full_name FROM bi_node WHERE node_code = ?", String.class, "TU2" + s))
                .isEqualTo("导入热力公司" + s + "/一号热源/幸福换热站/幸福家园二期/1号楼/2单元");
        assertThat(jdbc.queryForObject("SELECT address FROM bi_household WHERE household_code = ?", String.class, "TH" + s))
                .isEqualTo("幸福家园二期 1号楼 1单元 " + room);
        assertThat(count("SELECT COUNT(*) FROM bi_node WHERE node_code LIKE ?", "T%" + s)).isEqualTo(9);
        assertThat(count("SELECT COUNT(*) FROM bi_node_log l JOIN bi_node n ON n.id = l.node_id "
                + "WHERE n.node_code = ? AND l.action = 'UPDATE'", "TQ" + s)).isEqualTo(1);
    }

    @Test
    void aBatchTheDatabaseRefusesIsRedoneRowByRowSoOnlyTheOffendingRowFails() throws Exception {
        String s = suffix();
        long sub = orgId("SUB01");
        Http http = Http.login(port, client(), "admin");
        // every name is valid (≤ 100 characters), but a unit under five such levels has a full name of 605 characters,
        // longer than bi_node.full_name allows: only the database notices
        String n = "长".repeat(99);
        List<List<Object>> rows = List.of(
                row("LC" + s, n + "司", "公司", null, "SUB01", null, null, null),
                row("LS" + s, n + "源", "热源", "LC" + s, null, null, null, null),
                row("LX" + s, n + "站", "热站", "LS" + s, null, null, null, null),
                row("LQ" + s, n + "区", "小区", "LX" + s, null, null, null, null),
                row("LB" + s, n + "楼", "楼栋", "LQ" + s, null, null, null, null),
                row("LU1" + s, n + "元", "单元", "LB" + s, null, null, null, null),
                row("LU2" + s, "2单元", "单元", "LB" + s, null, null, null, null),
                row("LU3" + s, "3单元", "单元", "LB" + s, null, null, null, null));
        JsonNode job = http.await(http.upload("NODE", sub, "长名称.xlsx", xlsx(NODE_HEAD, rows)).path("id").asLong());
        assertThat(job.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.path("okRows").asInt()).isEqualTo(7);
        assertThat(job.path("failedRows").asInt()).isEqualTo(1);
        Map<Integer, Map<String, Object>> errors = errorsOf(job.path("id").asLong());
        assertThat(errors.keySet()).containsExactly(7);
        assertThat((String) errors.get(7).get("reason")).startsWith("数据库写入失败");
        assertThat(count("SELECT COUNT(*) FROM bi_node WHERE node_code LIKE ?", "L%" + s)).isEqualTo(7);
        assertThat(count("SELECT COUNT(*) FROM bi_node WHERE node_code = ?", "LU1" + s)).isZero();
        assertThat(count("SELECT COUNT(*) FROM bi_node WHERE node_code = ?", "LU3" + s)).isEqualTo(1);
    }

    // ------------------------------------------------------------------ customers

    @Test
    void customersAreUpsertedByCodeWithPhonesAddedNeverRemoved() throws Exception {
        String s = suffix();
        long sub = orgId("SUB01");
        Http http = Http.login(port, client(), "admin");
        String id18 = "11010519491231002X";
        String p1 = mobile();
        String p2 = mobile();
        String p3 = mobile();
        List<List<Object>> rows = List.of(
                row("IC1" + s, "城北商贸有限公司", "单位", "91110000600037341L", p1 + "、" + p2, "微信", "工作日9-17点", "是", "大客户"),
                row("IC2" + s, "李四", null, id18, "010-8888 6666", null, null, null, null),
                row("IC3" + s, "王五", "居民", "110105194912310021", null, null, null, null, null),
                row("IC4" + s, "赵六", "居民", null, null, "邮件", null, null, null),
                row("IC5" + s, null, "居民", null, null, null, null, null, null),
                row("IC6" + s, "孙七", null, null, null, null, null, "可能", null));
        JsonNode job = http.await(http.upload("CUSTOMER", sub, "热用户.xlsx", xlsx(CUSTOMER_HEAD, rows)).path("id").asLong());
        assertThat(job.path("okRows").asInt()).isEqualTo(2);
        assertThat(job.path("failedRows").asInt()).isEqualTo(4);
        Map<Integer, Map<String, Object>> errors = errorsOf(job.path("id").asLong());
        assertThat(errors.get(4).get("field_name")).isEqualTo("证件号码");
        assertThat(errors.get(5).get("field_name")).isEqualTo("联系偏好");
        assertThat(errors.get(6).get("field_name")).isEqualTo("姓名");
        assertThat(errors.get(7).get("field_name")).isEqualTo("免打扰");

        Map<String, Object> c1 = jdbc.queryForMap("SELECT id, customer_type, contact_pref, contact_time, no_disturb, remark, "
                + "id_number_enc, id_number_bidx, subsidiary_id, data_source FROM bi_customer WHERE customer_code = ?", "IC1" + s);
        assertThat(c1.get("customer_type")).isEqualTo("ENTERPRISE");
        assertThat(c1.get("contact_pref")).isEqualTo("WECHAT");
        assertThat(((Number) c1.get("no_disturb")).intValue()).isEqualTo(1);
        assertThat(c1.get("remark")).isEqualTo("大客户");
        assertThat((String) c1.get("id_number_enc")).doesNotContain("91110000600037341L");
        assertThat(c1.get("id_number_bidx")).isNotNull();
        assertThat(c1.get("data_source")).isEqualTo("IMPORT");
        long c1Id = ((Number) c1.get("id")).longValue();
        assertThat(count("SELECT COUNT(*) FROM bi_customer_phone WHERE customer_id = ?", c1Id)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM bi_customer_phone WHERE customer_id = ? AND is_primary = 1", c1Id)).isEqualTo(1);
        Map<String, Object> c2 = jdbc.queryForMap("SELECT customer_type, contact_pref, no_disturb FROM bi_customer "
                + "WHERE customer_code = ?", "IC2" + s);
        assertThat(c2.get("customer_type")).isEqualTo("RESIDENT");
        assertThat(c2.get("contact_pref")).isEqualTo("PHONE");

        // again with a third number and only p2 listed, a new remark, blank type: p1 stays, p3 is added
        List<List<Object>> again = List.of(row("IC1" + s, "城北商贸有限公司", null, null, p2 + "," + p3, null, null, null, "重点客户"));
        JsonNode job2 = http.await(http.upload("CUSTOMER", sub, "热用户2.xlsx", xlsx(CUSTOMER_HEAD, again)).path("id").asLong());
        assertThat(job2.path("okRows").asInt()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM bi_customer WHERE customer_code = ?", "IC1" + s)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM bi_customer_phone WHERE customer_id = ?", c1Id)).isEqualTo(3);
        Map<String, Object> c1b = jdbc.queryForMap("SELECT customer_type, remark, contact_pref FROM bi_customer WHERE id = ?", c1Id);
        assertThat(c1b.get("customer_type")).isEqualTo("ENTERPRISE");
        assertThat(c1b.get("remark")).isEqualTo("重点客户");
        assertThat(c1b.get("contact_pref")).isEqualTo("WECHAT");
    }

    // ================================================================== helpers shared with the other import ITs

    static String suffix() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36) + ThreadLocalRandom.current().nextInt(100);
    }

    static String mobile() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }

    int count(String sql, Object... args) {
        Number n = jdbc.queryForObject(sql, Number.class, args);
        return n == null ? 0 : n.intValue();
    }

    Map<Integer, Map<String, Object>> errorsOf(long jobId) {
        Map<Integer, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map<String, Object> e : jdbc.queryForList("SELECT row_no, field_name, reason FROM bi_import_error WHERE job_id = ? "
                + "ORDER BY row_no", jobId)) {
            out.put(((Number) e.get("row_no")).intValue(), e);
        }
        return out;
    }

    /** company → heat source → station → community → building → {@code units} units, codes ending in {@code s} */
    static List<HeatNode> seedUnits(NodeWriter w, PlatformTransactionManager tx, long subsidiaryOrgId, String s, int units) {
        return new TransactionTemplate(tx).execute(st -> {
            HeatNode co = w.create(new NodeWriter.NodeDraft(NodeType.COMPANY, "SC" + s, "导入测试公司" + s, null,
                    subsidiaryOrgId, 0, null, null), null, "MANUAL");
            HeatNode src = child(w, NodeType.HEAT_SOURCE, "SS" + s, "热源" + s, co);
            HeatNode station = child(w, NodeType.HEAT_STATION, "SX" + s, "换热站" + s, src);
            HeatNode community = child(w, NodeType.COMMUNITY, "SQ" + s, "和平小区" + s, station);
            HeatNode building = child(w, NodeType.BUILDING, "SB" + s, "8号楼", community);
            List<HeatNode> out = new ArrayList<>();
            for (int i = 1; i <= units; i++) {
                out.add(child(w, NodeType.UNIT, "SU" + i + "-" + s, i + "单元", building));
            }
            return out;
        });
    }

    private static HeatNode child(NodeWriter w, NodeType type, String code, String name, HeatNode parent) {
        return w.create(new NodeWriter.NodeDraft(type, code, name, parent.getId(), null, 0, null, null), parent, "MANUAL");
    }

    static byte[] xlsx(List<String> head, List<? extends List<?>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EasyExcel.write(out).head(head.stream().map(List::of).toList()).sheet("数据").doWrite(rows);
        return out.toByteArray();
    }

    static List<List<String>> readXlsx(byte[] bytes) {
        return readXlsx(bytes, 0);
    }

    /** every row of a sheet (header included) as strings, columns padded to the widest row */
    static List<List<String>> readXlsx(byte[] bytes, int sheetNo) {
        List<Map<Integer, String>> rows = new ArrayList<>();
        EasyExcel.read(new ByteArrayInputStream(bytes), new AnalysisEventListener<Map<Integer, String>>() {
            @Override
            public void invoke(Map<Integer, String> data, AnalysisContext context) {
                rows.add(new HashMap<>(data));
            }

            @Override
            public void doAfterAllAnalysed(AnalysisContext context) {
            }
        }).headRowNumber(0).sheet(sheetNo).doRead();
        int width = rows.stream().flatMap(r -> r.keySet().stream()).mapToInt(Integer::intValue).max().orElse(-1) + 1;
        List<List<String>> out = new ArrayList<>();
        for (Map<Integer, String> r : rows) {
            List<String> line = new ArrayList<>(width);
            for (int i = 0; i < width; i++) {
                line.add(r.get(i));
            }
            out.add(line);
        }
        return out;
    }

    static Set<String> listing(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return new HashSet<>(files.map(p -> p.getFileName().toString()).toList());
        }
    }

    record Download(int status, String fileName, byte[] body) {
    }

    /**
     * Multipart uploads and file downloads over java.net.http with the session token of a logged-in {@link ApiClient}
     * (which speaks JSON only).
     */
    static final class Http {
        final ApiClient api;
        final String base;
        final String token;
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        private Http(ApiClient api, String base, String token) {
            this.api = api;
            this.base = base;
            this.token = token;
        }

        static Http login(int port, ApiClient api, String user) {
            ApiClient.Reply r = api.login(user, DEMO_PASSWORD);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            return new Http(api, "http://localhost:" + port, r.data().path("token").asText());
        }

        /** uploads and expects 200; returns the job view */
        JsonNode upload(String kind, Long subsidiaryId, String fileName, byte[] file) {
            ApiClient.Reply r = uploadRaw(kind, subsidiaryId, fileName, file);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            return r.data();
        }

        ApiClient.Reply uploadRaw(String kind, Long subsidiaryId, String fileName, byte[] file) {
            String boundary = "----hd" + UUID.randomUUID().toString().replace("-", "");
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try {
                part(body, boundary, "kind", kind);
                if (subsidiaryId != null) {
                    part(body, boundary, "subsidiaryId", String.valueOf(subsidiaryId));
                }
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.write(file);
                body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
                HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/baseinfo/imports"))
                        .timeout(Duration.ofSeconds(120))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
                HttpResponse<byte[]> resp = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                JsonNode json = resp.body().length == 0 ? null : ApiClient.json().readTree(resp.body());
                return new ApiClient.Reply(resp.statusCode(), json, resp.body());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static void part(ByteArrayOutputStream body, String boundary, String name, String value) throws IOException {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }

        Download download(String path) {
            try {
                HttpRequest req = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(300))
                        .header("Authorization", "Bearer " + token).GET().build();
                HttpResponse<byte[]> resp = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                String cd = resp.headers().firstValue("Content-Disposition").orElse("");
                int i = cd.indexOf("filename*=UTF-8''");
                String name = i < 0 ? null : URLDecoder.decode(cd.substring(i + "filename*=UTF-8''".length()), StandardCharsets.UTF_8);
                return new Download(resp.statusCode(), name, resp.body());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        JsonNode job(long id) {
            ApiClient.Reply r = api.get("/api/baseinfo/imports/" + id);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            return r.data();
        }

        /** polls the job until it has finished (SUCCEEDED, FAILED or CANCELLED) */
        JsonNode await(long id) throws InterruptedException {
            long deadline = System.currentTimeMillis() + 180_000;
            while (true) {
                JsonNode j = job(id);
                String st = j.path("status").asText();
                if (st.equals("SUCCEEDED") || st.equals("FAILED") || st.equals("CANCELLED")) {
                    return j;
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("import job " + id + " did not finish: " + j);
                }
                Thread.sleep(100);
            }
        }
    }
}
