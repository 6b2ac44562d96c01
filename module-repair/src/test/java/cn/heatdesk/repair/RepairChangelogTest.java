package cn.heatdesk.repair;

import cn.heatdesk.db.liquibase.ChangelogLint;
import cn.heatdesk.db.liquibase.OfflineChangelogSql;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The repair changelog follows the portability rules and renders on every supported database. */
class RepairChangelogTest {

    static final String CHANGELOG = "db/changelog/repair/001-repair.xml";

    @Test
    void changelogIsPortable() {
        assertThat(ChangelogLint.lintClasspath(CHANGELOG)).isEmpty();
    }

    @Test
    void changelogRendersForEverySupportedDatabase() {
        for (String db : OfflineChangelogSql.SHORT_NAMES) {
            String sql = OfflineChangelogSql.generate(CHANGELOG, db, false, getClass().getClassLoader());
            assertThat(sql).as(db).containsIgnoringCase("CREATE TABLE").containsIgnoringCase("rp_worker_area")
                    .contains("'管网维修'").contains("'收费咨询'");
        }
    }
}
