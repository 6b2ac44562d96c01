package cn.heatdesk.callcenter.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Call scenarios c, d, e, f, i, k: the same story as on the reference system (same caller ids, same AMI actions,
 * same FastAGI scripts replayed by a test AGI server over TCP), compared with {@link Conformance}. Timers are
 * shortened (ring timeout, retry, prompts); therefore HoldTime/TalkTime/RingTime and the *TIME variables differ.
 */
class CallFlowConformanceTest {

    private static final Duration T = Duration.ofSeconds(10);
    private AsteriskSimulator sim;
    private ScriptedAgiServer agi;

    @AfterEach
    void stop() throws Exception {
        if (sim != null) {
            sim.stop();
        }
        if (agi != null) {
            agi.close();
        }
    }

    private void start(String scenarioPrefix, String... agiFiles) throws Exception {
        start(scenarioPrefix, Duration.ofMillis(200), agiFiles);
    }

    private void start(String scenarioPrefix, Duration retry, String... agiFiles) throws Exception {
        agi = new ScriptedAgiServer();
        for (String f : agiFiles) {
            String script = f.replaceAll("^.*-\\d{3}-(.+)\\.agi\\.txt$", "$1");
            String caller = ScriptedAgiServer.value(Fixture.agiAsteriskLines(f), "agi_callerid");
            agi.script(script, caller, Fixture.agiCommands(f));
        }
        SimConfig cfg = new SimConfig().agi("127.0.0.1", agi.port())
                .queues(List.of(SimConfig.QueueConfig.repair().withTiming(Duration.ofMillis(800),
                        retry, Duration.ofMillis(200))))
                // in some fixtures the caller pressed 1 during the welcome prompt, in others only in WaitExten
                .promptDuration(usesWaitExten(scenarioPrefix) ? Duration.ofMillis(100) : Duration.ofSeconds(5))
                .streamFileDuration(Duration.ofMillis(100));
        sim = new AsteriskSimulator(cfg);
        sim.start();
    }

    /**
     * The reference Asterisk had these interfaces as members before the recording, so their
     * Queue:repair_pause_X device state was cached and no DeviceStateChange appeared at QueueAdd.
     */
    private void warmUp(String... ifaces) throws Exception {
        try (AmiTestClient w = login("warm")) {
            for (String i : ifaces) {
                w.call(new AmiMessage().add("Action", "QueueAdd").add("ActionID", "wa" + i).add("Queue", "repair")
                        .add("Interface", i), T);
                w.call(new AmiMessage().add("Action", "QueueRemove").add("ActionID", "wr" + i)
                        .add("Queue", "repair").add("Interface", i), T);
            }
        }
    }

    private AmiTestClient login(String id) throws Exception {
        AmiTestClient c = new AmiTestClient(sim.port());
        c.call(AmiBasicConformanceTest.login(id), T);
        return c;
    }

    private static AmiMessage tx(String scenario, String actionId) {
        return Fixture.tx(scenario).stream().filter(a -> actionId.equals(a.get("ActionID"))).findFirst()
                .orElseThrow();
    }

    private void logoff(AmiTestClient c, String id) throws Exception {
        c.send(new AmiMessage().add("Action", "Logoff").add("ActionID", id));
        assertThat(c.awaitEof(T)).isTrue();
    }

    private static boolean usesWaitExten(String scenario) {
        return Fixture.rx(scenario).stream().anyMatch(m -> "WaitExten".equals(m.get("Application")));
    }

    /** the caller presses 1 where the fixture's caller did (BackGround or WaitExten) */
    private static void pressOne(CallHandle call, String scenario) {
        assertThat(call.awaitActivity(usesWaitExten(scenario) ? "WaitExten" : "BackGround", T)).isTrue();
        call.press("1");
    }

    /** the AGI sessions: same environment keys in the same order, same reply shapes as agi/*.agi.txt */
    private void assertAgi(String... files) {
        assertThat(agi.sessions).hasSize(files.length);
        for (String f : files) {
            List<String> asterisk = Fixture.agiAsteriskLines(f);
            int blank = asterisk.indexOf("");
            List<String> envKeys = asterisk.subList(0, blank).stream().map(l -> l.substring(0, l.indexOf(':')))
                    .toList();
            List<String> replies = asterisk.subList(blank + 1, asterisk.size());
            String script = ScriptedAgiServer.value(asterisk, "agi_network_script");
            String caller = ScriptedAgiServer.value(asterisk, "agi_callerid");
            ScriptedAgiServer.Session s = agi.sessions.stream().filter(x -> x.script().equals(script)
                    && ScriptedAgiServer.value(x.environment(), "agi_callerid").equals(caller)).findFirst()
                    .orElseThrow(() -> new AssertionError("no AGI session " + script + " for " + caller));
            assertThat(s.environment().stream().map(l -> l.substring(0, l.indexOf(':'))).toList())
                    .as("agi env keys of %s", f).isEqualTo(envKeys);
            for (String k : List.of("agi_network", "agi_network_script", "agi_request", "agi_language", "agi_type",
                    "agi_version", "agi_callerid", "agi_calleridname", "agi_dnid", "agi_rdnis", "agi_context",
                    "agi_extension", "agi_priority", "agi_enhanced", "agi_accountcode")) {
                String expected = ScriptedAgiServer.value(asterisk, k)
                        .replace("127.0.0.1:4573", "127.0.0.1:" + agi.port());
                assertThat(ScriptedAgiServer.value(s.environment(), k)).as("%s %s", f, k).isEqualTo(expected);
            }
            List<String> mine = new ArrayList<>();
            for (String r : s.replies()) {
                mine.add(r.replaceAll("PJSIP/9000-[0-9a-f]{8}", "CHAN").replaceAll("heatdesk-ref-\\d+\\.\\d+", "UID")
                        .replaceAll("endpos=\\d+", "endpos=N"));
            }
            List<String> theirs = replies.stream().map(r -> r.replaceAll("PJSIP/9000-[0-9a-f]{8}", "CHAN")
                    .replaceAll("heatdesk-ref-\\d+\\.\\d+", "UID").replaceAll("endpos=\\d+", "endpos=N")).toList();
            assertThat(mine).as("AGI replies of %s", f).isEqualTo(theirs);
        }
    }

    @Test
    void c_ivrQueueAnswer_callerHangsUp() throws Exception {
        String sc = "c_inbound_ivr_queue_answer";
        start(sc, "c_inbound_ivr_queue_answer-006-blacklist.agi.txt", "c_inbound_ivr_queue_answer-007-ivr.agi.txt",
                "c_inbound_ivr_queue_answer-008-agent-connect.agi.txt");
        warmUp("PJSIP/8001");
        try (AmiTestClient c = login("c-1")) {
            c.call(tx(sc, "c-2"), T);
            CallHandle call = sim.incomingCall("+4915112345678", "Max Mustermann", "4930123456");
            pressOne(call, sc);
            assertThat(sim.phone("8001").awaitRinging(T)).isTrue();
            sim.phone("8001").answer();
            assertThat(call.awaitBridged(T)).isTrue();
            call.hangup();
            assertThat(call.awaitHungUp(T)).isTrue();
            assertThat(sim.phone("8001").awaitIdle(T)).isTrue();
            c.await(m -> "DeviceStateChange".equals(m.get("Event")) && "PJSIP/8001".equals(m.get("Device"))
                    && "NOT_INUSE".equals(m.get("State")), T);
            c.call(tx(sc, "c-3"), T);
            c.call(tx(sc, "c-4"), T);
            logoff(c, "c-5");
            Conformance.assertFraming(c.rawText());
            Conformance.assertSameStory(Fixture.rx(sc), c.messages(), Set.of());
        }
        assertAgi("c_inbound_ivr_queue_answer-006-blacklist.agi.txt", "c_inbound_ivr_queue_answer-007-ivr.agi.txt",
                "c_inbound_ivr_queue_answer-008-agent-connect.agi.txt");
    }

    @Test
    void d_emptyQueue_callerAbandons() throws Exception {
        String sc = "d_queue_abandon";
        start(sc, "d_queue_abandon-009-blacklist.agi.txt", "d_queue_abandon-010-ivr.agi.txt");
        try (AmiTestClient c = login("d-1")) {
            CallHandle call = sim.incomingCall("+4930555111", "Erika Wartend", "4930123456");
            pressOne(call, sc);
            assertThat(call.awaitQueued(T)).isTrue();
            AmiMessage status = c.call(tx(sc, "d-2"), T);
            assertThat(status.get("Message")).isEqualTo("Queue status will follow");
            call.hangup();
            assertThat(call.awaitHungUp(T)).isTrue();
            c.await(m -> "Cdr".equals(m.get("Event")), T);
            logoff(c, "d-3");
            Conformance.assertSameStory(Fixture.rx(sc), c.messages(), Set.of());
        }
        assertAgi("d_queue_abandon-009-blacklist.agi.txt", "d_queue_abandon-010-ivr.agi.txt");
    }

    @Test
    void e_ringNoAnswer_thenSecondAgentAnswers() throws Exception {
        String sc = "e_ringnoanswer_then_second_agent";
        start(sc, Duration.ofSeconds(2), "e_ringnoanswer_then_second_agent-011-blacklist.agi.txt",
                "e_ringnoanswer_then_second_agent-012-ivr.agi.txt",
                "e_ringnoanswer_then_second_agent-013-agent-connect.agi.txt");
        warmUp("PJSIP/8001");
        sim.phone("8002").neverAnswer();
        try (AmiTestClient c = login("e-1")) {
            c.call(tx(sc, "e-2"), T);
            c.call(tx(sc, "e-3"), T);
            CallHandle call = sim.incomingCall("+4940777888", "Klaus Geduldig", "4930123456");
            pressOne(call, sc);
            c.await(m -> "AgentRingNoAnswer".equals(m.get("Event")), T);
            c.await(m -> "DeviceStateChange".equals(m.get("Event")) && "Queue:repair_avail".equals(m.get("Device"))
                    && "NOT_INUSE".equals(m.get("State")), T);
            c.call(tx(sc, "e-4"), T);
            assertThat(sim.phone("8001").awaitRinging(T)).isTrue();
            sim.phone("8001").answer();
            assertThat(call.awaitBridged(T)).isTrue();
            call.hangup();
            assertThat(sim.phone("8001").awaitIdle(T)).isTrue();
            c.await(m -> "DeviceStateChange".equals(m.get("Event")) && "PJSIP/8001".equals(m.get("Device"))
                    && "NOT_INUSE".equals(m.get("State")), T);
            c.call(tx(sc, "e-5"), T);
            c.call(tx(sc, "e-6"), T);
            logoff(c, "e-7");
            Conformance.assertSameStory(Fixture.rx(sc), c.messages(), Set.of());
        }
        assertAgi("e_ringnoanswer_then_second_agent-011-blacklist.agi.txt",
                "e_ringnoanswer_then_second_agent-012-ivr.agi.txt",
                "e_ringnoanswer_then_second_agent-013-agent-connect.agi.txt");
    }

    @Test
    void i_mixMonitorViaDialplanAndAmi() throws Exception {
        String sc = "i_mixmonitor";
        start(sc, "i_mixmonitor-028-blacklist.agi.txt", "i_mixmonitor-029-ivr.agi.txt",
                "i_mixmonitor-030-agent-connect.agi.txt");
        warmUp("PJSIP/8001");
        try (AmiTestClient c = login("i-1")) {
            c.call(tx(sc, "i-2"), T);
            CallHandle call = sim.incomingCall("+4969100200", "Rec Ording", "4930123456");
            pressOne(call, sc);
            assertThat(sim.phone("8001").awaitRinging(T)).isTrue();
            sim.phone("8001").answer();
            assertThat(call.awaitBridged(T)).isTrue();
            String agent = sim.phone("8001").channel();
            AmiMessage file = c.call(tx(sc, "i-3").fields().isEmpty() ? null : withChannel(tx(sc, "i-3"),
                    call.channel()), T);
            assertThat(file.get("Value")).isEqualTo(call.variable("MIXMONITOR_FILENAME")).endsWith(".wav");
            for (String id : List.of("i-4", "i-5", "i-6", "i-7", "i-8")) {
                c.call(withChannel(tx(sc, id), agent), T);
            }
            boolean agentHangsUp = Fixture.rx(sc).stream().filter(m -> "HangupRequest".equals(m.get("Event")))
                    .findFirst().orElseThrow().get("Channel").startsWith("PJSIP/8001");
            if (agentHangsUp) {
                sim.phone("8001").hangup();
            } else {
                call.hangup();
            }
            assertThat(call.awaitHungUp(T)).isTrue();
            assertThat(sim.phone("8001").awaitIdle(T)).isTrue();
            c.await(m -> "DeviceStateChange".equals(m.get("Event")) && "PJSIP/8001".equals(m.get("Device"))
                    && "NOT_INUSE".equals(m.get("State")), T);
            c.call(tx(sc, "i-9"), T);
            c.call(tx(sc, "i-10"), T);
            logoff(c, "i-11");
            Conformance.assertSameStory(Fixture.rx(sc), c.messages(), Set.of());
        }
    }

    /** replaces the fixture's channel name (another sequence number) with the simulator's */
    private static AmiMessage withChannel(AmiMessage action, String channel) {
        AmiMessage m = new AmiMessage();
        action.fields().forEach(e -> m.add(e.getKey(), "Channel".equals(e.getKey()) ? channel : e.getValue()));
        return m;
    }

    @Test
    void k_blacklistedCallerReleased_agentHangsUpFirst_survey() throws Exception {
        String sc = "k_fastagi_blacklist_ivr_survey";
        String[] files = {"k_fastagi_blacklist_ivr_survey-043-blacklist.agi.txt",
                "k_fastagi_blacklist_ivr_survey-044-blacklist.agi.txt", "k_fastagi_blacklist_ivr_survey-045-ivr.agi.txt",
                "k_fastagi_blacklist_ivr_survey-046-agent-connect.agi.txt",
                "k_fastagi_blacklist_ivr_survey-047-survey.agi.txt"};
        start(sc, files);
        warmUp("PJSIP/8001");
        try (AmiTestClient c = login("k-1")) {
            CallHandle spam = sim.incomingCall("+4917600000666", "Spam Caller", "4930123456");
            assertThat(spam.awaitHungUp(T)).isTrue();
            c.await(m -> "DeviceStateChange".equals(m.get("Event")) && "PJSIP/9000".equals(m.get("Device"))
                    && "NOT_INUSE".equals(m.get("State")), T);
            c.call(tx(sc, "k-2"), T);
            CallHandle call = sim.incomingCall("+4951144455", "Survey Teilnehmer", "4930123456");
            pressOne(call, sc);
            assertThat(sim.phone("8001").awaitRinging(T)).isTrue();
            sim.phone("8001").answer();
            assertThat(call.awaitBridged(T)).isTrue();
            sim.phone("8001").hangup();
            assertThat(call.awaitActivity("Read", T)).isTrue();
            call.press("4");
            assertThat(call.awaitActivity("GetData", T)).isTrue();
            call.press("5");
            assertThat(call.awaitHungUp(T)).isTrue();
            c.await(m -> "DeviceStateChange".equals(m.get("Event")) && "PJSIP/9000".equals(m.get("Device"))
                    && "NOT_INUSE".equals(m.get("State")), T);
            assertThat(call.variable("SURVEY_Q2")).isEqualTo("5");
            c.call(tx(sc, "k-3"), T);
            c.call(tx(sc, "k-4"), T);
            logoff(c, "k-5");
            Conformance.assertSameStory(Fixture.rx(sc), c.messages(), Set.of());
        }
        assertAgi(files);
    }

    @Test
    void f_clickToDialOriginate_successReason4_failureReason3() throws Exception {
        String sc = "f_click_to_dial_originate";
        start(sc);
        try (AmiTestClient c = login("f-1")) {
            c.call(tx(sc, "f-2"), T);
            assertThat(sim.phone("8001").awaitRinging(T)).isTrue();
            sim.phone("8001").answer();
            RemoteParty remote = sim.remoteParty("030123456789");
            assertThat(remote.awaitRinging(T)).isTrue();
            remote.answer();
            assertThat(sim.phone("8001").awaitInCall(T)).isTrue();
            remote.hangup();
            assertThat(sim.phone("8001").awaitIdle(T)).isTrue();
            c.await(m -> "DeviceStateChange".equals(m.get("Event")) && "PJSIP/9000".equals(m.get("Device"))
                    && "NOT_INUSE".equals(m.get("State")), T);
            // Timeout 5000 in the fixture; 1000 here to keep the test short
            AmiMessage second = new AmiMessage();
            tx(sc, "f-3").fields().forEach(e -> second.add(e.getKey(), "Timeout".equals(e.getKey()) ? "1000"
                    : e.getValue()));
            c.call(second, T);
            c.await(m -> "DeviceStateChange".equals(m.get("Event")) && "PJSIP/8002".equals(m.get("Device"))
                    && "NOT_INUSE".equals(m.get("State")), T);
            logoff(c, "f-4");
            List<AmiMessage> mine = c.messages();
            Conformance.assertSameStory(Fixture.rx(sc), mine, Set.of());
            AmiMessage ok = mine.stream().filter(m -> "OriginateResponse".equals(m.get("Event"))).findFirst()
                    .orElseThrow();
            assertThat(ok.get("Uniqueid")).isEqualTo("c2d-anna-0001");
            assertThat(ok.get("Reason")).isEqualTo("4");
        }
    }
}
