package cn.heatdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Writes and logins are audited in the SM3 chain; tampering with one row in the database is reported. */
class AuditApiIT extends AbstractApiIT {

    @Test
    void writesAndLoginsAreAuditedAndTamperingIsReported() {
        ApiClient admin = admin();
        client().login("admin", "Wrong#Password1");
        ApiClient.Reply created = admin.post("/api/settings/org-types", Map.of("typeCode", "AUD_" + System.nanoTime() % 100000,
                "typeName", "审计测试", "allowedParents", "TEAM", "subsidiary", false));
        assertThat(created.status()).isEqualTo(200);

        JsonNode logs = admin.get("/api/audit/logs?size=50").data().path("records");
        assertThat(logs.findValuesAsText("action")).contains("登录", "新增机构类型");
        JsonNode failedLogin = null;
        for (JsonNode l : logs) {
            if (l.path("action").asText().equals("登录") && l.path("result").asText().equals("FAILURE")
                    && l.path("username").asText().equals("admin") && failedLogin == null) {
                failedLogin = l;
            }
        }
        assertThat(failedLogin).as("failed login audited").isNotNull();
        assertThat(failedLogin.path("detail").asText()).contains("密码错误");
        assertThat(logs.toString()).doesNotContain("Wrong#Password1");

        JsonNode ok = admin.get("/api/audit/verify").data();
        assertThat(ok.path("ok").asBoolean()).as(ok.toString()).isTrue();
        assertThat(ok.path("checkedRows").asLong()).isGreaterThan(3);

        long seq = jdbc.queryForObject("SELECT MAX(seq) FROM audit_log WHERE audit_action = '新增机构类型'", Long.class);
        String original = jdbc.queryForObject("SELECT username FROM audit_log WHERE seq = ?", String.class, seq);
        jdbc.update("UPDATE audit_log SET username = 'mallory' WHERE seq = ?", seq);
        try {
            JsonNode broken = admin.get("/api/audit/verify").data();
            assertThat(broken.path("ok").asBoolean()).isFalse();
            assertThat(broken.path("firstBrokenSeq").asLong()).isEqualTo(seq);
        } finally {
            jdbc.update("UPDATE audit_log SET username = ? WHERE seq = ?", original, seq);
        }
        assertThat(admin.get("/api/audit/verify").data().path("ok").asBoolean()).isTrue();
    }

    @Test
    void verificationNeedsItsPermission() {
        ApiClient agent = client().loggedIn("agent01", DEMO_PASSWORD);
        assertThat(agent.get("/api/audit/verify").status()).isEqualTo(403);
    }
}
