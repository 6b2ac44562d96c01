package cn.heatdesk.callcenter.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares what the simulator sent with a fixture's rx, the way the simulator claims to be faithful:
 * <ul>
 *   <li>every event type / response has exactly the field names, in the order, that real Asterisk used;</li>
 *   <li>per channel (channels mapped to roles by first appearance) the sequence of events, VarSet variable names,
 *       Newexten applications and AGI commands is identical;</li>
 *   <li>events Asterisk publishes from other threads (device/member state, bridges, Cdr, DialState), whose
 *       position differs between real runs (compare fixtures c, e and k), are compared by count;</li>
 *   <li>channel-less events and responses keep their global order;</li>
 *   <li>stable field values (contexts, extensions, priorities, states, causes, texts …) are equal; ids, times,
 *       counters of the reference system's history and media statistics may differ.</li>
 * </ul>
 * The emptying of BRIDGEPEER/BRIDGEPVTCALLID on bridge leave is also compared by count (bridge thread).
 * Not modelled and removed from both sides: RTCPSent and the RTPAUDIOQOS* variables (RTP statistics).
 */
final class Conformance {

    static final Set<String> RACY = Set.of("DeviceStateChange", "QueueMemberStatus", "Cdr", "BridgeCreate",
            "BridgeDestroy", "DialState");
    /** values that must be identical wherever the fixture has them */
    static final Set<String> STABLE = Set.of("Response", "Message", "Event", "Privilege", "SystemName", "Queue",
            "MemberName", "Interface", "StateInterface", "Membership", "Paused", "PausedReason", "Ringinuse",
            "ChannelState", "ChannelStateDesc", "CallerIDNum", "CallerIDName", "ConnectedLineNum",
            "ConnectedLineName", "Context", "Exten", "Priority", "Extension", "Application", "Variable", "Digit",
            "Direction", "DialStatus", "DialString", "Reason", "Cause", "Cause-txt", "Disposition",
            "LastApplication", "Position", "Count", "OriginalPosition", "Strategy", "EventList", "Events",
            "DestChannelState", "DestContext", "DestExten", "DestPriority", "DestCallerIDNum", "DestCallerIDName",
            "DestConnectedLineNum", "DestConnectedLineName", "BridgeType", "BridgeNumChannels", "Class",
            "ResultCode", "Result", "Source", "Destination", "DestinationContext", "CallerID", "UserField",
            "AMIversion", "AsteriskVersion", "Ping", "Severity", "Service", "AccountID", "UsingPassword", "Status",
            "Penalty", "CID-CallingPres", "TechCause");

    private Conformance() {
    }

    static List<AmiMessage> normalize(List<AmiMessage> in) {
        List<AmiMessage> out = new ArrayList<>();
        for (AmiMessage m : in) {
            if ("RTCPSent".equals(m.get("Event"))) {
                continue;
            }
            if ("VarSet".equals(m.get("Event")) && m.get("Variable", "").startsWith("RTPAUDIOQOS")) {
                continue;
            }
            out.add(m);
        }
        return out;
    }

    static String key(AmiMessage m) {
        return m.isEvent() ? m.get("Event") : "Response:" + m.get("Response");
    }

    /** every message type the simulator sent uses one of the field layouts the fixtures show for it */
    static void assertFieldOrder(List<AmiMessage> fixture, List<AmiMessage> actual) {
        Map<String, Set<List<String>>> layouts = new HashMap<>();
        for (AmiMessage m : fixture) {
            layouts.computeIfAbsent(layoutKey(m), k -> new HashSet<>()).add(m.keys());
        }
        for (AmiMessage m : actual) {
            Set<List<String>> known = layouts.get(layoutKey(m));
            if (known != null) {
                assertThat(known).as("field names/order of %s", layoutKey(m)).contains(m.keys());
            }
        }
    }

    private static String layoutKey(AmiMessage m) {
        if (m.isEvent()) {
            return m.get("Event");
        }
        // responses: same action id → same action in fixture and replay
        return "Response " + m.get("ActionID");
    }

    static String token(AmiMessage m) {
        String k = key(m);
        return switch (k) {
            case "VarSet" -> k + ":" + m.get("Variable");
            case "Newexten" -> k + ":" + m.get("Application");
            case "AGIExecStart", "AGIExecEnd" -> {
                String[] w = m.get("Command", "").split(" ");
                yield k + ":" + w[0] + (w.length > 1 ? " " + w[1] : "");
            }
            default -> k;
        };
    }

    private static String primaryChannel(AmiMessage m) {
        String c = m.get("Channel");
        if (c == null || "OriginateResponse".equals(m.get("Event")) || "Cdr".equals(m.get("Event"))
                || "QueueEntry".equals(m.get("Event"))) {
            c = null;
        }
        return c != null ? c : m.get("DestChannel");
    }

    record Story(Map<String, List<AmiMessage>> perRole, List<AmiMessage> global, Map<String, Integer> racy) {
    }

    static Story story(List<AmiMessage> msgs) {
        Map<String, String> roles = new HashMap<>();
        Map<String, List<AmiMessage>> perRole = new TreeMap<>();
        List<AmiMessage> global = new ArrayList<>();
        Map<String, Integer> racy = new TreeMap<>();
        for (AmiMessage m : normalize(msgs)) {
            for (String f : new String[] {"Channel", "DestChannel"}) {
                String ch = m.get(f);
                if (ch != null && ch.startsWith("PJSIP/") && ch.contains("-") && !roles.containsKey(ch)) {
                    roles.put(ch, "role" + roles.size() + "(" + ch.substring(0, ch.indexOf('-')) + ")");
                }
            }
            if (m.isEvent() && RACY.contains(m.get("Event"))) {
                racy.merge(m.get("Event"), 1, Integer::sum);
                continue;
            }
            if ("VarSet".equals(m.get("Event")) && m.get("Variable", "").startsWith("BRIDGEP")
                    && m.get("Value", "").isEmpty()) {
                // cleared by the bridge thread when a party leaves: before AgentComplete in e, after it in c
                racy.merge("VarSet:" + m.get("Variable") + "=<empty>", 1, Integer::sum);
                continue;
            }
            String ch = primaryChannel(m);
            String role = ch == null ? null : roles.get(ch);
            if (role == null) {
                global.add(m);
            } else {
                perRole.computeIfAbsent(role, r -> new ArrayList<>()).add(m);
            }
        }
        return new Story(perRole, global, racy);
    }

    static List<String> tokens(List<AmiMessage> l) {
        return l.stream().map(Conformance::token).toList();
    }

    /** the full comparison described in the class comment */
    static void assertSameStory(List<AmiMessage> fixture, List<AmiMessage> actual, Set<String> extraVolatile) {
        assertFieldOrder(fixture, actual);
        Story f = story(fixture);
        Story a = story(actual);
        assertThat(a.racy()).as("counts of events published from other threads").isEqualTo(f.racy());
        assertThat(tokens(a.global())).as("channel-less events and responses in order")
                .isEqualTo(tokens(f.global()));
        assertValues("global", f.global(), a.global(), extraVolatile);
        Map<String, List<String>> ft = new LinkedHashMap<>();
        Map<String, List<String>> at = new LinkedHashMap<>();
        f.perRole().forEach((r, l) -> ft.put(r, tokens(l)));
        a.perRole().forEach((r, l) -> at.put(r, tokens(l)));
        assertThat(at.keySet()).as("channels by role").isEqualTo(ft.keySet());
        for (String role : ft.keySet()) {
            assertThat(at.get(role)).as("event sequence of %s", role).isEqualTo(ft.get(role));
            assertValues(role, f.perRole().get(role), a.perRole().get(role), extraVolatile);
        }
    }

    static void assertValues(String where, List<AmiMessage> f, List<AmiMessage> a, Set<String> extraVolatile) {
        for (int i = 0; i < f.size(); i++) {
            AmiMessage fm = f.get(i);
            AmiMessage am = a.get(i);
            for (Map.Entry<String, String> e : fm.fields()) {
                String k = e.getKey();
                if (STABLE.contains(k) && !extraVolatile.contains(k) && !extraVolatile.contains(token(fm) + "." + k)) {
                    assertThat(am.get(k)).as("%s #%d %s field %s", where, i, token(fm), k).isEqualTo(e.getValue());
                }
            }
        }
    }

    /** CRLF framing: banner line, "Key: Value" lines, a blank line after every message, no bare LF */
    static void assertFraming(String raw) {
        assertThat(raw).startsWith("Asterisk Call Manager/11.0.0\r\n");
        assertThat(raw.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        String body = raw.substring("Asterisk Call Manager/11.0.0\r\n".length());
        assertThat(body).endsWith("\r\n\r\n");
        for (String block : body.split("\r\n\r\n")) {
            for (String line : block.split("\r\n")) {
                assertThat(line).as("AMI line").matches("[A-Za-z0-9_()-]+: .*|[A-Za-z0-9_()-]+: ");
            }
        }
    }
}
