package cn.heatdesk.callcenter.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Asterisk config syntax the renderer emits: every line is blank, a {@code ;} comment, a
 * section header ({@code [name]}, {@code [name](template)}, {@code [name](!)}), {@code key = value} or a dialplan
 * line ({@code exten|same|include => …}). Anything else fails the test. Values are unescaped like Asterisk's parser
 * does ({@code \;} → {@code ;}, an unescaped {@code ;} starts a comment).
 */
final class ConfFile {

    record Entry(String key, String value, int line) {
    }

    record Section(String name, String template, List<Entry> entries) {
        List<String> values(String key) {
            return entries.stream().filter(e -> e.key.equals(key)).map(Entry::value).toList();
        }

        String value(String key) {
            List<String> v = values(key);
            if (v.size() != 1) {
                throw new AssertionError("[" + name + "] has " + v.size() + " values for " + key + ": " + v);
            }
            return v.get(0);
        }

        boolean isTemplate() {
            return "!".equals(template);
        }
    }

    private static final Pattern SECTION = Pattern.compile("^\\[([^\\[\\]\\s]+)\\](?:\\(([^()\\s]+)\\))?$");
    private static final Pattern KV = Pattern.compile("^([A-Za-z0-9_\\-]+(?:\\([^=]*\\))?) = ?(.*)$");
    private static final Pattern DIALPLAN = Pattern.compile("^ ?(exten|same|include) => (.+)$");

    final List<Section> sections = new ArrayList<>();

    static ConfFile parse(String text) {
        ConfFile f = new ConfFile();
        if (text.contains("\r")) {
            throw new AssertionError("CR in config");
        }
        Section current = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            String line = stripComment(raw);
            if (line.isBlank()) {
                continue;
            }
            Matcher s = SECTION.matcher(line);
            Matcher d = DIALPLAN.matcher(line);
            Matcher kv = KV.matcher(line);
            if (s.matches()) {
                current = new Section(s.group(1), s.group(2), new ArrayList<>());
                f.sections.add(current);
            } else if (current == null) {
                throw new AssertionError("line " + (i + 1) + " outside a section: " + raw);
            } else if (d.matches()) {
                current.entries.add(new Entry(d.group(1), d.group(2), i + 1));
            } else if (kv.matches()) {
                current.entries.add(new Entry(kv.group(1), kv.group(2).strip(), i + 1));
            } else {
                throw new AssertionError("line " + (i + 1) + " is not Asterisk config syntax: " + raw);
            }
        }
        return f;
    }

    /** Asterisk: ';' starts a comment unless escaped as '\;' (the backslash is dropped) */
    static String stripComment(String raw) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == ';') {
                if (i > 0 && raw.charAt(i - 1) == '\\') {
                    b.setLength(b.length() - 1);
                    b.append(';');
                    continue;
                }
                break;
            }
            b.append(c);
        }
        return b.toString().stripTrailing();
    }

    List<Section> named(String name) {
        return sections.stream().filter(s -> s.name.equals(name)).toList();
    }

    Section one(String name) {
        List<Section> s = named(name);
        if (s.size() != 1) {
            throw new AssertionError(s.size() + " sections named " + name);
        }
        return s.get(0);
    }

    /** pjsip style: the section of that name and type (type from the entry or from its template) */
    Section typed(String name, String type) {
        List<Section> s = named(name).stream().filter(x -> type.equals(typeOf(x))).toList();
        if (s.size() != 1) {
            throw new AssertionError(s.size() + " sections [" + name + "] of type " + type);
        }
        return s.get(0);
    }

    String typeOf(Section s) {
        List<String> t = s.values("type");
        if (!t.isEmpty()) {
            return t.get(0);
        }
        if (s.template() != null && !s.isTemplate()) {
            return typeOf(one(s.template()));
        }
        return null;
    }

    /** a key's value of a pjsip section including what its template gives */
    String effective(Section s, String key) {
        List<String> v = s.values(key);
        if (!v.isEmpty()) {
            return v.get(0);
        }
        return s.template() != null && !s.isTemplate() ? effective(one(s.template()), key) : null;
    }
}
