package cn.heatdesk.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs against a HeatDesk WAR deployed in an external servlet container (CI deploys it on Debian's Tomcat 10):
 * HEATDESK_EXTERNAL_URL=http://127.0.0.1:18080/heatdesk. Skipped when the variable is absent.
 */
@EnabledIfEnvironmentVariable(named = "HEATDESK_EXTERNAL_URL", matches = "https?://.+")
class ExternalWarSmokeTest {

    private final String base = System.getenv("HEATDESK_EXTERNAL_URL");

    @Test
    void healthLoginAndAnAuthenticatedCallWorkThroughTheContainer() {
        ApiClient c = new ApiClient(base);
        ApiClient.Reply health = c.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asText()).isEqualTo("UP");

        assertThat(c.get("/api/settings/users").status()).isEqualTo(401);
        ApiClient.Reply login = c.login("admin", "HeatDesk@2026");
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        ApiClient.Reply me = c.get("/api/auth/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.data().path("username").asText()).isEqualTo("admin");
        assertThat(c.get("/api/settings/orgs/tree").data().toString()).contains("REPAIR_STATION");
    }
}
