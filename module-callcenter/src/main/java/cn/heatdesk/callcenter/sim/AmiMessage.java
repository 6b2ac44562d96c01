package cn.heatdesk.callcenter.sim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One AMI message (action, response or event): an ordered list of fields. Order matters because real Asterisk
 * sends fields in a fixed order and the fixtures compare it; duplicate keys (Variable, Output) are allowed.
 */
public final class AmiMessage {

    private final List<Map.Entry<String, String>> fields = new ArrayList<>();

    public static AmiMessage event(String name) {
        return new AmiMessage().add("Event", name);
    }

    public static AmiMessage response(String response, String actionId) {
        AmiMessage m = new AmiMessage().add("Response", response);
        if (actionId != null) {
            m.add("ActionID", actionId);
        }
        return m;
    }

    public AmiMessage add(String key, Object value) {
        fields.add(Map.entry(key, value == null ? "" : String.valueOf(value)));
        return this;
    }

    /** first value of the key (case-insensitive, as Asterisk matches action headers), or null */
    public String get(String key) {
        for (Map.Entry<String, String> e : fields) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    public String get(String key, String fallback) {
        String v = get(key);
        return v == null ? fallback : v;
    }

    public List<String> getAll(String key) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : fields) {
            if (e.getKey().equalsIgnoreCase(key)) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    public List<String> keys() {
        List<String> out = new ArrayList<>(fields.size());
        fields.forEach(e -> out.add(e.getKey()));
        return out;
    }

    public List<Map.Entry<String, String>> fields() {
        return Collections.unmodifiableList(fields);
    }

    /** "Event" value, or "Response" value prefixed with "Response:" for responses */
    public String name() {
        String ev = get("Event");
        if (ev != null && !fields.isEmpty() && fields.get(0).getKey().equals("Event")) {
            return ev;
        }
        String r = get("Response");
        return r == null ? "?" : "Response:" + r;
    }

    public boolean isEvent() {
        return !fields.isEmpty() && fields.get(0).getKey().equals("Event");
    }

    /** wire form: "Key: Value\r\n" per field plus the terminating blank line */
    public String toWire() {
        StringBuilder sb = new StringBuilder(fields.size() * 32);
        for (Map.Entry<String, String> e : fields) {
            sb.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }

    public byte[] toBytes() {
        return toWire().getBytes(StandardCharsets.UTF_8);
    }

    /** parses the lines of one message (without the blank terminator); lines without ": " keep an empty value */
    public static AmiMessage parse(List<String> lines) {
        AmiMessage m = new AmiMessage();
        for (String line : lines) {
            int i = line.indexOf(':');
            if (i < 0) {
                m.add(line.trim(), "");
            } else {
                String v = line.substring(i + 1);
                if (v.startsWith(" ")) {
                    v = v.substring(1);
                }
                m.add(line.substring(0, i).trim(), v);
            }
        }
        return m;
    }

    @Override
    public String toString() {
        return toWire().replace("\r\n", " | ");
    }
}
