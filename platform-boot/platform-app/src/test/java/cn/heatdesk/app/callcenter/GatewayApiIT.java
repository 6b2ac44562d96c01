package cn.heatdesk.app.callcenter;

import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Gateway, phone and queue administration over real HTTP: the secret never comes back, validation, permissions. */
class GatewayApiIT extends AbstractApiIT {

    private static final AtomicInteger SEQ = new AtomicInteger();
    static final String SECRET = "ami-Secret-4711";

    static Map<String, Object> gateway(String code, Long stationOrgId, String secret) {
        Map<String, Object> m = new HashMap<>();
        m.put("code", code);
        m.put("name", "测试站部网关" + code);
        m.put("kind", "STATION");
        m.put("stationOrgId", stationOrgId == null ? null : String.valueOf(stationOrgId));
        // nothing listens on port 1: the AMI layer's connection attempts fail at once
        m.put("amiHost", "127.0.0.1");
        m.put("amiPort", 1);
        m.put("amiUsername", "heatdesk");
        m.put("amiSecret", secret);
        m.put("agiHost", "127.0.0.1");
        m.put("agiPort", 4573);
        m.put("recordingDir", "/var/spool/asterisk/monitor");
        m.put("enabled", true);
        return m;
    }

    static String code() {
        return "ITGW" + System.currentTimeMillis() % 100_000 + SEQ.incrementAndGet();
    }

    @Test
    void aGatewayIsCreatedAndItsSecretNeverComesBack() {
        ApiClient admin = admin();
        String code = code();
        ApiClient.Reply r = admin.post("/api/callcenter/gateways", gateway(code, orgId("ST01"), SECRET));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode g = r.data();
        assertThat(g.path("code").asText()).isEqualTo(code);
        assertThat(g.path("kindLabel").asText()).isEqualTo("站部网关");
        assertThat(g.path("stationName").asText()).isNotBlank();
        assertThat(g.path("amiSecretSet").asBoolean()).isTrue();
        assertThat(g.has("amiSecret")).isFalse();
        assertThat(new String(r.raw(), StandardCharsets.UTF_8)).doesNotContain(SECRET);
        String id = g.path("id").asText();

        ApiClient.Reply list = admin.get("/api/callcenter/gateways?keyword=" + code);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.data().path("records")).hasSize(1);
        assertThat(new String(list.raw(), StandardCharsets.UTF_8)).doesNotContain(SECRET);
        ApiClient.Reply one = admin.get("/api/callcenter/gateways/" + id);
        assertThat(new String(one.raw(), StandardCharsets.UTF_8)).doesNotContain(SECRET);

        String stored = jdbc.queryForObject("SELECT ami_secret_enc FROM cc_gateway WHERE id = ?", String.class, Long.parseLong(id));
        assertThat(stored).startsWith("v1:").doesNotContain(SECRET);
        // the audit trail keeps the request without the secret
        String detail = jdbc.queryForObject("SELECT detail FROM audit_log WHERE audit_action = '新增呼叫网关' AND detail LIKE ?",
                String.class, "%" + code + "%");
        assertThat(detail).doesNotContain(SECRET);

        // editing with a blank secret keeps the stored one
        Map<String, Object> edit = gateway(code, orgId("ST01"), "");
        edit.put("name", "改名后的网关");
        edit.put("rowVersion", g.path("rowVersion").asInt());
        ApiClient.Reply e = admin.put("/api/callcenter/gateways/" + id, edit);
        assertThat(e.status()).as(e.toString()).isEqualTo(200);
        assertThat(e.data().path("name").asText()).isEqualTo("改名后的网关");
        assertThat(jdbc.queryForObject("SELECT ami_secret_enc FROM cc_gateway WHERE id = ?", String.class, Long.parseLong(id)))
                .isEqualTo(stored);
        // a stale version is refused
        assertThat(admin.put("/api/callcenter/gateways/" + id, edit).status()).isEqualTo(409);

        // disable, enable
        ApiClient.Reply off = admin.post("/api/callcenter/gateways/" + id + "/enabled", Map.of("enabled", false));
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(off.data().path("enabled").asBoolean()).isFalse();
        assertThat(admin.post("/api/callcenter/gateways/" + id + "/enabled", Map.of("enabled", true)).data()
                .path("enabled").asBoolean()).isTrue();

        // in use: a phone keeps it from being deleted
        ApiClient.Reply phone = admin.post("/api/callcenter/phones", Map.of("gatewayId", id, "extension", "8101"));
        assertThat(phone.status()).as(phone.toString()).isEqualTo(200);
        assertThat(phone.data().path("sipSecretSet").asBoolean()).isTrue();
        assertThat(phone.data().has("sipSecret")).isFalse();
        ApiClient.Reply busy = admin.delete("/api/callcenter/gateways/" + id);
        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.body().path("msg").asText()).contains("1 部话机");
        assertThat(admin.delete("/api/callcenter/phones/" + phone.data().path("id").asText()).status()).isEqualTo(200);
        assertThat(admin.delete("/api/callcenter/gateways/" + id).status()).isEqualTo(200);
        assertThat(admin.get("/api/callcenter/gateways/" + id).status()).isEqualTo(404);
    }

    @Test
    void validationErrorsNameTheFieldInChinese() {
        ApiClient admin = admin();
        Map<String, Object> noName = gateway(code(), orgId("ST01"), SECRET);
        noName.put("name", "");
        ApiClient.Reply r = admin.post("/api/callcenter/gateways", noName);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("field").asText()).isEqualTo("name");
        assertThat(r.body().path("msg").asText()).isEqualTo("网关名称不能为空");

        Map<String, Object> badPort = gateway(code(), orgId("ST01"), SECRET);
        badPort.put("amiPort", 70000);
        r = admin.post("/api/callcenter/gateways", badPort);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("field").asText()).isEqualTo("amiPort");
        assertThat(r.body().path("msg").asText()).isEqualTo("AMI 端口应在 1 到 65535 之间");

        r = admin.post("/api/callcenter/gateways", gateway(code(), null, SECRET));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("field").asText()).isEqualTo("stationOrgId");
        assertThat(r.body().path("msg").asText()).isEqualTo("站部网关须选择所属维修站");

        r = admin.post("/api/callcenter/gateways", gateway(code(), orgId("ST01"), null));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("field").asText()).isEqualTo("amiSecret");

        String dup = code();
        assertThat(admin.post("/api/callcenter/gateways", gateway(dup, orgId("ST01"), SECRET)).status()).isEqualTo(200);
        r = admin.post("/api/callcenter/gateways", gateway(dup, orgId("ST02"), SECRET));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body().path("field").asText()).isEqualTo("code");
    }

    @Test
    void usersWithoutCallCenterPermissionsAreRefused() {
        ApiClient agent = client().loggedIn("worker01", DEMO_PASSWORD);
        assertThat(agent.get("/api/callcenter/gateways").status()).isEqualTo(403);
        assertThat(agent.post("/api/callcenter/gateways", gateway(code(), orgId("ST01"), SECRET)).status()).isEqualTo(403);
        assertThat(agent.get("/api/callcenter/phones").status()).isEqualTo(403);
        assertThat(agent.get("/api/callcenter/queues").status()).isEqualTo(403);
        assertThat(client().get("/api/callcenter/gateways").status()).isEqualTo(401);
    }

    @Test
    void queuesBelongToAGatewayAndASkill() {
        ApiClient admin = admin();
        String gw = admin.post("/api/callcenter/gateways", gateway(code(), orgId("ST02"), SECRET)).data().path("id").asText();
        Map<String, Object> q = new HashMap<>(Map.of("gatewayId", gw, "queueName", "repair", "displayName", "报修队列",
                "skillCode", "REPAIR", "wrapupSeconds", 15));
        ApiClient.Reply r = admin.post("/api/callcenter/queues", q);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.data().path("skillLabel").asText()).isEqualTo("报修");
        assertThat(r.data().path("strategy").asText()).isEqualTo("rrmemory");
        q.put("skillCode", "NOPE");
        q.put("queueName", "other");
        r = admin.post("/api/callcenter/queues", q);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("field").asText()).isEqualTo("skillCode");
        JsonNode skills = admin.get("/api/callcenter/skills").data();
        assertThat(skills.findValuesAsText("code")).contains("REPAIR", "COMPLAINT", "INQUIRY", "PAYMENT");
        assertThat(admin.get("/api/callcenter/queues?gatewayId=" + gw).data()).hasSize(1);
    }
}
