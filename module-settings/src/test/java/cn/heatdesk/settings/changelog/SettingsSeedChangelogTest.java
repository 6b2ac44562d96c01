package cn.heatdesk.settings.changelog;

import cn.heatdesk.db.liquibase.ChangelogLint;
import cn.heatdesk.db.liquibase.OfflineChangelogSql;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed changelog follows the portability rules and renders on every supported database, servers or not. */
class SettingsSeedChangelogTest {

    static final String SEED = "db/changelog/settings/002-settings-seed.xml";

    @Test
    void seedPassesThePortabilityLint() {
        List<ChangelogLint.Violation> violations = ChangelogLint.lintClasspath(SEED);
        assertThat(violations).isEmpty();
    }

    @Test
    void seedRendersForEverySupportedDatabase() {
        for (String db : OfflineChangelogSql.SHORT_NAMES) {
            String sql = OfflineChangelogSql.generate(SEED, db, false, getClass().getClassLoader());
            if (System.getProperty("heatdesk.print-seed-sql", "").equals(db)) {
                System.out.println(sql);
            }
            assertThat(sql).as(db).containsIgnoringCase("INSERT INTO").contains("'ticket_type'")
                    .contains("'OVER_LEVEL_COMPLAINT'").contains("'security.password.min-length'").contains("2026-01-01");
        }
    }
}
