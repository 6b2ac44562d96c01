package cn.heatdesk.settings.changelog;

import java.util.Locale;

/** Builds "contains" patterns for {@code LOWER(col) LIKE ? ESCAPE '!'}, the escape form all supported databases share. */
public final class SqlLike {

    private SqlLike() {
    }

    /** @return the lower-case pattern, or null for a blank keyword (no filter) */
    public static String contains(String keyword) {
        if (keyword == null || keyword.isBlank()) {
            return null;
        }
        String k = keyword.trim().toLowerCase(Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + k + "%";
    }
}
