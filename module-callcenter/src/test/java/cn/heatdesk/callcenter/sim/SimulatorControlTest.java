package cn.heatdesk.callcenter.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Control API behaviour: queue rules (pause, ring timeout, wrapup), restart mid-call, event storm. */
class SimulatorControlTest {

    private static final Duration T = Duration.ofSeconds(10);
    private AsteriskSimulator sim;

    @AfterEach
    void stop() {
        sim.stop();
    }

    private void start(Duration timeout, Duration wrapup) {
        sim = new AsteriskSimulator(new SimConfig().promptDuration(Duration.ofMillis(50))
                .queues(List.of(SimConfig.QueueConfig.repair().withTiming(timeout, Duration.ofMillis(100), wrapup))));
        sim.start();
    }

    private void addMember(AmiTestClient c, String ext, boolean paused) throws Exception {
        c.call(new AmiMessage().add("Action", "QueueAdd").add("ActionID", "add" + ext).add("Queue", "repair")
                .add("Interface", "PJSIP/" + ext).add("MemberName", "M" + ext).add("Paused", paused), T);
    }

    @Test
    void pausedMembersAreSkipped_ringTimeoutRetries_agentHangupGivesReasonAgent() throws Exception {
        start(Duration.ofMillis(300), Duration.ofSeconds(1));
        try (AmiTestClient c = new AmiTestClient(sim.port())) {
            c.call(AmiBasicConformanceTest.login("x"), T);
            addMember(c, "8001", true);
            addMember(c, "8002", false);
            long mark = sim.journalMark();
            CallHandle call = sim.incomingCall("+491000");
            assertThat(call.awaitActivity("WaitExten", T)).isTrue();
            call.press("1");
            // 8002 rings (8001 is paused) and times out: AgentRingNoAnswer, then it is rung again
            assertThat(sim.awaitEvent(mark, AsteriskSimulator.event("AgentRingNoAnswer", "Interface", "PJSIP/8002"),
                    T)).isNotNull();
            assertThat(sim.journal()).noneMatch(m -> "AgentCalled".equals(m.get("Event"))
                    && "PJSIP/8001".equals(m.get("Interface")));
            assertThat(sim.phone("8002").awaitRinging(T)).isTrue();
            sim.phone("8002").answer();
            assertThat(call.awaitBridged(T)).isTrue();
            sim.phone("8002").hangup();
            assertThat(call.awaitActivity("Read", T)).isTrue();
            call.hangup();
            assertThat(call.awaitHungUp(T)).isTrue();
            // a second caller is served by the same agent once its wrapup time is over
            long mark2 = sim.journalMark();
            CallHandle second = sim.incomingCall("+492000");
            assertThat(second.awaitActivity("WaitExten", T)).isTrue();
            second.press("1");
            assertThat(second.awaitQueued(T)).isTrue();
            AmiMessage called = sim.awaitEvent(mark2, AsteriskSimulator.event("AgentCalled"), T);
            assertThat(called).isNotNull();
            AmiMessage complete = sim.journal().stream().filter(m -> "AgentComplete".equals(m.get("Event")))
                    .findFirst().orElseThrow();
            assertThat(complete.get("Reason")).isEqualTo("agent");
            second.hangup();
            assertThat(second.awaitHungUp(T)).isTrue();
        }
    }

    /** autofill=yes (as the bundle renders queues.conf): a ringing head-of-queue caller does not hold up the next */
    @Test
    void autofill_secondCallerRingsAFreeMemberWhileTheFirstStillRings_butNotWithoutOne() throws Exception {
        start(Duration.ofSeconds(8), Duration.ZERO);
        try (AmiTestClient c = new AmiTestClient(sim.port())) {
            c.call(AmiBasicConformanceTest.login("x"), T);
            addMember(c, "8001", false);
            long mark = sim.journalMark();
            CallHandle first = sim.incomingCall("+491001");
            assertThat(first.awaitActivity("WaitExten", T)).isTrue();
            first.press("1");
            assertThat(sim.awaitEvent(mark, AsteriskSimulator.event("AgentCalled", "Interface", "PJSIP/8001"), T))
                    .isNotNull();
            // one member, and it is ringing for the first caller: the second waits (no member is free)
            CallHandle second = sim.incomingCall("+491002");
            assertThat(second.awaitActivity("WaitExten", T)).isTrue();
            second.press("1");
            assertThat(second.awaitQueued(T)).isTrue();
            Thread.sleep(500);
            assertThat(sim.journal()).filteredOn(m -> "AgentCalled".equals(m.get("Event"))).hasSize(1);
            // a second member comes free: the second caller rings it at once, the first still ringing 8001
            long mark2 = sim.journalMark();
            addMember(c, "8002", false);
            AmiMessage called = sim.awaitEvent(mark2, AsteriskSimulator.event("AgentCalled", "Interface", "PJSIP/8002"),
                    Duration.ofSeconds(3));
            assertThat(called).as("offered before the first caller's 8 s ring timeout").isNotNull();
            assertThat(called.get("CallerIDNum")).isEqualTo("+491002");
            assertThat(sim.journal()).noneMatch(m -> "AgentRingNoAnswer".equals(m.get("Event")));
            first.hangup();
            second.hangup();
            assertThat(first.awaitHungUp(T)).isTrue();
            assertThat(second.awaitHungUp(T)).isTrue();
        }
    }

    @Test
    void restartDuringACall_dropsCallsMembersAndClients() throws Exception {
        start(Duration.ofSeconds(5), Duration.ZERO);
        try (AmiTestClient c = new AmiTestClient(sim.port())) {
            c.call(AmiBasicConformanceTest.login("x"), T);
            addMember(c, "8001", false);
            CallHandle call = sim.incomingCall("+491000");
            assertThat(call.awaitActivity("WaitExten", T)).isTrue();
            call.press("1");
            assertThat(sim.phone("8001").awaitRinging(T)).isTrue();
            sim.restart();
            assertThat(c.awaitEof(T)).isTrue();
        }
        assertThat(sim.channelNames()).isEmpty();
        assertThat(sim.queueMembers("repair")).isEmpty();
        assertThat(sim.phone("8001").deviceState()).isEqualTo("NOT_INUSE");
        try (AmiTestClient c = new AmiTestClient(sim.port())) {
            c.call(AmiBasicConformanceTest.login("y"), T);
            int i = c.await(m -> "FullyBooted".equals(m.get("Event")), T);
            assertThat(c.messages().get(i).get("Uptime")).isEqualTo("0");
        }
    }

    @Test
    void eventStorm_reachesTheClientInOrder() throws Exception {
        start(Duration.ofSeconds(5), Duration.ZERO);
        try (AmiTestClient c = new AmiTestClient(sim.port())) {
            c.call(AmiBasicConformanceTest.login("x"), T);
            sim.eventStorm(5000);
            int last = c.await(m -> "STORM".equals(m.get("Variable")) && "4999".equals(m.get("Value")), T);
            List<AmiMessage> storm = c.messages().subList(0, last + 1).stream()
                    .filter(m -> "STORM".equals(m.get("Variable"))).toList();
            assertThat(storm).hasSize(5000);
            assertThat(storm.get(1234).get("Value")).isEqualTo("1234");
        }
    }
}
