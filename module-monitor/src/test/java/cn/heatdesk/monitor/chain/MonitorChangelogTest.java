package cn.heatdesk.monitor.chain;

import cn.heatdesk.db.liquibase.ChangelogLint;
import cn.heatdesk.db.liquibase.OfflineChangelogSql;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The monitor changelogs follow the portability rules and render on every supported database. */
class MonitorChangelogTest {

    static final String SCHEMA = "db/changelog/monitor/001-monitor.xml";
    static final String SEED = "db/changelog/monitor/002-monitor-seed.xml";

    @Test
    void changelogsPassThePortabilityLint() {
        assertThat(ChangelogLint.lintClasspath(SCHEMA)).isEmpty();
        assertThat(ChangelogLint.lintClasspath(SEED)).isEmpty();
    }

    @Test
    void changelogsRenderForEverySupportedDatabase() {
        for (String db : OfflineChangelogSql.SHORT_NAMES) {
            String schema = OfflineChangelogSql.generate(SCHEMA, db, false, getClass().getClassLoader());
            assertThat(schema).as(db).containsIgnoringCase("CREATE TABLE").containsIgnoringCase("mo_approval_step")
                    .containsIgnoringCase("uk_mo_approval_chain");
            String seed = OfflineChangelogSql.generate(SEED, db, false, getClass().getClassLoader());
            assertThat(seed).as(db).contains("'DELAY'").contains("'CLOSE_WITHOUT_VISIT'").contains("'STATION_LEAD'")
                    .doesNotContain("'SECOND_DISPATCH'");
        }
    }
}
