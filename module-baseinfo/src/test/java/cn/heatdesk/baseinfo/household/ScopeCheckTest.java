package cn.heatdesk.baseinfo.household;

import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ScopeCheckTest {

    private static CurrentUser user(DataScope scope, Long subsidiaryId, String orgPath, List<String> custom) {
        return new CurrentUser(7L, "u", "用户", subsidiaryId, 1L, orgPath, scope, custom, Set.of(), Set.of());
    }

    @Test
    void sameRulesAsTheSqlCondition() {
        assertThat(ScopeCheck.visible(null, 3L, "/1/3/", 1L)).as("system").isTrue();
        assertThat(ScopeCheck.visible(user(DataScope.ALL, null, "/1/", null), 3L, "/1/3/", 1L)).isTrue();

        CurrentUser sub = user(DataScope.SUBSIDIARY, 3L, "/1/3/", null);
        assertThat(ScopeCheck.visible(sub, 3L, "/1/9/", 1L)).isTrue();
        assertThat(ScopeCheck.visible(sub, 4L, "/1/3/", 1L)).isFalse();
        CurrentUser subByPath = user(DataScope.SUBSIDIARY, null, "/1/3/", null);
        assertThat(ScopeCheck.visible(subByPath, 4L, "/1/3/8/", 1L)).isTrue();

        CurrentUser station = user(DataScope.ORG_AND_CHILDREN, 3L, "/1/3/8/", null);
        assertThat(ScopeCheck.visible(station, 3L, "/1/3/8/", 1L)).isTrue();
        assertThat(ScopeCheck.visible(station, 3L, "/1/3/8/12/", 1L)).isTrue();
        assertThat(ScopeCheck.visible(station, 3L, "/1/3/", 1L)).isFalse();
        assertThat(ScopeCheck.visible(station, 3L, "/1/3/80/", 1L)).as("sibling with a longer id").isFalse();
        assertThat(ScopeCheck.visible(station, 3L, null, 1L)).isFalse();

        CurrentUser custom = user(DataScope.CUSTOM, 3L, "/1/3/", List.of("/1/3/8/", "/1/4/"));
        assertThat(ScopeCheck.visible(custom, 4L, "/1/4/9/", 1L)).isTrue();
        assertThat(ScopeCheck.visible(custom, 3L, "/1/3/9/", 1L)).isFalse();
        assertThat(ScopeCheck.visible(user(DataScope.CUSTOM, 3L, "/1/3/", null), 3L, "/1/3/", 1L)).isFalse();

        CurrentUser self = user(DataScope.SELF, 3L, "/1/3/", null);
        assertThat(ScopeCheck.visible(self, 3L, "/1/3/", 7L)).isTrue();
        assertThat(ScopeCheck.visible(self, 3L, "/1/3/", 8L)).isFalse();
        assertThat(ScopeCheck.visible(self, 3L, "/1/3/", null)).isFalse();
    }

    @Test
    void malformedUserPathSeesNothing() {
        assertThat(ScopeCheck.visible(user(DataScope.ORG_AND_CHILDREN, 3L, "/1/3", null), 3L, "/1/3/8/", 1L)).isFalse();
        assertThat(ScopeCheck.visible(user(DataScope.ORG_AND_CHILDREN, 3L, "/", null), 3L, "/1/3/8/", 1L)).isTrue();
        assertThat(ScopeCheck.visible(user(DataScope.ORG_AND_CHILDREN, 3L, "/x/", null), 3L, "/x/1/", 1L)).isFalse();
        assertThat(ScopeCheck.visible(user(null, 3L, "/1/", null), 3L, "/1/", 7L)).as("no scope = SELF").isTrue();
    }
}
