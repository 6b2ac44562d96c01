package cn.heatdesk.db.dialect;

import cn.heatdesk.db.DatabaseIds;

/** PostgreSQL: {@code [ LIMIT { count | ALL } ] [ OFFSET start ]} is its native form (SELECT reference). */
public final class PostgresqlSqlDialect extends LimitOffsetSqlDialect {
    @Override
    public String databaseId() {
        return DatabaseIds.POSTGRESQL;
    }

    @Override
    public String analyze(String table) {
        return "ANALYZE " + table;
    }
}
