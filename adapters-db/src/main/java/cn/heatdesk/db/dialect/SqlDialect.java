package cn.heatdesk.db.dialect;

/**
 * The few SQL forms that differ between HeatDesk's databases and that shared mapper SQL must not spell out itself.
 * Obtain one from {@link SqlDialects}.
 */
public interface SqlDialect {

    /** MyBatis databaseId of this dialect: h2, postgresql, mysql, dm or kingbase. */
    String databaseId();

    /**
     * Appends this database's row-limiting clause to {@code sql} (which should end with a deterministic ORDER BY).
     * The numbers are written as literals: they are ints/longs, so there is no injection risk.
     *
     * @param offset rows to skip, {@code >= 0}
     * @param limit  rows to return, {@code > 0}
     */
    String paginate(String sql, long offset, int limit);

    /** Wraps {@code sql} as a derived table and counts its rows. */
    String count(String sql);

    /**
     * The statement that refreshes the optimizer's statistics of {@code table} after a bulk load, or null where the
     * database keeps them current itself. Without it a table filled from empty inside one long import keeps the
     * plans made while it was empty (PostgreSQL with autovacuum off: sequential scans of a million rows).
     *
     * @param table a plain table name ([a-z_][a-z0-9_]*)
     */
    default String analyze(String table) {
        return null;
    }

    /** {@code paginate(sql, 0, limit)}. */
    default String limit(String sql, int limit) {
        return paginate(sql, 0, limit);
    }
}
