package cn.heatdesk.app.callcenter;

import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import cn.heatdesk.callcenter.ami.GatewayEvent;
import cn.heatdesk.callcenter.call.CallTracker;
import cn.heatdesk.callcenter.call.LocalRecordingStore;
import com.alibaba.excel.EasyExcel;
import com.fasterxml.jackson.databind.JsonNode;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.HangupRequestEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Call records over real HTTP: calls built by the running tracker from AMI events (field values as a real Asterisk
 * 22 sends them), searched by number / queue / result, detail with legs, Excel export, linking work orders (by
 * hand and from a ticket created with the call's id), recording playback with Range, the access record and the
 * audit entry, and refusals for users without the permission.
 */
class CallRecordsApiIT extends AbstractApiIT {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String CALLER = "+4915112345678";

    @Autowired
    CallTracker tracker;
    @Autowired
    LocalRecordingStore recordingStore;

    long gw;
    String answered;
    String abandoned;
    String wavName;
    byte[] wav;

    @BeforeEach
    void twoCallsOnANewGateway() throws Exception {
        ApiClient admin = admin();
        String code = GatewayApiIT.code();
        ApiClient.Reply g = admin.post("/api/callcenter/gateways", GatewayApiIT.gateway(code, orgId("ST01"), "s3cret-AMI"));
        assertThat(g.status()).as(g.toString()).isEqualTo(200);
        gw = g.data().path("id").asLong();

        int n = SEQ.incrementAndGet();
        answered = "it-" + gw + "-" + n + ".1";
        abandoned = "it-" + gw + "-" + n + ".9";
        wavName = "20261121-112015-" + answered + ".wav";

        // the file MixMonitor writes, in the gateway's monitor directory as mirrored on the HeatDesk host
        wav = new byte[4096];
        for (int i = 0; i < wav.length; i++) {
            wav[i] = (byte) (i * 7);
        }
        Path dir = recordingStore.root().resolve(String.valueOf(gw));
        Files.createDirectories(dir);
        Files.write(dir.resolve(wavName), wav);

        Instant t = Instant.now().minusSeconds(120);
        answeredCall(t);
        abandonedCall(t.plusSeconds(30));
    }

    // ------------------------------------------------------------------------------------------------ events

    /** one event to the tracker; returns once what it changed is written (the tracker writes behind) */
    private void feed(ManagerEvent e, Instant at) {
        tracker.onEvent(new GatewayEvent(gw, e, at));
        try {
            assertThat(tracker.awaitIdle(java.time.Duration.ofSeconds(10))).as("call writes done").isTrue();
        } catch (InterruptedException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private void answeredCall(Instant t) {
        String caller = "PJSIP/9000-000000a1";
        String agent = "PJSIP/8001-000000a2";
        String agentUid = answered + "b";
        NewChannelEvent nc = new NewChannelEvent(this);
        nc.setChannel(caller);
        nc.setUniqueId(answered);
        nc.setLinkedid(answered);
        nc.setCallerIdNum(CALLER);
        nc.setExten("4930123456");
        nc.setChannelState(4);
        feed(nc, t);
        VarSetEvent mix = new VarSetEvent(this);
        mix.setChannel(caller);
        mix.setUniqueId(answered);
        mix.setLinkedId(answered);
        mix.setVariable("MIXMONITOR_FILENAME");
        mix.setValue("/var/spool/asterisk/monitor/" + wavName);
        feed(mix, t.plusMillis(2500));
        QueueCallerJoinEvent join = new QueueCallerJoinEvent(this);
        join.setChannel(caller);
        join.setUniqueId(answered);
        join.setLinkedId(answered);
        join.setCallerIdNum(CALLER);
        join.setQueue("repair");
        join.setPosition(1);
        join.setCount(1);
        feed(join, t.plusMillis(2501));
        NewChannelEvent nc2 = new NewChannelEvent(this);
        nc2.setChannel(agent);
        nc2.setUniqueId(agentUid);
        nc2.setLinkedid(answered);
        nc2.setCallerIdNum("8001");
        nc2.setChannelState(0);
        feed(nc2, t.plusMillis(2502));
        AgentCalledEvent called = new AgentCalledEvent(this);
        called.setChannel(caller);
        called.setUniqueId(answered);
        called.setLinkedId(answered);
        called.setCallerIdNum(CALLER);
        called.setDestChannel(agent);
        called.setDestUniqueId(agentUid);
        called.setQueue("repair");
        called.setInterface("PJSIP/8001");
        called.setMemberName("Anna Agent");
        feed(called, t.plusMillis(2503));
        QueueCallerLeaveEvent leave = new QueueCallerLeaveEvent(this);
        leave.setChannel(caller);
        leave.setUniqueId(answered);
        leave.setLinkedId(answered);
        leave.setQueue("repair");
        feed(leave, t.plusMillis(5500));
        AgentConnectEvent connect = new AgentConnectEvent(this);
        connect.setChannel(caller);
        connect.setUniqueId(answered);
        connect.setLinkedId(answered);
        connect.setDestChannel(agent);
        connect.setDestUniqueId(agentUid);
        connect.setQueue("repair");
        connect.setInterface("PJSIP/8001");
        connect.setMemberName("Anna Agent");
        connect.setHoldTime(3L);
        connect.setRingtime(3L);
        feed(connect, t.plusMillis(5503));
        feed(bridge(new BridgeEnterEvent(this), agent, agentUid), t.plusMillis(5504));
        feed(bridge(new BridgeEnterEvent(this), caller, answered), t.plusMillis(5504));
        HangupRequestEvent req = new HangupRequestEvent(this);
        req.setChannel(caller);
        req.setUniqueId(answered);
        req.setLinkedId(answered);
        feed(req, t.plusMillis(65_504));
        feed(bridge(new BridgeLeaveEvent(this), caller, answered), t.plusMillis(65_505));
        feed(bridge(new BridgeLeaveEvent(this), agent, agentUid), t.plusMillis(65_506));
        feed(hangup(caller, answered, answered, 16), t.plusMillis(65_507));
        feed(hangup(agent, agentUid, answered, 16), t.plusMillis(65_508));
    }

    private ManagerEvent bridge(ManagerEvent e, String channel, String uniqueid) {
        if (e instanceof BridgeEnterEvent b) {
            b.setBridgeUniqueId("bridge-" + answered);
            b.setChannel(channel);
            b.setUniqueId(uniqueid);
            b.setLinkedId(answered);
        } else if (e instanceof BridgeLeaveEvent b) {
            b.setBridgeUniqueId("bridge-" + answered);
            b.setChannel(channel);
            b.setUniqueId(uniqueid);
            b.setLinkedId(answered);
        }
        return e;
    }

    private HangupEvent hangup(String channel, String uniqueid, String linkedid, int cause) {
        HangupEvent h = new HangupEvent(this);
        h.setChannel(channel);
        h.setUniqueId(uniqueid);
        h.setLinkedId(linkedid);
        h.setCause(cause);
        h.setCauseTxt(cause == 16 ? "Normal Clearing" : "Unknown");
        return h;
    }

    private void abandonedCall(Instant t) {
        String caller = "PJSIP/9000-000000b1";
        NewChannelEvent nc = new NewChannelEvent(this);
        nc.setChannel(caller);
        nc.setUniqueId(abandoned);
        nc.setLinkedid(abandoned);
        nc.setCallerIdNum("+4930555111");
        nc.setExten("4930123456");
        feed(nc, t);
        QueueCallerJoinEvent join = new QueueCallerJoinEvent(this);
        join.setChannel(caller);
        join.setUniqueId(abandoned);
        join.setLinkedId(abandoned);
        join.setQueue("repair");
        feed(join, t.plusMillis(2500));
        HangupRequestEvent req = new HangupRequestEvent(this);
        req.setChannel(caller);
        req.setUniqueId(abandoned);
        req.setLinkedId(abandoned);
        feed(req, t.plusMillis(11_500));
        QueueCallerAbandonEvent ab = new QueueCallerAbandonEvent(this);
        ab.setChannel(caller);
        ab.setUniqueId(abandoned);
        ab.setLinkedId(abandoned);
        ab.setQueue("repair");
        ab.setHoldTime(9);
        feed(ab, t.plusMillis(11_500));
        feed(hangup(caller, abandoned, abandoned, 0), t.plusMillis(11_501));
    }

    // ------------------------------------------------------------------------------------------------- tests

    private JsonNode search(ApiClient c, String query) {
        ApiClient.Reply r = c.get("/api/callcenter/calls?gatewayId=" + gw + (query.isEmpty() ? "" : "&" + query));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data();
    }

    private String callId(String linkedid) {
        return jdbc.queryForObject("SELECT id FROM cc_call WHERE gateway_id = ? AND linkedid = ?", Long.class, gw,
                linkedid).toString();
    }

    @Test
    void searchByNumberQueueResultAndDirection() {
        ApiClient admin = admin();
        JsonNode all = search(admin, "sort=startedAt&order=asc");
        assertThat(all.path("total").asLong()).isEqualTo(2);
        JsonNode first = all.path("records").get(0);
        assertThat(first.path("linkedid").asText()).isEqualTo(answered);
        assertThat(first.path("result").asText()).isEqualTo("ANSWERED");
        assertThat(first.path("resultLabel").asText()).isEqualTo("已接通");
        assertThat(first.path("hangupBy").asText()).isEqualTo("CALLER");
        assertThat(first.path("queueName").asText()).isEqualTo("repair");
        assertThat(first.path("waitMs").asLong()).isEqualTo(2999L);
        assertThat(first.path("ringMs").asLong()).isEqualTo(3000L);
        assertThat(first.path("talkMs").asLong()).isEqualTo(60_001L);
        // admin holds every permission, callcenter:number:view included
        assertThat(first.path("callerNumber").asText()).isEqualTo(CALLER);
        assertThat(first.path("numbersMasked").asBoolean()).isFalse();

        // the same number written differently finds the call through the blind index
        String spaced = URLEncoder.encode("+49 151 1234 5678", StandardCharsets.UTF_8);
        JsonNode byNumber = search(admin, "number=" + spaced);
        assertThat(byNumber.path("records")).extracting(n -> n.path("linkedid").asText()).containsExactly(answered);
        assertThat(search(admin, "number=13900000000").path("total").asLong()).isZero();

        assertThat(search(admin, "result=ABANDONED").path("records"))
                .extracting(n -> n.path("linkedid").asText()).containsExactly(abandoned);
        assertThat(search(admin, "queue=repair&direction=IN").path("total").asLong()).isEqualTo(2);
        assertThat(search(admin, "direction=OUT").path("total").asLong()).isZero();

        ApiClient.Reply bad = admin.get("/api/callcenter/calls?result=LOST");
        assertThat(bad.status()).isEqualTo(400);
        ApiClient.Reply badSort = admin.get("/api/callcenter/calls?sort=callerEnc");
        assertThat(badSort.status()).isEqualTo(400);
    }

    @Test
    void detailWithLegsAndRecording() {
        ApiClient admin = admin();
        String id = callId(answered);
        ApiClient.Reply r = admin.get("/api/callcenter/calls/" + id);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode d = r.data();
        assertThat(d.path("call").path("did").asText()).isEqualTo("4930123456");
        assertThat(d.path("legs")).extracting(l -> l.path("party").asText()).containsExactly("CALLER", "AGENT");
        assertThat(d.path("legs").get(0).path("hangupCause").asInt()).isEqualTo(16);
        assertThat(d.path("recordings")).hasSize(1);
        JsonNode rec = d.path("recordings").get(0);
        assertThat(rec.path("fileName").asText()).isEqualTo(wavName);
        assertThat(rec.path("fileSize").asLong()).isEqualTo(wav.length);
        assertThat(rec.path("audioUrl").asText()).isEqualTo("/api/callcenter/recordings/" + rec.path("id").asText() + "/audio");
        assertThat(rec.path("retainUntil").asText()).isNotBlank();

        assertThat(admin.get("/api/callcenter/calls/424242").status()).isEqualTo(404);
    }

    @Test
    void exportListsTheFilteredCalls() {
        ApiClient admin = admin();
        ApiClient.Reply r = admin.get("/api/callcenter/calls/export?gatewayId=" + gw);
        assertThat(r.status()).isEqualTo(200);
        List<Map<Integer, String>> rows = EasyExcel.read(new ByteArrayInputStream(r.raw())).sheet().headRowNumber(1)
                .doReadSync();
        assertThat(rows).hasSize(2);
        assertThat(rows).extracting(m -> m.get(20)).containsExactlyInAnyOrder("已接通", "放弃");
        assertThat(rows).extracting(m -> m.get(6)).containsOnly("repair");
        Integer audits = awaitCount(1, "SELECT COUNT(*) FROM audit_log WHERE audit_action = ? AND detail LIKE ?",
                "导出通话记录", "%网关=" + gw + "%");
        assertThat(audits).isEqualTo(1);
    }

    @Test
    void ticketsAreLinkedByHandAndFromTheScreenPop() {
        ApiClient admin = admin();
        String id = callId(answered);
        long household = jdbc.queryForList(
                "SELECT id FROM bi_household WHERE org_path LIKE ? ORDER BY household_code", Long.class,
                jdbc.queryForObject("SELECT org_path FROM org_unit WHERE org_code = 'ST01'", String.class) + "%").get(0);
        Map<String, Object> ticket = new HashMap<>();
        ticket.put("ticketType", "REPAIR");
        ticket.put("source", "PHONE");
        ticket.put("urgency", "NORMAL");
        ticket.put("householdId", String.valueOf(household));
        ticket.put("callerPhone", "13800138000");
        ticket.put("content", "来电反映暖气不热");
        ticket.put("dispatchNow", false);
        ticket.put("callId", id);
        ApiClient.Reply created = admin.post("/api/servicedesk/tickets", ticket);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String fromPop = created.data().path("ticket").path("id").asText();

        ticket.remove("callId");
        ApiClient.Reply other = admin.post("/api/servicedesk/tickets", ticket);
        assertThat(other.status()).as(other.toString()).isEqualTo(200);
        String byHand = other.data().path("ticket").path("id").asText();

        ApiClient.Reply linked = admin.post("/api/callcenter/calls/" + id + "/tickets", Map.of("ticketId", byHand));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        assertThat(linked.data().path("tickets")).extracting(t -> t.path("ticketId").asText())
                .containsExactlyInAnyOrder(fromPop, byHand);
        assertThat(linked.data().path("tickets")).extracting(t -> t.path("kind").asText())
                .containsExactlyInAnyOrder("AUTO", "MANUAL");
        // linking again changes nothing
        assertThat(admin.post("/api/callcenter/calls/" + id + "/tickets", Map.of("ticketId", byHand)).data()
                .path("tickets")).hasSize(2);

        ApiClient.Reply missing = admin.post("/api/callcenter/calls/" + id + "/tickets", Map.of("ticketId", "987654321"));
        assertThat(missing.status()).isEqualTo(404);
        ApiClient.Reply none = admin.post("/api/callcenter/calls/" + id + "/tickets", Map.of());
        assertThat(none.status()).isEqualTo(400);
    }

    private HttpResponse<byte[]> audio(ApiClient c, String recordingId, String range) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/callcenter/recordings/" + recordingId + "/audio"))
                .header("Authorization", "Bearer " + c.token()).GET();
        if (range != null) {
            b.header("Range", range);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void recordingPlaysWithRangesAndEachPlaybackIsAudited() throws Exception {
        ApiClient admin = admin();
        String rec = jdbc.queryForObject("SELECT recording_id FROM cc_call WHERE gateway_id = ? AND linkedid = ?",
                Long.class, gw, answered).toString();

        HttpResponse<byte[]> part = audio(admin, rec, "bytes=0-99");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 0-99/" + wav.length);
        assertThat(part.body()).containsExactly(java.util.Arrays.copyOfRange(wav, 0, 100));
        assertThat(part.headers().firstValue("Content-Type").orElse("")).startsWith("audio/wav");

        // the audio element continues the same playback: not a second access record
        HttpResponse<byte[]> more = audio(admin, rec, "bytes=100-");
        assertThat(more.statusCode()).isEqualTo(206);
        assertThat(more.body()).containsExactly(java.util.Arrays.copyOfRange(wav, 100, wav.length));

        HttpResponse<byte[]> whole = audio(admin, rec, null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).containsExactly(wav);

        List<Map<String, Object>> access = jdbc.queryForList(
                "SELECT username, access_kind, byte_range FROM cc_recording_access WHERE recording_id = ? ORDER BY accessed_at",
                Long.valueOf(rec));
        assertThat(access).hasSize(2);
        assertThat(access).allSatisfy(a -> assertThat(a.values()).contains("admin", "PLAY"));
        Integer audits = awaitCount(2,
                "SELECT COUNT(*) FROM audit_log WHERE audit_action = ? AND target = ?",
                "播放录音", "GET /api/callcenter/recordings/" + rec + "/audio");
        assertThat(audits).isEqualTo(2);

        ApiClient.Reply log = admin.get("/api/callcenter/recordings/" + rec + "/access");
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.data()).hasSize(2);

        // the retention period is not up: deletion is refused
        ApiClient.Reply del = admin.delete("/api/callcenter/recordings/" + rec);
        assertThat(del.status()).isEqualTo(409);
        assertThat(del.body().path("msg").asText()).contains("保存");
    }

    @Test
    void usersWithoutThePermissionAreRefused() throws Exception {
        ApiClient worker = client().loggedIn("worker01", DEMO_PASSWORD);
        String rec = jdbc.queryForObject("SELECT recording_id FROM cc_call WHERE gateway_id = ? AND linkedid = ?",
                Long.class, gw, answered).toString();
        HttpResponse<byte[]> refused = audio(worker, rec, null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("callcenter:recording:play");
        assertThat(worker.get("/api/callcenter/calls").status()).isEqualTo(403);
        assertThat(worker.get("/api/callcenter/calls/export").status()).isEqualTo(403);
        Integer access = jdbc.queryForObject("SELECT COUNT(*) FROM cc_recording_access WHERE recording_id = ?",
                Integer.class, Long.valueOf(rec));
        assertThat(access).isZero();
        assertThat(client().get("/api/callcenter/calls").status()).isEqualTo(401);
    }

    /** a callback as the gateway reports a CTI callback/{callId}: the originate's VarSet CTI_CALLBACK_OF, then ends */
    private String callbackOf(String missedId, Instant t) {
        String linkedid = "hd-c2d-it-" + gw + "-" + SEQ.incrementAndGet();
        String chan = "PJSIP/8001-000000c1";
        NewChannelEvent nc = new NewChannelEvent(this);
        nc.setChannel(chan);
        nc.setUniqueId(linkedid);
        nc.setLinkedid(linkedid);
        nc.setCallerIdNum("8001");
        feed(nc, t);
        VarSetEvent v = new VarSetEvent(this);
        v.setChannel(chan);
        v.setUniqueId(linkedid);
        v.setLinkedId(linkedid);
        v.setVariable(CallTracker.CTI_CALLBACK_OF);
        v.setValue(missedId);
        feed(v, t.plusMillis(1));
        feed(hangup(chan, linkedid, linkedid, 19), t.plusSeconds(30));
        return linkedid;
    }

    @Test
    void missedCallsNobodyCalledBackAreFoundAndACallbackShowsOnTheMissedCall() {
        ApiClient admin = admin();
        String missedId = callId(abandoned);
        assertThat(search(admin, "callbackState=PENDING").path("records"))
                .extracting(n -> n.path("linkedid").asText()).containsExactly(abandoned);
        assertThat(search(admin, "callbackState=DONE").path("total").asLong()).isZero();
        assertThat(admin.get("/api/callcenter/calls/" + missedId).data().path("callbacks")).isEmpty();

        String back = callbackOf(missedId, Instant.now().minusSeconds(40));
        assertThat(search(admin, "callbackState=PENDING").path("total").asLong()).as("called back now").isZero();
        assertThat(search(admin, "callbackState=DONE").path("records"))
                .extracting(n -> n.path("linkedid").asText()).containsExactly(abandoned);
        JsonNode d = admin.get("/api/callcenter/calls/" + missedId).data();
        assertThat(d.path("callbacks")).hasSize(1);
        JsonNode cb = d.path("callbacks").get(0);
        assertThat(cb.path("linkedid").asText()).isEqualTo(back);
        assertThat(cb.path("startedAt").asText()).isNotBlank();
        assertThat(cb.path("result").asText()).isEqualTo("NO_ANSWER");
        assertThat(cb.path("resultLabel").asText()).isEqualTo("未接通");
        JsonNode backCall = admin.get("/api/callcenter/calls/" + callId(back)).data().path("call");
        assertThat(backCall.path("callbackOf").asText()).isEqualTo(missedId);
        // the link is a column: the missed call is found by it
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cc_call WHERE callback_of = ?", Integer.class,
                Long.valueOf(missedId))).isEqualTo(1);

        ApiClient.Reply bad = admin.get("/api/callcenter/calls?callbackState=SOMETIMES");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("field").asText()).isEqualTo("callbackState");
    }

    @Test
    void theHoldOfEachLegIsInTheDetail() {
        JsonNode d = admin().get("/api/callcenter/calls/" + callId(answered)).data();
        assertThat(d.path("legs")).allSatisfy(l -> assertThat(l.has("holdMs")).isTrue());
        assertThat(d.path("call").has("hangupAgentId")).isTrue();
    }

    @Test
    void liveFiguresAreServed() {
        ApiClient.Reply r = admin().get("/api/callcenter/calls/stats");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.data().path("inboundToday").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(r.data().path("offeredToday").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(r.data().has("queues")).isTrue();
        assertThat(r.data().path("agents").isArray()).as("per-agent figures").isTrue();
        // an agent (workbench) may read them too; a worker may not
        assertThat(client().loggedIn("agent01", DEMO_PASSWORD).get("/api/callcenter/calls/stats").status()).isEqualTo(200);
        assertThat(client().loggedIn("worker01", DEMO_PASSWORD).get("/api/callcenter/calls/stats").status()).isEqualTo(403);
    }
}
