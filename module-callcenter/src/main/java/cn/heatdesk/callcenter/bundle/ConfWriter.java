package cn.heatdesk.callcenter.bundle;

/** Writes Asterisk's config syntax: {@code ; comments}, {@code [sections]}, {@code key = value}, LF line ends. */
final class ConfWriter {

    private final StringBuilder out = new StringBuilder();

    ConfWriter comment(String text) {
        for (String line : text.split("\n", -1)) {
            out.append(line.isEmpty() ? ";" : "; " + line).append('\n');
        }
        return this;
    }

    ConfWriter blank() {
        out.append('\n');
        return this;
    }

    ConfWriter section(String name) {
        out.append('[').append(name).append("]\n");
        return this;
    }

    /** a section built from a template, {@code [name](template)} */
    ConfWriter section(String name, String template) {
        out.append('[').append(name).append("](").append(template).append(")\n");
        return this;
    }

    /** a template section, {@code [name](!)} */
    ConfWriter template(String name) {
        out.append('[').append(name).append("](!)\n");
        return this;
    }

    ConfWriter kv(String key, Object value) {
        out.append(key).append(" = ").append(value == null ? "" : escape(String.valueOf(value))).append('\n');
        return this;
    }

    /** a dialplan line, written as is ({@code exten => …}, {@code same => …}, {@code include => …}) */
    ConfWriter line(String raw) {
        out.append(raw).append('\n');
        return this;
    }

    /**
     * Asterisk's parser starts a comment at any unescaped ';' and strips surrounding blanks; '\;' is a literal ';'.
     * Values are escaped here; values that cannot be written (line breaks, leading/trailing blanks) are refused by
     * the caller before.
     */
    static String escape(String v) {
        return v.replace(";", "\\;");
    }

    /** true when {@code v} survives Asterisk's config parser unchanged once {@link #escape escaped} */
    static boolean representable(String v) {
        if (v == null || v.isEmpty() || !v.strip().equals(v)) {
            return false;
        }
        return v.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
