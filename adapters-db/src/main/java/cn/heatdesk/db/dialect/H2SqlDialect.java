package cn.heatdesk.db.dialect;

import cn.heatdesk.db.DatabaseIds;

/** H2 2.x (tests only): accepts LIMIT/OFFSET in regular mode; exercised for real by the module tests. */
public final class H2SqlDialect extends LimitOffsetSqlDialect {
    @Override
    public String databaseId() {
        return DatabaseIds.H2;
    }

    @Override
    public String analyze(String table) {
        return "ANALYZE TABLE " + table;
    }
}
