package cn.heatdesk.app.servicedesk;

import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import cn.heatdesk.servicedesk.api.TicketAction;
import cn.heatdesk.servicedesk.api.TicketApi;
import cn.heatdesk.servicedesk.api.TicketCommand;
import cn.heatdesk.servicedesk.api.TicketOrigin;
import cn.heatdesk.servicedesk.ticket.TicketTimerJobs;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The service desk's side of the work-order loop over real HTTP; station steps go through TicketApi as the system. */
class TicketFlowIT extends AbstractApiIT {

    @Autowired
    TicketApi tickets;

    @Autowired
    TicketTimerJobs timers;

    /** a demo household served by ST01 (where worker01 works) */
    long st01Household(ApiClient agent) {
        long st01 = orgId("ST01");
        for (Long id : jdbc.queryForList("SELECT id FROM bi_household ORDER BY id", Long.class)) {
            JsonNode s = agent.get("/api/servicedesk/tickets/station-suggestion?householdId=" + id).data();
            if (String.valueOf(st01).equals(s.path("stationOrgId").asText())) {
                return id;
            }
        }
        throw new IllegalStateException("no household covered by ST01");
    }

    Map<String, Object> repair(long householdId, boolean dispatchNow) {
        Map<String, Object> body = new HashMap<>();
        body.put("ticketType", "REPAIR");
        body.put("source", "PHONE");
        body.put("urgency", "NORMAL");
        body.put("householdId", String.valueOf(householdId));
        body.put("callerPhone", "13800138000");
        body.put("content", "暖气片不热，室温只有 14 度");
        body.put("dispatchNow", dispatchNow);
        return body;
    }

    static Map<String, Object> act(String action, int version) {
        Map<String, Object> m = new HashMap<>();
        m.put("action", action);
        m.put("expectedVersion", version);
        return m;
    }

    @Test
    void fullLoopWithUnsatisfiedVisitAndSecondDispatch() {
        ApiClient agent = client().loggedIn("agent01", DEMO_PASSWORD);
        long hh = st01Household(agent);
        ApiClient.Reply created = agent.post("/api/servicedesk/tickets", repair(hh, true));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode t = created.data().path("ticket");
        long id = t.path("id").asLong();
        assertThat(t.path("status").asText()).isEqualTo("DISPATCHED");
        assertThat(t.path("ticketNo").asText()).matches("SUB0\\d-\\d{8}-\\d{5}");
        assertThat(t.path("stationOrgId").asLong()).isEqualTo(orgId("ST01"));
        assertThat(t.path("callerPhone").asText()).isEqualTo("138****8000");
        assertThat(t.path("deadline").asText()).isNotBlank();

        long worker01 = jdbc.queryForObject("SELECT id FROM sys_user WHERE username = 'worker01'", Long.class);
        tickets.perform(id, TicketCommand.of(TicketAction.CONFIRM, null, null), TicketOrigin.WEB);
        tickets.perform(id, new TicketCommand(TicketAction.ASSIGN, null, null, null, null, worker01, null, null, null, null, null, null), TicketOrigin.WEB);
        tickets.perform(id, new TicketCommand(TicketAction.COMPLETE, null, null, null, null, null, null, null, null, null, null,
                Map.of("handlingResult", "更换散热器阀门", "durationMinutes", 40)), TicketOrigin.WEB);

        JsonNode d = agent.get("/api/servicedesk/tickets/" + id).data();
        assertThat(d.path("ticket").path("status").asText()).isEqualTo("COMPLETED");
        assertThat(d.path("handlingResult").asText()).contains("更换散热器阀门").contains("40 分钟");
        int v = d.path("ticket").path("rowVersion").asInt();

        Map<String, Object> visit = act("VISIT", v);
        visit.put("visitResult", "UNSATISFIED");
        visit.put("satisfaction", 2);
        visit.put("fields", Map.of("templateCode", "REPAIR_STD", "answers", Map.of("resolved", "NO")));
        JsonNode after = agent.post("/api/servicedesk/tickets/" + id + "/actions", visit).data();
        assertThat(after.path("ticket").path("status").asText()).isEqualTo("COMPLETED");
        assertThat(after.path("ticket").path("visitResult").asText()).isEqualTo("UNSATISFIED");
        assertThat(after.path("allowedActions").toString()).contains("SECOND_DISPATCH");

        JsonNode again = agent.post("/api/servicedesk/tickets/" + id + "/actions",
                act("SECOND_DISPATCH", after.path("ticket").path("rowVersion").asInt())).data();
        assertThat(again.path("ticket").path("status").asText()).isEqualTo("DISPATCHED");
        assertThat(again.path("ticket").path("reworkCount").asInt()).isEqualTo(1);

        tickets.perform(id, new TicketCommand(TicketAction.CLOSE_DIRECT, null, "上门复查已恢复供热", null, null, null, null, null,
                null, null, null, null), TicketOrigin.WEB);
        int v2 = agent.get("/api/servicedesk/tickets/" + id).data().path("ticket").path("rowVersion").asInt();
        Map<String, Object> ok = act("VISIT", v2);
        ok.put("visitResult", "SATISFIED");
        ok.put("satisfaction", 5);
        ok.put("fields", Map.of("paymentNote", "提醒缴纳本季度热费"));
        JsonNode closed = agent.post("/api/servicedesk/tickets/" + id + "/actions", ok).data();
        assertThat(closed.path("ticket").path("status").asText()).isEqualTo("CLOSED");

        List<String> actions = new ArrayList<>();
        closed.path("timeline").forEach(h -> actions.add(h.path("action").asText()));
        assertThat(actions).containsExactly("CREATE", "DISPATCH", "CONFIRM", "ASSIGN", "COMPLETE", "VISIT",
                "SECOND_DISPATCH", "CLOSE_DIRECT", "VISIT");
        assertThat(closed.path("timeline").get(0).path("operatorName").asText()).isEqualTo("李坐席");
        assertThat(closed.path("visits")).hasSize(2);
        assertThat(closed.path("timeline").get(8).path("detail").asText()).contains("顺势催缴");

        // the household panel now lists the ticket
        JsonNode panel = agent.get("/api/baseinfo/panel/households/" + hh).data();
        assertThat(panel.path("ticketsAvailable").asBoolean()).isTrue();
        assertThat(panel.toString()).contains(closed.path("ticket").path("ticketNo").asText());
    }

    @Test
    void attachmentsAndPrintableSheet() throws Exception {
        ApiClient agent = client().loggedIn("agent01", DEMO_PASSWORD);
        byte[] png = java.util.HexFormat.of().parseHex("89504E470D0A1A0A0000000D49484452000000010000000108060000001F15C489"
                + "0000000D4944415478DA63F8FFFF3F0005FE02FEA7D6A4E50000000049454E44AE426082");
        String boundary = "----hdtest";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"现场照片.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(png);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.net.http.HttpResponse<String> up = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/files"))
                        .header("Authorization", "Bearer " + agent.token())
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        String fileId = ApiClient.json().readTree(up.body()).path("data").path("id").asText();

        Map<String, Object> req = repair(st01Household(agent), false);
        req.put("attachmentIds", List.of(fileId));
        req.put("formFields", Map.of("室温", "14℃"));
        JsonNode v = agent.post("/api/servicedesk/tickets", req).data();
        assertThat(v.path("attachments")).hasSize(1);
        assertThat(v.path("attachments").get(0).path("fileName").asText()).isEqualTo("现场照片.png");
        assertThat(v.path("attachments").get(0).path("sm3").asText()).hasSize(64);
        long id = v.path("ticket").path("id").asLong();
        String no = v.path("ticket").path("ticketNo").asText();

        Map<String, Object> bad = repair(st01Household(agent), false);
        bad.put("attachmentIds", List.of("123"));
        ApiClient.Reply r = agent.post("/api/servicedesk/tickets", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("field").asText()).isEqualTo("attachmentIds");

        ApiClient.Reply html = agent.get("/api/servicedesk/tickets/" + id + "/print");
        String page = new String(html.raw(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html.status()).isEqualTo(200);
        assertThat(page).contains(no).contains("暖气片不热").contains("处理过程").contains("受理");
        ApiClient.Reply pdf = agent.get("/api/servicedesk/tickets/" + id + "/print.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(new String(pdf.raw(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.raw())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains(no).contains("供热客服工单").contains("暖气片不热");
        }
    }

    @Test
    void staleVersionIllegalTransitionAndMissingReasonAreClearErrors() {
        ApiClient agent = client().loggedIn("agent01", DEMO_PASSWORD);
        JsonNode t = agent.post("/api/servicedesk/tickets", repair(st01Household(agent), false)).data().path("ticket");
        long id = t.path("id").asLong();
        assertThat(t.path("status").asText()).isEqualTo("PENDING_DISPATCH");
        int v = t.path("rowVersion").asInt();

        Map<String, Object> urge = act("URGE", v);
        urge.put("note", "客户再次来电");
        assertThat(agent.post("/api/servicedesk/tickets/" + id + "/actions", urge).status()).isEqualTo(200);
        ApiClient.Reply stale = agent.post("/api/servicedesk/tickets/" + id + "/actions", urge);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("CONFLICT");

        ApiClient.Reply illegal = agent.post("/api/servicedesk/tickets/" + id + "/actions", act("SECOND_DISPATCH", v + 1));
        assertThat(illegal.status()).isEqualTo(409);
        assertThat(illegal.code()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(illegal.body().path("msg").asText()).contains("待派单").contains("二次派单");

        ApiClient.Reply noReason = agent.post("/api/servicedesk/tickets/" + id + "/actions", act("TRANSFER", v + 1));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("field").asText()).isIn("reason", "targetSubsidiaryId");

        ApiClient.Reply station = agent.post("/api/servicedesk/tickets/" + id + "/actions", act("ASSIGN", v + 1));
        assertThat(station.status()).isEqualTo(400);
        assertThat(station.body().path("field").asText()).isEqualTo("action");

        long before = jdbc.queryForObject("SELECT COUNT(*) FROM sd_ticket", Long.class);
        Map<String, Object> bad = repair(st01Household(agent), true);
        bad.put("content", " ");
        ApiClient.Reply r = agent.post("/api/servicedesk/tickets", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("field").asText()).isEqualTo("content");
        assertThat(r.body().toString()).doesNotContain("Exception");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sd_ticket", Long.class)).isEqualTo(before);

        long hh = st01Household(agent);
        assertThat(client().loggedIn("worker01", DEMO_PASSWORD).post("/api/servicedesk/tickets", repair(hh, false)).status())
                .isEqualTo(403);
    }

    @Test
    void overdueTicketEscalatesByItselfOncePerStep() {
        ApiClient agent = client().loggedIn("agent01", DEMO_PASSWORD);
        long id = agent.post("/api/servicedesk/tickets", repair(st01Household(agent), true)).data().path("ticket").path("id").asLong();
        jdbc.update("UPDATE sd_ticket SET deadline = ?, warn_at = ?, next_escalate_at = ? WHERE id = ?",
                LocalDateTime.now().minusMinutes(5), LocalDateTime.now().minusMinutes(60), LocalDateTime.now().minusMinutes(5), id);
        timers.runOnce();
        timers.runOnce();
        JsonNode d = agent.get("/api/servicedesk/tickets/" + id).data();
        assertThat(d.path("ticket").path("escalationLevel").asInt()).isEqualTo(1);
        assertThat(d.path("ticket").path("timing").asText()).isEqualTo("OVERDUE");
        assertThat(d.path("ticket").path("priority").asInt()).isGreaterThan(0);
        long escalations = 0;
        for (JsonNode h : d.path("timeline")) {
            if (h.path("action").asText().equals("ESCALATE")) {
                escalations++;
                assertThat(h.path("operatorName").asText()).isEqualTo("系统");
                assertThat(h.path("origin").asText()).isEqualTo("SYSTEM");
            }
        }
        assertThat(escalations).isEqualTo(1);
        JsonNode overdue = agent.get("/api/servicedesk/tickets?timing=OVERDUE&size=100").data();
        assertThat(overdue.toString()).contains(d.path("ticket").path("ticketNo").asText());
    }

    @Test
    void ticketNumbersStayUniqueUnderConcurrentCreation() throws Exception {
        ApiClient agent = client().loggedIn("agent01", DEMO_PASSWORD);
        long hh = st01Household(agent);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        // one session shared by the threads
        ApiClient c = agent;
        try {
            List<Future<String>> fs = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                fs.add(pool.submit(() -> {
                    ApiClient.Reply r = c.post("/api/servicedesk/tickets", repair(hh, false));
                    assertThat(r.status()).as(r.toString()).isEqualTo(200);
                    return r.data().path("ticket").path("ticketNo").asText();
                }));
            }
            Set<String> nos = new HashSet<>();
            for (Future<String> f : fs) {
                nos.add(f.get());
            }
            assertThat(nos).hasSize(24);
        } finally {
            pool.shutdownNow();
        }
    }
}
