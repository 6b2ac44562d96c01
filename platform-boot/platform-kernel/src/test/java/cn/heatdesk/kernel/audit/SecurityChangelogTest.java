package cn.heatdesk.kernel.audit;

import cn.heatdesk.db.liquibase.ChangelogLint;
import cn.heatdesk.db.liquibase.OfflineChangelogSql;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** 002-security.xml follows the portability rules and renders for every supported database, DM8 included. */
class SecurityChangelogTest {

    static final String CHANGELOG = "db/changelog/kernel/002-security.xml";

    @Test
    void passesThePortabilityLint() {
        assertThat(ChangelogLint.lintClasspath(CHANGELOG)).isEmpty();
    }

    @Test
    void rendersForEveryDatabase() {
        for (String db : OfflineChangelogSql.SHORT_NAMES) {
            String sql = OfflineChangelogSql.generate(CHANGELOG, db, false, getClass().getClassLoader()).toLowerCase(Locale.ROOT);
            assertThat(sql).as(db).contains("create table", "audit_log", "audit_chain_head", "integration_app", "api_nonce",
                    "uk_audit_log_seq", "uk_api_nonce");
            assertThat(sql).as(db).contains("0000000000000000000000000000000000000000000000000000000000000000");
            assertThat(sql).as(db).doesNotContain("auto_increment").doesNotContain("identity").doesNotContain("serial");
        }
    }
}
