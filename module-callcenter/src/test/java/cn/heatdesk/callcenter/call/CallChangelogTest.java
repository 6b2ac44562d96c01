package cn.heatdesk.callcenter.call;

import cn.heatdesk.db.liquibase.ChangelogLint;
import cn.heatdesk.db.liquibase.OfflineChangelogSql;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The call tables' changelog follows the portability rules and yields DDL for every supported database. */
class CallChangelogTest {

    static final String CHANGELOG = "db/changelog/callcenter/002-callcenter-calls.xml";

    @Test
    void changelogIsPortable() {
        assertThat(ChangelogLint.lintClasspath(CHANGELOG)).isEmpty();
    }

    @Test
    void offlineDdlForEveryDatabase() {
        for (String db : OfflineChangelogSql.SHORT_NAMES) {
            String sql = OfflineChangelogSql.generate(CHANGELOG, db, false, getClass().getClassLoader())
                    .toLowerCase(Locale.ROOT);
            assertThat(sql).as(db).contains("create table", "cc_call", "cc_call_leg", "cc_call_ticket", "cc_recording",
                    "cc_recording_access", "uk_cc_call_linkedid");
        }
    }
}
