package cn.heatdesk.app;

import cn.heatdesk.db.liquibase.ChangelogLint;
import cn.heatdesk.db.liquibase.OfflineChangelogSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one changelog of the whole schema follows the portability rules and generates DDL for every target
 * database, including the domestic ones that have no server here (DM8, KingbaseES, OceanBase).
 */
class SchemaPortabilityTest {

    static final String MASTER = "db/changelog/db.changelog-master.xml";

    @Test
    void masterChangelogFollowsThePortabilityRules() {
        List<ChangelogLint.Violation> violations = ChangelogLint.lintClasspath(MASTER);
        assertThat(violations).as(violations.toString()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb", "mysql", "dm", "kingbase", "oceanbase"})
    void wholeChangelogGeneratesDdl(String db) {
        String sql = OfflineChangelogSql.generate(MASTER, db);
        String upper = sql.toUpperCase(Locale.ROOT);
        for (String table : List.of("SYS_USER", "ORG_UNIT", "AUDIT_LOG", "SYS_ROLE", "DICT_ITEM", "SHEDLOCK")) {
            assertThat(upper).as(db + " creates " + table).containsPattern("CREATE TABLE [\"`]?(\\w+[\"`]?\\.)?[\"`]?" + table);
        }
        assertThat(upper).doesNotContain("AUTO_INCREMENT").doesNotContain("SERIAL").doesNotContain("IDENTITY");
        if (db.equals("dm")) {
            assertThat(upper).contains("CLOB").doesNotContain(" TEXT");
        }
        if (db.equals("kingbase") || db.equals("postgresql")) {
            assertThat(upper).contains("TIMESTAMP");
        }
    }
}
