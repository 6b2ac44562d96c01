package cn.heatdesk.app.repair;

import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared steps of the repair-station tests: demo tickets at a station, station actions over real HTTP. */
abstract class RepairIT extends AbstractApiIT {

    ApiClient agent() {
        return client().loggedIn("agent01", DEMO_PASSWORD);
    }

    ApiClient lead(String username) {
        return client().loggedIn(username, DEMO_PASSWORD);
    }

    long userId(String username) {
        return jdbc.queryForObject("SELECT id FROM sys_user WHERE username = ?", Long.class, username);
    }

    String orgPath(String code) {
        return jdbc.queryForObject("SELECT org_path FROM org_unit WHERE org_code = ?", String.class, code);
    }

    /** a demo household the station serves (base data of a covered household carries the station's org path) */
    long householdOf(String stationCode) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM bi_household WHERE org_path = ? ORDER BY household_code",
                Long.class, orgPath(stationCode));
        assertThat(ids).as("households served by %s", stationCode).isNotEmpty();
        return ids.get(0);
    }

    /** a ticket created by the agent and dispatched at once to the station serving the household */
    JsonNode dispatchedTicket(ApiClient agent, String ticketType, String stationCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("ticketType", ticketType);
        body.put("source", "PHONE");
        body.put("urgency", "NORMAL");
        body.put("householdId", String.valueOf(householdOf(stationCode)));
        body.put("callerPhone", "13800138000");
        body.put("content", "暖气片不热，室温只有 14 度");
        body.put("dispatchNow", true);
        ApiClient.Reply r = agent.post("/api/servicedesk/tickets", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode t = r.data().path("ticket");
        assertThat(t.path("status").asText()).isEqualTo("DISPATCHED");
        assertThat(t.path("stationOrgId").asLong()).isEqualTo(orgId(stationCode));
        return t;
    }

    static Map<String, Object> act(String action, int version) {
        Map<String, Object> m = new HashMap<>();
        m.put("action", action);
        m.put("expectedVersion", version);
        return m;
    }

    static ApiClient.Reply perform(ApiClient c, long ticketId, Map<String, Object> command) {
        return c.post("/api/repair/tickets/" + ticketId + "/actions", command);
    }

    /** performs and expects success; returns the ticket row after the action */
    static JsonNode ok(ApiClient c, long ticketId, Map<String, Object> command) {
        ApiClient.Reply r = perform(c, ticketId, command);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().path("ticket");
    }

    static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("records").forEach(r -> out.add(r.path("id").asText()));
        return out;
    }

    static List<String> actions(JsonNode view) {
        List<String> out = new ArrayList<>();
        view.path("timeline").forEach(h -> out.add(h.path("action").asText()));
        return out;
    }
}
