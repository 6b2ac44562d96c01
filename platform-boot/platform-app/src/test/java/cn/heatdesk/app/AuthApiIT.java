package cn.heatdesk.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuthApiIT extends AbstractApiIT {

    @Test
    void publicKeyIsUncompressedSm2Hex() {
        String key = client().publicKey();
        assertThat(key).startsWith("04").hasSize(130).matches("[0-9a-f]+");
    }

    @Test
    void adminLogsInWithSm2EncryptedPasswordWithOrWithout04Prefix() {
        ApiClient c = client();
        ApiClient.Reply r = c.login("admin", DEMO_PASSWORD);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.data().path("token").asText()).hasSizeGreaterThan(20);
        assertThat(r.data().path("profile").path("permissions").toString()).contains("*");
        assertThat(c.get("/api/auth/me").data().path("username").asText()).isEqualTo("admin");
        // idle timeout from the system parameter security.session.idle-minutes (30)
        long idle = cn.dev33.satoken.stp.StpUtil.getStpLogic().getTokenActiveTimeoutByToken(r.data().path("token").asText());
        assertThat(idle).isBetween(1700L, 1800L);
        assertThat(r.data().path("profile").path("idleMinutes").asInt()).isEqualTo(30);

        ApiClient c2 = client();
        ObjectNode body = ApiClient.json().createObjectNode().put("username", "admin")
                .put("password", "04" + c2.encrypt(DEMO_PASSWORD));
        assertThat(c2.post("/api/auth/login", body).status()).isEqualTo(200);
    }

    @Test
    void unauthenticatedCallsToBusinessEndpointsGet401() {
        ApiClient anon = client();
        for (String path : List.of("/api/settings/users", "/api/settings/orgs/tree", "/api/settings/roles",
                "/api/auth/me", "/api/audit/logs", "/api/settings/dict-types", "/api/settings/params")) {
            ApiClient.Reply r = anon.get(path);
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.code()).as(path).isEqualTo("UNAUTHENTICATED");
        }
        anon.token("not-a-real-token");
        assertThat(anon.get("/api/settings/users").status()).isEqualTo(401);
    }

    @Test
    void fiveBadPasswordsLockTheAccountAndAdminCanUnlock() {
        ApiClient admin = admin();
        String username = "locktest" + System.nanoTime() % 100000;
        long userId = createUser(admin, username, "ST02", List.of());
        ApiClient c = client();
        for (int i = 1; i <= 4; i++) {
            ApiClient.Reply r = c.login(username, "Wrong#Pass" + i);
            assertThat(r.status()).as(r.toString()).isEqualTo(401);
            assertThat(r.body().path("msg").asText()).contains("再错 " + (5 - i) + " 次");
        }
        ApiClient.Reply fifth = c.login(username, "Wrong#Pass5");
        assertThat(fifth.status()).isEqualTo(423);
        assertThat(fifth.code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(fifth.body().path("msg").asText()).contains("账号已锁定");
        // even the right password is refused while locked
        assertThat(c.login(username, "Init#Pass2026").status()).isEqualTo(423);

        assertThat(admin.post("/api/settings/users/" + userId + "/unlock", Map.of()).status()).isEqualTo(200);
        ApiClient.Reply afterUnlock = c.login(username, "Init#Pass2026");
        // unlocked; the initial password must now be changed before a session is granted
        assertThat(afterUnlock.status()).isEqualTo(403);
        assertThat(afterUnlock.code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
    }

    @Test
    void initialPasswordMustBeChangedThroughTheTicket() {
        ApiClient admin = admin();
        String username = "newuser" + System.nanoTime() % 100000;
        createUser(admin, username, "ST03", List.of());
        ApiClient c = client();
        ApiClient.Reply first = c.login(username, "Init#Pass2026");
        assertThat(first.status()).isEqualTo(403);
        String ticket = first.data().path("changeTicket").asText();
        assertThat(ticket).isNotBlank();

        ApiClient.Reply weak = c.post("/api/auth/password/initial",
                Map.of("changeTicket", ticket, "newPassword", c.encrypt("short")));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body().path("field").asText()).isEqualTo("newPassword");
        ApiClient.Reply reuse = c.post("/api/auth/password/initial",
                Map.of("changeTicket", ticket, "newPassword", c.encrypt("Init#Pass2026")));
        assertThat(reuse.status()).isEqualTo(400);
        assertThat(reuse.body().path("msg").asText()).contains("最近");

        assertThat(c.post("/api/auth/password/initial",
                Map.of("changeTicket", ticket, "newPassword", c.encrypt("Fresh#Pass2027"))).status()).isEqualTo(200);
        assertThat(c.login(username, "Fresh#Pass2027").status()).isEqualTo(200);
        // the ticket is single-use
        assertThat(c.post("/api/auth/password/initial",
                Map.of("changeTicket", ticket, "newPassword", c.encrypt("Other#Pass2028"))).status()).isEqualTo(400);
    }

    @Test
    void badInputGetsA400NamingTheFieldAndNoStackTrace() {
        ApiClient admin = admin();
        ApiClient.Reply r = admin.post("/api/settings/users", Map.of("username", "x", "realName", "测试",
                "orgId", String.valueOf(orgId("ST01")), "initialPassword", "00"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("field").asText()).isEqualTo("username");
        assertThat(r.body().path("msg").asText()).contains("用户名");

        ApiClient.Reply garbage = admin.postRaw("/api/settings/orgs", "{not json");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.body().toString()).doesNotContain("Exception").doesNotContain("at cn.");

        ApiClient.Reply badCipher = client().post("/api/auth/login", Map.of("username", "admin", "password", "zz"));
        assertThat(badCipher.status()).isEqualTo(400);
        assertThat(badCipher.body().path("field").asText()).isEqualTo("password");
    }

    /** Creates a user with initial password Init#Pass2026 under the org with the given code. */
    static long createUser(ApiClient admin, String username, String orgCode, List<String> roleIds) {
        ApiClient.Reply orgs = admin.get("/api/settings/orgs?keyword=" + orgCode + "&size=50");
        String orgId = null;
        for (var o : orgs.data().path("records")) {
            if (o.path("orgCode").asText().equals(orgCode)) {
                orgId = o.path("id").asText();
            }
        }
        assertThat(orgId).as("org " + orgCode).isNotNull();
        ApiClient.Reply r = admin.post("/api/settings/users", Map.of("username", username, "realName", "测试用户",
                "orgId", orgId, "initialPassword", admin.encrypt("Init#Pass2026"), "roleIds", roleIds));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().path("id").asLong();
    }
}
