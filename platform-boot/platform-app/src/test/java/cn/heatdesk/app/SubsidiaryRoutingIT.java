package cn.heatdesk.app;

import cn.heatdesk.db.testsupport.TestDatabases;
import cn.heatdesk.kernel.routing.RoutingDataSourceConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subsidiary moved to its own database (按分公司分库) by configuration alone: the one changelog is applied to
 * it at start-up, and group master data (users, orgs, audit) still comes from the shared database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "heatdesk.demo=true",
        "heatdesk.data-dir=target/it-data-routing",
        "heatdesk.security.keys.generate-if-missing=true",
        "heatdesk.callcenter.agi.port=0"})
class SubsidiaryRoutingIT {

    static final long OWN_DB_SUBSIDIARY = 999L;
    static final TestDatabases.Db SHARED = TestDatabases.create();
    static final TestDatabases.Db OWN = TestDatabases.h2();

    @LocalServerPort
    int port;

    @Autowired
    RoutingDataSourceConfiguration.SubsidiaryMigrations migrations;

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        SHARED.springProperties().forEach((k, v) -> registry.add(k, () -> v));
        String prefix = "heatdesk.routing.subsidiaries." + OWN_DB_SUBSIDIARY + ".";
        registry.add(prefix + "url", OWN::url);
        registry.add(prefix + "username", OWN::username);
        registry.add(prefix + "password", OWN::password);
    }

    @Test
    void ownDatabaseIsMigratedAndMasterDataStaysShared() {
        assertThat(migrations.migrated()).containsExactly(OWN_DB_SUBSIDIARY);
        JdbcTemplate own = new JdbcTemplate(new DriverManagerDataSource(OWN.url(), OWN.username(), OWN.password()));
        assertThat(own.queryForObject("SELECT COUNT(*) FROM sys_user", Integer.class)).isZero();

        // requests narrowed to the subsidiary with its own database: master data and audit stay shared
        ApiClient admin = new ApiClient("http://localhost:" + port).loggedIn("admin", "HeatDesk@2026");
        String header = "X-HeatDesk-Subsidiary";
        String sub = String.valueOf(OWN_DB_SUBSIDIARY);
        ApiClient.Reply me = admin.getWithHeader("/api/auth/me", header, sub);
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.data().path("username").asText()).isEqualTo("admin");

        String code = "ROUTE_" + System.nanoTime() % 100000;
        ApiClient.Reply type = admin.postWithHeader("/api/settings/org-types", java.util.Map.of("typeCode", code,
                "typeName", "路由测试", "allowedParents", "TEAM", "subsidiary", false), header, sub);
        assertThat(type.status()).as(type.toString()).isEqualTo(200);
        JdbcTemplate shared = new JdbcTemplate(new DriverManagerDataSource(SHARED.url(), SHARED.username(), SHARED.password()));
        assertThat(shared.queryForObject("SELECT COUNT(*) FROM org_type WHERE type_code = ?", Integer.class, code)).isEqualTo(1);
        assertThat(own.queryForObject("SELECT COUNT(*) FROM org_type WHERE type_code = ?", Integer.class, code)).isZero();
        assertThat(shared.queryForObject("SELECT COUNT(*) FROM audit_log WHERE audit_action = '新增机构类型'", Integer.class))
                .isEqualTo(1);
        assertThat(own.queryForObject("SELECT COUNT(*) FROM audit_log", Integer.class)).isZero();
    }
}
