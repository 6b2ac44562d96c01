package cn.heatdesk.kernel.audit;

import cn.heatdesk.kernel.signing.SecurityIntegrationTest;
import com.alibaba.excel.EasyExcel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditWebIntegrationTest extends SecurityIntegrationTest {

    static final Map<String, String> ADMIN = Map.of("X-Test-User", "admin", "X-Test-Perms", "audit:view,audit:verify");
    static final String JSON = "application/json";

    @Autowired
    AuditService audit;
    final ObjectMapper mapper = new ObjectMapper();

    private List<AuditRecord> rows() {
        return jdbc.query("SELECT " + AuditService.COLUMNS + " FROM audit_log ORDER BY seq", AuditService.ROW_MAPPER);
    }

    @Test
    void successfulWriteIsAuditedWithMaskedSecrets() throws Exception {
        HttpResponse<String> res = send("POST", "/api/test/audit/users",
                "{\"username\":\"zhang\",\"password\":\"P@ssw0rd!\",\"profile\":{\"newPassword\":\"N3w!\",\"appSecret\":\"s3\"},"
                        + "\"list\":[{\"oldPassword\":\"o1\"}],\"phone\":\"13800138000\"}", JSON, ADMIN);
        assertThat(res.statusCode()).isEqualTo(200);
        List<AuditRecord> rows = rows();
        assertThat(rows).hasSize(1);
        AuditRecord r = rows.get(0);
        assertThat(r.action()).isEqualTo("新增测试用户");
        assertThat(r.target()).isEqualTo("POST /api/test/audit/users");
        assertThat(r.result()).isEqualTo("SUCCESS");
        assertThat(r.httpStatus()).isEqualTo(200);
        assertThat(r.username()).isEqualTo("admin");
        assertThat(r.clientIp()).isEqualTo("127.0.0.1");
        assertThat(r.detail()).contains("\"username\":\"zhang\"", "\"password\":\"******\"", "\"newPassword\":\"******\"",
                        "\"appSecret\":\"******\"", "\"oldPassword\":\"******\"", "\"phone\":\"138****8000\"")
                .doesNotContain("P@ssw0rd!", "N3w!", "\"s3\"", "o1", "13800138000");
    }

    @Test
    void failedAndRefusedWritesAreAuditedToo() throws Exception {
        assertThat(send("POST", "/api/test/audit/fail", "{\"name\":\"\"}", JSON, ADMIN).statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/test/audit/boom", null, null, ADMIN).statusCode()).isEqualTo(500);
        HttpResponse<String> refused = send("POST", "/api/test/audit/refused", "{\"password\":\"abc123\",\"x\":1}", JSON, Map.of());
        assertThat(refused.statusCode()).isEqualTo(401);

        List<AuditRecord> rows = rows();
        assertThat(rows).extracting(AuditRecord::action)
                .containsExactly("会失败的操作", "POST /api/test/audit/boom", "被拒绝的写操作");
        assertThat(rows).extracting(AuditRecord::result).containsOnly("FAILURE");
        assertThat(rows).extracting(AuditRecord::httpStatus).containsExactly(400, 500, 401);
        AuditRecord anonymous = rows.get(2);
        assertThat(anonymous.username()).isEqualTo("anonymous");
        assertThat(anonymous.userId()).isNull();
        // the body was never read by a handler; the interceptor still records it, masked
        assertThat(anonymous.detail()).contains("\"password\":\"******\"").contains("\"x\":1").doesNotContain("abc123");
    }

    @Test
    void readsManualHandlersAndPatternsAreHandled() throws Exception {
        assertThat(send("GET", "/api/test/audit/read", null, null, ADMIN).statusCode()).isEqualTo(200);
        assertThat(rows()).isEmpty();

        send("GET", "/api/test/audit/sensitive-read?id=5", null, null, ADMIN);
        send("POST", "/api/test/audit/plain/42", null, null, ADMIN);
        send("POST", "/api/test/audit/manual", "{\"username\":\"guess\",\"password\":\"x\"}", JSON, Map.of());
        send("POST", "/api/test/audit/form", "username=li&password=topsecret&confirmPassword=topsecret", 
                "application/x-www-form-urlencoded", ADMIN);

        List<AuditRecord> rows = rows();
        assertThat(rows).extracting(AuditRecord::action)
                .containsExactly("查看明文手机号", "POST /api/test/audit/plain/{id}", "手工审计", "表单提交");
        assertThat(rows.get(1).target()).isEqualTo("POST /api/test/audit/plain/42");
        assertThat(rows.get(2).username()).isEqualTo("attempted:guess"); // written by the handler only, once
        assertThat(rows.get(3).detail()).isEqualTo("username=li&password=******&confirmPassword=******");
    }

    @Test
    void listFilterExportAndVerifyEndpoints() throws Exception {
        for (int i = 0; i < 5; i++) {
            audit.record(AuditEntry.builder("新增用户").username("alice").success().httpStatus(200).build());
        }
        for (int i = 0; i < 3; i++) {
            audit.record(AuditEntry.builder("删除用户").username("bob").failure().httpStatus(403).build());
        }

        JsonNode page = mapper.readTree(send("GET", "/api/audit/logs?page=1&size=4", null, null, ADMIN).body());
        assertThat(page.path("code").asText()).isEqualTo("0");
        assertThat(page.path("data").path("total").asLong()).isEqualTo(8);
        assertThat(page.path("data").path("records")).hasSize(4);
        assertThat(page.path("data").path("records").get(0).path("seq").asLong()).isEqualTo(8); // newest first

        JsonNode bob = mapper.readTree(send("GET", "/api/audit/logs?username=bo&result=failure", null, null, ADMIN).body());
        assertThat(bob.path("data").path("total").asLong()).isEqualTo(3);
        JsonNode action = mapper.readTree(send("GET", "/api/audit/logs?action=" + enc("新增"), null, null, ADMIN).body());
        assertThat(action.path("data").path("total").asLong()).isEqualTo(5);
        String today = java.time.LocalDate.now().toString();
        JsonNode byDate = mapper.readTree(send("GET", "/api/audit/logs?from=" + today + "&to=" + today, null, null, ADMIN).body());
        assertThat(byDate.path("data").path("total").asLong()).isEqualTo(8);
        JsonNode future = mapper.readTree(send("GET", "/api/audit/logs?from=2999-01-01", null, null, ADMIN).body());
        assertThat(future.path("data").path("total").asLong()).isZero();
        HttpResponse<String> bad = send("GET", "/api/audit/logs?from=yesterday", null, null, ADMIN);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"from\"");
        // a viewer restricted to another subsidiary sees nothing
        JsonNode scoped = mapper.readTree(send("GET", "/api/audit/logs", null, null,
                Map.of("X-Test-User", "sub-auditor", "X-Test-Perms", "audit:view", "X-Test-Subsidiary", "77")).body());
        assertThat(scoped.path("data").path("total").asLong()).isZero();

        HttpResponse<byte[]> xlsx = sendForBytes("/api/audit/logs/export?username=alice", ADMIN);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains("filename*=UTF-8''");
        List<Map<Integer, String>> sheet = EasyExcel.read(new ByteArrayInputStream(xlsx.body())).headRowNumber(0).sheet().doReadSync();
        assertThat(sheet.get(0).values()).contains("序号", "操作时间", "用户名", "操作", "结果", "记录哈希(SM3)");
        assertThat(sheet).hasSize(1 + 5);
        assertThat(sheet.get(1).values()).contains("alice", "新增用户", "成功");
        // the export itself is audited
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE audit_action = '导出审计日志'", Long.class)).isEqualTo(1);

        JsonNode ok = mapper.readTree(send("GET", "/api/audit/verify", null, null, ADMIN).body());
        assertThat(ok.path("data").path("ok").asBoolean()).isTrue();
        assertThat(ok.path("data").path("checkedRows").asLong()).isEqualTo(9);

        jdbc.update("UPDATE audit_log SET username = 'eve' WHERE seq = 6");
        JsonNode broken = mapper.readTree(send("GET", "/api/audit/verify", null, null, ADMIN).body());
        assertThat(broken.path("data").path("ok").asBoolean()).isFalse();
        assertThat(broken.path("data").path("firstBrokenSeq").asLong()).isEqualTo(6);
        assertThat(broken.path("data").path("reason").asText()).contains("篡改");
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
