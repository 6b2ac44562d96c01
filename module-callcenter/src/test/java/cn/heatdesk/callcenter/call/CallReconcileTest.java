package cn.heatdesk.callcenter.call;

import cn.heatdesk.callcenter.ami.GatewayEvent;
import cn.heatdesk.callcenter.gateway.GatewayDirectory;
import cn.heatdesk.kernel.id.IdGenerator;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.MusicOnHoldStartEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;

import static cn.heatdesk.callcenter.call.CallTestApp.ANNA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * After an AMI reconnect or a HeatDesk restart the calls believed live are compared with CoreShowChannels:
 * ended calls are closed with what is known, unknown live channels adopted, and a call that is still up continues
 * in the same row.
 */
class CallReconcileTest extends CallTestSupport {

    private static final Predicate<ManagerEvent> CALLER_BRIDGED = e -> e instanceof BridgeEnterEvent b
            && "PJSIP/9000-00000004".equals(b.getChannel());

    @Autowired
    CallStore store;
    @Autowired
    AgentResolver agents;
    @Autowired
    GatewayDirectory gateways;
    @Autowired
    ScreenPop screenPop;
    @Autowired
    RecordingStore recordingStore;
    @Autowired
    IdGenerator ids;

    private static Instant utc(String t) {
        return java.time.LocalDateTime.parse(t).toInstant(java.time.ZoneOffset.UTC);
    }

    private static CoreShowChannelEvent channel(String channel, String uniqueid, String linkedid, String number,
                                                String duration, String bridge, String app, String appData) {
        CoreShowChannelEvent e = new CoreShowChannelEvent(CallReconcileTest.class);
        e.setChannel(channel);
        e.setUniqueid(uniqueid);
        e.setLinkedid(linkedid);
        e.setCallerIdNum(number);
        e.setDuration(duration);
        e.setBridgeid(bridge);
        e.setApplication(app);
        e.setApplicationdata(appData);
        return e;
    }

    private static HangupEvent hangup(String channel, String uniqueid, String linkedid, int cause) {
        HangupEvent h = new HangupEvent(CallReconcileTest.class);
        h.setChannel(channel);
        h.setUniqueId(uniqueid);
        h.setLinkedId(linkedid);
        h.setCause(cause);
        h.setCauseTxt("Normal Clearing");
        return h;
    }

    @Test
    void callThatEndedWhileAmiWasDownIsClosedAtTheDisconnect() {
        long gw = newGateway();
        replay("c_inbound_ivr_queue_answer.ami.log", gw, CALLER_BRIDGED, tracker);
        try {
            tracker.setClock(Clock.fixed(utc("2026-11-21T11:20:22.000"), ZoneId.systemDefault()));
            tracker.onDisconnected(gw);
            tracker.setClock(Clock.fixed(utc("2026-11-21T11:20:40.000"), ZoneId.systemDefault()));
            actions.channels.put(gw, List.of());   // Asterisk has no channel of the call any more
            tracker.onConnected(gw, false);
        } finally {
            tracker.setClock(Clock.systemDefaultZone());
        }
        CallRow c = call(gw, "heatdesk-ref-1795260013.4");
        assertThat(c.status).isEqualTo(CallCodes.ENDED);
        assertThat(c.reconciled).isEqualTo(1);
        assertThat(c.endedAt).isEqualTo(at("2026-11-21T11:20:22.000"));
        assertThat(c.callResult).isEqualTo(CallCodes.ANSWERED);
        assertThat(c.talkMs).isEqualTo(3329L);   // 18.671 -> 22.000
        assertThat(c.hangupBy).isEqualTo(CallCodes.SYSTEM);
        assertThat(calls.selectLegs(c.id)).allSatisfy(l -> assertThat(l.endedAt).isNotNull());
        assertThat(recordings.selectByCall(c.id)).singleElement()
                .satisfies(r -> assertThat(r.endedAt).isEqualTo(at("2026-11-21T11:20:22.000")));
        assertThat(tracker.liveRow(gw, c.linkedid)).isEmpty();
        // the events of the closed call that still trickle in do not reopen it
        replayRest("c_inbound_ivr_queue_answer.ami.log", gw, CALLER_BRIDGED, tracker);
        assertThat(call(gw, c.linkedid).endedAt).isEqualTo(at("2026-11-21T11:20:22.000"));
    }

    @Test
    void liveChannelsNobodyKnewAreAdoptedAndFinishedByTheirEvents() {
        long gw = newGateway();
        String linkedid = "adopt-" + gw;
        actions.channels.put(gw, List.<ResponseEvent>of(
                channel("PJSIP/9000-00000099", linkedid, linkedid, "+4915112345678", "00:00:42", "b-" + gw, "Queue",
                        "repair,tc,,,120"),
                channel("PJSIP/8001-0000009a", linkedid + ".1", linkedid, "8001", "00:00:30", "b-" + gw, "AppQueue",
                        "(Outgoing Line)")));
        Instant now = utc("2026-11-21T12:00:00.000");
        try {
            tracker.setClock(Clock.fixed(now, ZoneId.systemDefault()));
            tracker.onConnected(gw, false);
        } finally {
            tracker.setClock(Clock.systemDefaultZone());
        }
        CallRow c = call(gw, linkedid);
        assertThat(c.status).isEqualTo(CallCodes.LIVE);
        assertThat(c.adopted).isEqualTo(1);
        assertThat(c.startedAt).isEqualTo(at("2026-11-21T11:59:18.000"));
        assertThat(c.answeredAt).isEqualTo(at("2026-11-21T12:00:00.000"));
        assertThat(c.queueName).isEqualTo("repair");
        assertThat(c.agentUserId).isEqualTo(ANNA.userId());
        assertThat(cipher.decrypt(c.callerEnc)).isEqualTo("+4915112345678");
        assertThat(calls.selectLegs(c.id)).extracting(l -> l.party).containsExactly(CallCodes.CALLER, CallCodes.AGENT);

        tracker.onEvent(new GatewayEvent(gw, hangup("PJSIP/9000-00000099", linkedid, linkedid, 16), utc("2026-11-21T12:00:10.000")));
        tracker.onEvent(new GatewayEvent(gw, hangup("PJSIP/8001-0000009a", linkedid + ".1", linkedid, 16), utc("2026-11-21T12:00:10.001")));
        CallRow done = call(gw, linkedid);
        assertThat(done.id).isEqualTo(c.id);
        assertThat(done.status).isEqualTo(CallCodes.ENDED);
        assertThat(done.callResult).isEqualTo(CallCodes.ANSWERED);
        assertThat(done.talkMs).isEqualTo(10001L);
        assertThat(done.reconciled).isZero();
    }

    @Test
    void afterHeatDeskRestartTheLiveCallContinuesInTheSameRowAndGoneCallsAreClosed() {
        long gw = newGateway();
        replay("c_inbound_ivr_queue_answer.ami.log", gw, CALLER_BRIDGED, tracker);
        // a second call, waiting in the queue when HeatDesk went down, hung up while it was down
        replay("d_queue_abandon.ami.log", gw, e -> e instanceof MusicOnHoldStartEvent, tracker);
        long liveId = call(gw, "heatdesk-ref-1795260013.4").id;

        // a new instance: nothing in memory, the database says both calls are live
        CallTracker restarted = new CallTracker(store, agents, gateways, actions, screenPop, recordingStore, cipher,
                ids, 3);
        restarted.setClock(Clock.fixed(utc("2026-11-21T11:21:00.000"), ZoneId.systemDefault()));
        actions.channels.put(gw, List.<ResponseEvent>of(
                channel("PJSIP/9000-00000004", "heatdesk-ref-1795260013.4", "heatdesk-ref-1795260013.4",
                        "+4915112345678", "00:00:07", "89003c81-68b4-4edd-b08a-a7ac91cc6db6", "Queue", "repair"),
                channel("PJSIP/8001-00000005", "heatdesk-ref-1795260015.5", "heatdesk-ref-1795260013.4", "8001",
                        "00:00:05", "89003c81-68b4-4edd-b08a-a7ac91cc6db6", "AppQueue", "(Outgoing Line)")));
        restarted.onConnected(gw, false);
        written(restarted);

        CallRow gone = call(gw, "heatdesk-ref-1795260035.6");
        assertThat(gone.status).isEqualTo(CallCodes.ENDED);
        assertThat(gone.reconciled).isEqualTo(1);
        assertThat(gone.endedAt).isEqualTo(at("2026-11-21T11:20:38.227"));   // its last known step: queue join
        assertThat(gone.callResult).isEqualTo(CallCodes.NO_ANSWER);

        assertThat(call(gw, "heatdesk-ref-1795260013.4").status).isEqualTo(CallCodes.LIVE);
        replayRest("c_inbound_ivr_queue_answer.ami.log", gw, CALLER_BRIDGED, restarted);
        CallRow c = call(gw, "heatdesk-ref-1795260013.4");
        assertThat(c.id).isEqualTo(liveId);
        assertThat(c.status).isEqualTo(CallCodes.ENDED);
        assertThat(c.reconciled).isZero();
        assertThat(c.callResult).isEqualTo(CallCodes.ANSWERED);
        assertThat(c.hangupBy).isEqualTo(CallCodes.CALLER);
        assertThat(c.answeredAt).isEqualTo(at("2026-11-21T11:20:18.671"));
        assertThat(c.talkMs).isEqualTo(7993L);
        assertThat(calls.selectLegs(c.id)).hasSize(2);
        assertThat(recordings.selectByCall(c.id)).singleElement()
                .satisfies(r -> assertThat(r.endedAt).isEqualTo(at("2026-11-21T11:20:26.665")));
        assertThat(calls.search(filterFor(gw), "c.started_at")).hasSize(2);
    }

    @Test
    void anAgentConnectOfAnUnknownCallAdoptsIt() {
        long gw = newGateway();
        // HeatDesk came up in the middle of the call: the first event it sees is the AgentConnect
        replayRest("c_inbound_ivr_queue_answer.ami.log", gw,
                e -> e instanceof org.asteriskjava.manager.event.QueueCallerLeaveEvent, tracker);
        CallRow c = call(gw, "heatdesk-ref-1795260013.4");
        assertThat(c.adopted).isEqualTo(1);
        assertThat(c.status).isEqualTo(CallCodes.ENDED);
        assertThat(c.callResult).isEqualTo(CallCodes.ANSWERED);
        assertThat(c.agentUserId).isEqualTo(ANNA.userId());
        assertThat(c.hangupBy).isEqualTo(CallCodes.CALLER);
        assertThat(c.talkMs).isEqualTo(7993L);
    }

    private static CallFilter filterFor(long gw) {
        CallFilter f = new CallFilter();
        f.setGatewayId(gw);
        return f;
    }
}
