package cn.heatdesk.kernel.routing;

import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import cn.heatdesk.kernel.security.SecurityContext;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The routing seam sends a subsidiary that has its own database there, everyone else to the shared one. */
class SubsidiaryRoutingTest {

    private static DataSource h2(String label) {
        DataSource ds = new DriverManagerDataSource("jdbc:h2:mem:route" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.execute("CREATE TABLE marker (label VARCHAR(32))");
        jdbc.update("INSERT INTO marker (label) VALUES (?)", label);
        return ds;
    }

    @Test
    void routesByExplicitSubsidiaryOrSignedInUser() {
        SubsidiaryRoutingDataSource routing = new SubsidiaryRoutingDataSource();
        routing.setDefaultTargetDataSource(h2("shared"));
        routing.setSubsidiaryTargets(Map.of(42L, h2("sub42")));
        routing.setLenientFallback(true);
        routing.afterPropertiesSet();
        JdbcTemplate jdbc = new JdbcTemplate(routing);
        String sql = "SELECT label FROM marker";

        assertThat(jdbc.queryForObject(sql, String.class)).isEqualTo("shared");
        assertThat(SubsidiaryRouting.callFor(42L, () -> jdbc.queryForObject(sql, String.class))).isEqualTo("sub42");
        assertThat(SubsidiaryRouting.callFor(7L, () -> jdbc.queryForObject(sql, String.class))).isEqualTo("shared");

        CurrentUser user42 = new CurrentUser(1L, "u", "u", 42L, 5L, "/1/42/5/", DataScope.SUBSIDIARY, List.of(),
                Set.of(), Set.of());
        assertThat(SecurityContext.callAs(user42, () -> jdbc.queryForObject(sql, String.class))).isEqualTo("sub42");
        // an explicit subsidiary wins over the user's own
        assertThat(SecurityContext.callAs(user42, () -> SubsidiaryRouting.callFor(7L,
                () -> jdbc.queryForObject(sql, String.class)))).isEqualTo("shared");
        assertThat(routing.subsidiaryTargets()).containsOnlyKeys(42L);
    }
}
