package cn.heatdesk.db.dialect;

import cn.heatdesk.db.DatabaseIds;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/** Lookup of the {@link SqlDialect} for a databaseId, a JDBC product name or a live DataSource. */
public final class SqlDialects {

    private static final Map<String, SqlDialect> BY_ID = Map.of(
            DatabaseIds.H2, new H2SqlDialect(),
            DatabaseIds.POSTGRESQL, new PostgresqlSqlDialect(),
            DatabaseIds.MYSQL, new MysqlSqlDialect(),
            DatabaseIds.DM, new DmSqlDialect(),
            DatabaseIds.KINGBASE, new KingbaseSqlDialect());

    private SqlDialects() {
    }

    /** @throws IllegalArgumentException for an id not in {@link DatabaseIds#ALL} */
    public static SqlDialect forDatabaseId(String databaseId) {
        SqlDialect d = databaseId == null ? null : BY_ID.get(databaseId);
        if (d == null) {
            throw new IllegalArgumentException("Unknown databaseId '" + databaseId + "', expected one of "
                    + DatabaseIds.ALL);
        }
        return d;
    }

    /** @throws DatabaseIds.UnsupportedDatabaseException for an unsupported product */
    public static SqlDialect forProductName(String productName) {
        return forDatabaseId(DatabaseIds.fromProductName(productName));
    }

    /** Resolves from a live connection (same rules as the MyBatis databaseId provider). */
    public static SqlDialect forDataSource(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return forDatabaseId(DatabaseIds.fromMetaData(c.getMetaData()));
        }
    }
}
