package cn.heatdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A station user and a subsidiary admin see only their own part of the group through every list endpoint. */
class DataScopeApiIT extends AbstractApiIT {

    @Test
    void stationUserSeesOnlyItsStation() {
        ApiClient admin = admin();
        String suffix = String.valueOf(System.nanoTime() % 1000000);
        ApiClient.Reply role = admin.post("/api/settings/roles", Map.of("roleCode", "ST_VIEW_" + suffix,
                "roleName", "维修站查看" + suffix, "dataScope", "ORG_AND_CHILDREN",
                "permissions", List.of("settings", "settings:org", "settings:user", "settings:role", "settings:changelog",
                        "audit", "audit:view", "integration:app", "integration:app:manage")));
        assertThat(role.status()).as(role.toString()).isEqualTo(200);
        String roleId = role.data().path("role").path("id").asText();
        String username = "st01view" + suffix;
        AuthApiIT.createUser(admin, username, "ST01", List.of(roleId));
        ApiClient station = loginChangingInitialPassword(username);

        String st01Path = jdbc.queryForObject("SELECT org_path FROM org_unit WHERE org_code = 'ST01'", String.class);
        JsonNode users = station.get("/api/settings/users?size=1000").data();
        assertThat(users.path("total").asLong()).isGreaterThan(0);
        for (JsonNode u : users.path("records")) {
            String path = jdbc.queryForObject("SELECT org_path FROM sys_user WHERE id = ?", String.class, u.path("id").asLong());
            assertThat(path).startsWith(st01Path);
        }
        List<String> visibleOrgs = codes(station.get("/api/settings/orgs/tree").data());
        assertThat(visibleOrgs).containsExactly("ST01");
        assertThat(station.get("/api/settings/orgs?size=1000").data().path("total").asLong()).isEqualTo(1);

        // another subsidiary's rows are not reachable by id either
        long agentId = jdbc.queryForObject("SELECT id FROM sys_user WHERE username = 'agent01'", Long.class);
        assertThat(station.get("/api/settings/users/" + agentId).status()).isEqualTo(404);
        assertThat(station.get("/api/settings/orgs/" + orgId("SUB02")).status()).isEqualTo(404);
        // role list: only roles owned under the station (none); group roles are not listed
        assertThat(station.get("/api/settings/roles?size=100").data().path("total").asLong()).isZero();
        for (JsonNode a : station.get("/api/audit/logs?size=200").data().path("records")) {
            String orgPath = a.path("orgPath").asText("");
            assertThat(orgPath).startsWith(st01Path);
        }
        for (JsonNode c : station.get("/api/settings/change-logs?size=200").data().path("records")) {
            assertThat(c.path("orgPath").asText("")).startsWith(st01Path);
        }
        // integration apps created by the group are neither listed nor reachable
        ApiClient.Reply app = admin.post("/api/settings/integration-apps", Map.of("appName", "经营计费系统" + suffix));
        assertThat(app.status()).as(app.toString()).isEqualTo(200);
        String appId = app.data().path("app").path("id").asText();
        assertThat(station.get("/api/settings/integration-apps?size=100").data().path("total").asLong()).isZero();
        assertThat(station.post("/api/settings/integration-apps/" + appId + "/disable", Map.of()).status()).isEqualTo(404);
        // writes outside the scope are refused
        ApiClient.Reply denied = station.post("/api/settings/orgs", Map.of("parentId", String.valueOf(orgId("SUB02")),
                "orgType", "TEAM", "orgCode", "X" + suffix, "orgName", "越权班组"));
        assertThat(denied.status()).isIn(400, 403);
        // and a permission it lacks is a 403
        assertThat(station.get("/api/settings/params").status()).isEqualTo(403);
    }

    @Test
    void subsidiaryAdminSeesOnlyItsSubsidiary() {
        ApiClient sub = client().loggedIn("sub01admin", DEMO_PASSWORD);
        long sub01 = orgId("SUB01");
        JsonNode users = sub.get("/api/settings/users?size=1000").data();
        assertThat(users.path("total").asLong()).isGreaterThan(0);
        for (JsonNode u : users.path("records")) {
            assertThat(u.path("subsidiaryId").asLong()).isEqualTo(sub01);
        }
        List<String> codes = codes(sub.get("/api/settings/orgs/tree").data());
        assertThat(codes).contains("SUB01", "ST01", "ST06").doesNotContain("SUB02", "ST07", "GROUP-CC", "DIV-N");
        long agentId = jdbc.queryForObject("SELECT id FROM sys_user WHERE username = 'agent01'", Long.class);
        assertThat(sub.get("/api/settings/users/" + agentId).status()).isEqualTo(404);
        // cannot hand out a wider data scope than its own
        ApiClient.Reply wide = sub.post("/api/settings/roles", Map.of("roleCode", "WIDE_" + System.nanoTime() % 100000,
                "roleName", "越权角色", "dataScope", "ALL", "permissions", List.of("settings:user")));
        assertThat(wide.status()).isEqualTo(400);
        assertThat(wide.body().path("field").asText()).isEqualTo("dataScope");
        // nor a permission it does not hold
        ApiClient.Reply perm = sub.post("/api/settings/roles", Map.of("roleCode", "PERM_" + System.nanoTime() % 100000,
                "roleName", "越权权限", "dataScope", "SUBSIDIARY", "permissions", List.of("settings:param:edit")));
        assertThat(perm.status()).isEqualTo(400);
        assertThat(perm.body().path("field").asText()).isEqualTo("permissions");
    }

    @Test
    void groupAdminCanNarrowItsViewToOneSubsidiary() {
        ApiClient admin = admin();
        JsonNode subs = admin.get("/api/settings/orgs/subsidiaries").data();
        assertThat(subs.findValuesAsText("orgCode")).contains("SUB01", "SUB02", "SUB03");
        long sub02 = orgId("SUB02");
        JsonNode narrowed = admin.getWithHeader("/api/settings/users?size=1000", "X-HeatDesk-Subsidiary", String.valueOf(sub02)).data();
        assertThat(narrowed.path("records")).isNotNull();
        for (JsonNode u : narrowed.path("records")) {
            assertThat(u.path("subsidiaryId").asLong()).isEqualTo(sub02);
        }
        // a subsidiary admin cannot use the header to look elsewhere
        ApiClient sub = client().loggedIn("sub01admin", DEMO_PASSWORD);
        for (JsonNode u : sub.getWithHeader("/api/settings/users?size=1000", "X-HeatDesk-Subsidiary", String.valueOf(sub02))
                .data().path("records")) {
            assertThat(u.path("subsidiaryId").asLong()).isEqualTo(orgId("SUB01"));
        }
        assertThat(sub.get("/api/settings/orgs/subsidiaries").data().findValuesAsText("orgCode")).containsExactly("SUB01");
    }

    private ApiClient loginChangingInitialPassword(String username) {
        ApiClient c = client();
        ApiClient.Reply first = c.login(username, "Init#Pass2026");
        assertThat(first.code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
        assertThat(c.post("/api/auth/password/initial", Map.of("changeTicket", first.data().path("changeTicket").asText(),
                "newPassword", c.encrypt("Station#Pass2026"))).status()).isEqualTo(200);
        return c.loggedIn(username, "Station#Pass2026");
    }

    static List<String> codes(JsonNode tree) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : tree) {
            out.add(n.path("orgCode").asText());
            out.addAll(codes(n.path("children")));
        }
        return out;
    }
}
