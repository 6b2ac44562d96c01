package cn.heatdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UserRoleApiIT extends AbstractApiIT {

    @Test
    void grantReplacesPermissionsWithinTheActorsOwnAndIsRolledBackFromTheChangeLog() {
        ApiClient admin = admin();
        String code = "GRANT_" + System.nanoTime() % 100000;
        ApiClient.Reply role = admin.post("/api/settings/roles", Map.of("roleCode", code, "roleName", "授权测试",
                "dataScope", "SUBSIDIARY", "permissions", List.of("settings", "settings:user")));
        String id = role.data().path("role").path("id").asText();

        ApiClient.Reply granted = admin.put("/api/settings/roles/" + id + "/permissions",
                Map.of("permissions", List.of("settings", "settings:org")));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        assertThat(admin.get("/api/settings/roles/" + id).data().path("permissions").toString())
                .contains("settings:org").doesNotContain("settings:user");

        // the change log has the grant; rolling it back restores the previous permissions
        JsonNode logs = admin.get("/api/settings/change-logs?entityKind=ROLE&entityId=" + id + "&size=10").data().path("records");
        assertThat(logs.size()).isGreaterThanOrEqualTo(2);
        String grantLog = logs.get(0).path("id").asText();
        assertThat(admin.post("/api/settings/change-logs/" + grantLog + "/rollback", Map.of("reason", "误操作")).status())
                .isEqualTo(200);
        assertThat(admin.get("/api/settings/roles/" + id).data().path("permissions").toString())
                .contains("settings:user").doesNotContain("settings:org");

        ApiClient sub = client().loggedIn("sub01admin", DEMO_PASSWORD);
        String subRole = sub.post("/api/settings/roles", Map.of("roleCode", code + "S", "roleName", "分公司授权",
                "dataScope", "SUBSIDIARY", "permissions", List.of("settings:user"))).data().path("role").path("id").asText();
        ApiClient.Reply tooMuch = sub.put("/api/settings/roles/" + subRole + "/permissions",
                Map.of("permissions", List.of("settings:param:edit")));
        // sub01admin lacks settings:role:grant altogether: 403 before any containment check
        assertThat(tooMuch.status()).isEqualTo(403);
    }

    @Test
    void listsCarryEachUsersRoles() {
        JsonNode records = admin().get("/api/settings/users?size=100").data().path("records");
        java.util.Map<String, String> roleByUser = new java.util.HashMap<>();
        for (JsonNode u : records) {
            roleByUser.put(u.path("username").asText(), u.path("roles").findValuesAsText("roleCode").toString());
        }
        assertThat(roleByUser).containsEntry("admin", "[GROUP_ADMIN]").containsEntry("agent01", "[AGENT]")
                .containsEntry("lead01", "[STATION_LEAD]").containsEntry("worker01", "[WORKER]");
    }

    @Test
    void aMaskedPhoneInAnUpdateKeepsTheStoredNumber() {
        ApiClient admin = admin();
        String username = "phone" + System.nanoTime() % 100000;
        long userId = AuthApiIT.createUser(admin, username, "ST04", List.of());
        JsonNode u = admin.get("/api/settings/users/" + userId).data();
        Map<String, Object> update = new java.util.HashMap<>(Map.of("realName", "号码测试", "orgId", u.path("orgId").asText(),
                "phone", "13912345678", "rowVersion", u.path("rowVersion").asInt()));
        assertThat(admin.put("/api/settings/users/" + userId, update).status()).isEqualTo(200);

        // a viewer without data:unmask sees the masked number and sends it back unchanged
        ApiClient sub = client().loggedIn("sub01admin", DEMO_PASSWORD);
        JsonNode seen = sub.get("/api/settings/users/" + userId).data();
        assertThat(seen.path("phone").asText()).isEqualTo("139****5678");
        ApiClient.Reply keep = sub.put("/api/settings/users/" + userId, Map.of("realName", "号码测试2",
                "orgId", seen.path("orgId").asText(), "phone", seen.path("phone").asText(),
                "rowVersion", seen.path("rowVersion").asInt()));
        assertThat(keep.status()).as(keep.toString()).isEqualTo(200);
        assertThat(admin.get("/api/settings/users/" + userId).data().path("phone").asText()).isEqualTo("13912345678");
        String idx = jdbc.queryForObject("SELECT phone_idx FROM sys_user WHERE id = ?", String.class, userId);
        assertThat(idx).hasSize(64);
        assertThat(jdbc.queryForObject("SELECT phone_enc FROM sys_user WHERE id = ?", String.class, userId))
                .doesNotContain("13912345678");
        // and a phone search finds the user through the blind index
        assertThat(admin.get("/api/settings/users?keyword=13912345678").data().path("total").asLong()).isEqualTo(1);
    }
}
