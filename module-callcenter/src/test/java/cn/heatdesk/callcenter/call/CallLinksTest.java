package cn.heatdesk.callcenter.call;

import cn.heatdesk.callcenter.ami.GatewayEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.HangupRequestEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.MusicOnHoldStartEvent;
import org.asteriskjava.manager.event.MusicOnHoldStopEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7's call-record gaps, from AMI events shaped like Asterisk 22's: talk time without hold (hold per leg),
 * "who hung up" for a CTI 挂断 (SoftHangupRequest only, marked by VarSet CTI_HANGUP), a callback linked to its missed
 * call by column and the list filter of missed calls nobody called back.
 */
class CallLinksTest extends CallTestSupport {

    static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");

    /** an inbound call from 13800138000 on the trunk, answered by 8001 (Anna) 1 s after it started */
    static final class Script {
        final long gw;
        final String linkedid;
        final String caller;
        final String agent;
        final CallTracker tracker;

        Script(CallTracker tracker, long gw, String linkedid) {
            this.tracker = tracker;
            this.gw = gw;
            this.linkedid = linkedid;
            // channel names as Asterisk's: device + "-" + a hex sequence (no other dash)
            String seq = String.format("%08x", linkedid.hashCode());
            this.caller = "PJSIP/trunk-" + seq;
            this.agent = "PJSIP/8001-" + seq;
        }

        void at(long ms, ManagerEvent e) {
            tracker.onEvent(new GatewayEvent(gw, e, T0.plusMillis(ms)));
        }

        String uid(String channel) {
            return channel.equals(caller) ? linkedid : linkedid + ".2";
        }

        void newChannel(long ms, String channel, String number, String exten) {
            NewChannelEvent e = new NewChannelEvent(this);
            e.setChannel(channel);
            e.setUniqueId(uid(channel));
            e.setLinkedid(linkedid);
            e.setCallerIdNum(number);
            e.setExten(exten);
            at(ms, e);
        }

        /** an event of one of the call's channels (the setters live in different classes of asterisk-java) */
        <E extends ManagerEvent> E of(E e, String channel) {
            for (String[] p : new String[][] {{"setChannel", channel}, {"setUniqueId", uid(channel)},
                    {"setLinkedId", linkedid}, {"setBridgeUniqueId", "bridge-" + linkedid}}) {
                try {
                    e.getClass().getMethod(p[0], String.class).invoke(e, p[1]);
                } catch (NoSuchMethodException absent) {
                    // this event has no such field
                } catch (ReflectiveOperationException x) {
                    throw new IllegalStateException(x);
                }
            }
            return e;
        }

        void bridge(long ms, String channel, boolean enter) {
            at(ms, of(enter ? new BridgeEnterEvent(this) : new BridgeLeaveEvent(this), channel));
        }

        void moh(long ms, String channel, boolean start) {
            at(ms, of(start ? new MusicOnHoldStartEvent(this) : new MusicOnHoldStopEvent(this), channel));
        }

        void varSet(long ms, String channel, String name, String value) {
            VarSetEvent e = of(new VarSetEvent(this), channel);
            e.setVariable(name);
            e.setValue(value);
            at(ms, e);
        }

        void hangupRequest(long ms, String channel) {
            at(ms, of(new HangupRequestEvent(this), channel));
        }

        void hangup(long ms, String channel) {
            HangupEvent e = of(new HangupEvent(this), channel);
            e.setCause(16);
            e.setCauseTxt("Normal Clearing");
            at(ms, e);
        }

        /** caller rings in, 8001 joins the bridge at 1 s */
        void answered() {
            newChannel(0, caller, "13800138000", "9000");
            newChannel(200, agent, "8001", "s");
            bridge(1000, caller, true);
            bridge(1000, agent, true);
        }

        void bothHangUp(long ms) {
            bridge(ms, agent, false);
            bridge(ms, caller, false);
            hangup(ms, agent);
            hangup(ms + 5, caller);
        }
    }

    @Test
    void aPhoneHoldInsideTheBridgeIsHoldNotTalkAndIsKeptPerLeg() {
        long gw = newGateway();
        Script s = new Script(tracker, gw, "hold-1");
        s.answered();
        // the agent's phone holds (re-INVITE): both stay bridged, the caller hears music from 3 s to 7.5 s
        s.moh(3000, s.caller, true);
        s.moh(7500, s.caller, false);
        s.bothHangUp(10_000);

        CallRow r = call(gw, "hold-1");
        assertThat(r.holdMs).isEqualTo(4500L);
        assertThat(r.talkMs).as("bridged 9 s minus 4.5 s on hold").isEqualTo(4500L);
        List<CallLegRow> legs = calls.selectLegs(r.id);
        assertThat(legs).filteredOn(l -> l.channel.equals(s.caller)).singleElement()
                .satisfies(l -> assertThat(l.holdMs).isEqualTo(4500L));
        assertThat(legs).filteredOn(l -> l.channel.equals(s.agent)).singleElement()
                .satisfies(l -> assertThat(l.holdMs).isNull());
    }

    @Test
    void aCtiHoldOutsideTheBridgeCountsOnlyAsHold() {
        long gw = newGateway();
        Script s = new Script(tracker, gw, "hold-2");
        s.answered();
        // CTI hold: both legs redirected out of the bridge, the caller into MusicOnHold, then bridged again
        s.bridge(2000, s.caller, false);
        s.bridge(2000, s.agent, false);
        s.moh(2010, s.caller, true);
        s.moh(5010, s.caller, false);
        s.bridge(5020, s.caller, true);
        s.bridge(5020, s.agent, true);
        s.bothHangUp(6020);
        CallRow r = call(gw, "hold-2");
        assertThat(r.holdMs).isEqualTo(3000L);
        assertThat(r.talkMs).isEqualTo(1000L + 1000L);
    }

    @Test
    void aCtiHangupIsTheAgentsWithTheAgentsId() {
        long gw = newGateway();
        Script s = new Script(tracker, gw, "bye-1");
        s.answered();
        // CTI 挂断: Setvar CTI_HANGUP on my leg, then an AMI Hangup (SoftHangupRequest, no HangupRequest)
        s.varSet(4000, s.agent, CallTracker.CTI_HANGUP, String.valueOf(CallTestApp.ANNA.agentId()));
        s.bothHangUp(4010);
        CallRow r = call(gw, "bye-1");
        assertThat(r.hangupBy).isEqualTo(CallCodes.AGENT);
        assertThat(r.hangupAgentId).isEqualTo(CallTestApp.ANNA.agentId());
        assertThat(r.hangupAgentName).isEqualTo(CallTestApp.ANNA.name());
    }

    @Test
    void withoutTheMarkAnAmiHangupStaysTheSystemsAndACallersByeStaysTheCallers() {
        long gw = newGateway();
        Script s = new Script(tracker, gw, "bye-2");
        s.answered();
        s.bothHangUp(3000);
        CallRow r = call(gw, "bye-2");
        assertThat(r.hangupBy).isEqualTo(CallCodes.SYSTEM);
        assertThat(r.hangupAgentId).isNull();

        Script c = new Script(tracker, gw, "bye-3");
        c.answered();
        c.hangupRequest(3000, c.caller);
        // a mark arriving after the caller's BYE does not rewrite who hung up
        c.varSet(3001, c.agent, CallTracker.CTI_HANGUP, "11");
        c.bothHangUp(3010);
        assertThat(call(gw, "bye-3").hangupBy).isEqualTo(CallCodes.CALLER);
        assertThat(call(gw, "bye-3").hangupAgentId).isNull();

        Script p = new Script(tracker, gw, "bye-4");
        p.answered();
        p.hangupRequest(3000, p.agent);   // the agent hangs up on the phone itself
        p.bothHangUp(3010);
        assertThat(call(gw, "bye-4").hangupBy).isEqualTo(CallCodes.AGENT);
        assertThat(call(gw, "bye-4").hangupAgentId).isEqualTo(CallTestApp.ANNA.agentId());
    }

    @Test
    void aCallbackIsLinkedByColumnAndTheListFindsMissedCallsNobodyCalledBack() {
        long gw = newGateway();
        // two missed calls: the caller gave up before anyone answered
        for (String id : new String[] {"miss-1", "miss-2"}) {
            Script m = new Script(tracker, gw, id);
            m.newChannel(0, m.caller, "13800138000", "9000");
            m.hangupRequest(4000, m.caller);
            m.hangup(4000, m.caller);
        }
        CallRow missed1 = call(gw, "miss-1");
        CallRow missed2 = call(gw, "miss-2");
        assertThat(missed1.callResult).isEqualTo(CallCodes.ABANDONED);

        // the callback of miss-1: an originate of 8001 carrying CTI_CALLBACK_OF (VarSet right after its Newchannel)
        Script b = new Script(tracker, gw, "hd-c2d-cb1");
        NewChannelEvent nc = new NewChannelEvent(this);
        nc.setChannel("PJSIP/8001-cb1");
        nc.setUniqueId("hd-c2d-cb1");
        nc.setLinkedid("hd-c2d-cb1");
        nc.setCallerIdNum("8001");
        b.at(10_000, nc);
        VarSetEvent v = new VarSetEvent(this);
        v.setChannel("PJSIP/8001-cb1");
        v.setUniqueId("hd-c2d-cb1");
        v.setLinkedId("hd-c2d-cb1");
        v.setVariable(CallTracker.CTI_CALLBACK_OF);
        v.setValue(String.valueOf(missed1.id));
        b.at(10_001, v);
        HangupEvent h = new HangupEvent(this);
        h.setChannel("PJSIP/8001-cb1");
        h.setUniqueId("hd-c2d-cb1");
        h.setLinkedId("hd-c2d-cb1");
        h.setCause(19);
        b.at(30_000, h);

        CallRow back = call(gw, "hd-c2d-cb1");
        assertThat(back.callbackOf).isEqualTo(missed1.id);
        assertThat(back.direction).isEqualTo(CallCodes.OUT);
        assertThat(calls.selectCallbacks(missed1.id)).singleElement().satisfies(cb -> {
            assertThat(cb.id).isEqualTo(back.id);
            assertThat(cb.agentName).isEqualTo(CallTestApp.ANNA.name());
            assertThat(cb.callResult).isNotBlank();
        });
        assertThat(calls.selectCallbacks(missed2.id)).isEmpty();

        CallFilter pending = new CallFilter();
        pending.setGatewayId(gw);
        pending.setCallbackState(CallCodes.CALLBACK_PENDING);
        assertThat(calls.search(pending, "c.started_at, c.id")).extracting(c -> c.id).containsExactly(missed2.id);
        CallFilter done = new CallFilter();
        done.setGatewayId(gw);
        done.setCallbackState(CallCodes.CALLBACK_DONE);
        assertThat(calls.search(done, "c.started_at, c.id")).extracting(c -> c.id).containsExactly(missed1.id);
    }
}
