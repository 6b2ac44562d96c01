package cn.heatdesk.db.liquibase;

import liquibase.Scope;
import liquibase.database.DatabaseConnection;
import liquibase.database.core.MySQLDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Liquibase support for OceanBase in MySQL mode.
 *
 * <p>How an OceanBase connection identifies itself depends on the driver:</p>
 * <ul>
 *   <li>oceanbase-client (com.oceanbase.jdbc.Driver) reports product name "OceanBase" in both tenant modes, or
 *       "MySQL"/"Oracle" with {@code useCompatibleMetadata=true};</li>
 *   <li>MySQL Connector/J or MariaDB Connector/J report "MySQL" with a server version such as
 *       {@code 5.7.25-OceanBase_CE-v4.2.1.0}.</li>
 * </ul>
 * <p>This class claims "OceanBase" connections whose identifier quote is a backtick (MySQL mode; Oracle mode quotes
 * with '"'), and "MySQL" connections only when the URL is {@code jdbc:oceanbase:} or the server version mentions
 * OceanBase. Plain MySQL and MariaDB connections keep Liquibase's own MySQLDatabase / MariaDBDatabase.</p>
 */
public class OceanBaseDatabase extends MySQLDatabase {

    public static final String PRODUCT_NAME = "OceanBase";
    public static final String SHORT_NAME = "oceanbase";
    public static final String DRIVER = "com.oceanbase.jdbc.Driver";
    public static final int DEFAULT_PORT = 2881;
    private static final String URL_PREFIX = "jdbc:oceanbase:";

    @Override
    public int getPriority() {
        return PRIORITY_DATABASE;
    }

    @Override
    public boolean isCorrectDatabaseImplementation(DatabaseConnection conn) throws DatabaseException {
        String product = conn.getDatabaseProductName();
        if (PRODUCT_NAME.equalsIgnoreCase(product)) {
            return isMySqlMode(conn);
        }
        if ("MySQL".equalsIgnoreCase(product)) {
            String url = conn.getURL();
            String version = conn.getDatabaseProductVersion();
            return (url != null && url.toLowerCase(Locale.ROOT).startsWith(URL_PREFIX))
                    || (version != null && version.toLowerCase(Locale.ROOT).contains("oceanbase"));
        }
        return false;
    }

    private static boolean isMySqlMode(DatabaseConnection conn) {
        if (!(conn instanceof JdbcConnection jdbc)) {
            return true;
        }
        try {
            // oceanbase-client answers '"' in Oracle mode and '`' in MySQL mode; no SQL round trip needed.
            return "`".equals(jdbc.getUnderlyingConnection().getMetaData().getIdentifierQuoteString());
        } catch (SQLException e) {
            Scope.getCurrentScope().getLog(OceanBaseDatabase.class).info("Cannot read OceanBase mode: " + e);
            return false;
        }
    }

    @Override
    public String getShortName() {
        return SHORT_NAME;
    }

    @Override
    protected String getDefaultDatabaseProductName() {
        return PRODUCT_NAME;
    }

    @Override
    public Integer getDefaultPort() {
        return DEFAULT_PORT;
    }

    @Override
    public String getDefaultDriver(String url) {
        return url != null && url.toLowerCase(Locale.ROOT).startsWith(URL_PREFIX) ? DRIVER : null;
    }

    @Override
    public int getMaxFractionalDigitsForTimestamp() {
        // OceanBase MySQL mode follows MySQL 5.7+ (DATETIME(6)); its reported version numbers are OceanBase's own.
        return 6;
    }
}
