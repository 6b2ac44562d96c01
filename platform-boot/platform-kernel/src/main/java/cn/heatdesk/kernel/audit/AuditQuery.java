package cn.heatdesk.kernel.audit;

import java.time.LocalDateTime;

/**
 * Filters for searching and exporting the audit log. All optional.
 *
 * @param username             rows whose username starts with this
 * @param action               rows whose action contains this
 * @param result               SUCCESS or FAILURE
 * @param fromInclusive        occurred_at &gt;= this
 * @param toExclusive          occurred_at &lt; this
 * <p>Which rows a viewer may see is not a filter here: the data-scope interceptor adds it to every read.
 */
public record AuditQuery(String username, String action, AuditResult result, LocalDateTime fromInclusive,
                         LocalDateTime toExclusive) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null);
    }

    /** LIKE pattern for usernames starting with {@link #username()}, wildcards escaped with '!' */
    public String usernamePattern() {
        return username == null || username.isBlank() ? null : escapeLike(username.strip()) + "%";
    }

    public String actionPattern() {
        return action == null || action.isBlank() ? null : "%" + escapeLike(action.strip()) + "%";
    }

    public String resultName() {
        return result == null ? null : result.name();
    }

    /** Escapes LIKE wildcards with '!' (a backslash escape is read differently by MariaDB and PostgreSQL). */
    static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
