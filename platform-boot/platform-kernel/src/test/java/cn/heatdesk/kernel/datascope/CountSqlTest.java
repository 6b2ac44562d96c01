package cn.heatdesk.kernel.datascope;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CountSqlTest {

    @Test
    void dropsTheOutermostOrderByOnly() {
        String sql = "SELECT h.id FROM bi_household h WHERE h.node_path LIKE ? AND h.id IN "
                + "(SELECT p.id FROM bi_payment p ORDER BY p.id) ORDER BY h.arrears DESC, h.id";
        String out = CountSql.withoutOrderBy(sql);
        assertThat(out).doesNotContain("h.arrears DESC").contains("ORDER BY p.id").contains("LIKE ?");
    }

    @Test
    void keepsStatementsItCannotOrShouldNotChange() {
        String withParam = "SELECT id FROM t ORDER BY CASE WHEN id = ? THEN 0 ELSE 1 END";
        assertThat(CountSql.withoutOrderBy(withParam)).isEqualTo(withParam);
        String plain = "SELECT id FROM t WHERE a = ?";
        assertThat(CountSql.withoutOrderBy(plain)).isEqualTo(plain);
        String garbage = "SELECT FROM WHERE ((";
        assertThat(CountSql.withoutOrderBy(garbage)).isEqualTo(garbage);
    }
}
