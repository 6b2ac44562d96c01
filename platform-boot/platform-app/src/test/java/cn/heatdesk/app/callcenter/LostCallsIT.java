package cn.heatdesk.app.callcenter;

import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import cn.heatdesk.callcenter.ami.GatewayEvent;
import cn.heatdesk.callcenter.call.CallTracker;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 呼损管理 over real HTTP on calls the running tracker built from AMI events: the four causes, the handling states
 * (not called back, callback not answered, the caller got through later), the repeat flag, filters, the report by
 * day / queue / cause with the loss rate, both Excel exports, clear 400s and refusals. The end-to-end callback of a
 * lost call over the simulator's TCP is in CtiFlowIT.
 */
class LostCallsIT extends AbstractApiIT {

    private static final AtomicInteger SEQ = new AtomicInteger();
    /** numbers of their own per test: the repeat flag counts a number's lost calls on every gateway */
    private static final AtomicInteger NUMBERS = new AtomicInteger((int) (System.currentTimeMillis() % 1_000_000) * 10);

    @Autowired
    CallTracker tracker;

    String A;
    String B;
    String C;
    String D;
    long gw;
    String range;
    final Map<String, String> linked = new HashMap<>();

    @BeforeEach
    void callsOnANewGateway() {
        ApiClient admin = admin();
        ApiClient.Reply g = admin.post("/api/callcenter/gateways", GatewayApiIT.gateway(GatewayApiIT.code(), orgId("ST01"),
                "s3cret-AMI"));
        assertThat(g.status()).as(g.toString()).isEqualTo(200);
        gw = g.data().path("id").asLong();
        A = number();
        B = number();
        C = number();
        D = number();
        LocalDateTime now = LocalDateTime.now();
        range = "gatewayId=" + gw + "&from=" + now.minusHours(2).withNano(0) + "&to=" + now.plusMinutes(5).withNano(0);

        Instant t = Instant.now().minusSeconds(3000);
        linked.put("ivrA", lost(A, t, false, false, true));                       // hung up in the menu
        linked.put("messageD", lost(D, t.plusSeconds(100), false, false, true));  // left a message (see below)
        linked.put("queueA", lost(A, t.plusSeconds(300), true, false, true));     // gave up waiting
        linked.put("ringB", lost(B, t.plusSeconds(600), true, true, true));       // gave up while an agent rang
        linked.put("timeoutC", lost(C, t.plusSeconds(900), true, false, false));  // the queue gave up
        linked.put("answeredC", answered(C, t.plusSeconds(1200)));                // C got through later
        linked.put("backB", callback(callId(linked.get("ringB")), t.plusSeconds(1500)));
        // D's message, as VoicemailRecorder records it (it becomes a work order; docs/voicemail.md)
        LocalDateTime at = LocalDateTime.now();
        jdbc.update("INSERT INTO cc_voicemail (id, gateway_id, linkedid, call_id, file_path, received_at, retain_until, "
                + "status, attempts, subsidiary_id, org_path, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
                + "'PENDING', 0, 0, '/', ?, ?)", gw * 10 + 7, gw, linked.get("messageD"),
                Long.valueOf(callId(linked.get("messageD"))), "/var/spool/asterisk/monitor/message-"
                        + linked.get("messageD") + ".wav", at, at.toLocalDate().plusYears(1), at, at);
    }

    private static String number() {
        return "+86139" + String.format("%08d", NUMBERS.incrementAndGet() % 100_000_000);
    }

    // ------------------------------------------------------------------------------------------------ events

    private void feed(ManagerEvent e, Instant at) {
        tracker.onEvent(new GatewayEvent(gw, e, at));
        try {
            assertThat(tracker.awaitIdle(Duration.ofSeconds(10))).as("call writes done").isTrue();
        } catch (InterruptedException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private String id() {
        return "lost-" + gw + "-" + SEQ.incrementAndGet();
    }

    private NewChannelEvent channel(String chan, String uid, String linkedid, String number) {
        NewChannelEvent nc = AmiTestEvents.on(new NewChannelEvent(this), chan, uid, linkedid);
        nc.setCallerIdNum(number);
        nc.setExten("4930123456");
        return nc;
    }

    private QueueCallerJoinEvent join(String caller, String l) {
        QueueCallerJoinEvent join = AmiTestEvents.on(new QueueCallerJoinEvent(this), caller, l, l);
        join.setQueue("repair");
        return join;
    }

    private QueueCallerLeaveEvent leave(String caller, String l) {
        QueueCallerLeaveEvent leave = AmiTestEvents.on(new QueueCallerLeaveEvent(this), caller, l, l);
        leave.setQueue("repair");
        return leave;
    }

    private AgentCalledEvent called(String caller, String l, String agent, String agentUid) {
        AgentCalledEvent called = AmiTestEvents.on(new AgentCalledEvent(this), caller, l, l);
        called.setDestChannel(agent);
        called.setDestUniqueId(agentUid);
        called.setQueue("repair");
        called.setInterface("PJSIP/8001");
        return called;
    }

    /** an inbound call that ends unanswered: in the menu, in the queue (optionally while an agent rings), or timed out */
    private String lost(String number, Instant t, boolean queued, boolean rang, boolean callerGivesUp) {
        String l = id();
        String caller = "PJSIP/trunk-" + l;
        feed(channel(caller, l, l, number), t);
        if (queued) {
            feed(join(caller, l), t.plusMillis(2000));
        }
        String agentUid = l + "b";
        String agent = "PJSIP/8001-" + l;
        if (rang) {
            feed(channel(agent, agentUid, l, "8001"), t.plusMillis(4000));
            feed(called(caller, l, agent, agentUid), t.plusMillis(4001));
        }
        if (callerGivesUp) {
            feed(AmiTestEvents.on(new HangupRequestEvent(this), caller, l, l), t.plusMillis(9000));
            if (queued) {
                QueueCallerAbandonEvent ab = AmiTestEvents.on(new QueueCallerAbandonEvent(this), caller, l, l);
                ab.setQueue("repair");
                feed(ab, t.plusMillis(9000));
            }
        } else {
            feed(leave(caller, l), t.plusMillis(62_000));
        }
        if (rang) {
            feed(hangup(agent, agentUid, l), t.plusMillis(9001));
        }
        feed(hangup(caller, l, l), t.plusMillis(callerGivesUp ? 9002 : 62_001));
        return l;
    }

    private String answered(String number, Instant t) {
        String l = id();
        String caller = "PJSIP/trunk-" + l;
        String agent = "PJSIP/8001-" + l;
        String agentUid = l + "b";
        feed(channel(caller, l, l, number), t);
        feed(join(caller, l), t.plusMillis(2000));
        feed(channel(agent, agentUid, l, "8001"), t.plusMillis(2001));
        feed(called(caller, l, agent, agentUid), t.plusMillis(2002));
        feed(leave(caller, l), t.plusMillis(5000));
        AgentConnectEvent connect = AmiTestEvents.on(new AgentConnectEvent(this), caller, l, l);
        connect.setDestChannel(agent);
        connect.setDestUniqueId(agentUid);
        connect.setQueue("repair");
        connect.setInterface("PJSIP/8001");
        feed(connect, t.plusMillis(5001));
        BridgeEnterEvent e1 = AmiTestEvents.on(new BridgeEnterEvent(this), agent, agentUid, l);
        e1.setBridgeUniqueId("bridge-" + l);
        feed(e1, t.plusMillis(5002));
        BridgeEnterEvent e2 = AmiTestEvents.on(new BridgeEnterEvent(this), caller, l, l);
        e2.setBridgeUniqueId("bridge-" + l);
        feed(e2, t.plusMillis(5003));
        BridgeLeaveEvent x1 = AmiTestEvents.on(new BridgeLeaveEvent(this), caller, l, l);
        x1.setBridgeUniqueId("bridge-" + l);
        feed(x1, t.plusMillis(65_000));
        feed(hangup(caller, l, l), t.plusMillis(65_001));
        feed(hangup(agent, agentUid, l), t.plusMillis(65_002));
        return l;
    }

    /** a CTI callback of a lost call that nobody answers */
    private String callback(String missedId, Instant t) {
        String l = "hd-c2d-" + id();
        String chan = "PJSIP/8001-" + l;
        feed(channel(chan, l, l, "8001"), t);
        VarSetEvent v = AmiTestEvents.on(new VarSetEvent(this), chan, l, l);
        v.setVariable(CallTracker.CTI_CALLBACK_OF);
        v.setValue(missedId);
        feed(v, t.plusMillis(1));
        HangupEvent h = hangup(chan, l, l);
        h.setCause(19);
        feed(h, t.plusSeconds(30));
        return l;
    }

    private HangupEvent hangup(String channel, String uniqueid, String linkedid) {
        HangupEvent h = AmiTestEvents.on(new HangupEvent(this), channel, uniqueid, linkedid);
        h.setCause(16);
        h.setCauseTxt("Normal Clearing");
        return h;
    }

    private String callId(String linkedid) {
        return jdbc.queryForObject("SELECT id FROM cc_call WHERE gateway_id = ? AND linkedid = ?", Long.class, gw,
                linkedid).toString();
    }

    // ------------------------------------------------------------------------------------------------- tests

    private JsonNode list(ApiClient c, String query) {
        ApiClient.Reply r = c.get("/api/callcenter/lost-calls?size=50&" + range + (query.isEmpty() ? "" : "&" + query));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data();
    }

    private Map<String, JsonNode> byLinkedid(JsonNode page) {
        Map<String, JsonNode> m = new HashMap<>();
        page.path("records").forEach(n -> m.put(n.path("linkedid").asText(), n));
        return m;
    }

    @Test
    void lostCallsWithCauseStateAndRepeatFlag() {
        JsonNode page = list(admin(), "");
        Map<String, JsonNode> m = byLinkedid(page);
        assertThat(m.keySet()).as("only inbound calls that ended unanswered; no callback, no answered call")
                .containsExactlyInAnyOrder(linked.get("ivrA"), linked.get("queueA"), linked.get("ringB"),
                        linked.get("timeoutC"), linked.get("messageD"));
        assertThat(page.path("records").get(0).path("linkedid").asText()).as("newest first")
                .isEqualTo(linked.get("timeoutC"));

        JsonNode ivr = m.get(linked.get("ivrA"));
        assertThat(ivr.path("cause").asText()).isEqualTo("IVR");
        assertThat(ivr.path("causeLabel").asText()).isEqualTo("语音导航中放弃");
        assertThat(ivr.path("repeatCount").asInt()).isEqualTo(2);
        assertThat(ivr.path("repeated").asBoolean()).as("A was lost twice: red").isTrue();
        assertThat(ivr.path("state").asText()).isEqualTo("PENDING");
        assertThat(ivr.path("stateLabel").asText()).isEqualTo("未回拨");
        assertThat(ivr.path("callerNumber").asText()).as("admin may see numbers").isEqualTo(A);

        JsonNode queue = m.get(linked.get("queueA"));
        assertThat(queue.path("cause").asText()).isEqualTo("QUEUE_ABANDON");
        assertThat(queue.path("queueName").asText()).isEqualTo("repair");
        assertThat(queue.path("waitMs").asLong()).isEqualTo(7000L);

        JsonNode ring = m.get(linked.get("ringB"));
        assertThat(ring.path("cause").asText()).isEqualTo("RING_ABANDON");
        assertThat(ring.path("ringAttempts").asInt()).isEqualTo(1);
        assertThat(ring.path("repeated").asBoolean()).isFalse();
        assertThat(ring.path("state").asText()).as("called back, nobody answered").isEqualTo("TRIED");
        assertThat(ring.path("callbackCount").asInt()).isEqualTo(1);
        assertThat(ring.path("lastCallbackAt").asText()).isNotBlank();
        assertThat(ring.path("lastCallbackResult").asText()).isEqualTo("未接通");

        JsonNode timeout = m.get(linked.get("timeoutC"));
        assertThat(timeout.path("cause").asText()).isEqualTo("NO_ANSWER");
        assertThat(timeout.path("state").asText()).as("C called again and got through").isEqualTo("RECALLED");

        JsonNode message = m.get(linked.get("messageD"));
        assertThat(message.path("state").asText()).as("D left a message").isEqualTo("MESSAGE");
        assertThat(message.path("stateLabel").asText()).isEqualTo("已留言转工单");
    }

    @Test
    void filters() {
        ApiClient admin = admin();
        assertThat(byLinkedid(list(admin, "cause=IVR")).keySet())
                .containsExactlyInAnyOrder(linked.get("ivrA"), linked.get("messageD"));
        assertThat(byLinkedid(list(admin, "state=MESSAGE")).keySet()).containsExactly(linked.get("messageD"));
        assertThat(byLinkedid(list(admin, "state=OPEN")).keySet())
                .containsExactlyInAnyOrder(linked.get("ivrA"), linked.get("queueA"), linked.get("ringB"));
        assertThat(byLinkedid(list(admin, "state=PENDING")).keySet())
                .containsExactlyInAnyOrder(linked.get("ivrA"), linked.get("queueA"));
        assertThat(byLinkedid(list(admin, "state=TRIED")).keySet()).containsExactly(linked.get("ringB"));
        assertThat(byLinkedid(list(admin, "state=RECALLED")).keySet()).containsExactly(linked.get("timeoutC"));
        assertThat(list(admin, "state=DONE").path("total").asLong()).isZero();
        assertThat(byLinkedid(list(admin, "repeatedOnly=true")).keySet())
                .containsExactlyInAnyOrder(linked.get("ivrA"), linked.get("queueA"));
        assertThat(byLinkedid(list(admin, "number=" + B.substring(3, 6) + "-" + B.substring(6, 10) + "-" + B.substring(10))).keySet()).as("any format of the number")
                .containsExactly(linked.get("ringB"));
        assertThat(list(admin, "queue=none").path("total").asLong()).isZero();
        assertThat(list(admin, "sort=waitMs&order=desc").path("records").get(0).path("linkedid").asText())
                .isEqualTo(linked.get("timeoutC"));
    }

    @Test
    void reportByDayQueueAndCauseWithTheLossRate() {
        ApiClient.Reply r = admin().get("/api/callcenter/lost-calls/report?" + range);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode total = r.data().path("total");
        assertThat(total.path("inbound").asLong()).isEqualTo(6);
        assertThat(total.path("offered").asLong()).as("calls that reached a queue").isEqualTo(4);
        assertThat(total.path("answered").asLong()).isEqualTo(1);
        assertThat(total.path("lost").asLong()).isEqualTo(5);
        assertThat(total.path("lostQueued").asLong()).isEqualTo(3);
        assertThat(total.path("ivrLost").asLong()).isEqualTo(2);
        assertThat(total.path("lossRate").asDouble()).isEqualTo(75.0);
        assertThat(r.data().path("targetRate").asDouble()).isEqualTo(3.0);
        Map<String, Long> causes = new HashMap<>();
        r.data().path("causes").forEach(c -> causes.put(c.path("cause").asText(), c.path("count").asLong()));
        assertThat(causes).containsEntry("IVR", 2L).containsEntry("QUEUE_ABANDON", 1L)
                .containsEntry("RING_ABANDON", 1L).containsEntry("NO_ANSWER", 1L);
        assertThat(r.data().path("queues")).hasSize(1);
        assertThat(r.data().path("queues").get(0).path("key").asText()).isEqualTo("repair");
        assertThat(r.data().path("queues").get(0).path("lostQueued").asLong()).isEqualTo(3);
        long dayLost = 0;
        for (JsonNode d : r.data().path("days")) {
            dayLost += d.path("lost").asLong();
        }
        assertThat(dayLost).as("the days add up to the total").isEqualTo(5);
        assertThat(r.data().path("days")).extracting(d -> d.path("key").asText())
                .contains(LocalDate.now().toString());
    }

    @Test
    void bothExportsAreWorkbooks() {
        ApiClient.Reply x = admin().get("/api/callcenter/lost-calls/export?" + range);
        assertThat(x.status()).isEqualTo(200);
        List<Map<Integer, String>> rows = EasyExcel.read(new ByteArrayInputStream(x.raw())).sheet().headRowNumber(1)
                .doReadSync();
        assertThat(rows).hasSize(5);
        assertThat(rows).anySatisfy(row -> assertThat(row.values()).contains("振铃中放弃", "回拨未接通"));
        ApiClient.Reply rep = admin().get("/api/callcenter/lost-calls/report/export?" + range);
        assertThat(rep.status()).isEqualTo(200);
        List<Map<Integer, String>> causes = EasyExcel.read(new ByteArrayInputStream(rep.raw())).sheet(2)
                .headRowNumber(1).doReadSync();
        assertThat(causes).extracting(row -> row.get(0)).containsExactly("语音导航中放弃", "排队中放弃", "振铃中放弃", "排队超时未接");
        assertThat(causes).extracting(row -> row.get(1)).containsExactly("2", "1", "1", "1");
        assertThat(awaitCount(1, "SELECT COUNT(*) FROM audit_log WHERE audit_action = ? AND detail LIKE ?",
                "导出呼损明细", "%网关=" + gw + "%")).isEqualTo(1);
        assertThat(awaitCount(1, "SELECT COUNT(*) FROM audit_log WHERE audit_action = ? AND detail LIKE ?",
                "导出呼损报表", "%网关=" + gw + "%")).isEqualTo(1);
    }

    @Test
    void badInputIsNamedAndOutsidersAreRefused() {
        ApiClient admin = admin();
        ApiClient.Reply cause = admin.get("/api/callcenter/lost-calls?cause=WHATEVER");
        assertThat(cause.status()).isEqualTo(400);
        assertThat(cause.body().path("field").asText()).isEqualTo("cause");
        assertThat(cause.body().path("msg").asText()).contains("呼损原因");
        ApiClient.Reply state = admin.get("/api/callcenter/lost-calls?state=SOMETIMES");
        assertThat(state.status()).isEqualTo(400);
        assertThat(state.body().path("field").asText()).isEqualTo("state");
        ApiClient.Reply order = admin.get("/api/callcenter/lost-calls/report?from=2026-11-20T00:00:00&to=2026-11-19T00:00:00");
        assertThat(order.status()).isEqualTo(400);
        assertThat(order.body().path("field").asText()).isEqualTo("to");
        ApiClient.Reply year = admin.get("/api/callcenter/lost-calls?from=2024-01-01T00:00:00&to=2026-01-01T00:00:00");
        assertThat(year.status()).isEqualTo(400);
        assertThat(year.body().path("field").asText()).isEqualTo("from");

        ApiClient worker = client().loggedIn("worker01", DEMO_PASSWORD);
        assertThat(worker.get("/api/callcenter/lost-calls").status()).isEqualTo(403);
        assertThat(worker.get("/api/callcenter/lost-calls/report").status()).isEqualTo(403);
        assertThat(client().get("/api/callcenter/lost-calls").status()).isEqualTo(401);
        ApiClient agent = client().loggedIn("agent01", DEMO_PASSWORD);
        assertThat(agent.get("/api/callcenter/lost-calls?" + range).status()).as("agents see lost calls to call back")
                .isEqualTo(200);
        assertThat(agent.get("/api/callcenter/lost-calls/export?" + range).status()).as("but do not export")
                .isEqualTo(403);
    }
}
