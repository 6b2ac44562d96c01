package cn.heatdesk.callcenter.call;

import cn.heatdesk.db.liquibase.ChangelogLint;
import cn.heatdesk.db.liquibase.OfflineChangelogSql;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The call tables' changelog follows the portability rules and yields DDL for every supported database. */
class CallChangelogTest {

    static final String CHANGELOG = "db/changelog/callcenter/002-callcenter-calls.xml";
    static final String LINKS = "db/changelog/callcenter/003-callcenter-call-links.xml";

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

    @Test
    void callLinksChangelogIsPortableAndAddsItsColumnsEverywhere() {
        assertThat(ChangelogLint.lintClasspath(LINKS)).isEmpty();
        for (String db : OfflineChangelogSql.SHORT_NAMES) {
            String sql = OfflineChangelogSql.generate(LINKS, db, false, getClass().getClassLoader())
                    .toLowerCase(Locale.ROOT);
            assertThat(sql).as(db).contains("callback_of", "hangup_agent_id", "hangup_agent_name", "hold_ms",
                    "ix_cc_call_callback_of", "ix_cc_call_agent_id");
        }
    }
}
