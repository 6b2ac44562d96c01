package cn.heatdesk.callcenter.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The supervisor's AMI over real TCP: Originate of the supervisor's phone into the {@code supervisor} context
 * (ChanSpy listen / whisper / barge with ChanSpyStart/Stop), Redirect of a waiting caller into
 * {@code supervisor-queue} (re-queued ahead with QUEUE_PRIO) and to a chosen phone, Hangup of a call's customer leg.
 */
class SupervisorSimulatorTest {

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
        ami.call(AmiBasicConformanceTest.login("sup"), T);
    }

    @AfterEach
    void stop() throws Exception {
        ami.close();
        sim.stop();
    }

    private AmiMessage action(String name, String... kv) throws Exception {
        AmiMessage a = new AmiMessage().add("Action", name).add("ActionID", "sup-" + (++n));
        for (int i = 0; i + 1 < kv.length; i += 2) {
            a.add(kv[i], kv[i + 1]);
        }
        return ami.call(a, T);
    }

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

    private CallHandle waitingCall(String number) {
        CallHandle call = sim.incomingCall(number, "Caller " + number, "4930123456");
        assertThat(call.awaitActivity("WaitExten", T)).isTrue();
        call.press("1");
        assertThat(call.awaitQueued(T)).isTrue();
        return call;
    }

    private AmiMessage next(long mark, String event, String... fv) {
        AmiMessage m = sim.awaitEvent(mark, AsteriskSimulator.event(event, fv), T);
        assertThat(m).as(event + " " + String.join(",", fv)).isNotNull();
        return m;
    }

    private String spyLeg() {
        return sim.channelNames().stream().filter(c -> c.startsWith("PJSIP/8101-")).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @CsvSource({"listen_8001,qE", "whisper_8001,qEw", "barge_8001,qEB"})
    void spyOriginateRunsChanSpyWithTheModeAndEndsWithTheSpiedCall(String exten, String options) throws Exception {
        CallHandle call = answeredQueueCall("8001");
        String agentLeg = sim.phone("8001").channel();
        long mark = sim.journalMark();
        AmiMessage r = action("Originate", "Channel", "PJSIP/8101", "Context", "supervisor", "Exten", exten,
                "Priority", "1", "CallerID", "\"监听\" <8101>", "Async", "true", "ChannelId", "hd-spy-1");
        assertThat(r.get("Response")).isEqualTo("Success");
        assertThat(sim.phone("8101").awaitRinging(T)).isTrue();
        sim.phone("8101").answer();
        AmiMessage start = next(mark, "ChanSpyStart");
        assertThat(start.get("SpyerChannel")).startsWith("PJSIP/8101-");
        assertThat(start.get("SpyerUniqueid")).isEqualTo("hd-spy-1");
        assertThat(start.get("SpyerContext")).isEqualTo("supervisor");
        assertThat(start.get("SpyerExten")).isEqualTo(exten);
        assertThat(start.get("SpyeeChannel")).isEqualTo(agentLeg);
        assertThat(start.get("SpyeeLinkedid")).isEqualTo(call.linkedid());
        next(mark, "OriginateResponse", "Response", "Success", "Uniqueid", "hd-spy-1");
        // the mode is in the application's data, as CoreShowChannels reports it
        AmiMessage ch = coreShowChannel(spyLeg());
        assertThat(ch.get("Application")).isEqualTo("ChanSpy");
        assertThat(ch.get("ApplicationData")).isEqualTo("PJSIP/8001-," + options);
        assertThat(ch.get("BridgeId")).as("ChanSpy is an audiohook, not a bridge").isNullOrEmpty();
        // the spied call is untouched
        assertThat(call.awaitBridged(Duration.ofMillis(200))).isTrue();

        long end = sim.journalMark();
        call.hangup();
        AmiMessage stop = next(end, "ChanSpyStop");
        assertThat(stop.get("SpyeeChannel")).isEqualTo(agentLeg);
        next(end, "Hangup", "Uniqueid", "hd-spy-1");
        assertThat(sim.phone("8101").awaitIdle(T)).isTrue();
    }

    private AmiMessage coreShowChannel(String name) throws Exception {
        AmiMessage a = new AmiMessage().add("Action", "CoreShowChannels").add("ActionID", "sup-" + (++n));
        for (AmiMessage m : list(a)) {
            if (name.equals(m.get("Channel"))) {
                return m;
            }
        }
        throw new AssertionError("no channel " + name);
    }

    /** a list action's events (by ActionID) */
    private List<AmiMessage> list(AmiMessage a) throws Exception {
        String id = a.get("ActionID");
        ami.call(a, T);
        return ami.messages().stream().filter(m -> m.isEvent() && id.equals(m.get("ActionID"))).toList();
    }

    @Test
    void supervisorHangingUpLeavesTheSpiedCallAlone() throws Exception {
        CallHandle call = answeredQueueCall("8001");
        long mark = sim.journalMark();
        action("Originate", "Channel", "PJSIP/8101", "Context", "supervisor", "Exten", "listen_8001", "Priority", "1",
                "Async", "true");
        assertThat(sim.phone("8101").awaitRinging(T)).isTrue();
        sim.phone("8101").answer();
        next(mark, "ChanSpyStart");
        sim.phone("8101").hangup();
        next(mark, "ChanSpyStop");
        assertThat(sim.phone("8101").awaitIdle(T)).isTrue();
        assertThat(call.isHungUp()).isFalse();
        assertThat(sim.phone("8001").awaitInCall(Duration.ofMillis(200))).isTrue();
    }

    @Test
    void hangupOfTheCustomerLegEndsTheCallWithoutTheSurvey() throws Exception {
        CallHandle call = answeredQueueCall("8001");
        long mark = sim.journalMark();
        AmiMessage r = action("Hangup", "Channel", call.channel(), "Cause", "16");
        assertThat(r.get("Response")).isEqualTo("Success");
        assertThat(call.awaitHungUp(T)).isTrue();
        assertThat(sim.phone("8001").awaitIdle(T)).isTrue();
        assertThat(next(mark, "AgentComplete").get("Reason")).isEqualTo("caller");
    }

    @Test
    void interceptRedirectsTheCustomerToTheSupervisorAndTheAgentLegEnds() throws Exception {
        CallHandle call = answeredQueueCall("8001");
        long mark = sim.journalMark();
        AmiMessage r = action("Redirect", "Channel", call.channel(), "Context", "transfer-targets", "Exten", "8101",
                "Priority", "1");
        assertThat(r.get("Message")).isEqualTo("Redirect successful");
        assertThat(sim.phone("8001").awaitIdle(T)).isTrue();
        assertThat(sim.phone("8101").awaitRinging(T)).isTrue();
        sim.phone("8101").answer();
        assertThat(call.awaitBridged(T)).isTrue();
        next(mark, "BridgeEnter", "Channel", call.channel());
        assertThat(call.isHungUp()).isFalse();
    }

    @Test
    void redirectIntoSupervisorQueuePutsTheCallerAheadWithQueuePrio() throws Exception {
        // a member who is paused: both callers wait
        action("QueueAdd", "Queue", "repair", "Interface", "PJSIP/8001", "MemberName", "M8001", "Paused", "true");
        CallHandle first = waitingCall("+4915100000001");
        CallHandle second = waitingCall("+4915100000002");
        long mark = sim.journalMark();
        AmiMessage r = action("Redirect", "Channel", second.channel(), "Context", "supervisor-queue", "Exten", "repair",
                "Priority", "1");
        assertThat(r.get("Response")).isEqualTo("Success");
        AmiMessage join = next(mark, "QueueCallerJoin", "Channel", second.channel());
        assertThat(join.get("Position")).isEqualTo("1");
        assertThat(join.get("Count")).isEqualTo("2");
        // QueueStatus: the priority and the new order
        AmiMessage a = new AmiMessage().add("Action", "QueueStatus").add("Queue", "repair").add("ActionID", "sup-" + (++n));
        List<AmiMessage> status = list(a);
        List<AmiMessage> entries = status.stream().filter(m -> "QueueEntry".equals(m.get("Event"))).toList();
        assertThat(entries).extracting(m -> m.get("Channel")).containsExactly(second.channel(), first.channel());
        assertThat(entries.get(0).get("Priority")).isEqualTo("10");
        assertThat(entries.get(1).get("Priority")).isEqualTo("0");
        // the member becomes free: the prioritised caller rings first
        action("QueuePause", "Queue", "repair", "Interface", "PJSIP/8001", "Paused", "false");
        assertThat(sim.phone("8001").awaitRinging(T)).isTrue();
        AmiMessage called = next(mark, "AgentCalled");
        assertThat(called.get("Channel")).isEqualTo(second.channel());
        assertThat(first.isHungUp()).isFalse();
    }

    @Test
    void redirectOfAWaitingCallerToAPhoneRingsThatPhone() throws Exception {
        action("QueueAdd", "Queue", "repair", "Interface", "PJSIP/8001", "MemberName", "M8001", "Paused", "true");
        CallHandle call = waitingCall("+4915100000003");
        long mark = sim.journalMark();
        action("Redirect", "Channel", call.channel(), "Context", "transfer-targets", "Exten", "8002", "Priority", "1");
        next(mark, "QueueCallerLeave", "Channel", call.channel());
        assertThat(sim.phone("8002").awaitRinging(T)).isTrue();
        sim.phone("8002").answer();
        assertThat(call.awaitBridged(T)).isTrue();
    }
}
