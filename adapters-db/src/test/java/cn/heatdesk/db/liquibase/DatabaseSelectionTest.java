package cn.heatdesk.db.liquibase;

import cn.heatdesk.db.testsupport.FakeJdbc;
import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.OfflineConnection;
import liquibase.database.core.MariaDBDatabase;
import liquibase.database.core.MySQLDatabase;
import liquibase.database.core.OracleDatabase;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.core.UnsupportedDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;

import static org.assertj.core.api.Assertions.assertThat;

/** DatabaseFactory must pick our Database classes for their products, and only for them. */
class DatabaseSelectionTest {

    private static Database select(FakeJdbc fake) throws Exception {
        return DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(fake.connection()));
    }

    @ParameterizedTest
    @CsvSource({
            "dm, cn.heatdesk.db.liquibase.DmDatabase",
            "kingbase, cn.heatdesk.db.liquibase.KingbaseDatabase",
            "oceanbase, cn.heatdesk.db.liquibase.OceanBaseDatabase",
            "postgresql, liquibase.database.core.PostgresDatabase",
            "mysql, liquibase.database.core.MySQLDatabase",
            "mariadb, liquibase.database.core.MariaDBDatabase",
            "h2, liquibase.database.core.H2Database"})
    void offlineUrlSelectsByShortName(String shortName, String expectedClass) throws Exception {
        Path history = Files.createTempFile("history", ".csv");
        Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new OfflineConnection(
                OfflineChangelogSql.offlineUrl(shortName, history, false), new ClassLoaderResourceAccessor()));
        Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).resetAll();
        Files.deleteIfExists(history);
        assertThat(db.getClass().getName()).isEqualTo(expectedClass);
        assertThat(db.getShortName()).isEqualTo(shortName);
    }

    @Test
    void dmProductNameSelectsDmAndRunsNoSqlWhileConnecting() throws Exception {
        FakeJdbc fake = new FakeJdbc("DM DBMS", "8.1.3.140", "jdbc:dm://db:5236");
        fake.schema = "HEATDESK";
        Database db = select(fake);
        assertThat(db).isInstanceOf(DmDatabase.class);
        // Nothing Oracle-only (DBMS_UTILITY, v$ views, sys_context) is sent while attaching.
        assertThat(fake.sqlSent).isEmpty();
        assertThat(db.getConnection()).isInstanceOf(DmJdbcConnection.class);
        assertThat(db.getDefaultCatalogName()).isEqualTo("HEATDESK");
        assertThat(fake.sqlSent).isEmpty();
        assertThat(db.getDefaultPort()).isEqualTo(5236);
        assertThat(db.getDefaultDriver("jdbc:dm://db:5236")).isEqualTo("dm.jdbc.driver.DmDriver");
        assertThat(db.getCurrentDateTimeFunction()).isEqualTo("SYSDATE");
        assertThat(db.isReservedWord("level")).isTrue();
        assertThat(db.isReservedWord("top")).isTrue();
    }

    @Test
    void dmInOracleCompatibilityModeIsStillDm() throws Exception {
        // The DM driver reports "Oracle" when the server runs with COMPATIBLE_MODE=2.
        Database db = select(new FakeJdbc("Oracle", "8.1.3.140", "jdbc:dm://db:5236?compatibleMode=oracle"));
        assertThat(db).isInstanceOf(DmDatabase.class);
    }

    @Test
    void realOracleStaysOracle() throws Exception {
        Database db = select(new FakeJdbc("Oracle", "19.0", "jdbc:oracle:thin:@db:1521/orcl"));
        assertThat(db).isExactlyInstanceOf(OracleDatabase.class);
    }

    @Test
    void kingbaseProductNameSelectsKingbaseAndClearsTheProbeTransaction() throws Exception {
        FakeJdbc fake = new FakeJdbc("KingbaseES", "V009R001C002B0014", "jdbc:kingbase8://db:54321/heatdesk");
        fake.majorVersion = 12;
        Database db = select(fake);
        assertThat(db).isInstanceOf(KingbaseDatabase.class);
        assertThat(db.getDefaultPort()).isEqualTo(54321);
        assertThat(db.getDefaultDriver("jdbc:kingbase8://db:54321/x")).isEqualTo("com.kingbase8.Driver");
        assertThat(db.isReservedWord("rownum")).isTrue();
        assertThat(db.isReservedWord("order")).isTrue();
        assertThat(db.isReservedWord("customer_name")).isFalse();
        // Liquibase turns auto-commit off; PostgresDatabase's pg_settings probe failed on our fake server, so the
        // (PostgreSQL-style aborted) transaction must have been rolled back.
        assertThat(fake.sqlSent).anyMatch(s -> s.contains("pg_settings"));
        assertThat(fake.rollbacks).isPositive();
    }

    @Test
    void kingbaseReportingOldVersionNumbersIsStillAccepted() throws Exception {
        FakeJdbc fake = new FakeJdbc("KingbaseES", "V008R003", "jdbc:kingbase8://db:54321/heatdesk");
        fake.majorVersion = 8;
        Database db = select(fake);
        assertThat(db).isInstanceOf(KingbaseDatabase.class);
        assertThat(((KingbaseDatabase) db).useSerialDatatypes()).isTrue();
    }

    @Test
    void postgresStaysPostgres() throws Exception {
        FakeJdbc fake = new FakeJdbc("PostgreSQL", "15.4", "jdbc:postgresql://db/heatdesk");
        fake.majorVersion = 15;
        assertThat(select(fake)).isExactlyInstanceOf(PostgresDatabase.class);
    }

    @Test
    void oceanBaseClientInMySqlModeSelectsOceanBase() throws Exception {
        FakeJdbc fake = new FakeJdbc("OceanBase", "4.2.1.0", "jdbc:oceanbase://db:2881/heatdesk");
        fake.identifierQuote = "`";
        fake.majorVersion = 4;
        Database db = select(fake);
        assertThat(db).isInstanceOf(OceanBaseDatabase.class);
        assertThat(db.getDefaultPort()).isEqualTo(2881);
        assertThat(db.getDefaultDriver("jdbc:oceanbase://db:2881/x")).isEqualTo("com.oceanbase.jdbc.Driver");
    }

    @Test
    void oceanBaseOracleModeIsNotTakenForMySqlMode() throws Exception {
        FakeJdbc fake = new FakeJdbc("OceanBase", "4.2.1.0", "jdbc:oceanbase://db:2881/heatdesk");
        fake.identifierQuote = "\"";
        assertThat(select(fake)).isNotInstanceOf(OceanBaseDatabase.class).isInstanceOf(UnsupportedDatabase.class);
    }

    @Test
    void oceanBaseThroughMySqlDriversSelectsOceanBase() throws Exception {
        FakeJdbc viaVersion = new FakeJdbc("MySQL", "5.7.25-OceanBase_CE-v4.2.1.0", "jdbc:mysql://db:2881/heatdesk");
        viaVersion.majorVersion = 5;
        assertThat(select(viaVersion)).isInstanceOf(OceanBaseDatabase.class);

        FakeJdbc viaCompatMetadata = new FakeJdbc("MySQL", "5.7.25", "jdbc:oceanbase://db:2881/heatdesk");
        viaCompatMetadata.majorVersion = 5;
        assertThat(select(viaCompatMetadata)).isInstanceOf(OceanBaseDatabase.class);
    }

    @Test
    void plainMySqlAndMariaDbAreNotStolen() throws Exception {
        FakeJdbc mysql = new FakeJdbc("MySQL", "8.0.36", "jdbc:mysql://db:3306/heatdesk");
        mysql.majorVersion = 8;
        assertThat(select(mysql)).isExactlyInstanceOf(MySQLDatabase.class);

        FakeJdbc mariaAsMysql = new FakeJdbc("MySQL", "10.11.6-MariaDB", "jdbc:mysql://db:3306/heatdesk");
        mariaAsMysql.majorVersion = 10;
        assertThat(select(mariaAsMysql)).isExactlyInstanceOf(MariaDBDatabase.class);

        FakeJdbc maria = new FakeJdbc("MariaDB", "10.11.6-MariaDB", "jdbc:mariadb://db:3306/heatdesk");
        maria.majorVersion = 10;
        assertThat(select(maria)).isExactlyInstanceOf(MariaDBDatabase.class);
    }

    @Test
    void defaultDriversExistAndAcceptTheirUrls() throws Exception {
        assertThat(driver(DmDatabase.DRIVER).acceptsURL("jdbc:dm://localhost:5236")).isTrue();
        assertThat(driver(KingbaseDatabase.DRIVER).acceptsURL("jdbc:kingbase8://localhost:54321/test")).isTrue();
        assertThat(driver(OceanBaseDatabase.DRIVER).acceptsURL("jdbc:oceanbase://localhost:2881/test")).isTrue();
    }

    private static Driver driver(String className) throws Exception {
        return (Driver) Class.forName(className).getDeclaredConstructor().newInstance();
    }
}
