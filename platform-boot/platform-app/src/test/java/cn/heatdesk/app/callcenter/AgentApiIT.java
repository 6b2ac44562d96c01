package cn.heatdesk.app.callcenter;

import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agents over real HTTP: job number ↔ user ↔ phone binding one-to-one, sign-in refused on any phone but the bound
 * one, and a sign-in the gateway cannot carry out leaves nothing behind.
 */
class AgentApiIT extends AbstractApiIT {

    @Test
    void bindingIsOneToOneAndSignInWorksOnlyOnTheBoundPhone() {
        ApiClient admin = admin();
        String gw = admin.post("/api/callcenter/gateways", GatewayApiIT.gateway(GatewayApiIT.code(), orgId("ST01"),
                GatewayApiIT.SECRET)).data().path("id").asText();
        String p1 = admin.post("/api/callcenter/phones", Map.of("gatewayId", gw, "extension", "8001")).data().path("id").asText();
        String p2 = admin.post("/api/callcenter/phones", Map.of("gatewayId", gw, "extension", "8002")).data().path("id").asText();
        String q = admin.post("/api/callcenter/queues", Map.of("gatewayId", gw, "queueName", "repair",
                "displayName", "报修队列", "skillCode", "REPAIR")).data().path("id").asText();
        long adminId = jdbc.queryForObject("SELECT id FROM sys_user WHERE username = 'admin'", Long.class);
        long monitorId = jdbc.queryForObject("SELECT id FROM sys_user WHERE username = 'monitor01'", Long.class);
        jdbc.update("DELETE FROM cc_agent WHERE user_id IN (?, ?)", adminId, monitorId);

        String jobNo = "9" + System.currentTimeMillis() % 1_000_000;
        ApiClient.Reply created = admin.post("/api/callcenter/agents", Map.of("userId", String.valueOf(adminId),
                "jobNo", jobNo, "phoneId", p1, "skills", List.of(Map.of("queueId", q, "level", 0))));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode a = created.data();
        String agentId = a.path("id").asText();
        try {
            assertThat(a.path("extension").asText()).isEqualTo("8001");
            assertThat(a.path("state").asText()).isEqualTo("SIGNED_OUT");
            assertThat(a.path("stateLabel").asText()).isEqualTo("签出");
            assertThat(a.path("skills").get(0).path("queueName").asText()).isEqualTo("repair");

            // one phone, one job number
            ApiClient.Reply other = admin.post("/api/callcenter/agents", Map.of("userId", String.valueOf(monitorId),
                    "jobNo", jobNo + "1", "phoneId", p1));
            assertThat(other.status()).isEqualTo(409);
            assertThat(other.body().path("field").asText()).isEqualTo("phoneId");
            assertThat(other.body().path("msg").asText()).contains("已绑定工号" + jobNo);
            // (the refused create rolled back: monitor01 has no agent)
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cc_agent WHERE user_id = ?", Integer.class, monitorId)).isZero();
            ApiClient.Reply sameJob = admin.post("/api/callcenter/agents", Map.of("userId", String.valueOf(monitorId), "jobNo", jobNo));
            assertThat(sameJob.status()).isEqualTo(409);
            assertThat(sameJob.body().path("field").asText()).isEqualTo("jobNo");
            // rebinding needs an explicit unbind
            ApiClient.Reply rebind = admin.post("/api/callcenter/agents/" + agentId + "/phone",
                    Map.of("phoneId", p2, "rowVersion", a.path("rowVersion").asInt()));
            assertThat(rebind.status()).isEqualTo(409);
            assertThat(rebind.body().path("msg").asText()).contains("请先解除绑定");

            // the phone list shows the binding
            JsonNode phones = admin.get("/api/callcenter/phones?gatewayId=" + gw).data().path("records");
            assertThat(phones).hasSize(2);
            assertThat(phones.get(0).path("extension").asText()).isEqualTo("8001");
            assertThat(phones.get(0).path("agentJobNo").asText()).isEqualTo(jobNo);
            assertThat(phones.get(1).path("agentId").isNull()).isTrue();

            // sign-in on another phone: refused, nothing recorded
            ApiClient.Reply wrong = admin.post("/api/callcenter/agents/me/sign-in", Map.of("extension", "8002"));
            assertThat(wrong.status()).isEqualTo(403);
            assertThat(wrong.body().path("field").asText()).isEqualTo("extension");
            assertThat(wrong.body().path("msg").asText())
                    .isEqualTo("工号" + jobNo + "只能在绑定的话机（分机 8001）上签入，不能在分机 8002 上签入");
            assertThat(admin.get("/api/callcenter/agents/me").data().path("state").asText()).isEqualTo("SIGNED_OUT");

            // on the bound phone, but the gateway is not reachable: a clear reason, and still nothing written
            ApiClient.Reply down = admin.post("/api/callcenter/agents/me/sign-in", Map.of("extension", "8001"));
            assertThat(down.status()).as(down.toString()).isEqualTo(503);
            assertThat(down.body().path("msg").asText()).isNotBlank();
            assertThat(admin.get("/api/callcenter/agents/me").data().path("state").asText()).isEqualTo("SIGNED_OUT");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cc_agent_session WHERE agent_id = ?", Integer.class,
                    Long.parseLong(agentId))).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cc_agent_state_log WHERE agent_id = ?", Integer.class,
                    Long.parseLong(agentId))).isZero();

            // a state command needs a signed-in agent
            ApiClient.Reply busy = admin.post("/api/callcenter/agents/me/state", Map.of("action", "SET_BUSY", "reason", "MEETING"));
            assertThat(busy.status()).isEqualTo(409);
            assertThat(busy.body().path("msg").asText()).isEqualTo("坐席当前为“签出”，不能“示忙”，请先签入");

            // unbind, then the phone is free for someone else
            int version = admin.get("/api/callcenter/agents/" + agentId).data().path("rowVersion").asInt();
            ApiClient.Reply unbound = admin.post("/api/callcenter/agents/" + agentId + "/phone/unbind", Map.of("rowVersion", version));
            assertThat(unbound.status()).as(unbound.toString()).isEqualTo(200);
            assertThat(unbound.data().path("phoneId").isNull()).isTrue();
            ApiClient.Reply second = admin.post("/api/callcenter/agents", Map.of("userId", String.valueOf(monitorId),
                    "jobNo", jobNo + "2", "phoneId", p1));
            assertThat(second.status()).as(second.toString()).isEqualTo(200);
            assertThat(second.data().path("extension").asText()).isEqualTo("8001");
        } finally {
            jdbc.update("DELETE FROM cc_agent_skill WHERE agent_id IN (SELECT id FROM cc_agent WHERE user_id IN (?, ?))", adminId, monitorId);
            jdbc.update("DELETE FROM cc_agent WHERE user_id IN (?, ?)", adminId, monitorId);
        }
    }

    @Test
    void agentAdministrationNeedsItsPermissions() {
        ApiClient worker = client().loggedIn("worker01", DEMO_PASSWORD);
        assertThat(worker.get("/api/callcenter/agents").status()).isEqualTo(403);
        assertThat(worker.post("/api/callcenter/agents", Map.of("userId", "1")).status()).isEqualTo(403);
        assertThat(worker.post("/api/callcenter/agents/me/sign-in", Map.of("extension", "8001")).status()).isEqualTo(403);
        assertThat(worker.post("/api/callcenter/agents/1/force", Map.of("action", "FORCE_IDLE")).status()).isEqualTo(403);
    }

    @Test
    void validationOfAgentRequestsNamesTheField() {
        ApiClient admin = admin();
        ApiClient.Reply r = admin.post("/api/callcenter/agents", Map.of("jobNo", "12"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("field").asText()).isEqualTo("userId");
        assertThat(r.body().path("msg").asText()).isEqualTo("请选择人员");
        r = admin.post("/api/callcenter/agents/me/sign-in", Map.of("extension", "80a1"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("field").asText()).isEqualTo("extension");
    }
}
