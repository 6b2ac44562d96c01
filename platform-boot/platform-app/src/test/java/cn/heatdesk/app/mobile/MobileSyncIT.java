package cn.heatdesk.app.mobile;

import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline sync protocol over real HTTP, as the field app uses it: the whole loop accept → check-in →
 * fill-back → complete; duplicate, reordered and gapped batches; a response lost after commit; conflicts
 * (reassigned, cancelled through an approval from the app, voided, already completed) kept for the lead; a
 * 1,000-command batch; the same batch pushed by two threads at once; pull snapshot, increments and removals.
 */
class MobileSyncIT extends AbstractApiIT {

    String base() {
        return "http://localhost:" + port;
    }

    long userId(String username) {
        return jdbc.queryForObject("SELECT id FROM sys_user WHERE username = ?", Long.class, username);
    }

    /** the user on a newly bound device (its seq starts at 1) */
    MobileClient fresh(String username) {
        ApiClient.Reply r = admin().post("/api/repair/devices/" + userId(username) + "/unbind", Map.of("reason", "测试换新设备"));
        assertThat(r.status()).as(r.toString()).isIn(200, 404);
        return MobileClient.login(base(), username, DEMO_PASSWORD, "it-" + UUID.randomUUID());
    }

    ApiClient agent() {
        return client().loggedIn("agent01", DEMO_PASSWORD);
    }

    ApiClient lead01() {
        return client().loggedIn("lead01", DEMO_PASSWORD);
    }

    /** a ticket dispatched to ST01, confirmed and assigned to the worker by lead01 */
    long assignedTo(String worker) {
        String path = jdbc.queryForObject("SELECT org_path FROM org_unit WHERE org_code = 'ST01'", String.class);
        long household = jdbc.queryForList("SELECT id FROM bi_household WHERE org_path = ? ORDER BY household_code",
                Long.class, path).get(0);
        Map<String, Object> body = new HashMap<>();
        body.put("ticketType", "REPAIR");
        body.put("source", "PHONE");
        body.put("urgency", "NORMAL");
        body.put("householdId", String.valueOf(household));
        body.put("callerPhone", "13800138000");
        body.put("content", "暖气片不热，室温只有 14 度");
        body.put("dispatchNow", true);
        ApiClient.Reply created = agent().post("/api/servicedesk/tickets", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        long id = created.data().path("ticket").path("id").asLong();
        ApiClient lead = lead01();
        JsonNode t = station(lead, id, "CONFIRM", created.data().path("ticket").path("rowVersion").asInt(), Map.of());
        station(lead, id, "ASSIGN", t.path("rowVersion").asInt(), Map.of("workerId", String.valueOf(userId(worker))));
        return id;
    }

    static JsonNode station(ApiClient lead, long id, String action, int version, Map<String, Object> extra) {
        Map<String, Object> cmd = new HashMap<>(extra);
        cmd.put("action", action);
        cmd.put("expectedVersion", version);
        ApiClient.Reply r = lead.post("/api/repair/tickets/" + id + "/actions", cmd);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().path("ticket");
    }

    JsonNode ticket(long id) {
        return admin().get("/api/servicedesk/tickets/" + id).data();
    }

    int version(long id) {
        return jdbc.queryForObject("SELECT row_version FROM sd_ticket WHERE id = ?", Integer.class, id);
    }

    int timelineSize(long id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM sd_ticket_history WHERE ticket_id = ?", Integer.class, id);
    }

    static Map<String, Object> gps() {
        Map<String, Object> p = new HashMap<>();
        p.put("lat", 41.8057);
        p.put("lng", 123.4315);
        p.put("accuracy", 12.5);
        p.put("address", "幸福家园 3 号楼");
        return p;
    }

    static Map<String, Object> fillBack() {
        Map<String, Object> p = new HashMap<>();
        p.put("handlingResult", "更换散热器阀门，试水正常");
        p.put("parts", "DN20 阀门 1 个");
        p.put("durationMinutes", 45);
        p.put("answers", Map.of("faultCause", "阀门故障", "indoorTempAfter", "20.5"));
        return p;
    }

    static List<String> statuses(List<JsonNode> results) {
        return results.stream().map(r -> r.path("status").asText()).toList();
    }

    @Test
    void acceptCheckInFillBackCompleteAndAReplayedBatchChangesNothing() {
        MobileClient app = fresh("worker01");
        long id = assignedTo("worker01");

        List<Map<String, Object>> batch = List.of(
                app.command("ACCEPT", id, Map.of()),
                app.command("CHECK_IN_SITE", id, gps()),
                app.command("FILL_BACK", id, fillBack()),
                app.command("COMPLETE", id, Map.of("noSignatureReason", "用户不在家，由邻居代为确认")));
        List<JsonNode> results = app.pushOk(batch);
        assertThat(statuses(results)).as(results.toString()).containsExactly("APPLIED", "APPLIED", "APPLIED", "APPLIED");
        assertThat(results).allSatisfy(r -> assertThat(r.path("replayed").asBoolean()).isFalse());
        assertThat(results.get(3).path("ticketVersion").asInt()).isEqualTo(version(id));

        JsonNode detail = ticket(id);
        assertThat(detail.path("ticket").path("status").asText()).isEqualTo("COMPLETED");
        assertThat(detail.path("handlingResult").asText()).contains("更换散热器阀门").contains("DN20 阀门");
        List<String> appActions = new ArrayList<>();
        for (JsonNode h : detail.path("timeline")) {
            if ("APP".equals(h.path("origin").asText())) {
                appActions.add(h.path("action").asText());
                assertThat(h.path("operatorName").asText()).isEqualTo("孙师傅");
            }
        }
        assertThat(appActions).containsExactly("WORKER_ACCEPT", "CHECK_IN", "NOTE", "COMPLETE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rp_check_in WHERE ticket_id = ? AND check_type = 'SITE'",
                Integer.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rp_fill_back WHERE ticket_id = ?", Integer.class, id)).isEqualTo(1);

        // the same batch again (the app never saw the answer): stored results, nothing applied twice
        int v = version(id);
        int tl = timelineSize(id);
        List<JsonNode> again = app.pushOk(batch);
        assertThat(statuses(again)).containsExactly("APPLIED", "APPLIED", "APPLIED", "APPLIED");
        assertThat(again).allSatisfy(r -> assertThat(r.path("replayed").asBoolean()).isTrue());
        for (int i = 0; i < 4; i++) {
            assertThat(again.get(i).path("ticketVersion").asInt()).isEqualTo(results.get(i).path("ticketVersion").asInt());
        }
        assertThat(version(id)).isEqualTo(v);
        assertThat(timelineSize(id)).isEqualTo(tl);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rp_check_in WHERE ticket_id = ?", Integer.class, id)).isEqualTo(1);

        // further commands on the completed ticket are refused and kept for the lead
        List<JsonNode> late = app.pushOk(List.of(app.command("FILL_BACK", id, fillBack())));
        assertThat(late.get(0).path("status").asText()).isEqualTo("REJECTED");
        assertThat(late.get(0).path("code").asText()).isEqualTo("TICKET_FINISHED");
        assertThat(late.get(0).path("message").asText()).contains("已处理完成");
        assertThat(app.http().post("/api/mobile/sync/push", Map.of("deviceId", app.deviceId(), "commands", List.of()))
                .data().path("lastSeq").asLong()).isEqualTo(5);
    }

    @Test
    void reorderedBatchesApplyInSeqOrderAndAGapWaits() {
        MobileClient app = fresh("worker01");
        long id = assignedTo("worker01");
        Map<String, Object> c1 = app.command("ACCEPT", id, Map.of());
        Map<String, Object> c2 = app.command("CHECK_IN_SITE", id, gps());
        Map<String, Object> c3 = app.command("FILL_BACK", id, fillBack());
        List<JsonNode> r = app.pushOk(List.of(c3, c1, c2));
        assertThat(r.stream().map(x -> x.path("seq").asLong()).toList()).containsExactly(1L, 2L, 3L);
        assertThat(statuses(r)).containsExactly("APPLIED", "APPLIED", "APPLIED");
        List<String> actions = new ArrayList<>();
        ticket(id).path("timeline").forEach(h -> {
            if ("APP".equals(h.path("origin").asText())) {
                actions.add(h.path("action").asText());
            }
        });
        assertThat(actions).containsExactly("WORKER_ACCEPT", "CHECK_IN", "NOTE");

        // seq 5 before 4: deferred, not recorded; the device's lastSeq stays at 3
        Map<String, Object> c4 = app.command("INCOMPLETE", id, Map.of("reason", "缺少配件，明天再来"));
        Map<String, Object> c5 = app.command("CHECK_IN_DAILY", null, gps());
        ApiClient.Reply gap = app.push(List.of(c5));
        assertThat(gap.status()).isEqualTo(200);
        JsonNode deferred = gap.data().path("results").get(0);
        assertThat(deferred.path("status").asText()).isEqualTo("DEFERRED");
        assertThat(deferred.path("code").asText()).isEqualTo("SEQ_GAP");
        assertThat(gap.data().path("lastSeq").asLong()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rp_sync_op WHERE op_id = ?", Integer.class, c5.get("opId"))).isZero();

        List<JsonNode> filled = app.pushOk(List.of(c5, c4));
        assertThat(statuses(filled)).containsExactly("APPLIED", "APPLIED");
        assertThat(app.push(List.of()).data().path("lastSeq").asLong()).isEqualTo(5);

        // a response lost after the server committed: the retry gets the stored results
        Map<String, Object> c6 = app.command("CHECK_IN_DAILY", null, gps());
        app.push(List.of(c6)); // answer discarded
        int checkIns = jdbc.queryForObject("SELECT COUNT(*) FROM rp_check_in WHERE op_id = ?", Integer.class, c6.get("opId"));
        List<JsonNode> retry = app.pushOk(List.of(c6));
        assertThat(retry.get(0).path("status").asText()).isEqualTo("APPLIED");
        assertThat(retry.get(0).path("replayed").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rp_check_in WHERE op_id = ?", Integer.class, c6.get("opId")))
                .isEqualTo(checkIns).isEqualTo(1);

        // malformed input is a 400 naming the field, and nothing is applied
        Map<String, Object> bad = app.command("CHECK_IN_DAILY", null, gps());
        bad.remove("opId");
        ApiClient.Reply invalid = app.push(List.of(bad));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().path("field").asText()).isEqualTo("commands[0].opId");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(Map.of("opId", UUID.randomUUID().toString(), "seq", 100 + i, "type", "CHECK_IN_DAILY"));
        }
        ApiClient.Reply large = app.push(tooMany);
        assertThat(large.status()).isEqualTo(400);
        assertThat(large.code()).isEqualTo("BATCH_TOO_LARGE");
        ApiClient.Reply wrongDevice = app.http().post("/api/mobile/sync/push", Map.of("deviceId", "other-device", "commands", List.of()));
        assertThat(wrongDevice.status()).isEqualTo(400);
        assertThat(wrongDevice.body().path("field").asText()).isEqualTo("deviceId");

        // validation refusals of a single command are recorded REJECTED with the field's message; the queue moves on
        Map<String, Object> noLat = app.command("CHECK_IN_DAILY", null, Map.of("lng", 123.4));
        noLat.put("seq", bad.get("seq")); // the refused batch applied nothing: its seq is still free
        List<JsonNode> v = app.pushOk(List.of(noLat));
        assertThat(v.get(0).path("status").asText()).isEqualTo("REJECTED");
        assertThat(v.get(0).path("code").asText()).isEqualTo("VALIDATION");
        assertThat(v.get(0).path("message").asText()).isEqualTo("请填写“纬度”");
        assertThat(app.push(List.of()).data().path("lastSeq").asLong()).isEqualTo(7);
    }

    @Test
    void aTicketReassignedWhileOfflineIsRejectedAndTheLeadSeesAndResolvesIt() {
        MobileClient app = fresh("worker01");
        MobileClient other = fresh("worker02");
        long id = assignedTo("worker01");
        JsonNode snapshot = app.pullOk("", null);
        assertThat(snapshot.path("changes").findValuesAsText("ticketId")).contains(String.valueOf(id));
        String cursor = snapshot.path("cursor").asText();

        ApiClient lead = lead01();
        station(lead, id, "REASSIGN", version(id), Map.of("workerId", String.valueOf(userId("worker02")),
                "reason", "孙师傅外出抢修"));

        Map<String, Object> accept = app.command("ACCEPT", id, Map.of());
        List<JsonNode> r = app.pushOk(List.of(accept));
        assertThat(r.get(0).path("status").asText()).isEqualTo("REJECTED");
        assertThat(r.get(0).path("code").asText()).isEqualTo("TICKET_REASSIGNED");
        assertThat(r.get(0).path("message").asText()).contains("已不再分派给您").contains("周师傅");
        assertThat(ticket(id).path("ticket").path("status").asText()).isEqualTo("ASSIGNED");

        // the old worker's feed says it was taken away, the new worker's feed has it
        JsonNode inc = app.pullOk(cursor, null);
        JsonNode removed = null;
        for (JsonNode c : inc.path("changes")) {
            if (c.path("ticketId").asLong() == id) {
                removed = c;
            }
        }
        assertThat(removed).as(inc.toString()).isNotNull();
        assertThat(removed.path("kind").asText()).isEqualTo("TICKET_REMOVED");
        assertThat(removed.path("reason").asText()).isEqualTo("REASSIGNED");
        JsonNode theirs = other.pullOk("", null);
        JsonNode mine = null;
        for (JsonNode c : theirs.path("changes")) {
            if (c.path("ticketId").asLong() == id) {
                mine = c;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("kind").asText()).isEqualTo("TICKET");
        assertThat(mine.path("ticket").path("ticketNo").asText()).isNotBlank();
        assertThat(mine.path("ticket").path("status").asText()).isEqualTo("ASSIGNED");
        assertThat(mine.path("ticket").path("contactPhone").asText()).contains("*");
        assertThat(mine.path("ticket").path("timeline").size()).isBetween(1, 20);

        // the station lead keeps the refused command; another station's lead does not see it
        JsonNode page = lead.get("/api/repair/sync/rejected?workerId=" + userId("worker01") + "&code=TICKET_REASSIGNED&size=100").data();
        JsonNode kept = null;
        for (JsonNode op : page.path("records")) {
            if (op.path("opId").asText().equals(accept.get("opId"))) {
                kept = op;
            }
        }
        assertThat(kept).as(page.toString()).isNotNull();
        assertThat(kept.path("ticketId").asLong()).isEqualTo(id);
        assertThat(kept.path("opType").asText()).isEqualTo("ACCEPT");
        assertThat(kept.path("userName").asText()).isEqualTo("孙师傅");
        JsonNode other02 = client().loggedIn("lead02", DEMO_PASSWORD).get("/api/repair/sync/rejected?size=1000").data();
        assertThat(other02.path("records").findValuesAsText("opId")).doesNotContain((String) accept.get("opId"));

        ApiClient.Reply noNote = lead.post("/api/repair/sync/rejected/" + accept.get("opId") + "/resolve", Map.of());
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.body().path("field").asText()).isEqualTo("note");
        ApiClient.Reply resolved = lead.post("/api/repair/sync/rejected/" + accept.get("opId") + "/resolve",
                Map.of("note", "已电话告知孙师傅，工单由周师傅处理"));
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(resolved.data().path("reviewedByName").asText()).isEqualTo("赵站长");
        assertThat(lead.post("/api/repair/sync/rejected/" + accept.get("opId") + "/resolve", Map.of("note", "再次"))
                .status()).isEqualTo(409);
        JsonNode open = lead.get("/api/repair/sync/rejected?resolved=false&size=1000").data();
        assertThat(open.path("records").findValuesAsText("opId")).doesNotContain((String) accept.get("opId"));
    }

    @Test
    void cancelRequestGoesToTheLeadsApprovalAndLaterCommandsSeeTheCancelledTicket() {
        MobileClient app = fresh("worker01");
        long id = assignedTo("worker01");
        List<JsonNode> r = app.pushOk(List.of(
                app.command("ACCEPT", id, Map.of()),
                app.command("CANCEL_REQUEST", id, Map.of("reason", "用户来电取消报修")),
                app.command("CANCEL_REQUEST", id, Map.of("reason", "重复申请"))));
        assertThat(statuses(r)).containsExactly("APPLIED", "APPLIED", "REJECTED");
        assertThat(r.get(1).path("message").asText()).startsWith("已提交审批");
        assertThat(r.get(2).path("code").asText()).isEqualTo("APPROVAL_PENDING");
        JsonNode pending = ticket(id).path("ticket");
        assertThat(pending.path("pendingApproval").asText()).isEqualTo("CANCEL");

        // the station lead approves from the app, through module-monitor's approval endpoints
        ApiClient lead = fresh("lead01").http();
        JsonNode approvals = lead.get("/api/monitor/approvals/by-biz?bizType=TICKET&bizId=" + id).data();
        JsonNode approval = approvals.isArray() ? approvals.get(0) : approvals.path("records").get(0);
        assertThat(approval.path("applicantName").asText()).isEqualTo("孙师傅");
        long approvalId = approval.path("id").asLong();
        JsonNode full = lead.get("/api/monitor/approvals/" + approvalId).data();
        int av = full.path("rowVersion").asInt(full.path("approval").path("rowVersion").asInt());
        ApiClient.Reply ok = lead.post("/api/monitor/approvals/" + approvalId + "/approve",
                Map.of("comment", "同意", "expectedVersion", av));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ticket(id).path("ticket").path("status").asText()).isEqualTo("CANCELLED");

        List<JsonNode> late = app.pushOk(List.of(app.command("CHECK_IN_SITE", id, gps())));
        assertThat(late.get(0).path("code").asText()).isEqualTo("TICKET_CANCELLED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rp_check_in WHERE ticket_id = ?", Integer.class, id)).isZero();
    }

    @Test
    void aVoidedTicketRefusesCommands() {
        MobileClient app = fresh("worker01");
        long id = assignedTo("worker01");
        ApiClient lead = lead01();
        Map<String, Object> body = new HashMap<>();
        body.put("bizType", "TICKET");
        body.put("bizId", String.valueOf(id));
        body.put("action", "VOID");
        body.put("reason", "重复工单");
        body.put("payload", Map.of("expectedVersion", version(id)));
        ApiClient.Reply submitted = lead.post("/api/monitor/approvals", body);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        long approvalId = submitted.data().path("approval").path("id").asLong();
        ApiClient sub = client().loggedIn("sub01admin", DEMO_PASSWORD);
        JsonNode full = sub.get("/api/monitor/approvals/" + approvalId).data();
        int av = full.path("rowVersion").asInt(full.path("approval").path("rowVersion").asInt());
        ApiClient.Reply ok = sub.post("/api/monitor/approvals/" + approvalId + "/approve", Map.of("comment", "同意", "expectedVersion", av));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ticket(id).path("ticket").path("status").asText()).isEqualTo("VOIDED");

        int tl = timelineSize(id);
        List<JsonNode> r = app.pushOk(List.of(app.command("ACCEPT", id, Map.of())));
        assertThat(r.get(0).path("status").asText()).isEqualTo("REJECTED");
        assertThat(r.get(0).path("code").asText()).isEqualTo("TICKET_VOIDED");
        assertThat(timelineSize(id)).isEqualTo(tl);
    }

    @Test
    void aThousandCommandBatchIsAppliedOnce() {
        MobileClient app = fresh("worker02");
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM rp_check_in WHERE user_id = ?", Long.class, userId("worker02"));
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            batch.add(app.command("CHECK_IN_DAILY", null, gps()));
        }
        List<JsonNode> r = app.pushOk(batch);
        assertThat(r).hasSize(1000);
        assertThat(r).allSatisfy(x -> assertThat(x.path("status").asText()).isEqualTo("APPLIED"));
        assertThat(app.push(List.of()).data().path("lastSeq").asLong()).isEqualTo(1000);
        long after = jdbc.queryForObject("SELECT COUNT(*) FROM rp_check_in WHERE user_id = ?", Long.class, userId("worker02"));
        assertThat(after - before).isEqualTo(1000);
        List<JsonNode> again = app.pushOk(batch);
        assertThat(again).allSatisfy(x -> assertThat(x.path("replayed").asBoolean()).isTrue());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rp_check_in WHERE user_id = ?", Long.class, userId("worker02")))
                .isEqualTo(after);

        // the lead's check-in list and its Excel export
        JsonNode list = lead01().get("/api/repair/check-ins?workerId=" + userId("worker02") + "&checkType=DAILY&size=10").data();
        assertThat(list.path("total").asLong()).isGreaterThanOrEqualTo(1000);
        assertThat(list.path("records").get(0).path("userName").asText()).isEqualTo("周师傅");
        ApiClient.Reply xlsx = lead01().get("/api/repair/check-ins/export?workerId=" + userId("worker02"));
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.raw().length).isGreaterThan(1000);
        assertThat(new String(xlsx.raw(), 0, 2)).isEqualTo("PK");
        assertThat(client().loggedIn("lead02", DEMO_PASSWORD).get("/api/repair/check-ins?workerId=" + userId("worker02"))
                .data().path("total").asLong()).isZero();
    }

    @Test
    void twoThreadsPushingTheSameBatchApplyEachCommandOnce() throws Exception {
        MobileClient app = fresh("worker01");
        long id = assignedTo("worker01");
        app.pushOk(List.of(app.command("ACCEPT", id, Map.of())));
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            batch.add(app.command("INCOMPLETE", id, Map.of("reason", "第 " + i + " 次：等待配件")));
            batch.add(app.command("CHECK_IN_DAILY", null, gps()));
        }
        int tl = timelineSize(id);
        for (int round = 0; round < 2; round++) {
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<ApiClient.Reply>> replies = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    replies.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return app.push(batch);
                    }));
                }
                List<JsonNode> all = new ArrayList<>();
                for (Future<ApiClient.Reply> f : replies) {
                    ApiClient.Reply rep = f.get(120, TimeUnit.SECONDS);
                    assertThat(rep.status()).as(rep.toString()).isEqualTo(200);
                    rep.data().path("results").forEach(all::add);
                }
                assertThat(all).hasSize(60);
                assertThat(all).allSatisfy(x -> assertThat(x.path("status").asText()).isEqualTo("APPLIED"));
                if (round == 0) {
                    // every op id applied by exactly one of the two pushes
                    Set<String> fresh = new HashSet<>();
                    for (JsonNode x : all) {
                        if (!x.path("replayed").asBoolean()) {
                            assertThat(fresh.add(x.path("opId").asText())).as("applied twice: %s", x).isTrue();
                        }
                    }
                    assertThat(fresh).hasSize(30);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(timelineSize(id) - tl).isEqualTo(15);
        for (Map<String, Object> c : batch) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rp_sync_op WHERE op_id = ?", Integer.class, c.get("opId")))
                    .isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rp_check_in WHERE device_id = ? AND check_type = 'DAILY'",
                Integer.class, app.deviceId())).isEqualTo(15);
    }

    @Test
    void pullGivesASnapshotThenIncrementsInPagesWithChangesOfATicketCollapsed() {
        MobileClient app = fresh("worker02");
        long a = assignedTo("worker02");
        long b = assignedTo("worker02");
        JsonNode ref = app.http().get("/api/mobile/sync/reference").data();
        assertThat(ref.path("refVersion").asText()).isNotBlank();
        assertThat(ref.path("dicts").path("ticket_type").findValuesAsText("code")).contains("REPAIR");
        assertThat(ref.path("dicts").path("reject_reason").size()).isGreaterThan(0);
        assertThat(ref.path("dicts").path("incomplete_reason").size()).isGreaterThan(0);
        assertThat(ref.path("fillBackTemplate").path("fields").findValuesAsText("code"))
                .contains("handlingResult", "faultCause", "parts", "durationMinutes");
        assertThat(ref.path("satisfaction")).hasSize(5);

        // snapshot in pages of one: every held ticket once, then the feed position
        List<String> seen = new ArrayList<>();
        String cursor = "";
        JsonNode page;
        int pages = 0;
        do {
            page = app.pullOk(cursor, 1);
            page.path("changes").forEach(c -> {
                assertThat(c.path("kind").asText()).isEqualTo("TICKET");
                seen.add(c.path("ticketId").asText());
            });
            cursor = page.path("cursor").asText();
            assertThat(page.path("refVersion").asText()).isEqualTo(ref.path("refVersion").asText());
        } while (page.path("hasMore").asBoolean() && ++pages < 1000);
        assertThat(seen).contains(String.valueOf(a), String.valueOf(b)).doesNotHaveDuplicates();
        assertThat(app.pullOk(cursor, null).path("changes")).isEmpty();

        // three changes of ticket a (accept, check-in, note) collapse into one entry showing the latest state
        app.pushOk(List.of(app.command("ACCEPT", a, Map.of()), app.command("CHECK_IN_SITE", a, gps()),
                app.command("INCOMPLETE", a, Map.of("reason", "缺少配件"))));
        JsonNode inc = app.pullOk(cursor, null);
        List<JsonNode> forA = new ArrayList<>();
        inc.path("changes").forEach(c -> {
            if (c.path("ticketId").asLong() == a) {
                forA.add(c);
            }
        });
        assertThat(forA).hasSize(1);
        JsonNode t = forA.get(0).path("ticket");
        assertThat(t.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(t.path("accepted").asBoolean()).isTrue();
        assertThat(t.path("checkedIn").asBoolean()).isTrue();
        assertThat(t.path("rowVersion").asInt()).isEqualTo(version(a));
        JsonNode tl = t.path("timeline");
        assertThat(tl.get(tl.size() - 1).path("note").asText()).contains("缺少配件");
        assertThat(inc.path("hasMore").asBoolean()).isFalse();

        // limit 1 over the same increments: pages advance the cursor and never skip an entry
        String c2 = cursor;
        int steps = 0;
        List<Long> seqs = new ArrayList<>();
        JsonNode p;
        do {
            p = app.pullOk(c2, 1);
            p.path("changes").forEach(c -> seqs.add(c.path("seq").asLong()));
            c2 = p.path("cursor").asText();
        } while (p.path("hasMore").asBoolean() && ++steps < 100);
        assertThat(seqs).hasSize(3).isSorted();
        assertThat(c2).isEqualTo(inc.path("cursor").asText());

        assertThat(app.pull("garbage", null).status()).isEqualTo(400);
        assertThat(app.pull("", 0).body().path("field").asText()).isEqualTo("limit");
    }
}
