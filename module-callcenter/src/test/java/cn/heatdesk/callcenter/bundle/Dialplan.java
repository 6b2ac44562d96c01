package cn.heatdesk.callcenter.bundle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rendered extensions.conf as Asterisk's pbx_config would load it: per context, per extension, the numbered
 * priorities ({@code n} = previous + 1, {@code n(label)} labels), each with application and raw data.
 */
final class Dialplan {

    record Step(String context, String exten, int priority, String label, String app, String data) {
    }

    /** context → extension → priorities in order */
    final Map<String, Map<String, List<Step>>> contexts = new LinkedHashMap<>();
    final Map<String, List<String>> includes = new LinkedHashMap<>();

    private static final Pattern APP = Pattern.compile("^([A-Za-z]+)\\((.*)\\)$");

    static Dialplan of(ConfFile f) {
        Dialplan d = new Dialplan();
        for (ConfFile.Section s : f.sections) {
            if (s.name().equals("general") || s.name().equals("globals")) {
                continue;
            }
            Map<String, List<Step>> exts = d.contexts.computeIfAbsent(s.name(), k -> new LinkedHashMap<>());
            String exten = null;
            int prio = 0;
            for (ConfFile.Entry e : s.entries()) {
                switch (e.key()) {
                    case "include" -> d.includes.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(e.value());
                    case "exten" -> {
                        String[] p = e.value().split(",", 3);
                        exten = p[0];
                        if (!p[1].equals("1")) {
                            throw new AssertionError("first priority of " + s.name() + "/" + exten + " is " + p[1]);
                        }
                        if (exts.containsKey(exten)) {
                            throw new AssertionError("extension " + exten + " twice in " + s.name());
                        }
                        prio = 1;
                        exts.put(exten, new ArrayList<>());
                        exts.get(exten).add(step(s.name(), exten, prio, null, p[2], e));
                    }
                    case "same" -> {
                        if (exten == null) {
                            throw new AssertionError("same => before exten => in " + s.name());
                        }
                        String[] p = e.value().split(",", 2);
                        String label = null;
                        Matcher m = Pattern.compile("^n(?:\\((\\w+)\\))?$").matcher(p[0]);
                        if (!m.matches()) {
                            throw new AssertionError("priority " + p[0] + " at line " + e.line());
                        }
                        label = m.group(1);
                        prio++;
                        exts.get(exten).add(step(s.name(), exten, prio, label, p[1], e));
                    }
                    default -> throw new AssertionError("unexpected " + e.key() + " in context " + s.name());
                }
            }
        }
        return d;
    }

    private static Step step(String ctx, String exten, int prio, String label, String appCall, ConfFile.Entry e) {
        Matcher m = APP.matcher(appCall);
        if (!m.matches()) {
            throw new AssertionError("not an application call at line " + e.line() + ": " + appCall);
        }
        int depth = 0;
        for (char c : m.group(2).toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                throw new AssertionError("unbalanced parentheses at line " + e.line());
            }
        }
        if (depth != 0) {
            throw new AssertionError("unbalanced parentheses at line " + e.line());
        }
        return new Step(ctx, exten, prio, label, m.group(1), m.group(2));
    }

    List<Step> steps(String ctx, String exten) {
        Map<String, List<Step>> c = contexts.get(ctx);
        if (c == null || !c.containsKey(exten)) {
            throw new AssertionError("no " + ctx + "," + exten);
        }
        return c.get(exten);
    }

    /** resolves a literal goto target ([[context,]exten,]priority|label) relative to a step */
    Step target(Step from, String spec) {
        String[] p = spec.split(",");
        String ctx = p.length == 3 ? p[0] : from.context();
        String ext = p.length >= 2 ? p[p.length - 2] : from.exten();
        String prio = p[p.length - 1];
        List<Step> steps = steps(ctx, ext);
        for (Step s : steps) {
            if (prio.equals(String.valueOf(s.priority())) || prio.equals(s.label())) {
                return s;
            }
        }
        throw new AssertionError("no priority " + prio + " in " + ctx + "," + ext);
    }

    Step next(Step s) {
        List<Step> steps = steps(s.context(), s.exten());
        return s.priority() < steps.size() ? steps.get(s.priority()) : null;
    }
}
