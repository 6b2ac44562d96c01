package cn.heatdesk.db.liquibase;

import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.OfflineConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.core.CreateDatabaseChangeLogLockTableStatement;
import liquibase.statement.core.InitializeDatabaseChangeLogLockTableStatement;
import liquibase.statement.core.LockDatabaseChangeLogStatement;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DmDatabaseTest {

    private static Database offlineDm() throws Exception {
        Path history = Files.createTempFile("history", ".csv");
        Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new OfflineConnection(
                OfflineChangelogSql.offlineUrl("dm", history, false), new ClassLoaderResourceAccessor()));
        Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).resetAll();
        Files.deleteIfExists(history);
        return db;
    }

    private static String sql(liquibase.statement.SqlStatement statement, Database db) {
        Sql[] sql = SqlGeneratorFactory.getInstance().generateSql(statement, db);
        return Arrays.stream(sql).map(Sql::toSql).collect(Collectors.joining(";\n"));
    }

    @Test
    void liquibaseLockTableUsesDmTypes() throws Exception {
        Database db = offlineDm();
        String ddl = sql(new CreateDatabaseChangeLogLockTableStatement(), db);
        assertThat(ddl).containsIgnoringCase("CREATE TABLE DATABASECHANGELOGLOCK")
                .contains("LOCKED BIT NOT NULL")
                .containsIgnoringCase("LOCKGRANTED datetime")
                .doesNotContain("BOOLEAN").doesNotContain("NUMBER(");
        assertThat(sql(new InitializeDatabaseChangeLogLockTableStatement(), db)).contains("0");
        String lock = sql(new LockDatabaseChangeLogStatement(), db);
        assertThat(lock).contains("LOCKED = 1").contains("SYSDATE").doesNotContain("TRUE");
    }

    @Test
    void autoIncrementWouldUseDmIdentitySyntax() throws Exception {
        // HeatDesk forbids autoIncrement (lint), but if Liquibase ever needs it the DM form must be valid.
        Database db = offlineDm();
        assertThat(db.getAutoIncrementClause(null, null, null, null)).isEqualTo("IDENTITY(1, 1)");
    }

    @Test
    void patternsAreRewrittenToDmEscape() {
        assertThat(DmJdbcConnection.toDmPattern("SYS\\_USER")).isEqualTo("SYS!_USER");
        assertThat(DmJdbcConnection.toDmPattern("A\\%B_C")).isEqualTo("A!%B_C");
        assertThat(DmJdbcConnection.toDmPattern("PLAIN")).isEqualTo("PLAIN");
        assertThat(DmJdbcConnection.toDmPattern(null)).isNull();
        assertThat(DmJdbcConnection.toExactName("SYS\\_USER")).isEqualTo("SYS_USER");
    }

    @Test
    void metadataCallsReachTheDriverWithDmEscapes() throws Exception {
        List<String> calls = new ArrayList<>();
        DatabaseMetaData meta = (DatabaseMetaData) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{DatabaseMetaData.class}, (p, m, args) -> {
                    calls.add(m.getName() + Arrays.toString(args));
                    return null;
                });
        Connection raw = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{Connection.class}, (p, m, args) -> "getMetaData".equals(m.getName()) ? meta : null);

        DatabaseMetaData wrapped = new DmJdbcConnection(raw).getUnderlyingConnection().getMetaData();
        wrapped.getTables(null, "HEAT\\_DESK", "SYS\\_USER", new String[]{"TABLE"});
        wrapped.getColumns(null, "HEATDESK", "SYS\\_USER", "%");
        wrapped.getIndexInfo(null, "HEATDESK", "SYS\\_USER", false, true);
        wrapped.getPrimaryKeys(null, "HEATDESK", "SYS\\_USER");

        assertThat(calls).containsExactly(
                "getTables[null, HEAT!_DESK, SYS!_USER, [Ljava.lang.String;@" + calls.get(0).split("@")[1],
                "getColumns[null, HEATDESK, SYS!_USER, %]",
                "getIndexInfo[null, HEATDESK, SYS_USER, false, true]",
                "getPrimaryKeys[null, HEATDESK, SYS_USER]");
    }
}
