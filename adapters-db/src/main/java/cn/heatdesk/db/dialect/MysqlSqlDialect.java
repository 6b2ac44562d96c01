package cn.heatdesk.db.dialect;

import cn.heatdesk.db.DatabaseIds;

/**
 * MySQL, MariaDB and OceanBase MySQL mode: {@code LIMIT row_count OFFSET offset} is documented by all three
 * (equivalent to {@code LIMIT offset, row_count}).
 */
public final class MysqlSqlDialect extends LimitOffsetSqlDialect {
    @Override
    public String databaseId() {
        return DatabaseIds.MYSQL;
    }

    @Override
    public String analyze(String table) {
        return "ANALYZE TABLE " + table;
    }
}
