package cn.heatdesk.callcenter.bundle;

import cn.heatdesk.callcenter.call.CallTracker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The manager.conf event filter of HeatDesk's AMI user. About half of a gateway's events are VarSet and HeatDesk
 * reads only a few variables (the call tracker: MIXMONITOR_FILENAME, BLACKLISTED, SURVEY_*), so every other VarSet
 * is dropped inside Asterisk. Asterisk's filters (advanced syntax, Asterisk 20.8/21.3/22+) can only include or
 * exclude by a POSIX extended regex, which has no negative look-ahead: {@link #droppedVariablesRegex()} is therefore
 * the complement of the kept names written out as a trie (it matches exactly the variable names that are NOT kept).
 * Only constructs shared by POSIX ERE and java.util.regex are used ({@code ^ $ ( | ) [^…]}), so the tests can check
 * the very expression Asterisk will run.
 */
public final class AmiEventFilter {

    /** VarSet variables HeatDesk consumes, by exact name: the call tracker's (one list, so they cannot drift) */
    public static final List<String> KEPT_VARIABLES = CallTracker.VARIABLES;
    /** VarSet variables HeatDesk consumes, by prefix (SURVEY_Q1, SURVEY_Q2 …) */
    public static final List<String> KEPT_VARIABLE_PREFIXES = CallTracker.VARIABLE_PREFIXES;
    /**
     * Events dropped by name: none of HeatDesk's listeners reads them (call tracker, agent state, AMI layer) and
     * Newexten alone is about a tenth of the traffic. AGIExec*, RTCP*, DTMF* and SuccessfulAuth are not filtered here
     * but never granted: their classes (agi, reporting, dtmf, security) are not in the user's read= list.
     */
    public static final List<String> DROPPED_EVENTS = List.of("Newexten");

    private AmiEventFilter() {
    }

    /** the eventfilter lines of the AMI user, in order */
    public static List<String> lines() {
        List<String> out = new ArrayList<>();
        for (String e : DROPPED_EVENTS) {
            out.add("eventfilter(action(exclude),name(" + e + ")) =");
        }
        out.add("eventfilter(action(exclude),name(VarSet),header(Variable),method(regex)) = " + droppedVariablesRegex());
        return out;
    }

    /** a regex matching every variable name except the kept ones (anchored at both ends where it matters) */
    public static String droppedVariablesRegex() {
        Node root = new Node();
        for (String k : KEPT_VARIABLES) {
            root.add(k).exact = true;
        }
        for (String p : KEPT_VARIABLE_PREFIXES) {
            root.add(p).prefix = true;
        }
        return "^" + root.complement();
    }

    private static final class Node {
        final Map<Character, Node> children = new TreeMap<>();
        boolean exact;
        boolean prefix;

        Node add(String s) {
            Node n = this;
            for (char c : s.toCharArray()) {
                if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                    throw new IllegalArgumentException("variable names here are [A-Z0-9_]: " + s);
                }
                n = n.children.computeIfAbsent(c, k -> new Node());
            }
            return n;
        }

        /** what may follow this node for the name not to be kept; null when every continuation is kept */
        String complement() {
            if (prefix) {
                return null;
            }
            List<String> parts = new ArrayList<>();
            if (!exact) {
                parts.add("$");                 // the name ends here and is not a kept one
            }
            if (children.isEmpty()) {
                parts.add(".");                 // a kept name followed by anything is another name
            } else {
                StringBuilder cls = new StringBuilder("[^");
                children.keySet().forEach(cls::append);
                parts.add(cls.append(']').toString());
                children.forEach((c, n) -> {
                    String sub = n.complement();
                    if (sub != null) {
                        parts.add(c + sub);
                    }
                });
            }
            return parts.size() == 1 ? parts.get(0) : "(" + String.join("|", parts) + ")";
        }
    }
}
