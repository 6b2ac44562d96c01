package cn.heatdesk.callcenter.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fixtures a (status actions, Events off at login), b (queue member management) and j (core restart now):
 * the fixture's exact tx bytes are replayed over TCP and the rx is compared with the real Asterisk's.
 * Values that may differ: ActionID-independent ids and times (Timestamp, CoreStartup*, CoreReload*, Uptime,
 * LoginTime, LastPause, SessionID, addresses) and the queue statistics that depend on the reference system's
 * earlier calls (TalkTime, Completed, Abandoned, ServicelevelPerf*, CoreProcessedCalls).
 */
class AmiBasicConformanceTest {

    private static final Duration T = Duration.ofSeconds(5);
    private AsteriskSimulator sim;

    @BeforeEach
    void start() {
        sim = new AsteriskSimulator(new SimConfig());
        sim.start();
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    private List<AmiMessage> replay(String scenario) throws Exception {
        try (AmiTestClient c = new AmiTestClient(sim.port())) {
            for (AmiMessage action : Fixture.tx(scenario)) {
                if ("Logoff".equals(action.get("Action"))) {
                    c.send(action);
                    assertThat(c.awaitEof(T)).as("socket closes after Logoff").isTrue();
                } else {
                    c.call(action, T);
                }
            }
            Conformance.assertFraming(c.rawText());
            assertThat(c.banner()).isEqualTo("Asterisk Call Manager/11.0.0");
            return c.messages();
        }
    }

    @Test
    void a_basicStatus_sameResponsesListsAndFieldOrder_noEventsWhileEventsOff() throws Exception {
        List<AmiMessage> actual = replay("a_basic_status");
        List<AmiMessage> fixture = Fixture.rx("a_basic_status");
        assertThat(Conformance.tokens(actual)).isEqualTo(Conformance.tokens(fixture));
        Conformance.assertSameStory(fixture, actual, Set.of());
        // with Events: off at login neither FullyBooted nor SuccessfulAuth arrives
        assertThat(actual).noneMatch(m -> "FullyBooted".equals(m.get("Event")));
        assertThat(actual.get(2).get("SystemName")).isEqualTo("heatdesk-ref");
    }

    @Test
    void b_queueMemberManagement_sameSequenceFieldsAndTexts() throws Exception {
        // the reference Asterisk had seen PJSIP/8001 as member before, so its pause device state was cached
        try (AmiTestClient warm = new AmiTestClient(sim.port())) {
            warm.call(login("w-1"), T);
            warm.call(new AmiMessage().add("Action", "QueueAdd").add("ActionID", "w-2").add("Queue", "repair")
                    .add("Interface", "PJSIP/8001"), T);
            warm.call(new AmiMessage().add("Action", "QueueRemove").add("ActionID", "w-3").add("Queue", "repair")
                    .add("Interface", "PJSIP/8001"), T);
        }
        List<AmiMessage> actual = replay("b_queue_member_mgmt");
        List<AmiMessage> fixture = Fixture.rx("b_queue_member_mgmt");
        assertThat(Conformance.tokens(actual)).isEqualTo(Conformance.tokens(fixture));
        Conformance.assertSameStory(fixture, actual, Set.of());
        AmiMessage paused = actual.stream().filter(m -> "QueueMemberPause".equals(m.get("Event"))).findFirst()
                .orElseThrow();
        assertThat(paused.get("PausedReason")).isEqualTo("Lunch break");
        assertThat(actual.get(actual.size() - 2).get("Message")).isEqualTo("Unable to remove interface: Not there");
    }

    static AmiMessage login(String id) {
        return new AmiMessage().add("Action", "Login").add("ActionID", id).add("Username", "heatdesk")
                .add("Secret", "heatdesk-secret");
    }

    @Test
    void j_coreRestartNow_closesWithoutResponse_thenUptimeZeroAndMembersGone() throws Exception {
        sim.stop();
        // down for a little over a second so the new CoreStartupTime (1 s resolution) must differ
        sim = new AsteriskSimulator(new SimConfig().restartDowntime(Duration.ofMillis(1100)));
        sim.start();
        List<AmiMessage> fixture = Fixture.rx("j_core_restart_reconnect");
        List<AmiMessage> tx = Fixture.tx("j_core_restart_reconnect");
        String firstStart;
        List<AmiMessage> first;
        try (AmiTestClient c = new AmiTestClient(sim.port())) {
            c.call(tx.get(0), T);
            c.call(new AmiMessage().add("Action", "QueueAdd").add("ActionID", "x-1").add("Queue", "repair")
                    .add("Interface", "PJSIP/8001"), T);
            firstStart = c.call(new AmiMessage().add("Action", "CoreStatus").add("ActionID", "x-2"), T)
                    .get("CoreStartupTime");
            c.call(tx.get(1), T);
            c.send(tx.get(2));
            assertThat(c.awaitEof(T)).as("core restart now closes the socket").isTrue();
            first = c.messages();
        }
        assertThat(first).noneMatch(m -> "j-3".equals(m.get("ActionID")));
        assertThat(first).noneMatch(m -> "Shutdown".equals(m.get("Event")));
        // fixture part 1: Login response, FullyBooted, SuccessfulAuth, Command output (QueueAdd/CoreStatus removed)
        List<AmiMessage> mine = first.stream().filter(m -> !"x-1".equals(m.get("ActionID"))
                && !"x-2".equals(m.get("ActionID")) && !"QueueMemberAdded".equals(m.get("Event"))
                && !"DeviceStateChange".equals(m.get("Event"))).toList();
        assertThat(Conformance.tokens(mine)).isEqualTo(Conformance.tokens(fixture.subList(0, 4)));
        Conformance.assertFieldOrder(fixture, first);
        try (AmiTestClient c = reconnect()) {
            for (AmiMessage action : tx.subList(3, tx.size())) {
                if ("Logoff".equals(action.get("Action"))) {
                    c.send(action);
                    assertThat(c.awaitEof(T)).isTrue();
                } else {
                    c.call(action, T);
                }
            }
            List<AmiMessage> second = c.messages();
            List<AmiMessage> fixtureSecond = fixture.subList(4, fixture.size());
            assertThat(Conformance.tokens(second)).isEqualTo(Conformance.tokens(fixtureSecond));
            Conformance.assertSameStory(fixtureSecond, second, Set.of());
            AmiMessage booted = second.stream().filter(m -> "FullyBooted".equals(m.get("Event"))).findFirst()
                    .orElseThrow();
            assertThat(booted.get("Uptime")).isEqualTo("0");
            AmiMessage status = second.stream().filter(m -> "j-5".equals(m.get("ActionID"))).findFirst().orElseThrow();
            assertThat(status.get("CoreStartupTime")).isNotEqualTo(firstStart);
            assertThat(second).noneMatch(m -> "QueueMember".equals(m.get("Event")));
            Conformance.assertFraming(c.rawText());
        }
        assertThat(sim.queueMembers("repair")).isEmpty();
    }

    /** like the recorder's client: retry until Asterisk accepts connections again */
    private AmiTestClient reconnect() throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try {
                return new AmiTestClient(sim.port());
            } catch (java.net.ConnectException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    @Test
    void md5ChallengeLogin_unknownAction_permissionAndBadSecret() throws Exception {
        try (AmiTestClient c = new AmiTestClient(sim.port())) {
            AmiMessage denied = c.call(new AmiMessage().add("Action", "Ping").add("ActionID", "p-0"), T);
            assertThat(denied.get("Response")).isEqualTo("Error");
            assertThat(denied.get("Message")).isEqualTo("Permission denied");
            AmiMessage ch = c.call(new AmiMessage().add("Action", "Challenge").add("ActionID", "p-1")
                    .add("AuthType", "MD5"), T);
            String key = AmiActions.md5(ch.get("Challenge") + "heatdesk-secret");
            AmiMessage ok = c.call(new AmiMessage().add("Action", "Login").add("ActionID", "p-2")
                    .add("AuthType", "MD5").add("Username", "heatdesk").add("Key", key), T);
            assertThat(ok.get("Message")).isEqualTo("Authentication accepted");
            AmiMessage unknown = c.call(new AmiMessage().add("Action", "FooBar").add("ActionID", "p-3"), T);
            assertThat(unknown.get("Response")).isEqualTo("Error");
            assertThat(unknown.get("Message")).isEqualTo("Invalid/unknown command");
        }
        try (AmiTestClient c = new AmiTestClient(sim.port())) {
            AmiMessage bad = c.call(new AmiMessage().add("Action", "Login").add("ActionID", "q-1")
                    .add("Username", "heatdesk").add("Secret", "wrong"), T);
            assertThat(bad.get("Message")).isEqualTo("Authentication failed");
            assertThat(c.awaitEof(T)).isTrue();
        }
    }

    @Test
    void eventMaskFiltersByClass_andDropConnectionsKeepsState() throws Exception {
        try (AmiTestClient agentOnly = new AmiTestClient(sim.port()); AmiTestClient all = new AmiTestClient(sim.port())) {
            agentOnly.call(login("m-1").add("Events", "agent"), T);
            all.call(login("n-1"), T);
            all.call(new AmiMessage().add("Action", "QueueAdd").add("ActionID", "n-2").add("Queue", "repair")
                    .add("Interface", "PJSIP/8002"), T);
            all.await(m -> "DeviceStateChange".equals(m.get("Event")) && "Queue:repair_avail".equals(m.get("Device")),
                    T);
            agentOnly.await(m -> "QueueMemberAdded".equals(m.get("Event")), T);
            // call-class events (DeviceStateChange) and security events are filtered for the agent-only session
            assertThat(agentOnly.messages()).noneMatch(m -> "DeviceStateChange".equals(m.get("Event"))
                    || "SuccessfulAuth".equals(m.get("Event")) || "FullyBooted".equals(m.get("Event")));
            AmiMessage off = agentOnly.call(new AmiMessage().add("Action", "Events").add("ActionID", "m-2")
                    .add("EventMask", "off"), T);
            assertThat(off.get("Events")).isEqualTo("Off");
            sim.dropConnections();
            assertThat(agentOnly.awaitEof(T)).isTrue();
            assertThat(all.awaitEof(T)).isTrue();
        }
        assertThat(sim.queueMembers("repair")).containsExactly("PJSIP/8002");
        try (AmiTestClient c = new AmiTestClient(sim.port())) {
            c.call(login("r-1"), T);
            int i = c.await(m -> "FullyBooted".equals(m.get("Event")), T);
            assertThat(Integer.parseInt(c.messages().get(i).get("Uptime"))).isGreaterThanOrEqualTo(0);
        }
    }
}
