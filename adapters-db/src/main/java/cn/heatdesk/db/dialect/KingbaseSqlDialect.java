package cn.heatdesk.db.dialect;

import cn.heatdesk.db.DatabaseIds;

/**
 * KingbaseES: its SELECT syntax keeps PostgreSQL's {@code [ LIMIT { count | ALL } ] [ OFFSET start ]} (KingbaseES
 * SQL reference, "LIMIT and OFFSET"), in PG and Oracle compatibility modes alike. Not executed here (no server).
 */
public final class KingbaseSqlDialect extends LimitOffsetSqlDialect {
    @Override
    public String databaseId() {
        return DatabaseIds.KINGBASE;
    }

    @Override
    public String analyze(String table) {
        return "ANALYZE " + table;
    }
}
