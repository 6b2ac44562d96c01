package cn.heatdesk.db.liquibase;

import cn.heatdesk.db.DatabaseIds;
import cn.heatdesk.db.dialect.SqlDialect;
import cn.heatdesk.db.dialect.SqlDialects;
import cn.heatdesk.db.mybatis.HeatDeskDatabaseIdProvider;
import cn.heatdesk.db.testsupport.TestDatabases;
import cn.heatdesk.db.testsupport.TestDatabases.Db;
import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the portable test changelog for real with {@code liquibase update}: always on H2 in memory, and on the server
 * chosen by HEATDESK_TEST_DB. Uses its own pt_* tables and changelog tables so it never touches the app schema.
 */
class LiquibaseUpdateOnRealDatabaseTest {

    static List<Db> targets() {
        return TestDatabases.targets();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void portableChangelogRunsAndIsRepeatable(Db target) throws Exception {
        try (Connection c = target.open()) {
            dropTestTables(c);
            try {
                update(target);
                assertThat(countRows(c, "pt_changelog")).isEqualTo(5);
                update(target); // second run: nothing pending, no error
                assertThat(countRows(c, "pt_changelog")).isEqualTo(5);

                assertSeedData(c);
                assertBinaryAndTextRoundTrip(c);
                assertUniqueAndForeignKeysEnforced(c);
                assertDialectOnRealServer(target, c);
            } finally {
                dropTestTables(c);
            }
        }
    }

    private static void update(Db target) throws Exception {
        try (Connection c = target.open()) {
            Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            db.setDatabaseChangeLogTableName("pt_changelog");
            db.setDatabaseChangeLogLockTableName("pt_changelog_lock");
            Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(),
                    Scope.Attr.ui.name(), new LoggerUIService(),
                    "liquibase.analytics.enabled", false), () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, db)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, OfflineChangelogSqlTest.CHANGELOG)
                    .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF)
                    .execute());
        }
    }

    private static void assertSeedData(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT customer_no, customer_name, enabled_flag, heated_area, open_date, "
                     + "created_at, room_count FROM pt_customer WHERE id = 1000000000000000001")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("C0001");
            assertThat(rs.getString(2)).isEqualTo("张三");
            assertThat(rs.getInt(3)).isEqualTo(1);
            assertThat(rs.getBigDecimal(4)).isEqualByComparingTo("88.50");
            assertThat(rs.getObject(5, LocalDate.class)).isEqualTo(LocalDate.of(2024, 10, 15));
            assertThat(rs.getObject(6, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 10, 15, 8, 30));
            assertThat(rs.getInt(7)).isEqualTo(3);
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT title, fee_amount, ticket_status FROM pt_ticket ORDER BY id")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getBigDecimal(2).stripTrailingZeros().toPlainString() + "|"
                        + rs.getInt(3));
            }
            assertThat(rows).containsExactly("暖气不热|0|0", "阀门漏水|35.5|1");
        }
    }

    private static void assertBinaryAndTextRoundTrip(Connection c) throws SQLException {
        byte[] photo = new byte[70_000]; // larger than MySQL's plain BLOB (64 KB): needs LONGBLOB
        for (int i = 0; i < photo.length; i++) {
            photo[i] = (byte) (i * 31);
        }
        String memo = "长文本".repeat(30_000); // > 64 KB of UTF-8: needs LONGTEXT on MySQL
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE pt_customer SET photo_data = ?, memo_text = ? WHERE id = ?")) {
            ps.setBytes(1, photo);
            ps.setString(2, memo);
            ps.setLong(3, 1000000000000000001L);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        } finally {
            c.setAutoCommit(auto);
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT photo_data, memo_text FROM pt_customer WHERE id = 1000000000000000001")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBytes(1)).isEqualTo(photo);
            assertThat(rs.getString(2)).isEqualTo(memo);
        }
    }

    private static void assertUniqueAndForeignKeysEnforced(Connection c) {
        assertFails(c, "INSERT INTO pt_customer (id, customer_no, customer_name, enabled_flag, created_at) "
                + "VALUES (1000000000000000009, 'C0001', 'dup', 1, CURRENT_TIMESTAMP)");
        assertFails(c, "INSERT INTO pt_ticket (id, customer_id, ticket_status, title, created_at) "
                + "VALUES (2000000000000000009, 42, 0, 'orphan', CURRENT_TIMESTAMP)");
    }

    private static void assertFails(Connection c, String sql) {
        boolean failed;
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql);
            failed = false;
        } catch (SQLException expected) {
            failed = true;
        }
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException ignored) {
            // connection state only
        }
        assertThat(failed).as("expected constraint violation for: %s", sql).isTrue();
    }

    private static void assertDialectOnRealServer(Db target, Connection c) throws SQLException {
        String id = new HeatDeskDatabaseIdProvider().getDatabaseId(target.dataSource());
        assertThat(id).isEqualTo(target.name().equals("mariadb") ? DatabaseIds.MYSQL : target.name());

        SqlDialect dialect = SqlDialects.forDataSource(target.dataSource());
        String base = "SELECT id FROM pt_ticket ORDER BY id";
        assertThat(longs(c, dialect.paginate(base, 0, 1))).containsExactly(2000000000000000001L);
        assertThat(longs(c, dialect.paginate(base, 1, 1))).containsExactly(2000000000000000002L);
        assertThat(longs(c, dialect.paginate(base + ";", 5, 10))).isEmpty();
        assertThat(longs(c, dialect.count(base))).containsExactly(2L);
        assertThat(longs(c, dialect.count("SELECT id FROM pt_ticket WHERE ticket_status = 1"))).containsExactly(1L);
    }

    private static List<Long> longs(Connection c, String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    private static int countRows(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void dropTestTables(Connection c) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            for (String t : List.of("pt_ticket", "pt_customer", "pt_changelog", "pt_changelog_lock")) {
                s.execute("DROP TABLE IF EXISTS " + t);
            }
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
