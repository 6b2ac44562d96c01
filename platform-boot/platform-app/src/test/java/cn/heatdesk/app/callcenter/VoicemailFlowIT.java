package cn.heatdesk.app.callcenter;

import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import cn.heatdesk.callcenter.agi.FastAgiServer;
import cn.heatdesk.callcenter.ami.GatewayConnectionManager;
import cn.heatdesk.callcenter.ami.GatewayEvent;
import cn.heatdesk.callcenter.call.LocalRecordingStore;
import cn.heatdesk.callcenter.sim.AsteriskSimulator;
import cn.heatdesk.callcenter.sim.CallHandle;
import cn.heatdesk.callcenter.sim.SimConfig;
import cn.heatdesk.callcenter.voicemail.VoicemailRecorder;
import cn.heatdesk.callcenter.voicemail.VoicemailTicketJob;
import cn.heatdesk.callcenter.voicemail.VoicemailTicketing;
import com.fasterxml.jackson.databind.JsonNode;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 语音留言 end to end over real TCP (docs/voicemail.md): a simulated gateway runs the dialplan HeatDesk renders for a
 * hotline whose menu has a message key; the caller presses it, talks, hangs up. The message arrives over AMI, its
 * audio lands in the mirrored recording directory, and the voicemail job turns it into a work order in the service
 * desk's 待安排 pool — source 语音留言, the caller's household, the audio attached and downloadable — exactly once.
 */
class VoicemailFlowIT extends AbstractApiIT {

    static final String DID = "4930765432";

    @Autowired
    FastAgiServer agi;
    @Autowired
    GatewayConnectionManager ami;
    @Autowired
    LocalRecordingStore recordingStore;
    @Autowired
    VoicemailRecorder recorder;
    @Autowired
    VoicemailTicketJob job;
    @Autowired
    VoicemailTicketing ticketing;

    AsteriskSimulator sim;
    ApiClient admin;
    long gw;
    long menuId;

    @BeforeEach
    void gatewayWithMessageKey() throws Exception {
        admin = admin();
        String code = GatewayApiIT.code();
        sim = new AsteriskSimulator(new SimConfig().port(0).systemName(code.toLowerCase())
                .agi("127.0.0.1", agi.port()).ivrMenu(code).queues(List.of(SimConfig.QueueConfig.repair()))
                .recordingDir(recordingStore.root())
                .streamFileDuration(Duration.ofMillis(100)).promptDuration(Duration.ofMillis(300)));
        int amiPort = sim.start();
        Map<String, Object> g = GatewayApiIT.gateway(code, orgId("ST01"), sim.config().secret());
        g.put("amiPort", amiPort);
        g.put("amiUsername", sim.config().username());
        ApiClient.Reply r = admin.post("/api/callcenter/gateways", g);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        gw = r.data().path("id").asLong();
        Map<String, Object> q = new HashMap<>();
        q.put("gatewayId", String.valueOf(gw));
        q.put("queueName", "repair");
        q.put("displayName", "报修队列");
        q.put("skillCode", "REPAIR");
        ApiClient.Reply qr = admin.post("/api/callcenter/queues", q);
        assertThat(qr.status()).as(qr.toString()).isEqualTo(200);
        Map<String, Object> m = new HashMap<>();
        m.put("gatewayId", String.valueOf(gw));
        m.put("hotline", DID);
        m.put("menuName", "留言测试热线");
        m.put("rootNode", "main");
        m.put("holidays", List.of());
        m.put("nodes", List.of(IvrFlowIT.node("main", "主菜单", "custom/welcome", "HANGUP",
                List.of(IvrFlowIT.key("1", "QUEUE", "repair"), IvrFlowIT.key("7", "VOICEMAIL", null)))));
        ApiClient.Reply mr = admin.post("/api/callcenter/ivr-menus", m);
        assertThat(mr.status()).as(mr.toString()).isEqualTo(200);
        menuId = mr.data().path("id").asLong();
        await(() -> ami.connected(gw), "the test gateway's AMI link", 30);
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
        if (menuId != 0) {
            admin.delete("/api/callcenter/ivr-menus/" + menuId);
        }
    }

    static void await(Supplier<Boolean> condition, String what, int seconds) throws InterruptedException {
        long until = System.currentTimeMillis() + seconds * 1000L;
        while (!Boolean.TRUE.equals(condition.get())) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    /** a fresh mobile number bound to a demo customer; returns the customer's households */
    List<Long> bindCaller(String caller) {
        Map<String, Object> row = jdbc.queryForList(
                "SELECT id, customer_id FROM bi_household WHERE customer_id IS NOT NULL ORDER BY id").get(0);
        long customer = ((Number) row.get(row.containsKey("customer_id") ? "customer_id" : "CUSTOMER_ID")).longValue();
        ApiClient.Reply bound = admin.post("/api/baseinfo/customers/" + customer + "/phones",
                Map.of("phone", caller, "remark", "留言测试"));
        assertThat(bound.status()).as(bound.toString()).isEqualTo(200);
        return jdbc.queryForList("SELECT id FROM bi_household WHERE customer_id = ?", Long.class, customer);
    }

    JsonNode voicemailOf(String linkedid) {
        JsonNode page = admin.get("/api/callcenter/voicemails?size=50&gatewayId=" + gw).data().path("records");
        for (JsonNode v : page) {
            if (linkedid.equals(v.path("linkedid").asText())) {
                return v;
            }
        }
        return null;
    }

    @Test
    void aMessageBecomesOneTicketInThePoolWithTheHouseholdAndTheAudio() throws Exception {
        String caller = "137" + (10_000_000 + (int) (System.nanoTime() % 9_000_000));
        List<Long> households = bindCaller(caller);

        sim.config().ivrKeys("7");
        CallHandle c = sim.incomingCall(caller, "留言来电", DID);
        assertThat(c.awaitActivity("Record", Duration.ofSeconds(15))).as("recording the message").isTrue();
        assertThat(c.variable("IVR_ACTION")).isEqualTo("VOICEMAIL");
        Thread.sleep(1500); // the caller talks
        c.hangup();
        assertThat(c.awaitHungUp(Duration.ofSeconds(10))).isTrue();
        String linkedid = c.linkedid();

        JsonNode[] vm = new JsonNode[1];
        await(() -> {
            vm[0] = voicemailOf(linkedid);
            return vm[0] != null && "TICKETED".equals(vm[0].path("status").asText());
        }, "the message's work order", 60);
        JsonNode v = vm[0];
        assertThat(v.path("statusLabel").asText()).isEqualTo("已生成工单");
        assertThat(v.path("caller").asText()).as("admin sees numbers").isEqualTo(caller);
        assertThat(v.path("durationMs").asLong()).isBetween(1000L, 15_000L);
        assertThat(LocalDate.parse(v.path("retainUntil").asText()))
                .isAfterOrEqualTo(LocalDate.now().plusYears(1).minusDays(1));
        long ticketId = v.path("ticketId").asLong();
        String ticketNo = v.path("ticketNo").asText();

        // the ticket: in the 待安排 pool, source 语音留言, the caller's household, the call, the audio attached
        JsonNode t = admin.get("/api/servicedesk/tickets/" + ticketId).data();
        assertThat(t.path("ticket").path("ticketNo").asText()).isEqualTo(ticketNo);
        assertThat(t.path("ticket").path("source").asText()).isEqualTo("VOICEMAIL");
        assertThat(t.path("ticket").path("ticketType").asText()).isEqualTo("REPAIR");
        assertThat(t.path("ticket").path("status").asText()).isEqualTo("PENDING_DISPATCH");
        assertThat(households).contains(t.path("householdId").asLong());
        assertThat(t.path("callId").asText()).isEqualTo(v.path("callId").asText()).isNotBlank();
        // the call record lists the ticket (linked by the call id once the ticket committed)
        await(() -> admin.get("/api/callcenter/calls/" + v.path("callId").asText()).data().path("tickets")
                .findValuesAsText("ticketNo").contains(ticketNo), "the call record's link to the ticket", 10);
        JsonNode pool = admin.get("/api/servicedesk/tickets?pool=UNARRANGED&source=VOICEMAIL&size=100").data()
                .path("records");
        assertThat(pool.findValuesAsText("ticketNo")).contains(ticketNo);
        JsonNode attachments = t.path("attachments");
        assertThat(attachments).hasSize(1);
        assertThat(attachments.get(0).path("contentType").asText()).isEqualTo("audio/wav");
        ApiClient.Reply audio = admin.get("/api/files/" + attachments.get(0).path("fileId").asText());
        assertThat(audio.status()).isEqualTo(200);
        assertThat(new String(audio.raw(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat((long) audio.raw().length).isEqualTo(attachments.get(0).path("size").asLong());

        // the console's player: same audio, audited
        long vmId = v.path("id").asLong();
        String target = "GET /api/callcenter/voicemails/" + vmId + "/audio";
        int audits = jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE audit_action = ? AND target = ?",
                Integer.class, "播放留言录音", target);
        ApiClient.Reply played = admin.get("/api/callcenter/voicemails/" + vmId + "/audio");
        assertThat(played.status()).isEqualTo(200);
        assertThat(played.raw()).isEqualTo(audio.raw());
        assertThat(awaitCount(audits + 1, "SELECT COUNT(*) FROM audit_log WHERE audit_action = ? AND target = ?",
                "播放留言录音", target)).isEqualTo(audits + 1);
        JsonNode detail = admin.get("/api/callcenter/voicemails/" + vmId).data();
        assertThat(detail.path("audioAvailable").asBoolean()).isTrue();
        assertThat(detail.path("log").findValuesAsText("action")).contains("TICKETED");

        // delivered again (a replayed Record result, a restart's second pass, a direct attempt): still one ticket
        String file = "/var/spool/asterisk/monitor/message-" + c.uniqueid();
        recorder.onEvent(new GatewayEvent(gw, varSet(c, caller, "RECORDED_FILE", file), Instant.now()));
        recorder.onEvent(new GatewayEvent(gw, varSet(c, caller, "RECORD_STATUS", "HANGUP"), Instant.now()));
        HangupEvent h = new HangupEvent("it");
        h.setUniqueId(c.uniqueid());
        h.setLinkedId(linkedid);
        recorder.onEvent(new GatewayEvent(gw, h, Instant.now()));
        job.runOnce();
        assertThat(ticketing.attempt(vmId)).isEqualTo(VoicemailTicketing.Outcome.SKIPPED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cc_voicemail WHERE gateway_id = ? AND linkedid = ?",
                Integer.class, gw, linkedid)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sd_ticket WHERE source = 'VOICEMAIL' AND call_id = ?",
                Integer.class, v.path("callId").asText())).isEqualTo(1);
        ApiClient.Reply again = admin.post("/api/callcenter/voicemails/" + vmId + "/retry", Map.of());
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.body().path("msg").asText()).contains("已生成工单");

        // the number filter finds it, masked for an agent
        JsonNode byNumber = admin.get("/api/callcenter/voicemails?number=" + caller).data();
        assertThat(byNumber.path("records").findValuesAsText("linkedid")).containsExactly(linkedid);
        ApiClient agent = client().loggedIn("agent01", DEMO_PASSWORD);
        JsonNode seen = agent.get("/api/callcenter/voicemails?number=" + caller).data().path("records").get(0);
        assertThat(seen.path("callerMasked").asBoolean()).isTrue();
        assertThat(seen.path("caller").asText()).doesNotContain(caller.substring(3, 7));
    }

    static VarSetEvent varSet(CallHandle c, String caller, String name, String value) {
        VarSetEvent v = new VarSetEvent("it");
        v.setChannel(c.channel());
        v.setUniqueId(c.uniqueid());
        v.setLinkedId(c.linkedid());
        v.setCallerIdNum(caller);
        v.setVariable(name);
        v.setValue(value);
        return v;
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        ApiClient.Reply status = admin.get("/api/callcenter/voicemails?status=DONE");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.body().path("field").asText()).isEqualTo("status");
        assertThat(status.body().path("msg").asText()).contains("留言状态");
        ApiClient.Reply range = admin.get("/api/callcenter/voicemails?from=2026-05-02T00:00:00&to=2026-05-01T00:00:00");
        assertThat(range.status()).isEqualTo(400);
        assertThat(range.body().path("field").asText()).isEqualTo("to");
        assertThat(range.body().path("msg").asText()).contains("结束时间");
        ApiClient.Reply sort = admin.get("/api/callcenter/voicemails?sort=caller_enc");
        assertThat(sort.status()).isEqualTo(400);
        assertThat(sort.body().path("msg").asText()).contains("排序");
        ApiClient.Reply missing = admin.get("/api/callcenter/voicemails/12345");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().path("msg").asText()).contains("留言");
        ApiClient.Reply missingRetry = admin.post("/api/callcenter/voicemails/12345/retry", Map.of());
        assertThat(missingRetry.status()).isEqualTo(404);
        ApiClient.Reply missingAudio = admin.get("/api/callcenter/voicemails/12345/audio");
        assertThat(missingAudio.status()).isEqualTo(404);
        // permissions: an agent may list and play but not retry; a worker may not even list
        ApiClient agent = client().loggedIn("agent01", DEMO_PASSWORD);
        assertThat(agent.get("/api/callcenter/voicemails").status()).isEqualTo(200);
        assertThat(agent.post("/api/callcenter/voicemails/12345/retry", Map.of()).status()).isEqualTo(403);
    }
}
