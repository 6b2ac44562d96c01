package cn.heatdesk.db.liquibase;

import cn.heatdesk.db.ReservedWords;
import liquibase.CatalogAndSchema;
import liquibase.Scope;
import liquibase.database.AbstractJdbcDatabase;
import liquibase.database.DatabaseConnection;
import liquibase.database.OfflineConnection;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;
import liquibase.statement.DatabaseFunction;
import liquibase.structure.DatabaseObject;
import liquibase.structure.core.Catalog;
import liquibase.structure.core.Schema;

import java.math.BigInteger;
import java.sql.Connection;
import java.util.Locale;

/**
 * Liquibase support for Dameng DM8.
 *
 * <p>Deliberately extends {@link AbstractJdbcDatabase} and not {@code OracleDatabase}: Liquibase switches on
 * {@code instanceof OracleDatabase} in ~80 places, among them snapshot queries against Oracle dictionary views
 * (user_recyclebin, ALL_TAB_COLS 12c columns) and a {@code DBMS_UTILITY.DB_VERSION} call in setConnection that are not
 * guaranteed on DM. The generic path reads structure through the DM driver's own JDBC metadata and emits standard
 * DDL, which DM accepts for the portable type set (BIGINT, INT, SMALLINT, DECIMAL, VARCHAR, CHAR, DATE, TIMESTAMP,
 * CLOB, BLOB).</p>
 *
 * <p>Selected for product name {@value #PRODUCT_NAME}, and for {@code jdbc:dm:} URLs whose driver reports "Oracle"
 * (the DM driver does that when the server runs with COMPATIBLE_MODE=2).</p>
 */
public class DmDatabase extends AbstractJdbcDatabase {

    public static final String PRODUCT_NAME = "DM DBMS";
    public static final String SHORT_NAME = "dm";
    public static final String DRIVER = "dm.jdbc.driver.DmDriver";
    public static final int DEFAULT_PORT = 5236;
    private static final String URL_PREFIX = "jdbc:dm:";

    public DmDatabase() {
        // DM folds unquoted identifiers to upper case, like Oracle.
        super.unquotedObjectsAreUppercased = true;
        super.setCurrentDateTimeFunction("SYSDATE");
        dateFunctions.add(new DatabaseFunction("SYSDATE"));
        dateFunctions.add(new DatabaseFunction("SYSTIMESTAMP"));
        dateFunctions.add(new DatabaseFunction("CURRENT_TIMESTAMP"));
        super.sequenceNextValueFunction = "%s.NEXTVAL";
        super.sequenceCurrentValueFunction = "%s.CURRVAL";
        addReservedWords(ReservedWords.list(ReservedWords.DM));
    }

    @Override
    public int getPriority() {
        return PRIORITY_DATABASE;
    }

    @Override
    public boolean isCorrectDatabaseImplementation(DatabaseConnection conn) throws DatabaseException {
        if (PRODUCT_NAME.equalsIgnoreCase(conn.getDatabaseProductName())) {
            return true;
        }
        String url = conn.getURL();
        return url != null && url.toLowerCase(Locale.ROOT).startsWith(URL_PREFIX);
    }

    @Override
    public void setConnection(DatabaseConnection conn) {
        DatabaseConnection effective = conn;
        if (conn instanceof JdbcConnection jdbc && !(conn instanceof DmJdbcConnection)) {
            // Liquibase escapes metadata patterns with '\', DM's metadata SQL uses ESCAPE '!'.
            effective = new DmJdbcConnection(jdbc.getUnderlyingConnection());
        }
        super.setConnection(effective);
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
    public boolean supportsInitiallyDeferrableColumns() {
        return false;
    }

    @Override
    public boolean supportsTablespaces() {
        return true;
    }

    @Override
    public boolean supportsSequences() {
        return true;
    }

    @Override
    public boolean supportsRestrictForeignKeys() {
        // DM's FK actions are CASCADE / SET NULL / SET DEFAULT / NO ACTION; omit RESTRICT (it is the default anyway).
        return false;
    }

    @Override
    public boolean supportsDropTableCascadeConstraints() {
        return true;
    }

    // DM keeps one namespace per schema (owned by a user), as Oracle and DB2 do: Liquibase "catalog" = DM schema.

    @Override
    public boolean supportsSchemas() {
        return false;
    }

    @Override
    public boolean supportsCatalogs() {
        return true;
    }

    @Override
    public boolean supports(Class<? extends DatabaseObject> object) {
        if (Schema.class.isAssignableFrom(object)) {
            return false;
        }
        return super.supports(object);
    }

    @Override
    public boolean jdbcCallsCatalogsSchemas() {
        return true;
    }

    @Override
    public String getJdbcCatalogName(CatalogAndSchema schema) {
        return null;
    }

    @Override
    public String getJdbcSchemaName(CatalogAndSchema schema) {
        String name = schema.getCatalogName() == null ? schema.getSchemaName() : schema.getCatalogName();
        return correctObjectName(name, Catalog.class);
    }

    @Override
    public CatalogAndSchema getSchemaFromJdbcInfo(String rawCatalogName, String rawSchemaName) {
        String schema = rawSchemaName == null ? rawCatalogName : rawSchemaName;
        return new CatalogAndSchema(schema, null).customize(this);
    }

    @Override
    protected String getConnectionCatalogName() throws DatabaseException {
        DatabaseConnection connection = getConnection();
        if (connection instanceof OfflineConnection) {
            return connection.getCatalog();
        }
        if (!(connection instanceof JdbcConnection jdbc)) {
            return defaultCatalogName;
        }
        // JDBC getSchema() instead of Oracle's sys_context query: no SQL needed, DM's driver tracks the schema.
        try {
            Connection raw = jdbc.getUnderlyingConnection();
            String schema = raw.getSchema();
            if (schema != null && !schema.isBlank()) {
                return schema;
            }
        } catch (Exception | AbstractMethodError e) {
            Scope.getCurrentScope().getLog(getClass()).info("Cannot read current DM schema from JDBC: " + e);
        }
        String user = connection.getConnectionUserName();
        return user == null ? null : user.toUpperCase(Locale.ROOT);
    }

    @Override
    protected String getAutoIncrementClause() {
        return "IDENTITY";
    }

    @Override
    public String getAutoIncrementClause(BigInteger startWith, BigInteger incrementBy, String generationType,
                                         Boolean defaultOnNull) {
        // DM syntax is IDENTITY(seed, increment); both are always given so the clause is unambiguous.
        BigInteger start = startWith == null ? defaultAutoIncrementStartWith : startWith;
        BigInteger by = incrementBy == null ? defaultAutoIncrementBy : incrementBy;
        return "IDENTITY(" + start + ", " + by + ")";
    }

    @Override
    public String getDateLiteral(String isoDate) {
        // ANSI typed literals are unambiguous on DM regardless of NLS date format settings.
        if (isDateOnly(isoDate)) {
            return "DATE '" + isoDate + "'";
        }
        if (isTimeOnly(isoDate)) {
            return "TIME '" + isoDate + "'";
        }
        if (isDateTime(isoDate) || isTimestamp(isoDate)) {
            return "TIMESTAMP '" + isoDate.replace('T', ' ') + "'";
        }
        return super.getDateLiteral(isoDate);
    }

    @Override
    public int getMaxFractionalDigitsForTimestamp() {
        return 6;
    }

    @Override
    public String generatePrimaryKeyName(String tableName) {
        String name = "PK_" + tableName.toUpperCase(Locale.ROOT);
        return name.length() > 30 ? name.substring(0, 30) : name;
    }
}
