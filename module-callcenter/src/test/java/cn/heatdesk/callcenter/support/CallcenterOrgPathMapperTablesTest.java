package cn.heatdesk.callcenter.support;

import cn.heatdesk.db.testsupport.ChangelogTables;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The org-move handler covers exactly the call-center tables that carry org_path: every createTable / addColumn of
 * an org_path column in the call-center changelogs must be listed in {@link CallcenterOrgPathMapper#TABLES}, and
 * nothing else.
 */
class CallcenterOrgPathMapperTablesTest {

    @Test
    void everyCallcenterTableWithOrgPathIsMovedAndNoOther() throws Exception {
        Set<String> withOrgPath = ChangelogTables.withColumn("classpath*:db/changelog/callcenter/*.xml", "org_path");
        assertThat(withOrgPath).contains("cc_gateway", "cc_call", "cc_recording", "cc_ivr_menu");
        assertThat(new TreeSet<>(CallcenterOrgPathMapper.TABLES)).isEqualTo(withOrgPath);
        assertThat(CallcenterOrgPathMapper.TABLES).doesNotHaveDuplicates()
                .allMatch(t -> t.matches("cc_[a-z_]+"), "plain table names (spliced into SQL)");
    }
}
