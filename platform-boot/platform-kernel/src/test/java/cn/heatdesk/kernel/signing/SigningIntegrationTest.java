package cn.heatdesk.kernel.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SigningIntegrationTest extends SecurityIntegrationTest {

    static final Map<String, String> MANAGER = Map.of("X-Test-User", "ops", "X-Test-Perms", "integration:app:manage");

    @Autowired
    IntegrationAppService apps;
    @Autowired
    NonceStore nonces;
    @Autowired
    NoncePurgeJob purgeJob;
    final ObjectMapper mapper = new ObjectMapper();

    IntegrationAppSecret app;
    ApiSigner signer;

    @BeforeEach
    void createApp() {
        app = apps.create("收费系统", "billing");
        signer = new ApiSigner(app.app().appKey(), app.secret());
    }

    private HttpResponse<String> signed(ApiSigner s, String method, String pathWithQuery, String body, String type)
            throws Exception {
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        return send(method, pathWithQuery, body, type, s.sign(method, pathWithQuery, bytes));
    }

    private void assertRejected(HttpResponse<String> res, String reasonFragment) throws Exception {
        assertThat(res.statusCode()).as(res.body()).isEqualTo(401);
        JsonNode json = mapper.readTree(res.body());
        assertThat(json.path("code").asText()).isEqualTo("SIGNATURE_INVALID");
        assertThat(json.path("msg").asText()).contains(reasonFragment);
        assertThat(res.body()).doesNotContain("Exception").doesNotContain("at cn.");
        assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }

    @Test
    void signedGetWithQueryIsAccepted() throws Exception {
        HttpResponse<String> res = signed(signer, "GET", "/api/open/test/echo?name=%E5%BC%A0%E4%B8%89&b=2&a=1", null, null);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        JsonNode json = mapper.readTree(res.body());
        assertThat(json.path("appKey").asText()).isEqualTo(app.app().appKey());
        assertThat(json.path("params").path("name").asText()).isEqualTo("张三");
    }

    @Test
    void signedJsonPostIsAcceptedAndTheBodyReachesTheHandler() throws Exception {
        String body = "{\"phone\":\"13800138000\",\"content\":\"暖气不热\"}";
        HttpResponse<String> res = signed(signer, "POST", "/api/open/test/echo", body, "application/json");
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        assertThat(mapper.readTree(res.body()).path("body").path("content").asText()).isEqualTo("暖气不热");
        // the write was audited as the integration app
        assertThat(jdbc.queryForObject("SELECT username FROM audit_log WHERE target = 'POST /api/open/test/echo'",
                String.class)).isEqualTo("app:" + app.app().appKey());
    }

    @Test
    void signedFormPostParametersComeFromTheCachedBody() throws Exception {
        HttpResponse<String> res = signed(signer, "POST", "/api/open/test/form?q=1", "a=%E4%BD%A0%E5%A5%BD&b=2",
                "application/x-www-form-urlencoded");
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        JsonNode params = mapper.readTree(res.body()).path("params");
        assertThat(params.path("a").asText()).isEqualTo("你好");
        assertThat(params.path("b").asText()).isEqualTo("2");
        assertThat(params.path("q").asText()).isEqualTo("1");
    }

    @Test
    void replayedNonceIsRejected() throws Exception {
        String path = "/api/open/test/echo?x=1";
        Map<String, String> headers = signer.sign("GET", path, null);
        assertThat(send("GET", path, null, null, headers).statusCode()).isEqualTo(200);
        assertRejected(send("GET", path, null, null, headers), "重放");
        // the same nonce with a new, valid signature (new timestamp) is still a replay
        Map<String, String> again = signer.sign("GET", path, null, System.currentTimeMillis() + 1, headers.get("X-Nonce"));
        assertRejected(send("GET", path, null, null, again), "重放");
    }

    @Test
    void staleOrFutureTimestampIsRejected() throws Exception {
        String path = "/api/open/test/echo";
        long now = System.currentTimeMillis();
        assertRejected(send("GET", path, null, null, signer.sign("GET", path, null, now - 301_000, ApiSigner.newNonce())), "时间戳");
        assertRejected(send("GET", path, null, null, signer.sign("GET", path, null, now + 301_000, ApiSigner.newNonce())), "时间戳");
        assertThat(send("GET", path, null, null, signer.sign("GET", path, null, now - 200_000, ApiSigner.newNonce())).statusCode())
                .isEqualTo(200);
        Map<String, String> notANumber = new HashMap<>(signer.sign("GET", path, null));
        notANumber.put("X-Timestamp", "yesterday");
        assertRejected(send("GET", path, null, null, notANumber), "时间戳");
    }

    @Test
    void badSignatureIsRejected() throws Exception {
        String path = "/api/open/test/echo";
        String body = "{\"amount\":100}";
        Map<String, String> headers = signer.sign("POST", path, body.getBytes(StandardCharsets.UTF_8));
        // body changed after signing
        assertRejected(send("POST", path, "{\"amount\":999}", "application/json", headers), "签名不正确");
        // query added after signing
        Map<String, String> get = signer.sign("GET", path, null);
        assertRejected(send("GET", path + "?admin=1", null, null, get), "签名不正确");
        // signed with another secret
        ApiSigner wrong = new ApiSigner(app.app().appKey(), "0".repeat(64));
        assertRejected(signed(wrong, "GET", path, null, null), "签名不正确");
        // a rejected signature does not use up the nonce
        Map<String, String> good = signer.sign("POST", path, body.getBytes(StandardCharsets.UTF_8));
        Map<String, String> tampered = new HashMap<>(good);
        tampered.put("X-Signature", "a".repeat(64));
        assertRejected(send("POST", path, body, "application/json", tampered), "签名不正确");
        assertThat(send("POST", path, body, "application/json", good).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownOrDisabledAppIsRejected() throws Exception {
        assertRejected(signed(new ApiSigner("hd-unknown", app.secret()), "GET", "/api/open/test/echo", null, null), "应用标识无效");
        apps.setEnabled(app.app().id(), false);
        assertRejected(signed(signer, "GET", "/api/open/test/echo", null, null), "应用已停用");
        apps.setEnabled(app.app().id(), true);
        assertThat(signed(signer, "GET", "/api/open/test/echo", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void malformedHeadersAreRejected() throws Exception {
        assertRejected(send("GET", "/api/open/test/echo", null, null, Map.of()), "缺少签名请求头");
        Map<String, String> shortNonce = signer.sign("GET", "/api/open/test/echo", null, System.currentTimeMillis(), "abc");
        assertRejected(send("GET", "/api/open/test/echo", null, null, shortNonce), "X-Nonce");
        Map<String, String> longNonce = signer.sign("GET", "/api/open/test/echo", null, System.currentTimeMillis(), "n".repeat(65));
        assertRejected(send("GET", "/api/open/test/echo", null, null, longNonce), "X-Nonce");
    }

    @Test
    void rejectionsAreAudited() throws Exception {
        assertRejected(signed(new ApiSigner("hd-nobody", "x"), "POST", "/api/open/test/echo", "{}", "application/json"), "应用标识无效");
        Map<String, Object> row = jdbc.queryForMap("SELECT username, audit_result, http_status, detail FROM audit_log "
                + "WHERE audit_action = '开放接口签名校验失败'");
        assertThat(row.get("username")).isEqualTo("app:hd-nobody");
        assertThat(row.get("audit_result")).isEqualTo("FAILURE");
        assertThat(((Number) row.get("http_status")).intValue()).isEqualTo(401);
    }

    @Test
    void pathsOutsideOpenApiAreNotChecked() throws Exception {
        assertThat(send("GET", "/api/test/audit/read", null, null, Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void expiredNoncesArePurged() {
        Instant now = Instant.now();
        assertThat(nonces.tryUse("k", "old-nonce-1", now.minusSeconds(10))).isTrue();
        assertThat(nonces.tryUse("k", "new-nonce-1", now.plusSeconds(600))).isTrue();
        assertThat(nonces.tryUse("k", "new-nonce-1", now.plusSeconds(600))).isFalse();
        assertThat(nonces.tryUse("other", "new-nonce-1", now.plusSeconds(600))).isTrue(); // per app
        purgeJob.purge();
        assertThat(jdbc.queryForList("SELECT nonce FROM api_nonce WHERE app_key = 'k'", String.class))
                .containsExactly("new-nonce-1");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_nonce WHERE expires_at < ?", Long.class,
                Timestamp.valueOf(LocalDateTime.now()))).isZero();
    }

    @Test
    void secretIsStoredEncrypted() {
        String stored = jdbc.queryForObject("SELECT secret_enc FROM integration_app WHERE id = ?", String.class, app.app().id());
        assertThat(stored).startsWith("v1:").doesNotContain(app.secret());
        assertThat(app.secret()).matches("[0-9a-f]{64}");
        assertThat(app.toString()).doesNotContain(app.secret());
    }

    @Test
    void managementApi() throws Exception {
        HttpResponse<String> created = send("POST", "/api/settings/integration-apps",
                "{\"appName\":\"12345 热线\",\"remark\":\"市民热线\"}", "application/json", MANAGER);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        JsonNode data = mapper.readTree(created.body()).path("data");
        String id = data.path("app").path("id").asText();
        String appKey = data.path("app").path("appKey").asText();
        String secret = data.path("secret").asText();
        assertThat(secret).hasSize(64);
        assertThat(data.path("app").path("enabled").asBoolean()).isTrue();
        // the create request is audited, the response (with the secret) is not
        String detail = jdbc.queryForObject("SELECT detail FROM audit_log WHERE audit_action = '新增对接应用'", String.class);
        assertThat(detail).contains("12345 热线").doesNotContain(secret);

        HttpResponse<String> list = send("GET", "/api/settings/integration-apps?keyword=" +
                java.net.URLEncoder.encode("热线", StandardCharsets.UTF_8), null, null, MANAGER);
        assertThat(list.body()).contains(appKey).doesNotContain(secret).doesNotContain("secret_enc");
        assertThat(mapper.readTree(list.body()).path("data").path("total").asLong()).isEqualTo(1);

        ApiSigner hotline = new ApiSigner(appKey, secret);
        assertThat(signed(hotline, "GET", "/api/open/test/echo", null, null).statusCode()).isEqualTo(200);

        assertThat(send("POST", "/api/settings/integration-apps/" + id + "/disable", null, null, MANAGER).statusCode()).isEqualTo(200);
        assertRejected(signed(hotline, "GET", "/api/open/test/echo", null, null), "应用已停用");
        assertThat(send("POST", "/api/settings/integration-apps/" + id + "/enable", null, null, MANAGER).statusCode()).isEqualTo(200);

        HttpResponse<String> reset = send("POST", "/api/settings/integration-apps/" + id + "/reset-secret", null, null, MANAGER);
        String newSecret = mapper.readTree(reset.body()).path("data").path("secret").asText();
        assertThat(newSecret).hasSize(64).isNotEqualTo(secret);
        assertRejected(signed(hotline, "GET", "/api/open/test/echo", null, null), "签名不正确");
        assertThat(signed(new ApiSigner(appKey, newSecret), "GET", "/api/open/test/echo", null, null).statusCode()).isEqualTo(200);

        HttpResponse<String> invalid = send("POST", "/api/settings/integration-apps", "{\"appName\":\" \"}", "application/json", MANAGER);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(mapper.readTree(invalid.body()).path("field").asText()).isEqualTo("appName");

        assertThat(send("POST", "/api/settings/integration-apps/123/enable", null, null, MANAGER).statusCode()).isEqualTo(404);
    }
}
