package cn.heatdesk.repair.support;

import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RepairScopeTest {

    private static CurrentUser user(DataScope scope, Long subsidiary, String orgPath, List<String> custom) {
        return new CurrentUser(7L, "u", "用户", subsidiary, 3L, orgPath, scope, custom, Set.of(), Set.of());
    }

    @Test
    void sameRulesAsTheSqlCondition() {
        assertThat(RepairScope.covers(null, 2L, "/1/2/5/")).isTrue();
        assertThat(RepairScope.covers(user(DataScope.ALL, null, "/1/", null), 2L, "/1/2/5/")).isTrue();
        assertThat(RepairScope.covers(user(DataScope.SUBSIDIARY, 2L, "/1/2/", null), 2L, "/1/2/5/")).isTrue();
        assertThat(RepairScope.covers(user(DataScope.SUBSIDIARY, 3L, "/1/3/", null), 2L, "/1/2/5/")).isFalse();
        assertThat(RepairScope.covers(user(DataScope.ORG_AND_CHILDREN, 2L, "/1/2/5/", null), 2L, "/1/2/5/")).isTrue();
        assertThat(RepairScope.covers(user(DataScope.ORG_AND_CHILDREN, 2L, "/1/2/6/", null), 2L, "/1/2/5/")).isFalse();
        assertThat(RepairScope.covers(user(DataScope.ORG_AND_CHILDREN, 2L, "bad", null), 2L, "/1/2/5/")).isFalse();
        assertThat(RepairScope.covers(user(DataScope.CUSTOM, 2L, "/1/2/6/", List.of("/1/2/5/")), 2L, "/1/2/5/")).isTrue();
        assertThat(RepairScope.covers(user(DataScope.SELF, 2L, "/1/2/5/", null), 2L, "/1/2/5/")).isFalse();
    }
}
