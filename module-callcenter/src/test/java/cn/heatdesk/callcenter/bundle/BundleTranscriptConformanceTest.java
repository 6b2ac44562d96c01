package cn.heatdesk.callcenter.bundle;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rendered configuration against the real Asterisk 22 transcripts (test resources asterisk/*.rx.raw, copies of
 * ../shared/fixtures/asterisk): the inbound dialplan runs the very applications, priorities and arguments Asterisk
 * ran for the reference system, and the AMI user's read classes and event filter keep every event HeatDesk consumes
 * while dropping the bulk it does not.
 */
class BundleTranscriptConformanceTest {

    /** the reference system as HeatDesk data: queue repair (timeout 8, wrap-up 5, max wait 120), AGI 127.0.0.1:4573 */
    static AsteriskBundle reference() {
        return new AsteriskConfigRenderer().render(new BundleInput("GW-REF", "reference", "站部网关", null, 5038,
                "heatdesk", "heatdesk-secret", "127.0.0.1", 4573, null, List.of(),
                List.of(new BundleInput.PhoneEntry("8001", "8001", "s3cret-8001", null),
                        new BundleInput.PhoneEntry("8002", "8002", "s3cret-8002", null),
                        new BundleInput.PhoneEntry("8101", "8101", "s3cret-8101", null)),
                List.of(new BundleInput.QueueEntry("repair", "报修队列", "REPAIR", "报修", "rrmemory", 8, 5, 120)),
                List.of(), LocalDateTime.of(2026, 11, 21, 11, 0)));
    }

    // ------------------------------------------------------------------------------------------------ dialplan

    @Test
    void k_surveyCallRunsTheReferenceDialplanStepByStep() {
        List<Map<String, String>> events = events("k_fastagi_blacklist_ivr_survey");
        String caller = "PJSIP/9000-0000002b";
        List<Map<String, String>> seen = events.stream()
                .filter(e -> "Newexten".equals(e.get("Event")) && caller.equals(e.get("Channel"))).toList();
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("EXTEN", "4930123456");
        vars.put("CALLERID(all)", "\"Survey Teilnehmer\" <+4951144455>");
        vars.put("CALLERID(num)", "+4951144455");
        vars.put("CHANNEL(linkedid)", "heatdesk-ref-1795260480.45");
        vars.put("BLACKLISTED", "0");       // set by the blacklist AGI
        vars.put("QUEUESTATUS", "CONTINUE"); // the agent hung up first
        vars.put("DIALSTATUS", "");
        vars.put("SURVEY_Q1", "4");          // Read
        vars.put("READSTATUS", "OK");
        vars.put("SURVEY_Q2", "5");          // the survey AGI
        List<Dialplan.Step> ran = run(vars, "1");

        assertThat(ran).hasSameSizeAs(seen);
        for (int i = 0; i < ran.size(); i++) {
            Dialplan.Step s = ran.get(i);
            Map<String, String> e = seen.get(i);
            String where = "step " + i + " " + e;
            assertThat(s.context()).as(where).isEqualTo(e.get("Context"));
            assertThat(s.exten().startsWith("_") ? "4930123456" : s.exten()).as(where).isEqualTo(e.get("Extension"));
            assertThat(String.valueOf(s.priority())).as(where).isEqualTo(e.get("Priority"));
            assertThat(s.app()).as(where).isEqualTo(e.get("Application"));
            String data = substitute(s.data(), vars);
            if (s.app().equals("MixMonitor") || s.data().startsWith("MIXFILE=")) {
                // the one deliberate difference: HeatDesk names the file by linkedid, the reference by time-uniqueid
                assertThat(data).as(where).contains("/var/spool/asterisk/monitor/heatdesk-ref-1795260480.45.wav");
                assertThat(e.get("AppData")).contains("/var/spool/asterisk/monitor/").contains("heatdesk-ref-1795260480.45.wav");
            } else {
                assertThat(data).as(where).isEqualTo(e.get("AppData"));
            }
        }
        // and the FastAGI requests Asterisk made are exactly the URLs in the dialplan
        Set<String> agi = new LinkedHashSet<>();
        ran.stream().filter(s -> s.app().equals("AGI")).forEach(s -> agi.add(substitute(s.data(), vars)));
        agi.add(substitute(ran.stream().filter(s -> s.app().equals("Queue")).findFirst().orElseThrow().data()
                .replaceFirst("^.*,", ""), vars));
        assertThat(agi).containsExactly("agi://127.0.0.1:4573/blacklist", "agi://127.0.0.1:4573/ivr?choice=1",
                "agi://127.0.0.1:4573/survey?q1=4", "agi://127.0.0.1:4573/agent-connect");
        for (String script : List.of("045-ivr", "046-agent-connect", "047-survey")) {
            String session = text("agi/k_fastagi_blacklist_ivr_survey-" + script + ".agi.txt");
            Matcher m = Pattern.compile("agi_request: (\\S+)").matcher(session);
            assertThat(m.find()).isTrue();
            assertThat(agi).contains(m.group(1));
        }
    }

    /** walks the rendered dialplan for a caller who presses {@code key}, as pbx.c would with these variables */
    private static List<Dialplan.Step> run(Map<String, String> vars, String key) {
        Dialplan d = Dialplan.of(ConfFile.parse(reference().files().get(AsteriskConfigRenderer.EXTENSIONS)));
        List<Dialplan.Step> ran = new ArrayList<>();
        Dialplan.Step s = d.steps("from-trunk", "_X.").get(0);
        while (s != null && ran.size() < 100) {
            ran.add(s);
            String data = substitute(s.data(), vars);
            switch (s.app()) {
                case "Goto" -> s = d.target(s, data);
                case "GotoIf" -> {
                    String cond = data.substring(0, data.indexOf('?'));
                    s = !cond.isEmpty() && !cond.equals("0") ? d.target(s, data.substring(data.indexOf('?') + 1)) : d.next(s);
                }
                case "WaitExten" -> s = d.steps(s.context(), key).get(0);
                case "Hangup" -> s = null;
                case "Set" -> {
                    vars.put(data.substring(0, data.indexOf('=')), data.substring(data.indexOf('=') + 1));
                    s = d.next(s);
                }
                default -> s = d.next(s);
            }
        }
        return ran;
    }

    private static final Pattern IF = Pattern.compile(
            "\\$\\{IF\\(\\$\\[\"([^\"]*)\" = \"([^\"]*)\"]\\?([^:]*):([^)]*)\\)}");
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*(?:\\([a-z]+\\))?)}");

    /** ${VAR}, ${FUNC(arg)} and the one ${IF($["a" = "b"]?x:y)} form the renderer uses */
    static String substitute(String s, Map<String, String> vars) {
        String out = s;
        Matcher v = VAR.matcher(out);
        StringBuilder b = new StringBuilder();
        while (v.find()) {
            String value = vars.get(v.group(1));
            if (value == null) {
                throw new AssertionError("no value for ${" + v.group(1) + "} in " + s);
            }
            v.appendReplacement(b, Matcher.quoteReplacement(value));
        }
        v.appendTail(b);
        out = b.toString();
        Matcher m = IF.matcher(out);
        if (m.find()) {
            out = out.substring(0, m.start()) + (m.group(1).equals(m.group(2)) ? m.group(3) : m.group(4)) + out.substring(m.end());
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ AMI filter

    @Test
    void theFilterRegexDropsEveryVariableButTheKeptOnes() {
        Pattern dropped = Pattern.compile(AmiEventFilter.droppedVariablesRegex());
        Set<String> observed = new LinkedHashSet<>();
        for (String f : FIXTURES) {
            events(f).stream().filter(e -> "VarSet".equals(e.get("Event"))).forEach(e -> observed.add(e.get("Variable")));
        }
        assertThat(observed).contains("BRIDGEPEER", "QUEUENAME", "MIXFILE", "MIXMONITOR_FILENAME", "BLACKLISTED", "SURVEY_Q2");
        for (String name : observed) {
            boolean kept = name.equals("MIXMONITOR_FILENAME") || name.equals("BLACKLISTED") || name.startsWith("SURVEY_");
            assertThat(dropped.matcher(name).find()).as(name).isEqualTo(!kept);
        }
        for (String kept : List.of("MIXMONITOR_FILENAME", "BLACKLISTED", "SURVEY_Q1", "SURVEY_Q2", "SURVEY_", "SURVEY_Q10")) {
            assertThat(dropped.matcher(kept).find()).as(kept).isFalse();
        }
        for (String near : List.of("", "M", "MIXMONITOR", "MIXMONITOR_FILENAMES", "MIXMONITOR_FILENAM", "BLACKLIST",
                "BLACKLISTED2", "XBLACKLISTED", "SURVEY", "SURVEYQ1", "survey_q1", "AGISTATUS", "B", "S")) {
            assertThat(dropped.matcher(near).find()).as(near).isTrue();
        }
        // POSIX ERE has no look-around, lazy or shorthand classes: only ^ $ ( | ) [^…] and literals are used
        assertThat(AmiEventFilter.droppedVariablesRegex()).matches("\\^[A-Z_()|$\\[\\]^.]*");
    }

    @Test
    void theAmiUserReceivesEveryEventHeatDeskConsumesAndLessThanHalfOfTheTraffic() {
        ConfFile.Section user = ConfFile.parse(reference().files().get(AsteriskConfigRenderer.MANAGER)).one("heatdesk");
        Set<String> read = Set.of(user.value("read").split(","));
        List<Filter> filters = user.entries().stream().filter(e -> e.key().startsWith("eventfilter("))
                .map(e -> Filter.of(e.key(), e.value())).toList();
        // the event types HeatDesk's listeners act on (CallTracker, AgentEventHandler, the AMI layer)
        Set<String> consumed = Set.of("Newchannel", "Newstate", "Hangup", "HangupRequest", "QueueCallerJoin",
                "QueueCallerLeave", "QueueCallerAbandon", "AgentCalled", "AgentConnect", "AgentComplete",
                "AgentRingNoAnswer", "BridgeEnter", "BridgeLeave", "MusicOnHoldStart", "MusicOnHoldStop",
                "MixMonitorStart", "MixMonitorStop", "DialBegin", "DialEnd", "OriginateResponse", "Cdr",
                "QueueMemberPause", "QueueMemberRemoved", "QueueMemberAdded", "QueueMemberStatus", "DeviceStateChange",
                "FullyBooted");
        int total = 0;
        int passed = 0;
        Set<String> keptVars = new LinkedHashSet<>();
        Set<String> passedTypes = new LinkedHashSet<>();
        for (String f : FIXTURES) {
            for (Map<String, String> e : events(f)) {
                if (e.containsKey("ActionID") && !"OriginateResponse".equals(e.get("Event"))) {
                    continue; // list events answer an action and are not subject to read classes or filters
                }
                total++;
                String cls = e.getOrDefault("Privilege", "").split(",")[0];
                boolean granted = read.contains(cls);
                boolean excluded = filters.stream().anyMatch(x -> x.matches(e));
                if (granted && !excluded) {
                    passed++;
                    passedTypes.add(e.get("Event"));
                    if ("VarSet".equals(e.get("Event"))) {
                        keptVars.add(e.get("Variable"));
                    }
                } else {
                    assertThat(consumed).as("dropped " + e.get("Event")).doesNotContain(e.get("Event"));
                }
            }
        }
        assertThat(passedTypes).containsAll(consumed);
        assertThat(passedTypes).doesNotContain("Newexten", "AGIExecStart", "AGIExecEnd", "RTCPSent", "DTMFEnd",
                "SuccessfulAuth");
        assertThat(keptVars).containsExactlyInAnyOrder("MIXMONITOR_FILENAME", "BLACKLISTED", "SURVEY_Q1", "SURVEY_Q2");
        assertThat(passed).as("events delivered of " + total).isLessThan(total / 2);
    }

    /** Asterisk's advanced filter: action, name, header and a regex on that header's value */
    record Filter(boolean exclude, String name, String header, Pattern regex) {
        private static final Pattern PART = Pattern.compile("(action|name|header|method)\\(([^()]*)\\)");

        static Filter of(String key, String value) {
            Map<String, String> p = new LinkedHashMap<>();
            Matcher m = PART.matcher(key.substring("eventfilter(".length(), key.length() - 1));
            while (m.find()) {
                p.put(m.group(1), m.group(2));
            }
            String method = p.getOrDefault("method", "none");
            assertThat(method).isIn("none", "regex");
            return new Filter("exclude".equals(p.get("action")), p.get("name"), p.get("header"),
                    method.equals("regex") ? Pattern.compile(value) : null);
        }

        boolean matches(Map<String, String> e) {
            if (!exclude) {
                throw new AssertionError("only exclude filters are expected");
            }
            if (name != null && !name.equals(e.get("Event"))) {
                return false;
            }
            if (header != null && !e.containsKey(header)) {
                return false;
            }
            return regex == null || regex.matcher(e.get(header)).find();
        }
    }

    // ------------------------------------------------------------------------------------------------ fixtures

    static final List<String> FIXTURES = List.of("c_inbound_ivr_queue_answer", "d_queue_abandon",
            "e_ringnoanswer_then_second_agent", "f_click_to_dial_originate", "i_mixmonitor", "k_fastagi_blacklist_ivr_survey");

    /** the messages Asterisk sent (rx), each as its first value per header */
    static List<Map<String, String>> events(String fixture) {
        List<Map<String, String>> out = new ArrayList<>();
        for (String block : text(fixture + ".rx.raw").split("\r\n\r\n")) {
            Map<String, String> m = new LinkedHashMap<>();
            Arrays.stream(block.split("\r\n")).forEach(l -> {
                int c = l.indexOf(": ");
                if (c > 0) {
                    m.putIfAbsent(l.substring(0, c), l.substring(c + 2));
                } else if (l.endsWith(":")) {
                    m.putIfAbsent(l.substring(0, l.length() - 1), "");
                }
            });
            if (m.containsKey("Event")) {
                out.add(m);
            }
        }
        return out;
    }

    static String text(String resource) {
        try (InputStream in = Objects.requireNonNull(
                BundleTranscriptConformanceTest.class.getResourceAsStream("/asterisk/" + resource), resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
