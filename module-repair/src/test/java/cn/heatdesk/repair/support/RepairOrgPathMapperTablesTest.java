package cn.heatdesk.repair.support;

import cn.heatdesk.db.testsupport.ChangelogTables;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The org-move handler covers exactly the repair tables that carry org_path: every createTable / addColumn of an
 * org_path column in the repair changelogs must be listed in {@link RepairOrgPathMapper#TABLES}, and nothing else.
 */
class RepairOrgPathMapperTablesTest {

    @Test
    void everyRepairTableWithOrgPathIsMovedAndNoOther() throws Exception {
        Set<String> withOrgPath = ChangelogTables.withColumn("classpath*:db/changelog/repair/*.xml", "org_path");
        assertThat(withOrgPath).contains("rp_worker", "rp_device", "rp_check_in", "rp_field_media");
        assertThat(new TreeSet<>(RepairOrgPathMapper.TABLES)).isEqualTo(withOrgPath);
        assertThat(RepairOrgPathMapper.TABLES).doesNotHaveDuplicates()
                .allMatch(t -> t.matches("rp_[a-z_]+"), "plain table names (spliced into SQL)");
    }
}
