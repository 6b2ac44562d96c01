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

    @Test
    void countsPlainListsDirectlyAndLeavesTheRestWrapped() {
        assertThat(CountSql.direct("SELECT h.id, h.code FROM bi_household h WHERE h.node_path LIKE ? AND h.org_path LIKE '/1/%' "
                + "ORDER BY h.code, h.id")).contains("SELECT COUNT(*) FROM bi_household h WHERE h.node_path LIKE ? AND h.org_path LIKE '/1/%'");
        assertThat(CountSql.direct("SELECT u.id, r.name FROM sys_user u LEFT JOIN sys_role r ON r.id = u.role_id WHERE u.x = ?"))
                .contains("SELECT COUNT(*) FROM sys_user u LEFT JOIN sys_role r ON r.id = u.role_id WHERE u.x = ?");
        assertThat(CountSql.direct("SELECT DISTINCT u.id FROM t u")).isEmpty();
        assertThat(CountSql.direct("SELECT u.org_id, COUNT(*) FROM t u GROUP BY u.org_id")).isEmpty();
        assertThat(CountSql.direct("SELECT u.id, (SELECT COUNT(*) FROM r WHERE r.u = u.id) AS n FROM t u")).isEmpty();
        assertThat(CountSql.direct("SELECT a.id FROM a UNION SELECT b.id FROM b")).isEmpty();
    }

    @Test
    void selectsOneForCappedCountsOfPlainLists() {
        assertThat(CountSql.selectingOne("SELECT t.id, t.ticket_no FROM sd_ticket t WHERE t.status IN (?, ?) "
                + "ORDER BY t.created_at DESC, t.id DESC")).contains("SELECT 1 FROM sd_ticket t WHERE t.status IN (?, ?)");
        assertThat(CountSql.selectingOne("SELECT DISTINCT u.id FROM t u")).isEmpty();
        assertThat(CountSql.selectingOne("SELECT u.id FROM t u ORDER BY CASE WHEN u.id = ? THEN 0 END")).isEmpty();
    }
}
