package cn.heatdesk.app.repair;

import cn.heatdesk.app.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repair station's side of the work-order loop over real HTTP: station pools limited to the lead's station,
 * confirm → assign → reassign with reason and the workers' notifications, the station's action whitelist,
 * assignment suggestions by score, and the lead recording the handling.
 */
class StationDispatchIT extends RepairIT {

    @Test
    void aLeadSeesAndTouchesOnlyTheirOwnStationsTickets() {
        ApiClient agent = agent();
        long st01Ticket = dispatchedTicket(agent, "REPAIR", "ST01").path("id").asLong();
        long st02Ticket = dispatchedTicket(agent, "REPAIR", "ST02").path("id").asLong();
        ApiClient lead01 = lead("lead01");
        ApiClient lead02 = lead("lead02");

        JsonNode pool01 = lead01.get("/api/repair/tickets?pool=STATION_PENDING&size=1000").data();
        assertThat(ids(pool01)).contains(String.valueOf(st01Ticket)).doesNotContain(String.valueOf(st02Ticket));
        pool01.path("records").forEach(r -> assertThat(r.path("stationOrgId").asLong()).isEqualTo(orgId("ST01")));
        JsonNode pool02 = lead02.get("/api/repair/tickets?pool=STATION_PENDING&size=1000").data();
        assertThat(ids(pool02)).contains(String.valueOf(st02Ticket)).doesNotContain(String.valueOf(st01Ticket));

        JsonNode counts = lead01.get("/api/repair/tickets/counts").data();
        assertThat(counts.path("pending").asLong()).isEqualTo(pool01.path("total").asLong());

        // another station's ticket does not exist for the lead: no detail, no action, no suggestions
        int v = lead02.get("/api/servicedesk/tickets/" + st02Ticket).data().path("ticket").path("rowVersion").asInt();
        assertThat(perform(lead01, st02Ticket, act("CONFIRM", v)).status()).isEqualTo(404);
        assertThat(lead01.get("/api/repair/tickets/" + st02Ticket + "/candidates").status()).isEqualTo(404);
        assertThat(lead01.get("/api/servicedesk/tickets/" + st02Ticket).status()).isEqualTo(404);
        assertThat(lead02.get("/api/servicedesk/tickets/" + st02Ticket).data().path("ticket").path("status").asText())
                .isEqualTo("DISPATCHED");

        // the service desk's pools are not the station's
        ApiClient.Reply desk = lead01.get("/api/repair/tickets?pool=UNARRANGED");
        assertThat(desk.status()).isEqualTo(400);
        assertThat(desk.body().path("field").asText()).isEqualTo("pool");
        assertThat(agent.get("/api/repair/tickets?pool=STATION_PENDING").status()).isEqualTo(403);
    }

    @Test
    void confirmAssignAndReassignWithReasonNotifyBothWorkers() {
        ApiClient lead01 = lead("lead01");
        JsonNode t = dispatchedTicket(agent(), "REPAIR", "ST01");
        long id = t.path("id").asLong();
        long worker01 = userId("worker01");
        long worker02 = userId("worker02");

        JsonNode confirmed = ok(lead01, id, act("CONFIRM", t.path("rowVersion").asInt()));
        assertThat(confirmed.path("status").asText()).isEqualTo("CONFIRMED");

        Map<String, Object> assign = act("ASSIGN", confirmed.path("rowVersion").asInt());
        assign.put("workerId", String.valueOf(worker01));
        JsonNode assigned = ok(lead01, id, assign);
        assertThat(assigned.path("status").asText()).isEqualTo("ASSIGNED");
        assertThat(assigned.path("workerId").asLong()).isEqualTo(worker01);
        JsonNode inAssigned = lead01.get("/api/repair/tickets?pool=STATION_ASSIGNED&workerId=" + worker01 + "&size=1000").data();
        assertThat(ids(inAssigned)).contains(String.valueOf(id));
        assertThat(ids(lead01.get("/api/repair/tickets?pool=STATION_PENDING&size=1000").data())).doesNotContain(String.valueOf(id));

        Map<String, Object> reassign = act("REASSIGN", assigned.path("rowVersion").asInt());
        reassign.put("workerId", String.valueOf(worker02));
        ApiClient.Reply noReason = perform(lead01, id, reassign);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("field").asText()).isEqualTo("reason");
        assertThat(noReason.body().path("msg").asText()).isEqualTo("请填写改派人员原因");

        reassign.put("reason", "孙师傅外出抢修，改由周师傅上门");
        JsonNode reassigned = ok(lead01, id, reassign);
        assertThat(reassigned.path("workerId").asLong()).isEqualTo(worker02);
        assertThat(reassigned.path("workerName").asText()).isEqualTo("周师傅");

        JsonNode detail = lead01.get("/api/servicedesk/tickets/" + id).data();
        assertThat(actions(detail)).containsSubsequence("DISPATCH", "CONFIRM", "ASSIGN", "REASSIGN");
        JsonNode last = null;
        for (JsonNode h : detail.path("timeline")) {
            if (h.path("action").asText().equals("REASSIGN")) {
                last = h;
            }
            if (List.of("CONFIRM", "ASSIGN", "REASSIGN").contains(h.path("action").asText())) {
                assertThat(h.path("operatorName").asText()).isEqualTo("赵站长");
                assertThat(h.path("origin").asText()).isEqualTo("WEB");
            }
        }
        assertThat(last).isNotNull();
        assertThat(last.path("reason").asText()).isEqualTo("孙师傅外出抢修，改由周师傅上门");
        assertThat(last.path("detail").asText()).contains("孙师傅").contains("周师傅");

        // the ticket core notified the workers: assignment to worker01, reassignment to the old and the new worker
        assertThat(messages("worker01", "TICKET_ASSIGNED", id)).hasSize(1);
        assertThat(messages("worker01", "TICKET_REASSIGNED", id)).hasSize(1);
        List<JsonNode> toNew = messages("worker02", "TICKET_REASSIGNED", id);
        assertThat(toNew).hasSize(1);
        assertThat(toNew.get(0).path("content").asText()).contains("孙师傅外出抢修");
        // and queued the external channels for both: SMS and app push; WeChat as soon as its template is enabled
        // (it needs the official account's template id, so it ships disabled)
        List<String> enabled = jdbc.queryForList("SELECT channel FROM nt_template WHERE event_code = 'TICKET_REASSIGNED' "
                + "AND enabled = 1 AND channel <> 'IN_APP'", String.class);
        assertThat(enabled).contains("SMS", "APP_PUSH");
        for (long worker : List.of(worker01, worker02)) {
            List<String> channels = jdbc.queryForList("SELECT channel FROM nt_outbox WHERE biz_id = ? AND recipient_id = ? "
                    + "AND event_code = 'TICKET_REASSIGNED'", String.class, id, worker);
            assertThat(channels).as("outbox of %d", worker).containsExactlyInAnyOrderElementsOf(enabled);
        }
    }

    /** the worker's in-app messages of one event about one ticket (notice REST, as the worker) */
    List<JsonNode> messages(String username, String eventCode, long ticketId) {
        ApiClient.Reply r = client().loggedIn(username, DEMO_PASSWORD)
                .get("/api/notice/messages?eventCode=" + eventCode + "&size=200");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.data().path("records").forEach(m -> {
            if (m.path("bizId").asLong() == ticketId) {
                out.add(m);
            }
        });
        return out;
    }

    @Test
    void aStationMayOnlyDoTheStationsActions() {
        ApiClient lead01 = lead("lead01");
        JsonNode t = dispatchedTicket(agent(), "REPAIR", "ST01");
        long id = t.path("id").asLong();
        int v = t.path("rowVersion").asInt();

        Map<String, Object> toSt02 = act("DISPATCH", v);
        toSt02.put("stationOrgId", String.valueOf(orgId("ST02")));
        ApiClient.Reply dispatch = perform(lead01, id, toSt02);
        assertThat(dispatch.status()).isEqualTo(403);
        assertThat(dispatch.body().path("msg").asText()).isEqualTo("维修站不能执行“派单”操作");
        Map<String, Object> redispatch = act("REDISPATCH", v);
        redispatch.put("stationOrgId", String.valueOf(orgId("ST02")));
        redispatch.put("reason", "不归本站");
        assertThat(perform(lead01, id, redispatch).status()).isEqualTo(403);
        assertThat(perform(lead01, id, act("VISIT", v)).status()).isEqualTo(403);
        // nor through the service desk's own endpoint
        assertThat(lead01.post("/api/servicedesk/tickets/" + id + "/actions", toSt02).status()).isEqualTo(403);

        JsonNode still = lead01.get("/api/servicedesk/tickets/" + id).data().path("ticket");
        assertThat(still.path("stationOrgId").asLong()).isEqualTo(orgId("ST01"));
        assertThat(still.path("rowVersion").asInt()).isEqualTo(v);

        // the version is mandatory, and an illegal step is the core's clear 409
        Map<String, Object> noVersion = act("CONFIRM", v);
        noVersion.remove("expectedVersion");
        assertThat(perform(lead01, id, noVersion).body().path("field").asText()).isEqualTo("expectedVersion");
        ApiClient.Reply reassign = perform(lead01, id, Map.of("action", "REASSIGN", "expectedVersion", v,
                "workerId", String.valueOf(userId("worker01")), "reason", "试一下"));
        assertThat(reassign.status()).isEqualTo(409);
        assertThat(reassign.code()).isEqualTo("ILLEGAL_TRANSITION");

        // an agent is not a station user
        assertThat(perform(agent(), id, act("CONFIRM", v)).status()).isEqualTo(403);
    }

    @Test
    void suggestionsRankTheStationsWorkersBySkillAreaAndLoad() {
        ApiClient lead01 = lead("lead01");
        long repairTicket = dispatchedTicket(agent(), "REPAIR", "ST01").path("id").asLong();

        JsonNode c = lead01.get("/api/repair/tickets/" + repairTicket + "/candidates").data();
        assertThat(c.path("stationOrgId").asLong()).isEqualTo(orgId("ST01"));
        assertThat(c.path("householdPath").asText()).matches("^/(\\d+/){6}$");
        List<JsonNode> list = new ArrayList<>();
        c.path("candidates").forEach(list::add);
        assertThat(list).extracting(n -> n.path("username").asText()).contains("worker01", "worker02");

        Map<String, Integer> load = new java.util.HashMap<>();
        lead01.get("/api/repair/workers?size=100").data().path("records")
                .forEach(w -> load.put(w.path("username").asText(), w.path("openLoad").asInt()));
        for (JsonNode n : list) {
            String who = n.path("username").asText();
            int open = n.path("openLoad").asInt();
            int max = n.path("maxLoad").asInt();
            assertThat(open).isEqualTo(load.get(who));
            boolean skill = who.equals("worker01");
            int expected = (skill ? 40 : 0) + 30 + (open >= max ? -20 : (int) Math.round(30.0 * (max - open) / max));
            assertThat(n.path("score").asInt()).as(who).isEqualTo(expected);
            List<String> reasons = new ArrayList<>();
            n.path("reasons").forEach(r -> reasons.add(r.asText()));
            assertThat(reasons.get(0)).isEqualTo(skill ? "技能匹配：管网维修、阀门检修、散热器/地暖" : "无对口技能");
            assertThat(reasons.get(1)).startsWith("负责区域：");
            assertThat(reasons.get(2)).startsWith("当前工单 " + open + " 张");
        }
        for (int i = 1; i < list.size(); i++) {
            if (list.get(i).path("assignable").asBoolean()) {
                assertThat(list.get(i - 1).path("assignable").asBoolean()).isTrue();
                assertThat(list.get(i - 1).path("score").asInt()).isGreaterThanOrEqualTo(list.get(i).path("score").asInt());
            }
        }

        // a temperature check suits the grid worker's skill
        long tempTicket = dispatchedTicket(agent(), "TEMP_CHECK", "ST01").path("id").asLong();
        JsonNode temp = lead01.get("/api/repair/tickets/" + tempTicket + "/candidates").data();
        for (JsonNode n : temp.path("candidates")) {
            if (n.path("username").asText().equals("worker02")) {
                assertThat(n.path("reasons").get(0).asText()).isEqualTo("技能匹配：测温");
                assertThat(n.path("matchedSkills").toString()).contains("测温");
            }
        }
    }

    @Test
    void theLeadRecordsTheHandlingUntilTheMobileAppDoes() {
        ApiClient lead01 = lead("lead01");
        JsonNode t = dispatchedTicket(agent(), "REPAIR", "ST01");
        long id = t.path("id").asLong();
        Map<String, Object> assign = act("ASSIGN", t.path("rowVersion").asInt());
        assign.put("workerId", String.valueOf(userId("worker01")));
        JsonNode assigned = ok(lead01, id, assign);

        Map<String, Object> complete = act("COMPLETE", assigned.path("rowVersion").asInt());
        complete.put("fields", Map.of("parts", "DN20 阀门"));
        ApiClient.Reply missing = perform(lead01, id, complete);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("field").asText()).isEqualTo("handlingResult");

        complete.put("fields", Map.of("handlingResult", "更换入户阀门，恢复供热", "parts", "DN20 阀门", "durationMinutes", 45));
        JsonNode done = ok(lead01, id, complete);
        assertThat(done.path("status").asText()).isEqualTo("COMPLETED");

        JsonNode detail = lead01.get("/api/servicedesk/tickets/" + id).data();
        assertThat(detail.path("handlingResult").asText()).contains("更换入户阀门，恢复供热").contains("DN20 阀门")
                .contains("45 分钟");
        assertThat(actions(detail)).endsWith("COMPLETE");
        // completed tickets leave the station's pools
        assertThat(ids(lead01.get("/api/repair/tickets?pool=STATION_ASSIGNED&size=1000").data())).doesNotContain(String.valueOf(id));
    }

    @Test
    void hotSpotsCountTheStationsTicketsPerCommunityAndUnit() {
        ApiClient agent = agent();
        dispatchedTicket(agent, "REPAIR", "ST01");
        dispatchedTicket(agent, "COMPLAINT", "ST01");
        JsonNode h = lead("lead01").get("/api/repair/hotspots?days=30").data();
        assertThat(h.path("tickets").asLong()).isGreaterThanOrEqualTo(2);
        JsonNode top = h.path("communities").get(0);
        assertThat(top.path("name").asText()).isNotBlank().doesNotContain("/");
        assertThat(top.path("tickets").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(h.path("units").get(0).path("name").asText()).matches("[^/]+/[^/]+/[^/]+");
        assertThat(lead("lead01").get("/api/repair/hotspots?days=0").status()).isEqualTo(400);
    }
}
