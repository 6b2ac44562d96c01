package cn.heatdesk.db.dialect;

import cn.heatdesk.db.DatabaseIds;

/**
 * DM8: the SELECT "limit clause" accepts {@code LIMIT n}, {@code LIMIT n OFFSET m} and {@code LIMIT m, n} besides
 * TOP and ROWNUM, in every compatibility mode, so no ROWNUM sub-select is needed. Not executed here (no DM server);
 * the installer check in docs/databases.md runs a paginated query on first start.
 */
public final class DmSqlDialect extends LimitOffsetSqlDialect {
    @Override
    public String databaseId() {
        return DatabaseIds.DM;
    }
}
