package cn.heatdesk.app;

import cn.heatdesk.db.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside the demo: no demo data, the first admin must change the bootstrap password, API docs need a login,
 * and sessions live in Redis so several instances can share them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "heatdesk.demo=false",
        "heatdesk.security.docs-public=false",
        "heatdesk.session.store=redis",
        "heatdesk.bootstrap.admin-password=Bootstrap#2026",
        "heatdesk.data-dir=target/it-data-prod",
        "heatdesk.security.keys.generate-if-missing=true",
        "heatdesk.callcenter.agi.port=0"})
class ProductionModeIT {

    static final TestDatabases.Db DB = TestDatabases.create();

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.springProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @Test
    void bootstrapAdminMustChangePasswordDocsNeedLoginAndSessionsLiveInRedis() {
        ApiClient c = new ApiClient("http://localhost:" + port);
        assertThat(c.get("/v3/api-docs").status()).isEqualTo(401);

        ApiClient.Reply first = c.login("admin", "Bootstrap#2026");
        assertThat(first.code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
        assertThat(c.post("/api/auth/password/initial", Map.of("changeTicket", first.data().path("changeTicket").asText(),
                "newPassword", c.encrypt("Changed#Pass2026"))).status()).isEqualTo(200);
        ApiClient.Reply login = c.login("admin", "Changed#Pass2026");
        assertThat(login.status()).isEqualTo(200);
        String token = login.data().path("token").asText();

        Set<String> keys = redis.keys("*" + token + "*");
        assertThat(keys).as("token stored in Redis").isNotEmpty();
        assertThat(c.get("/v3/api-docs").status()).isEqualTo(200);
        // no demo group: only the root exists
        assertThat(c.get("/api/settings/orgs?size=100").data().path("total").asLong()).isEqualTo(1);

        assertThat(c.post("/api/auth/logout", Map.of()).status()).isEqualTo(200);
        assertThat(redis.keys("*" + token + "*")).isEmpty();
        assertThat(c.get("/api/auth/me").status()).isEqualTo(401);
    }
}
