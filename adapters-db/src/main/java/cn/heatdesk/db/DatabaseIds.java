package cn.heatdesk.db;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * The databaseIds HeatDesk uses (MyBatis {@code databaseId}, {@link cn.heatdesk.db.dialect.SqlDialects}) and the
 * mapping from JDBC product names to them. OceanBase (MySQL mode) and MariaDB share {@code mysql}.
 */
public final class DatabaseIds {

    public static final String H2 = "h2";
    public static final String POSTGRESQL = "postgresql";
    public static final String MYSQL = "mysql";
    public static final String DM = "dm";
    public static final String KINGBASE = "kingbase";

    public static final List<String> ALL = List.of(H2, POSTGRESQL, MYSQL, DM, KINGBASE);

    private DatabaseIds() {
    }

    /**
     * Maps a JDBC product name alone. "OceanBase" is taken as MySQL mode here; use
     * {@link #fromMetaData(DatabaseMetaData)} to reject Oracle-mode tenants.
     *
     * @throws UnsupportedDatabaseException for any other product
     */
    public static String fromProductName(String productName) {
        String p = productName == null ? "" : productName.trim().toLowerCase(Locale.ROOT);
        return switch (p) {
            case "h2" -> H2;
            case "postgresql" -> POSTGRESQL;
            case "mysql", "mariadb", "oceanbase" -> MYSQL;
            case "dm dbms" -> DM;
            case "kingbasees" -> KINGBASE;
            default -> throw new UnsupportedDatabaseException(productName);
        };
    }

    /**
     * Maps a live connection's metadata, also recognising a DM driver that reports "Oracle" (server in Oracle
     * compatibility mode) by its {@code jdbc:dm:} URL, and refusing OceanBase tenants in Oracle mode.
     */
    public static String fromMetaData(DatabaseMetaData meta) throws SQLException {
        String product = meta.getDatabaseProductName();
        String url = meta.getURL();
        String lowerUrl = url == null ? "" : url.toLowerCase(Locale.ROOT);
        if (lowerUrl.startsWith("jdbc:dm:")) {
            return DM;
        }
        if ("oceanbase".equalsIgnoreCase(product) && !"`".equals(meta.getIdentifierQuoteString())) {
            throw new UnsupportedDatabaseException(product + " (Oracle mode tenant; HeatDesk supports MySQL mode only)");
        }
        if (lowerUrl.startsWith("jdbc:oceanbase:") && "oracle".equalsIgnoreCase(product)) {
            throw new UnsupportedDatabaseException("OceanBase (Oracle mode tenant; HeatDesk supports MySQL mode only)");
        }
        return fromProductName(product);
    }

    /** Thrown for a database product HeatDesk does not support. */
    public static final class UnsupportedDatabaseException extends IllegalStateException {
        public UnsupportedDatabaseException(String productName) {
            super("Unsupported database product '" + productName + "'. HeatDesk supports H2 (tests), PostgreSQL, "
                    + "MySQL/MariaDB, OceanBase (MySQL mode), DM8 (DM DBMS) and KingbaseES.");
        }
    }
}
