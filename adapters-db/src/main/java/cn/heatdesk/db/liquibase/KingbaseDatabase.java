package cn.heatdesk.db.liquibase;

import cn.heatdesk.db.ReservedWords;
import liquibase.Scope;
import liquibase.database.DatabaseConnection;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;

import java.util.Locale;

/**
 * Liquibase support for KingbaseES (V8R6 / V9) running in PostgreSQL compatibility mode.
 *
 * <p>Extends {@link PostgresDatabase} so every PostgreSQL SQL generator, data type and snapshot path applies, and
 * overrides what assumes the product really is PostgreSQL: the product-name check, the driver, the port and the
 * server-version based choices (KingbaseES reports its own version numbers, not PostgreSQL's).</p>
 */
public class KingbaseDatabase extends PostgresDatabase {

    public static final String PRODUCT_NAME = "KingbaseES";
    public static final String SHORT_NAME = "kingbase";
    public static final String DRIVER = "com.kingbase8.Driver";
    public static final int DEFAULT_PORT = 54321;
    private static final String URL_PREFIX = "jdbc:kingbase8:";

    @Override
    public int getPriority() {
        return PRIORITY_DATABASE;
    }

    @Override
    public boolean isCorrectDatabaseImplementation(DatabaseConnection conn) throws DatabaseException {
        // PostgresDatabase would also warn about "old PostgreSQL" here because KingbaseES reports V8/V9 numbers.
        return PRODUCT_NAME.equalsIgnoreCase(conn.getDatabaseProductName());
    }

    @Override
    public void setConnection(DatabaseConnection conn) {
        super.setConnection(conn);
        // PostgresDatabase probes pg_settings (an EnterpriseDB check). If KingbaseES rejects it, the PG-style
        // transaction is left aborted, so clear it before Liquibase runs anything. Nothing else ran yet.
        if (conn instanceof JdbcConnection jdbc) {
            try {
                if (!jdbc.getAutoCommit()) {
                    jdbc.getUnderlyingConnection().rollback();
                }
            } catch (Exception e) {
                Scope.getCurrentScope().getLog(getClass()).info("Cannot reset KingbaseES transaction: " + e);
            }
        }
    }

    @Override
    public boolean isReservedWord(String name) {
        // PostgresDatabase only knows PostgreSQL's words; KingbaseES adds Oracle-compatibility ones (ROWNUM, LEVEL...).
        return super.isReservedWord(name) || ReservedWords.list(ReservedWords.KINGBASE).contains(name.toUpperCase(Locale.ROOT));
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
    public boolean useSerialDatatypes() {
        // PostgresDatabase decides by "major version < 10", which is wrong for KingbaseES numbering (V8 = PG 12 base).
        // SERIAL works on every KingbaseES release; identity columns are not used by HeatDesk anyway.
        return true;
    }

    @Override
    public int getMaxFractionalDigitsForTimestamp() {
        return 6;
    }
}
