package cn.heatdesk.repair.mobile.media;

import cn.heatdesk.db.liquibase.ChangelogLint;
import cn.heatdesk.db.liquibase.OfflineChangelogSql;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The field media changelog follows the portability rules and renders on every supported database. */
class FieldMediaChangelogTest {

    static final String CHANGELOG = "db/changelog/repair/003-field-media.xml";

    @Test
    void changelogIsPortable() {
        assertThat(ChangelogLint.lintClasspath(CHANGELOG)).isEmpty();
    }

    @Test
    void changelogRendersForEverySupportedDatabase() {
        for (String db : OfflineChangelogSql.SHORT_NAMES) {
            String sql = OfflineChangelogSql.generate(CHANGELOG, db, false, getClass().getClassLoader());
            assertThat(sql).as(db).containsIgnoringCase("CREATE TABLE")
                    .containsIgnoringCase("rp_media_upload").containsIgnoringCase("rp_field_media")
                    .containsIgnoringCase("rp_ticket_media").containsIgnoringCase("rp_signature")
                    .containsIgnoringCase("rp_field_temp").containsIgnoringCase("uk_rp_signature_ticket");
        }
    }
}
