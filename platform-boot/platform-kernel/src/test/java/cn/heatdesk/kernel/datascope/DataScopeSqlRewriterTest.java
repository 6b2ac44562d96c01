package cn.heatdesk.kernel.datascope;

import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataScopeSqlRewriterTest {

    private final DataScopeSqlRewriter rewriter = new DataScopeSqlRewriter();

    @DataScoped(alias = "u")
    interface Spec {
    }

    @DataScoped(alias = "u", creatorColumn = "")
    interface NoCreator {
    }

    private static DataScoped spec(Class<?> c) {
        return c.getAnnotation(DataScoped.class);
    }

    private static CurrentUser user(DataScope scope, Long sub, String path, List<String> custom) {
        return new CurrentUser(7L, "u", "用户", sub, 3L, path, scope, custom, Set.of(), Set.of());
    }

    private String rewrite(String sql, CurrentUser u, DataScoped s) {
        return rewriter.rewrite(sql, s.alias(), q -> DataScopeCondition.of(u, q, s));
    }

    @Test
    void addsConditionToExistingWhereKeepingParametersAndOrder() {
        String sql = "SELECT u.id, o.org_name FROM sys_user u LEFT JOIN org_unit o ON o.id = u.org_id "
                + "WHERE u.enabled = ? OR u.username = ? ORDER BY u.created_at DESC";
        String out = rewrite(sql, user(DataScope.SUBSIDIARY, 42L, "/1/5/42/", List.of()), spec(Spec.class));
        assertThat(out).contains("(u.enabled = ? OR u.username = ?) AND (u.subsidiary_id = 42)")
                .endsWith("ORDER BY u.created_at DESC");
        assertThat(out.chars().filter(ch -> ch == '?').count()).isEqualTo(2);
    }

    @Test
    void eachScopeBuildsItsCondition() {
        String sql = "SELECT * FROM sys_user u";
        assertThat(rewrite(sql, user(DataScope.ALL, null, "/1/", List.of()), spec(Spec.class))).contains("WHERE 1 = 1");
        assertThat(rewrite(sql, user(DataScope.ORG_AND_CHILDREN, 5L, "/1/5/9/", List.of()), spec(Spec.class)))
                .contains("u.org_path LIKE '/1/5/9/%'");
        assertThat(rewrite(sql, user(DataScope.SELF, 5L, "/1/5/", List.of()), spec(Spec.class)))
                .contains("u.created_by = 7");
        assertThat(rewrite(sql, user(DataScope.SELF, 5L, "/1/5/", List.of()), spec(NoCreator.class)))
                .contains("1 = 0");
        assertThat(rewrite(sql, user(DataScope.CUSTOM, 5L, "/1/5/", List.of("/1/5/8/", "/1/6/")), spec(Spec.class)))
                .contains("u.org_path LIKE '/1/5/8/%' OR u.org_path LIKE '/1/6/%'");
        assertThat(rewrite(sql, user(DataScope.CUSTOM, 5L, "/1/5/", List.of()), spec(Spec.class))).contains("1 = 0");
        // a subsidiary scope without a subsidiary falls back to the org path
        assertThat(rewrite(sql, user(DataScope.SUBSIDIARY, null, "/1/2/", List.of()), spec(Spec.class)))
                .contains("u.org_path LIKE '/1/2/%'");
    }

    @Test
    void malformedPathsNeverWidenTheScope() {
        String out = rewrite("SELECT * FROM sys_user u", user(DataScope.ORG_AND_CHILDREN, 5L, "/1/' OR '1'='1", List.of()),
                spec(Spec.class));
        assertThat(out).contains("1 = 0").doesNotContain("OR '1'='1");
    }

    @Test
    void scopesEveryUnionBranchAndJoinedAlias() {
        String union = "SELECT u.id FROM sys_user u WHERE u.enabled = 1 UNION ALL SELECT u.id FROM sys_user u WHERE u.enabled = 0";
        String out = rewrite(union, user(DataScope.SUBSIDIARY, 9L, "/1/9/", List.of()), spec(Spec.class));
        assertThat(out.split("u.subsidiary_id = 9", -1)).hasSize(3);

        String joined = "SELECT o.org_name, u.id FROM org_unit o JOIN sys_user u ON u.org_id = o.id";
        assertThat(rewrite(joined, user(DataScope.SUBSIDIARY, 9L, "/1/9/", List.of()), spec(Spec.class)))
                .contains("WHERE (u.subsidiary_id = 9)");
    }

    @Test
    void unknownAliasFailsLoudly() {
        assertThatThrownBy(() -> rewrite("SELECT * FROM sys_role r", user(DataScope.SUBSIDIARY, 9L, "/1/", List.of()),
                spec(Spec.class))).isInstanceOf(IllegalStateException.class).hasMessageContaining("'u' not found");
    }
}
