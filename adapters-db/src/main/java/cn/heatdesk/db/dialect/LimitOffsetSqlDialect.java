package cn.heatdesk.db.dialect;

/**
 * Base for databases that accept {@code ... LIMIT n OFFSET m} after the query, which all five HeatDesk databases do
 * (see each subclass for the source). The SQL:2008 form {@code OFFSET m ROWS FETCH NEXT n ROWS ONLY} is not used
 * because MySQL 8 and OceanBase MySQL mode reject it.
 */
public abstract class LimitOffsetSqlDialect implements SqlDialect {

    /** Derived-table alias for count(); no "AS" because Oracle-style parsers (DM) reject AS before a table alias. */
    static final String COUNT_ALIAS = "hd_count_t";

    @Override
    public String paginate(String sql, long offset, int limit) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be > 0, was " + limit);
        }
        StringBuilder out = new StringBuilder(trim(sql)).append(" LIMIT ").append(limit);
        if (offset > 0) {
            out.append(" OFFSET ").append(offset);
        }
        return out.toString();
    }

    @Override
    public String count(String sql) {
        return "SELECT COUNT(*) FROM (" + trim(sql) + ") " + COUNT_ALIAS;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + databaseId() + "]";
    }

    /** Removes trailing blanks and semicolons so the clause lands inside the statement. */
    static String trim(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("sql must not be blank");
        }
        int end = sql.length();
        while (end > 0 && (Character.isWhitespace(sql.charAt(end - 1)) || sql.charAt(end - 1) == ';')) {
            end--;
        }
        return sql.substring(0, end).strip();
    }
}
