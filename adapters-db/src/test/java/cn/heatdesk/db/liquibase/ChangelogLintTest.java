package cn.heatdesk.db.liquibase;

import cn.heatdesk.db.ReservedWords;
import cn.heatdesk.db.liquibase.ChangelogLint.Rule;
import cn.heatdesk.db.liquibase.ChangelogLint.Violation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ChangelogLintTest {

    static List<Violation> bad;

    @BeforeAll
    static void lintBadChangelog() {
        bad = ChangelogLint.lintClasspath("db/bad/master.xml");
    }

    private static List<String> messages(Rule rule, String changeSetId) {
        return bad.stream().filter(v -> v.rule() == rule && changeSetId.equals(v.changeSetId()))
                .map(Violation::message).collect(Collectors.toList());
    }

    @Test
    void portableTestChangelogIsClean() {
        assertThat(ChangelogLint.lintClasspath(OfflineChangelogSqlTest.CHANGELOG)).isEmpty();
    }

    @Test
    void reservedWordsAreReportedWithTheListsThatReserveThem() {
        List<String> m = messages(Rule.RESERVED_WORD, "bad-001-reserved@lint");
        assertThat(m).anyMatch(s -> s.startsWith("table 'order' is reserved in SQL:2016, PostgreSQL, MySQL/MariaDB, "
                + "Oracle/DM, KingbaseES"));
        assertThat(m).anyMatch(s -> s.startsWith("column 'user' is reserved in") && s.contains("PostgreSQL"));
        assertThat(m).anyMatch(s -> s.equals("column 'level' is reserved in Oracle/DM, KingbaseES"));
        assertThat(m).anyMatch(s -> s.startsWith("index 'index' is reserved in"));
        // Decided per the shipped lists: TYPE and ROLE are non-reserved everywhere we check.
        assertThat(m).noneMatch(s -> s.contains("'type'") || s.contains("'role'"));
        assertThat(m).hasSize(4);
    }

    @Test
    void typeAndRoleAreNotReservedInAnyShippedList() {
        assertThat(ReservedWords.listsContaining("type")).isEmpty();
        assertThat(ReservedWords.listsContaining("role")).isEmpty();
        assertThat(ReservedWords.listsContaining("comment")).containsExactly("Oracle/DM");
        assertThat(ReservedWords.listsContaining("top")).containsExactly("Oracle/DM", "KingbaseES");
    }

    @Test
    void longAndMixedCaseIdentifiersAreReported() {
        List<String> m = messages(Rule.IDENTIFIER_TOO_LONG, "bad-002-long-names@lint");
        assertThat(m).containsExactlyInAnyOrder(
                "table 'sd_ticket_attachment_thumbnail_x' has 32 characters, max 30",
                "constraint 'pk_sd_ticket_attachment_thumbnail' has 33 characters, max 30",
                "index 'ix_sd_ticket_attachment_thumbnail_x' has 35 characters, max 30");
        assertThat(messages(Rule.INVALID_IDENTIFIER, "bad-002-long-names@lint"))
                .singleElement().asString().startsWith("column 'customerName'");
    }

    @Test
    void autoIncrementIsReported() {
        assertThat(messages(Rule.AUTO_INCREMENT, "bad-003-auto-increment@lint")).hasSize(2)
                .anyMatch(s -> s.startsWith("column sd_counter.id is autoIncrement"))
                .anyMatch(s -> s.startsWith("addAutoIncrement on sd_other.id"));
    }

    @Test
    void nonPortableTypesAreReportedWithHints() {
        List<String> m = messages(Rule.NON_PORTABLE_TYPE, "bad-010-types@lint");
        assertThat(m).anyMatch(s -> s.contains("sd_typed.body_text type 'TEXT'") && s.contains("use CLOB"))
                .anyMatch(s -> s.contains("sd_typed.happened_at type 'TIMESTAMP'") && s.contains("DATETIME"))
                .anyMatch(s -> s.contains("sd_typed.amount type 'NUMBER(10,2)'") && s.contains("DECIMAL(p,s)"))
                .anyMatch(s -> s.contains("sd_typed.seq_no type 'INTEGER'") && s.contains("write INT"))
                .anyMatch(s -> s.contains("sd_typed.huge_name type 'VARCHAR(5000)'") && s.contains("use CLOB"))
                .anyMatch(s -> s.contains("sd_typed.plain_name type 'VARCHAR'") && s.contains("explicit length"))
                .anyMatch(s -> s.contains("sd_typed.seq_no type 'BIGSERIAL'"));
        assertThat(m).hasSize(7);
    }

    @Test
    void booleansAreReported() {
        assertThat(messages(Rule.BOOLEAN_TYPE, "bad-010-types@lint")).containsExactlyInAnyOrder(
                "column sd_typed.active type 'BOOLEAN': booleans are SMALLINT 0/1",
                "column sd_typed.deleted type 'bit': booleans are SMALLINT 0/1");
    }

    @Test
    void rawSqlNeedsDbms() {
        assertThat(messages(Rule.RAW_SQL_WITHOUT_DBMS, "bad-011-raw-sql@lint")).hasSize(1);
        // A dbms-specific changeSet may use raw SQL and native types.
        assertThat(bad).noneMatch(v -> "ok-012-dbms-changeset@lint".equals(v.changeSetId()));
    }

    @Test
    void includesAreFollowedRelativeAndFromClasspathAndMissingOnesReported() {
        assertThat(bad).anyMatch(v -> v.file().equals("db/bad/sub/types.xml"));
        assertThat(bad).filteredOn(v -> v.rule() == Rule.INCLUDE_NOT_FOUND)
                .singleElement().extracting(Violation::file).isEqualTo("db/bad/does-not-exist.xml");
        // types.xml includes master.xml again: linted once, no endless loop, no duplicates.
        assertThat(bad.stream().filter(v -> "bad-001-reserved@lint".equals(v.changeSetId())).count()).isEqualTo(4);
    }

    @Test
    void violationsReadAsFileChangeSetRuleMessage() {
        assertThat(bad).map(Violation::toString).contains(
                "db/bad/sub/types.xml [changeSet bad-011-raw-sql@lint] RAW_SQL_WITHOUT_DBMS: <sql> without a dbms "
                        + "attribute; use a Liquibase change, or give each database its own dbms-specific <sql>");
    }

    @Test
    void lintsChangelogsOnDiskToo() throws Exception {
        Path root = Files.createTempDirectory("lint");
        Files.createDirectories(root.resolve("db"));
        Files.writeString(root.resolve("db/master.xml"), """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <include file="db/more.xml"/>
                </databaseChangeLog>
                """);
        Files.writeString(root.resolve("db/more.xml"), """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a">
                    <createTable tableName="sd_x"><column name="flag" type="BOOLEAN"/></createTable>
                  </changeSet>
                </databaseChangeLog>
                """);
        assertThat(ChangelogLint.lintDirectory(root, "db/master.xml")).singleElement()
                .satisfies(v -> {
                    assertThat(v.rule()).isEqualTo(Rule.BOOLEAN_TYPE);
                    assertThat(v.file()).isEqualTo("db/more.xml");
                    assertThat(v.changeSetId()).isEqualTo("1@a");
                });
    }
}
