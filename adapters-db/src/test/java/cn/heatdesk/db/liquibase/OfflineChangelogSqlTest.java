package cn.heatdesk.db.liquibase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The portable test changelog must render valid-looking DDL for all seven databases without a server. */
class OfflineChangelogSqlTest {

    static final String CHANGELOG = "db/portable/master.xml";

    static List<String> shortNames() {
        return OfflineChangelogSql.SHORT_NAMES;
    }

    @Test
    void coversAllSevenDatabases() {
        assertThat(OfflineChangelogSql.SHORT_NAMES)
                .containsExactlyInAnyOrder("h2", "postgresql", "mariadb", "mysql", "dm", "kingbase", "oceanbase");
    }

    @ParameterizedTest
    @MethodSource("shortNames")
    void everyChangeRendersForEveryDatabase(String db) {
        String sql = OfflineChangelogSql.generate(CHANGELOG, db);
        String flat = sql.replaceAll("\\s+", " ");

        assertThat(flat).containsPattern(ci("CREATE TABLE (\\S+\\.)?pt_customer \\("))
                .containsPattern(ci("CREATE TABLE (\\S+\\.)?pt_ticket \\("))
                .containsPattern(ci("id BIGINT NOT NULL"))
                .containsPattern(ci("enabled_flag SMALLINT DEFAULT 1 NOT NULL"))
                .containsPattern(ci("heated_area DECIMAL\\(12, ?2\\)"))
                .containsPattern(ci("customer_no VARCHAR\\(32\\) NOT NULL"))
                .containsPattern(ci("region_code CHAR\\(6\\)"))
                .containsPattern(ci("open_date DATE"))
                .containsPattern(ci("CONSTRAINT pk_pt_customer PRIMARY KEY \\(id\\)"))
                .containsPattern(ci("ADD CONSTRAINT uk_pt_customer_no UNIQUE \\(customer_no\\)"))
                .containsPattern(ci("ADD CONSTRAINT fk_pt_ticket_customer FOREIGN KEY \\(customer_id\\) REFERENCES "
                        + "(\\S+\\.)?pt_customer ?\\(id\\)"))
                .containsPattern(ci("CREATE INDEX (\\S+\\.)?ix_pt_ticket_status_time ON (\\S+\\.)?pt_ticket ?"
                        + "\\(ticket_status, created_at\\)"))
                .containsPattern(ci("CREATE UNIQUE INDEX (\\S+\\.)?ux_pt_ticket_title"))
                .containsPattern(ci("ALTER TABLE (\\S+\\.)?pt_ticket ADD closed_at"))
                .containsPattern(ci("fee_amount DECIMAL\\(10, ?2\\)"))
                .containsPattern(ci("INSERT INTO (\\S+\\.)?pt_customer \\(id,"))
                .contains("1000000000000000001", "张三", "暖气不热", "阀门漏水")
                .containsPattern(ci("INSERT INTO (\\S+\\.)?DATABASECHANGELOG"));

        // Snowflake ids, SMALLINT booleans: none of these may appear for any database.
        assertThat(flat.toUpperCase(Locale.ROOT))
                .doesNotContain("AUTO_INCREMENT")
                .doesNotContain("IDENTITY")
                .doesNotContain("SERIAL")
                .doesNotContain("BOOLEAN")
                .doesNotContain("GENERATED");
    }

    @Test
    void dmUsesNativeDmTypes() {
        String sql = OfflineChangelogSql.generate(CHANGELOG, "dm");
        assertThat(sql).containsPattern(ci("memo_text CLOB"))
                .containsPattern(ci("photo_data BLOB"))
                .containsPattern(ci("created_at DATETIME NOT NULL"))
                .containsPattern(ci("room_count INT DEFAULT 0"))
                .contains("COMMENT ON TABLE pt_customer IS '热用户'")
                .contains("COMMENT ON COLUMN pt_customer.customer_name IS '户名'")
                .contains("TIMESTAMP '2024-10-15 08:30:00'")
                .contains("DATE '2024-10-15'")
                .contains("SYSDATE");
        assertThat(sql).doesNotContainPattern(ci("\\bTEXT\\b"))
                .doesNotContainPattern(ci("VARCHAR2|NUMBER\\(|NVARCHAR|LONGTEXT"))
                .doesNotContainPattern(ci("\\bNOW\\(\\)"));
    }

    @ParameterizedTest
    @MethodSource("mysqlFamily")
    void mysqlFamilyUsesLongTypes(String db) {
        String sql = OfflineChangelogSql.generate(CHANGELOG, db);
        assertThat(sql).containsPattern(ci("memo_text LONGTEXT"))
                .containsPattern(ci("photo_data LONGBLOB"))
                .containsPattern(ci("created_at DATETIME NOT NULL"))
                .contains("COMMENT='热用户'");
        assertThat(sql).doesNotContainPattern(ci("\\bCLOB\\b"));
    }

    static List<String> mysqlFamily() {
        return List.of("mysql", "mariadb", "oceanbase");
    }

    @ParameterizedTest
    @MethodSource("postgresFamily")
    void postgresFamilyUsesTextAndBytea(String db) {
        String sql = OfflineChangelogSql.generate(CHANGELOG, db);
        assertThat(sql).containsPattern(ci("memo_text TEXT"))
                .containsPattern(ci("photo_data BYTEA"))
                .containsPattern(ci("created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL"))
                .contains("COMMENT ON COLUMN pt_customer.customer_name IS '户名'");
        // Liquibase's default BLOB mapping on PostgreSQL is OID (large object); HeatDesk needs byte[] columns.
        assertThat(sql).doesNotContainPattern(ci("\\bOID\\b"));
    }

    static List<String> postgresFamily() {
        return List.of("postgresql", "kingbase");
    }

    @Test
    void h2UsesClobAndBlob() {
        String sql = OfflineChangelogSql.generate(CHANGELOG, "h2");
        assertThat(sql).containsPattern(ci("memo_text CLOB")).containsPattern(ci("photo_data BLOB"));
    }

    @Test
    void withoutLiquibaseTablesOnlyTheChangelogSqlRemains() {
        String sql = OfflineChangelogSql.generate(CHANGELOG, "kingbase", false,
                Thread.currentThread().getContextClassLoader());
        assertThat(sql).containsPattern(ci("CREATE TABLE pt_customer"));
        assertThat(sql).doesNotContainPattern(ci("DATABASECHANGELOG"));
    }

    @Test
    void eachCallRendersTheWholeChangelog() {
        String first = OfflineChangelogSql.generate(CHANGELOG, "dm");
        String second = OfflineChangelogSql.generate(CHANGELOG, "dm");
        assertThat(second).containsPattern(ci("CREATE TABLE pt_customer"));
        assertThat(count(first, "CREATE TABLE")).isEqualTo(count(second, "CREATE TABLE"));
    }

    @Test
    void unknownShortNameIsRejected() {
        assertThatThrownBy(() -> OfflineChangelogSql.generate(CHANGELOG, "oracle"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("oracle");
    }

    private static int count(String s, String needle) {
        return s.split(Pattern.quote(needle), -1).length - 1;
    }

    private static Pattern ci(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }
}
