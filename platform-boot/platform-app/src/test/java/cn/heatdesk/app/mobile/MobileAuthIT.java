package cn.heatdesk.app.mobile;

import cn.dev33.satoken.SaManager;
import cn.dev33.satoken.stp.StpLogic;
import cn.dev33.satoken.stp.StpUtil;
import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Device binding of the field app over real HTTP: the first device binds, another device is refused and files one
 * re-binding request, the station lead approves it (the old device's token stops working, the new one logs in),
 * rejects and unbinds; only field users may log in; console tokens do not open the mobile API; app tokens keep
 * their own, longer idle timeout (heatdesk.mobile.token-idle-timeout, default 7 days) while console sessions keep
 * the console's.
 */
class MobileAuthIT extends AbstractApiIT {

    String base() {
        return "http://localhost:" + port;
    }

    long userId(String username) {
        return jdbc.queryForObject("SELECT id FROM sys_user WHERE username = ?", Long.class, username);
    }

    static String newDevice(String tag) {
        return tag + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** starts a user with no binding (other tests may have bound one) */
    void unbound(String username) {
        ApiClient.Reply r = admin().post("/api/repair/devices/" + userId(username) + "/unbind", Map.of("reason", "测试前清除绑定"));
        assertThat(r.status()).as(r.toString()).isIn(200, 404);
    }

    @Test
    void firstDeviceBindsAnotherIsRefusedUntilTheLeadApproves() {
        unbound("worker02");
        long worker02 = userId("worker02");
        String phoneA = newDevice("phoneA");
        String phoneB = newDevice("phoneB");

        MobileClient a = MobileClient.login(base(), "worker02", DEMO_PASSWORD, phoneA);
        JsonNode login = a.loginData();
        assertThat(login.path("device").path("deviceId").asText()).isEqualTo(phoneA);
        assertThat(login.path("user").path("name").asText()).isEqualTo("周师傅");
        assertThat(login.path("user").path("workerType").asText()).isEqualTo("GRID");
        assertThat(login.path("user").path("orgName").asText()).isNotBlank();
        assertThat(a.pull("", null).status()).isEqualTo(200);

        // another phone: refused with the bound device's name, one pending request however often it tries
        MobileClient b = MobileClient.device(base(), phoneB);
        ApiClient.Reply refused = b.tryLogin("worker02", DEMO_PASSWORD);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("DEVICE_NOT_BOUND");
        assertThat(refused.body().path("msg").asText())
                .isEqualTo("该账号已绑定其他设备（测试手机 " + phoneA + "），已提交换绑申请，请等待审批");
        assertThat(b.tryLogin("worker02", DEMO_PASSWORD).code()).isEqualTo("DEVICE_NOT_BOUND");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rp_device_request WHERE user_id = ? AND device_id = ? "
                + "AND status = 'PENDING'", Integer.class, worker02, phoneB)).isEqualTo(1);
        assertThat(b.token()).isNull();
        // a wrong password on the new phone is a wrong password, not a request
        assertThat(MobileClient.device(base(), newDevice("phoneX")).tryLogin("worker02", "Wrong@2026").code())
                .isEqualTo("BAD_CREDENTIALS");
        // reset the failure counter the wrong password left
        assertThat(a.tryLogin("worker02", DEMO_PASSWORD).status()).isEqualTo(200);

        // the lead of another station does not see it; the worker's own lead does
        long requestId = jdbc.queryForObject("SELECT id FROM rp_device_request WHERE user_id = ? AND status = 'PENDING'",
                Long.class, worker02);
        ApiClient lead02 = client().loggedIn("lead02", DEMO_PASSWORD);
        assertThat(lead02.post("/api/repair/devices/requests/" + requestId + "/approve", Map.of()).status()).isEqualTo(404);
        ApiClient lead01 = client().loggedIn("lead01", DEMO_PASSWORD);
        JsonNode pending = lead01.get("/api/repair/devices/requests?status=PENDING&size=100").data();
        assertThat(pending.path("records").findValuesAsText("deviceId")).contains(phoneB);
        assertThat(client().loggedIn("worker01", DEMO_PASSWORD).get("/api/repair/devices/requests").status()).isEqualTo(403);

        int audits = jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE audit_action = '批准移动端换绑'", Integer.class);
        ApiClient.Reply approved = lead01.post("/api/repair/devices/requests/" + requestId + "/approve", Map.of("note", "旧手机损坏"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.data().path("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.data().path("decidedByName").asText()).isEqualTo("赵站长");
        assertThat(awaitCount(audits + 1, "SELECT COUNT(*) FROM audit_log WHERE audit_action = '批准移动端换绑'"))
                .isEqualTo(audits + 1);
        assertThat(lead01.post("/api/repair/devices/requests/" + requestId + "/approve", Map.of()).status()).isEqualTo(409);

        // the old phone's session was ended by the approval (kicked out: dead for every endpoint, not only the
        // mobile API); the new phone logs in and works
        ApiClient.Reply old = a.pull("", null);
        assertThat(old.status()).isEqualTo(401);
        assertThat(old.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(old.body().path("msg").asText()).isEqualTo("您已被管理员强制下线");
        assertThat(a.http().get("/api/auth/me").status()).isEqualTo(401);
        MobileClient b2 = MobileClient.login(base(), "worker02", DEMO_PASSWORD, phoneB);
        assertThat(b2.pull("", null).status()).isEqualTo(200);
        ApiClient.Reply oldAgain = MobileClient.device(base(), phoneA).tryLogin("worker02", DEMO_PASSWORD);
        assertThat(oldAgain.code()).isEqualTo("DEVICE_NOT_BOUND");

        JsonNode bound = lead01.get("/api/repair/devices?userId=" + worker02).data().path("records");
        assertThat(bound).hasSize(1);
        assertThat(bound.get(0).path("deviceId").asText()).isEqualTo(phoneB);
    }

    @Test
    void rejectAndUnbindNeedAReasonAndUnbindFreesTheAccount() {
        unbound("worker02");
        long worker02 = userId("worker02");
        String phoneA = newDevice("phoneA");
        String phoneC = newDevice("phoneC");
        MobileClient.login(base(), "worker02", DEMO_PASSWORD, phoneA);
        assertThat(MobileClient.device(base(), phoneC).tryLogin("worker02", DEMO_PASSWORD).code()).isEqualTo("DEVICE_NOT_BOUND");
        long requestId = jdbc.queryForObject("SELECT id FROM rp_device_request WHERE user_id = ? AND device_id = ?",
                Long.class, worker02, phoneC);

        ApiClient lead01 = client().loggedIn("lead01", DEMO_PASSWORD);
        ApiClient.Reply noNote = lead01.post("/api/repair/devices/requests/" + requestId + "/reject", Map.of());
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.body().path("field").asText()).isEqualTo("note");
        ApiClient.Reply rejected = lead01.post("/api/repair/devices/requests/" + requestId + "/reject", Map.of("note", "非单位配发手机"));
        assertThat(rejected.data().path("status").asText()).isEqualTo("REJECTED");
        assertThat(MobileClient.device(base(), phoneC).tryLogin("worker02", DEMO_PASSWORD).code()).isEqualTo("DEVICE_NOT_BOUND");

        ApiClient.Reply noReason = lead01.post("/api/repair/devices/" + worker02 + "/unbind", Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("field").asText()).isEqualTo("reason");
        assertThat(client().loggedIn("lead02", DEMO_PASSWORD).post("/api/repair/devices/" + worker02 + "/unbind",
                Map.of("reason", "越权")).status()).isEqualTo(404);
        assertThat(lead01.post("/api/repair/devices/" + worker02 + "/unbind", Map.of("reason", "手机丢失")).status()).isEqualTo(200);
        // the pending request of phoneC was cancelled with the binding; phoneC now binds as a first device
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rp_device_request WHERE user_id = ? AND status = 'PENDING'",
                Integer.class, worker02)).isZero();
        MobileClient c = MobileClient.login(base(), "worker02", DEMO_PASSWORD, phoneC);
        assertThat(c.loginData().path("device").path("deviceId").asText()).isEqualTo(phoneC);
    }

    @Test
    void onlyFieldUsersLogInAndConsoleTokensDoNotOpenTheMobileApi() {
        ApiClient.Reply agent = MobileClient.device(base(), newDevice("agent")).tryLogin("agent01", DEMO_PASSWORD);
        assertThat(agent.status()).isEqualTo(403);
        assertThat(agent.code()).isEqualTo("MOBILE_NOT_ALLOWED");
        // the refusal is audited as a failed login
        assertThat(awaitCount(1, "SELECT COUNT(*) FROM audit_log WHERE audit_action = '登录' AND username = 'agent01' "
                + "AND detail LIKE '%移动运维端%'")).isGreaterThanOrEqualTo(1);

        // a station lead may use the app (approvals)
        ApiClient.Reply lead = admin().post("/api/repair/devices/" + userId("lead01") + "/unbind", Map.of("reason", "测试"));
        assertThat(lead.status()).isIn(200, 404);
        MobileClient leadApp = MobileClient.login(base(), "lead01", DEMO_PASSWORD, newDevice("lead"));
        assertThat(leadApp.loginData().path("user").path("permissions").toString()).contains("repair:assign");

        ApiClient console = client().loggedIn("worker01", DEMO_PASSWORD);
        ApiClient.Reply viaConsole = console.get("/api/mobile/sync/pull");
        assertThat(viaConsole.status()).isEqualTo(401);
        assertThat(viaConsole.code()).isEqualTo("DEVICE_UNBOUND");
        assertThat(client().get("/api/mobile/sync/pull").code()).isEqualTo("UNAUTHENTICATED");

        ApiClient.Reply badDevice = MobileClient.device(base(), "x").tryLogin("worker01", DEMO_PASSWORD);
        assertThat(badDevice.status()).isEqualTo(400);
        assertThat(badDevice.body().path("field").asText()).isEqualTo("deviceId");
    }

    /**
     * Lets {@code token} look idle for {@code idle}: its last-activity stamp in the session store is moved back
     * (the stored per-token idle timeout stays), as if the worker had been offline that long.
     */
    static void idleFor(String token, Duration idle) {
        StpLogic stp = StpUtil.getStpLogic();
        String key = stp.splicingKeyLastActiveTime(token);
        String stored = SaManager.getSaTokenDao().get(key);
        assertThat(stored).as("last activity of " + token).isNotNull();
        String[] parts = stored.split(",", 2);
        long at = Long.parseLong(parts[0]) - idle.toMillis();
        SaManager.getSaTokenDao().update(key, at + (parts.length > 1 ? "," + parts[1] : ""));
    }

    @Test
    void appTokensOutliveTheConsoleIdleTimeoutButNotTheirOwn() {
        unbound("worker02");
        MobileClient app = MobileClient.login(base(), "worker02", DEMO_PASSWORD, newDevice("idle"));
        ApiClient console = client().loggedIn("worker02", DEMO_PASSWORD);
        StpLogic stp = StpUtil.getStpLogic();
        // app: 7 days idle, 30 days absolute (defaults); console unchanged: 30 min idle, 12 h absolute
        assertThat(stp.getTokenActiveTimeoutByToken(app.token())).isBetween(7 * 86400L - 60, 7 * 86400L);
        assertThat(stp.getTokenTimeout(app.token())).isBetween(30 * 86400L - 60, 30 * 86400L);
        assertThat(stp.getTokenActiveTimeoutByToken(console.token())).isBetween(1700L, 1800L);
        assertThat(stp.getTokenTimeout(console.token())).isBetween(43100L, 43200L);

        // two hours offline: the console session has timed out, the app goes on without a new login
        idleFor(app.token(), Duration.ofHours(2));
        idleFor(console.token(), Duration.ofHours(2));
        ApiClient.Reply timedOut = console.get("/api/auth/me");
        assertThat(timedOut.status()).isEqualTo(401);
        assertThat(timedOut.body().path("msg").asText()).isEqualTo("登录已超时，请重新登录");
        ApiClient.Reply pulled = app.pull("", null);
        assertThat(pulled.status()).as(pulled.toString()).isEqualTo(200);
        assertThat(app.http().get("/api/auth/me").data().path("username").asText()).isEqualTo("worker02");
        // that request counted as activity: the app's idle clock restarted
        assertThat(stp.getTokenActiveTimeoutByToken(app.token())).isGreaterThan(7 * 86400L - 60);

        // eight days without a request: the app's own idle timeout ends it too
        idleFor(app.token(), Duration.ofDays(8));
        ApiClient.Reply expired = app.pull("", null);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(expired.body().path("msg").asText()).isEqualTo("登录已超时，请重新登录");
        // logging in again on the bound phone works (the queue is then pushed again)
        assertThat(MobileClient.login(base(), "worker02", DEMO_PASSWORD, app.deviceId()).pull("", null).status())
                .isEqualTo(200);
    }
}
