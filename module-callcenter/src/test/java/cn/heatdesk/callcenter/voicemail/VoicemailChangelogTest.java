package cn.heatdesk.callcenter.voicemail;

import cn.heatdesk.db.liquibase.ChangelogLint;
import cn.heatdesk.db.liquibase.OfflineChangelogSql;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The voicemail changelog follows the portability rules and yields DDL for every supported database. */
class VoicemailChangelogTest {

    static final String CHANGELOG = "db/changelog/callcenter/005-callcenter-voicemail.xml";

    @Test
    void changelogIsPortable() {
        assertThat(ChangelogLint.lintClasspath(CHANGELOG)).isEmpty();
    }

    @Test
    void offlineDdlForEveryDatabase() {
        for (String db : OfflineChangelogSql.SHORT_NAMES) {
            String sql = OfflineChangelogSql.generate(CHANGELOG, db, false, getClass().getClassLoader())
                    .toLowerCase(Locale.ROOT);
            assertThat(sql).as(db).contains("create table", "cc_voicemail", "cc_voicemail_log",
                    "uk_cc_voicemail_call", "retain_until", "subsidiary_id", "org_path");
        }
    }
}
