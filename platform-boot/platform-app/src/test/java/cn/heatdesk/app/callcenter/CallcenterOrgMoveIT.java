package cn.heatdesk.app.callcenter;

import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import cn.heatdesk.callcenter.ami.GatewayEvent;
import cn.heatdesk.callcenter.call.CallTracker;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Call-center rows follow the organisation: a station moved to another subsidiary takes its gateway, IVR menu and call
 * records along (one org-move handler for every cc_* table, CallcenterOrgMoveListener), in the move's transaction; a
 * gateway given to another station takes its IVR menu (configuration) but not the calls made before (history).
 */
class CallcenterOrgMoveIT extends AbstractApiIT {

    @Autowired
    CallTracker tracker;

    long newStation(ApiClient admin, String parent, String code) {
        ApiClient.Reply st = admin.post("/api/settings/orgs", Map.of("parentId", String.valueOf(orgId(parent)),
                "orgType", "REPAIR_STATION", "orgCode", code, "orgName", "呼叫调站测试站" + code));
        assertThat(st.status()).as(st.toString()).isEqualTo(200);
        return st.data().path("id").asLong();
    }

    static Map<String, Object> menu(long gw) {
        Map<String, Object> key = new HashMap<>();
        key.put("digit", "7");
        key.put("action", "VOICEMAIL");
        key.put("target", null);
        Map<String, Object> node = new HashMap<>();
        node.put("code", "main");
        node.put("name", "主菜单");
        node.put("prompt", "custom/welcome");
        node.put("timeoutSeconds", 3);
        node.put("maxRetries", 2);
        node.put("failAction", "HANGUP");
        node.put("keys", List.of(key));
        Map<String, Object> m = new HashMap<>();
        m.put("gatewayId", String.valueOf(gw));
        m.put("hotline", "4930" + (gw % 1_000_000));
        m.put("menuName", "调站测试热线");
        m.put("rootNode", "main");
        m.put("nodes", List.of(node));
        return m;
    }

    void call(long gw, String linkedid) throws InterruptedException {
        NewChannelEvent nc = new NewChannelEvent(this);
        nc.setChannel("PJSIP/trunk-" + linkedid);
        nc.setUniqueId(linkedid);
        nc.setLinkedid(linkedid);
        nc.setCallerIdNum("13800000099");
        nc.setExten("4930123456");
        tracker.onEvent(new GatewayEvent(gw, nc, Instant.now().minusSeconds(30)));
        HangupEvent h = new HangupEvent(this);
        h.setChannel(nc.getChannel());
        h.setUniqueId(linkedid);
        h.setLinkedId(linkedid);
        h.setCause(16);
        tracker.onEvent(new GatewayEvent(gw, h, Instant.now()));
        assertThat(tracker.awaitIdle(Duration.ofSeconds(10))).isTrue();
    }

    int rows(String table, String where, Object key, String pathPrefix, long subsidiaryId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + where + " AND org_path LIKE ? "
                + "AND subsidiary_id = ?", Integer.class, key, pathPrefix + "%", subsidiaryId);
    }

    @Test
    void aMovedStationTakesItsGatewayMenuAndCallsAlong() throws Exception {
        ApiClient admin = admin();
        String s = String.valueOf(System.nanoTime() % 1_000_000);
        long stationId = newStation(admin, "SUB01", "CCM" + s);
        ApiClient.Reply g = admin.post("/api/callcenter/gateways", GatewayApiIT.gateway(GatewayApiIT.code(), stationId,
                "s3cret-AMI"));
        assertThat(g.status()).as(g.toString()).isEqualTo(200);
        long gw = g.data().path("id").asLong();
        ApiClient.Reply m = admin.post("/api/callcenter/ivr-menus", menu(gw));
        assertThat(m.status()).as(m.toString()).isEqualTo(200);
        long menuId = m.data().path("id").asLong();
        String linkedid = "move-" + gw + ".1";
        call(gw, linkedid);

        String oldPath = jdbc.queryForObject("SELECT org_path FROM org_unit WHERE id = ?", String.class, stationId);
        long sub01 = orgId("SUB01");
        long sub02 = orgId("SUB02");
        Map<String, Object[]> owned = Map.of("cc_gateway", new Object[]{"id = ?", gw},
                "cc_call", new Object[]{"gateway_id = ?", gw}, "cc_ivr_menu", new Object[]{"id = ?", menuId},
                "cc_ivr_node", new Object[]{"menu_id = ?", menuId}, "cc_ivr_key", new Object[]{"menu_id = ?", menuId});
        for (var t : owned.entrySet()) {
            assertThat(rows(t.getKey(), (String) t.getValue()[0], t.getValue()[1], oldPath, sub01)).as(t.getKey())
                    .isPositive();
        }

        ApiClient.Reply moved = admin.post("/api/settings/orgs/" + stationId + "/move",
                Map.of("newParentId", String.valueOf(sub02), "reason", "划转至城南分公司"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        String newPath = moved.data().path("orgPath").asText();
        assertThat(newPath).isNotEqualTo(oldPath);
        for (var t : owned.entrySet()) {
            assertThat(rows(t.getKey(), (String) t.getValue()[0], t.getValue()[1], newPath, sub02)).as(t.getKey())
                    .isPositive();
            assertThat(rows(t.getKey(), (String) t.getValue()[0], t.getValue()[1], oldPath, sub01)).as(t.getKey())
                    .isZero();
        }
        // the new subsidiary sees the station's calls through the scoped list
        ApiClient.Reply calls = admin.get("/api/callcenter/calls?gatewayId=" + gw);
        assertThat(calls.status()).as(calls.toString()).isEqualTo(200);
        assertThat(calls.data().path("records")).extracting(n -> n.path("linkedid").asText()).contains(linkedid);
    }

    @Test
    void aGatewayGivenToAnotherStationTakesItsMenuButNotItsHistory() throws Exception {
        ApiClient admin = admin();
        String s = String.valueOf(System.nanoTime() % 1_000_000);
        long first = newStation(admin, "SUB01", "CGA" + s);
        long second = newStation(admin, "SUB01", "CGB" + s);
        String code = GatewayApiIT.code();
        ApiClient.Reply g = admin.post("/api/callcenter/gateways", GatewayApiIT.gateway(code, first, "s3cret-AMI"));
        assertThat(g.status()).as(g.toString()).isEqualTo(200);
        long gw = g.data().path("id").asLong();
        ApiClient.Reply m = admin.post("/api/callcenter/ivr-menus", menu(gw));
        assertThat(m.status()).as(m.toString()).isEqualTo(200);
        long menuId = m.data().path("id").asLong();
        call(gw, "regive-" + gw + ".1");
        String firstPath = jdbc.queryForObject("SELECT org_path FROM org_unit WHERE id = ?", String.class, first);
        String secondPath = jdbc.queryForObject("SELECT org_path FROM org_unit WHERE id = ?", String.class, second);
        long sub01 = orgId("SUB01");

        Map<String, Object> edit = GatewayApiIT.gateway(code, second, "");
        edit.put("rowVersion", g.data().path("rowVersion").asInt());
        ApiClient.Reply e = admin.put("/api/callcenter/gateways/" + gw, edit);
        assertThat(e.status()).as(e.toString()).isEqualTo(200);

        for (String t : List.of("cc_ivr_node", "cc_ivr_key")) {
            assertThat(rows(t, "menu_id = ?", menuId, secondPath, sub01)).as(t).isPositive();
            assertThat(rows(t, "menu_id = ?", menuId, firstPath, sub01)).as(t).isZero();
        }
        assertThat(rows("cc_ivr_menu", "id = ?", menuId, secondPath, sub01)).isEqualTo(1);
        assertThat(rows("cc_call", "gateway_id = ?", gw, firstPath, sub01)).as("calls stay where they happened")
                .isEqualTo(1);
    }
}
