package cn.heatdesk.callcenter.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Call control over real AMI TCP: hold/resume (dual Redirect + Bridge), BlindTransfer, Atxfer with swap, completion
 * and CancelAtxfer, pickup by Redirect, and the responses and event fields these actions produce.
 */
class CtiSimulatorTest {

    private static final Duration T = Duration.ofSeconds(10);
    private AsteriskSimulator sim;
    private AmiTestClient ami;
    private int n;

    @BeforeEach
    void start() throws Exception {
        sim = new AsteriskSimulator(new SimConfig().promptDuration(Duration.ofMillis(50)).queues(List.of(
                SimConfig.QueueConfig.repair().withTiming(Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ZERO))));
        sim.start();
        ami = new AmiTestClient(sim.port());
        ami.call(AmiBasicConformanceTest.login("cti"), T);
    }

    @AfterEach
    void stop() throws Exception {
        ami.close();
        sim.stop();
    }

    private AmiMessage action(String name, String... kv) throws Exception {
        AmiMessage a = new AmiMessage().add("Action", name).add("ActionID", "cti-" + (++n));
        for (int i = 0; i + 1 < kv.length; i += 2) {
            a.add(kv[i], kv[i + 1]);
        }
        return ami.call(a, T);
    }

    /** a queue call answered by the member; returns the caller */
    private CallHandle answeredQueueCall(String member) throws Exception {
        action("QueueAdd", "Queue", "repair", "Interface", "PJSIP/" + member, "MemberName", "M" + member);
        CallHandle call = sim.incomingCall("+4915112345678", "Max Mustermann", "4930123456");
        assertThat(call.awaitActivity("WaitExten", T)).isTrue();
        call.press("1");
        assertThat(sim.phone(member).awaitRinging(T)).isTrue();
        sim.phone(member).answer();
        assertThat(call.awaitBridged(T)).isTrue();
        return call;
    }

    private AmiMessage next(long mark, String event, String... fv) {
        AmiMessage m = sim.awaitEvent(mark, AsteriskSimulator.event(event, fv), T);
        assertThat(m).as(event + " " + String.join(",", fv)).isNotNull();
        return m;
    }

    private List<AmiMessage> since(long mark) {
        List<AmiMessage> all = sim.journal();
        long base = sim.journalMark() - all.size();
        return all.subList((int) Math.max(0, mark - base), all.size());
    }

    @Test
    void holdByDualRedirect_resumeByBridge_thenTheCallerHangsUpWithReasonCaller() throws Exception {
        CallHandle call = answeredQueueCall("8001");
        String agentLeg = sim.phone("8001").channel();
        long mark = sim.journalMark();

        AmiMessage r = action("Redirect", "Channel", call.channel(), "Context", "cti-hold", "Exten", "s",
                "Priority", "1", "ExtraChannel", agentLeg, "ExtraContext", "cti-hold-agent", "ExtraExten", "s",
                "ExtraPriority", "1");
        assertThat(r.get("Response")).isEqualTo("Success");
        assertThat(r.get("Message")).isEqualTo("Dual Redirect successful");
        next(mark, "BridgeLeave", "Channel", call.channel());
        next(mark, "BridgeLeave", "Channel", agentLeg);
        next(mark, "BridgeDestroy");
        AmiMessage moh = next(mark, "MusicOnHoldStart", "Channel", call.channel());
        assertThat(moh.get("Class")).isEqualTo("default");
        assertThat(moh.get("Context")).isEqualTo("cti-hold");
        assertThat(call.awaitActivity("MusicOnHold", T)).isTrue();
        assertThat(sim.await(() -> "Wait".equals(sim.channel(agentLeg).activity), T)).isTrue();
        // the agent's phone is still in the call: no hang-up, no AgentComplete while held
        assertThat(since(mark)).noneMatch(m -> "Hangup".equals(m.get("Event")) || "AgentComplete".equals(m.get("Event")));

        long mark2 = sim.journalMark();
        r = action("Bridge", "Channel1", agentLeg, "Channel2", call.channel(), "Tone", "no");
        assertThat(r.get("Message")).isEqualTo("Channels have been bridged");
        next(mark2, "MusicOnHoldStop", "Channel", call.channel());
        next(mark2, "BridgeEnter", "Channel", agentLeg);
        AmiMessage enter = next(mark2, "BridgeEnter", "Channel", call.channel());
        assertThat(enter.get("BridgeNumChannels")).isEqualTo("2");
        assertThat(call.awaitBridged(T)).isTrue();

        long mark3 = sim.journalMark();
        call.hangup();
        AmiMessage complete = next(mark3, "AgentComplete");
        assertThat(complete.get("Reason")).isEqualTo("caller");
        assertThat(complete.get("Interface")).isEqualTo("PJSIP/8001");
        next(mark3, "Hangup", "Channel", call.channel());
        next(mark3, "Hangup", "Channel", agentLeg);
        assertThat(sim.phone("8001").awaitIdle(T)).isTrue();
        assertThat(sim.await(() -> sim.channelNames().isEmpty(), T)).isTrue();
    }

    @Test
    void blindTransferToAPhone_eventFieldsInDocumentedOrder_agentCompleteTransfer_targetAnswers() throws Exception {
        CallHandle call = answeredQueueCall("8001");
        String agentLeg = sim.phone("8001").channel();
        long mark = sim.journalMark();

        AmiMessage r = action("BlindTransfer", "Channel", agentLeg, "Context", "transfer-targets", "Exten", "8002");
        assertThat(r.get("Response")).isEqualTo("Success");
        assertThat(r.get("Message")).isEqualTo("Transfer succeeded");
        AmiMessage bt = next(mark, "BlindTransfer");
        List<String> keys = bt.keys();
        assertThat(keys.subList(0, 4)).containsExactly("Event", "Privilege", "SystemName", "Result");
        assertThat(keys.indexOf("TransfererChannel")).isLessThan(keys.indexOf("TransfereeChannel"));
        assertThat(keys.indexOf("TransfereeLinkedid")).isLessThan(keys.indexOf("BridgeUniqueid"));
        assertThat(keys.subList(keys.size() - 3, keys.size())).containsExactly("IsExternal", "Context", "Extension");
        assertThat(bt.get("Result")).isEqualTo("Success");
        assertThat(bt.get("TransfererChannel")).isEqualTo(agentLeg);
        assertThat(bt.get("TransfereeChannel")).isEqualTo(call.channel());
        assertThat(bt.get("Extension")).isEqualTo("8002");
        assertThat(next(mark, "AgentComplete").get("Reason")).isEqualTo("transfer");
        next(mark, "Hangup", "Channel", agentLeg);
        assertThat(sim.phone("8002").awaitRinging(T)).isTrue();
        AmiMessage dial = next(mark, "DialBegin", "DestChannel", sim.phone("8002").channel());
        assertThat(dial.get("Channel")).isEqualTo(call.channel());
        assertThat(dial.get("DialString")).isEqualTo("8002");
        sim.phone("8002").answer();
        assertThat(sim.phone("8002").awaitInCall(T)).isTrue();
        AmiMessage enter = next(mark, "BridgeEnter", "Channel", call.channel());
        assertThat(enter.get("Linkedid")).isEqualTo(call.linkedid());
        assertThat(sim.phone("8001").awaitIdle(T)).isTrue();

        sim.phone("8002").hangup();
        assertThat(call.awaitHungUp(T)).isTrue();
        assertThat(sim.await(() -> sim.channelNames().isEmpty(), T)).isTrue();
    }

    @Test
    void blindTransferRefusals() throws Exception {
        assertThat(action("BlindTransfer", "Channel", "PJSIP/8001-00000099", "Exten", "8002").get("Message"))
                .isEqualTo("Channel specified does not exist");
        assertThat(action("BlindTransfer", "Channel", "PJSIP/8001-00000099").get("Message"))
                .isEqualTo("No extension specified");
        CallHandle call = sim.incomingCall("+4915112345678");
        assertThat(call.awaitActivity("WaitExten", T)).isTrue();
        AmiMessage r = action("BlindTransfer", "Channel", call.channel(), "Context", "transfer-targets", "Exten", "8002");
        assertThat(r.get("Response")).isEqualTo("Error");
        assertThat(r.get("Message")).isEqualTo("Transfer invalid");
        assertThat(action("Redirect", "Channel", "PJSIP/8001-00000099", "Context", "x", "Exten", "s").get("Message"))
                .isEqualTo("Channel does not exist: PJSIP/8001-00000099");
        call.hangup();
    }

    @Test
    void attendedTransfer_swapThenComplete_joinsCallerAndTarget() throws Exception {
        CallHandle call = answeredQueueCall("8001");
        String agentLeg = sim.phone("8001").channel();
        long mark = sim.journalMark();

        AmiMessage r = action("Atxfer", "Channel", agentLeg, "Exten", "8002", "Context", "transfer-targets");
        assertThat(r.get("Message")).isEqualTo("Atxfer successfully queued");
        next(mark, "MusicOnHoldStart", "Channel", call.channel());
        next(mark, "BridgeLeave", "Channel", agentLeg);
        assertThat(sim.phone("8002").awaitRinging(T)).isTrue();
        String target = sim.phone("8002").channel();
        sim.phone("8002").answer();
        next(mark, "BridgeEnter", "Channel", target);
        assertThat(sim.await(() -> sim.channel(agentLeg).bridge != null
                && sim.channel(agentLeg).bridge.members.contains(sim.channel(target)), T)).isTrue();

        // swap: the agent talks to the caller again, the consulted colleague hears music
        long swap = sim.journalMark();
        action("PlayDTMF", "Channel", agentLeg, "Digit", "*", "Receive", "true");
        action("PlayDTMF", "Channel", agentLeg, "Digit", "4", "Receive", "true");
        assertThat(next(swap, "DTMFEnd", "Channel", agentLeg).get("Direction")).isEqualTo("Received");
        next(swap, "MusicOnHoldStart", "Channel", target);
        next(swap, "MusicOnHoldStop", "Channel", call.channel());
        assertThat(sim.await(() -> sim.channel(agentLeg).bridge == sim.channel(call.channel()).bridge, T)).isTrue();

        long done = sim.journalMark();
        r = action("Hangup", "Channel", agentLeg, "Cause", "16");
        assertThat(r.get("Message")).isEqualTo("Channel Hungup");
        AmiMessage at = next(done, "AttendedTransfer");
        assertThat(at.get("Result")).isEqualTo("Success");
        assertThat(at.get("OrigTransfererChannel")).isEqualTo(agentLeg);
        assertThat(at.get("TransfereeChannel")).isEqualTo(call.channel());
        assertThat(at.get("TransferTargetChannel")).isEqualTo(target);
        assertThat(at.get("DestType")).isEqualTo("Bridge");
        assertThat(at.get("DestBridgeUniqueid")).isEqualTo(at.get("OrigBridgeUniqueid"));
        assertThat(next(done, "AgentComplete").get("Reason")).isEqualTo("transfer");
        next(done, "Hangup", "Channel", agentLeg);
        next(done, "MusicOnHoldStop", "Channel", target);
        assertThat(sim.await(() -> sim.channel(target).bridge != null
                && sim.channel(target).bridge == sim.channel(call.channel()).bridge, T)).isTrue();
        assertThat(sim.phone("8001").awaitIdle(T)).isTrue();

        call.hangup();
        assertThat(sim.phone("8002").awaitIdle(T)).isTrue();
        assertThat(sim.await(() -> sim.channelNames().isEmpty(), T)).isTrue();
    }

    @Test
    void cancelAtxfer_hangsUpTheTargetAndReturnsToTheCaller() throws Exception {
        CallHandle call = answeredQueueCall("8001");
        String agentLeg = sim.phone("8001").channel();
        long mark = sim.journalMark();
        action("Atxfer", "Channel", agentLeg, "Exten", "8002", "Context", "transfer-targets");
        assertThat(sim.phone("8002").awaitRinging(T)).isTrue();
        String target = sim.phone("8002").channel();
        sim.phone("8002").answer();
        next(mark, "BridgeEnter", "Channel", target);

        long cancel = sim.journalMark();
        AmiMessage r = action("CancelAtxfer", "Channel", agentLeg);
        assertThat(r.get("Response")).isEqualTo("Success");
        assertThat(r.get("Message")).isEqualTo("CancelAtxfer successfully queued");
        next(cancel, "Hangup", "Channel", target);
        next(cancel, "MusicOnHoldStop", "Channel", call.channel());
        AmiMessage back = next(cancel, "BridgeEnter", "Channel", agentLeg);
        assertThat(back.get("BridgeNumChannels")).isEqualTo("2");
        assertThat(since(cancel)).noneMatch(m -> "AttendedTransfer".equals(m.get("Event"))
                || "AgentComplete".equals(m.get("Event")));
        assertThat(sim.phone("8002").awaitIdle(T)).isTrue();

        // cancelling while the target still rings ends the ringing leg too
        long second = sim.journalMark();
        action("Atxfer", "Channel", agentLeg, "Exten", "8002", "Context", "transfer-targets");
        assertThat(sim.phone("8002").awaitRinging(T)).isTrue();
        action("CancelAtxfer", "Channel", agentLeg);
        assertThat(next(second, "DialEnd", "DialStatus", "CANCEL").get("DestChannel")).startsWith("PJSIP/8002-");
        assertThat(sim.phone("8002").awaitIdle(T)).isTrue();
        assertThat(sim.await(() -> sim.channel(agentLeg).bridge != null
                && sim.channel(agentLeg).bridge == sim.channel(call.channel()).bridge, T)).isTrue();

        sim.phone("8001").hangup();
        assertThat(next(second, "AgentComplete").get("Reason")).isEqualTo("agent");
        assertThat(sim.await(() -> sim.channelNames().isEmpty(), T)).isTrue();
    }

    @Test
    void pickupRedirectsTheCallerRingingAColleagueToMyPhone() throws Exception {
        action("QueueAdd", "Queue", "repair", "Interface", "PJSIP/8002", "MemberName", "M8002");
        CallHandle call = sim.incomingCall("+4915112345678");
        assertThat(call.awaitActivity("WaitExten", T)).isTrue();
        call.press("1");
        assertThat(sim.phone("8002").awaitRinging(T)).isTrue();
        String ringing = sim.phone("8002").channel();
        long mark = sim.journalMark();

        AmiMessage r = action("Redirect", "Channel", call.channel(), "Context", "transfer-targets", "Exten", "8001",
                "Priority", "1");
        assertThat(r.get("Message")).isEqualTo("Redirect successful");
        next(mark, "DialEnd", "DestChannel", ringing, "DialStatus", "CANCEL");
        next(mark, "Hangup", "Channel", ringing);
        next(mark, "QueueCallerLeave", "Channel", call.channel());
        assertThat(sim.phone("8001").awaitRinging(T)).isTrue();
        sim.phone("8001").answer();
        assertThat(sim.phone("8001").awaitInCall(T)).isTrue();
        assertThat(call.awaitBridged(T)).isTrue();
        assertThat(sim.phone("8002").awaitIdle(T)).isTrue();
        assertThat(since(mark)).noneMatch(m -> "AgentConnect".equals(m.get("Event")));

        call.hangup();
        assertThat(sim.phone("8001").awaitIdle(T)).isTrue();
        assertThat(sim.await(() -> sim.channelNames().isEmpty(), T)).isTrue();
    }

    @Test
    void clickToDialHoldAndBlindTransferToAnOutsideNumber() throws Exception {
        sim.phone("8001").autoAnswer(Duration.ZERO);
        long mark = sim.journalMark();
        action("Originate", "Channel", "PJSIP/8001", "Context", "click-to-dial", "Exten", "030123456789",
                "Priority", "1", "CallerID", "\"Anna\" <8001>", "Timeout", "20000", "Async", "true",
                "ChannelId", "hd-c2d-1");
        RemoteParty first = sim.remoteParty("030123456789");
        assertThat(first.awaitRinging(T)).isTrue();
        first.answer();
        assertThat(sim.phone("8001").awaitInCall(T)).isTrue();
        String agentLeg = sim.phone("8001").channel();
        assertThat(sim.channel(agentLeg).uniqueid).isEqualTo("hd-c2d-1");
        String outside = sim.channel(agentLeg).bridge.peerOf(sim.channel(agentLeg)).name;

        action("Redirect", "Channel", outside, "Context", "cti-hold", "Exten", "s", "Priority", "1",
                "ExtraChannel", agentLeg, "ExtraContext", "cti-hold-agent", "ExtraExten", "s", "ExtraPriority", "1");
        next(mark, "MusicOnHoldStart", "Channel", outside);
        assertThat(sim.await(() -> "Wait".equals(sim.channel(agentLeg).activity), T)).isTrue();
        action("Bridge", "Channel1", agentLeg, "Channel2", outside);
        next(mark, "MusicOnHoldStop", "Channel", outside);
        assertThat(sim.phone("8001").awaitInCall(T)).isTrue();

        long bt = sim.journalMark();
        AmiMessage r = action("BlindTransfer", "Channel", agentLeg, "Context", "transfer-targets", "Exten", "0301112222");
        assertThat(r.get("Message")).isEqualTo("Transfer succeeded");
        RemoteParty second = sim.remoteParty("0301112222");
        assertThat(second.awaitRinging(T)).isTrue();
        AmiMessage dial = next(bt, "DialBegin", "DialString", "0301112222@9000");
        assertThat(dial.get("Channel")).isEqualTo(outside);
        assertThat(dial.get("Linkedid")).isEqualTo("hd-c2d-1");
        second.answer();
        next(bt, "BridgeEnter", "Channel", outside);
        assertThat(sim.phone("8001").awaitIdle(T)).isTrue();
        second.hangup();
        assertThat(first.awaitHungUp(T)).isTrue();
        assertThat(sim.await(() -> sim.channelNames().isEmpty(), T)).isTrue();
    }
}
