package cn.heatdesk.app.monitor;

import cn.heatdesk.app.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tickets and approvals for the monitor ITs, made over HTTP like the console does. */
final class MonitorFixtures {

    private MonitorFixtures() {
    }

    /** a demo household whose coverage maps to the station with this org id (ST01 → lead01) */
    static long householdOf(ApiClient agent, JdbcTemplate jdbc, long stationOrgId) {
        for (Long id : jdbc.queryForList("SELECT id FROM bi_household ORDER BY id", Long.class)) {
            JsonNode s = agent.get("/api/servicedesk/tickets/station-suggestion?householdId=" + id).data();
            if (String.valueOf(stationOrgId).equals(s.path("stationOrgId").asText())) {
                return id;
            }
        }
        throw new IllegalStateException("no household covered by " + stationOrgId);
    }

    static Map<String, Object> repair(long householdId, boolean dispatchNow, String contactName) {
        Map<String, Object> body = new HashMap<>();
        body.put("ticketType", "REPAIR");
        body.put("source", "PHONE");
        body.put("urgency", "NORMAL");
        body.put("householdId", String.valueOf(householdId));
        body.put("callerPhone", "13800138000");
        body.put("contactName", contactName);
        body.put("title", "暖气不热 " + contactName);
        body.put("content", "暖气片不热，室温只有 14 度");
        body.put("dispatchNow", dispatchNow);
        return body;
    }

    /** a repair ticket created by the agent and dispatched to the household's station */
    static JsonNode dispatchedTicket(ApiClient agent, long householdId, String contactName) {
        ApiClient.Reply r = agent.post("/api/servicedesk/tickets", repair(householdId, true, contactName));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode t = r.data().path("ticket");
        assertThat(t.path("status").asText()).isEqualTo("DISPATCHED");
        return t;
    }

    static JsonNode ticket(ApiClient c, long id) {
        ApiClient.Reply r = c.get("/api/servicedesk/tickets/" + id);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data();
    }

    static ApiClient.Reply submit(ApiClient c, long ticketId, String action, String reason, Map<String, Object> payload) {
        Map<String, Object> body = new HashMap<>();
        body.put("bizType", "TICKET");
        body.put("bizId", String.valueOf(ticketId));
        body.put("action", action);
        body.put("reason", reason);
        body.put("payload", payload);
        return c.post("/api/monitor/approvals", body);
    }

    static ApiClient.Reply approve(ApiClient c, long approvalId, int version, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("comment", comment);
        body.put("expectedVersion", version);
        return c.post("/api/monitor/approvals/" + approvalId + "/approve", body);
    }

    static ApiClient.Reply reject(ApiClient c, long approvalId, int version, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", reason);
        body.put("expectedVersion", version);
        return c.post("/api/monitor/approvals/" + approvalId + "/reject", body);
    }

    static boolean listed(JsonNode page, long approvalId) {
        for (JsonNode r : page.path("records")) {
            if (r.path("id").asLong() == approvalId) {
                return true;
            }
        }
        return false;
    }

    static JsonNode row(JsonNode page, long approvalId) {
        for (JsonNode r : page.path("records")) {
            if (r.path("id").asLong() == approvalId) {
                return r;
            }
        }
        throw new AssertionError("approval " + approvalId + " not in " + page);
    }

    static long userId(JdbcTemplate jdbc, String username) {
        return jdbc.queryForObject("SELECT id FROM sys_user WHERE username = ?", Long.class, username);
    }

    /** in-app messages of an event about one approval for one user */
    static int messages(JdbcTemplate jdbc, String username, String event, long approvalId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM nt_message WHERE recipient_id = ? AND event_code = ? AND biz_id = ?",
                Integer.class, userId(jdbc, username), event, approvalId);
    }
}
