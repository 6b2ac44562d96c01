package cn.heatdesk.baseinfo.household;

/**
 * LIKE patterns built in Java and bound as one parameter, used as {@code col LIKE #{p} ESCAPE '!'}.
 *
 * <p>Why not {@code LIKE CONCAT(#{p}, '%')}: PostgreSQL treats CONCAT as a stable function call, so the planner
 * never sees a constant prefix and cannot use an index; a bound pattern is folded into an index range scan.
 * '!' is the escape character because it needs no quoting in any supported dialect (a backslash does in MariaDB).
 */
public final class LikePatterns {

    public static final char ESCAPE = '!';

    private LikePatterns() {
    }

    /** {@code abc} → {@code abc%} (wildcards in the input match literally); null for null/blank input */
    public static String prefix(String raw) {
        String s = clean(raw);
        return s == null ? null : escape(s) + "%";
    }

    /** {@code abc} → {@code %abc%}: cannot use an index, only for columns already narrowed by other conditions */
    public static String contains(String raw) {
        String s = clean(raw);
        return s == null ? null : "%" + escape(s) + "%";
    }

    /** escapes the escape character itself and the two LIKE wildcards */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ESCAPE || c == '%' || c == '_') {
                sb.append(ESCAPE);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        return s.isEmpty() ? null : s;
    }
}
