package cn.heatdesk.bench.mobile;

import cn.heatdesk.kernel.crypto.Sm2Cipher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.util.encoders.Hex;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * HTTP for the mobile driver: the console's and the field app's SM2 logins, JSON calls with one token (console
 * user or one device), errors as exceptions carrying the status and body.
 */
final class MobHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    /** one client for all simulated phones: HTTP/1.1 keep-alive connections, as many as requests in flight */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8, r -> {
                Thread t = new Thread(r, "mobhttp");
                t.setDaemon(true);
                return t;
            })).connectTimeout(Duration.ofSeconds(10)).build();
    private static volatile String publicKey;

    private final String base;
    private volatile String token;

    MobHttp(String base) {
        this.base = base;
    }

    void login(String username, String password) throws Exception {
        JsonNode r = post("/api/auth/login", JSON.createObjectNode().put("username", username).put("password", sm2(password)));
        token = r.path("token").asText();
    }

    /** the field app's login on one device (binds it on the user's first login) */
    JsonNode mobileLogin(String username, String password, String deviceId) throws Exception {
        JsonNode r = post("/api/mobile/auth/login", JSON.createObjectNode().put("username", username)
                .put("password", sm2(password)).put("deviceId", deviceId).put("deviceName", "压测手机 " + deviceId)
                .put("platform", "Android 14 / Chrome"));
        token = r.path("token").asText();
        return r;
    }

    /** a password as the console and the app send it (SM2 C1C3C2, hex without the 04 prefix) */
    String sm2(String plain) throws Exception {
        if (publicKey == null) {
            publicKey = get("/api/auth/public-key").path("publicKey").asText();
        }
        return Hex.toHexString(Sm2Cipher.encrypt(publicKey, plain.getBytes(StandardCharsets.UTF_8))).substring(2);
    }

    JsonNode get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    JsonNode post(String path, Object body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
    }

    JsonNode put(String path, Object body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
    }

    private JsonNode send(HttpRequest.Builder b) throws IOException, InterruptedException {
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> r = CLIENT.send(b.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (IOException notJson) {
            throw new HttpError(r.statusCode(), r.request().method() + " " + r.request().uri() + " → " + r.statusCode());
        }
        if (r.statusCode() != 200 || !"0".equals(body.path("code").asText())) {
            throw new HttpError(r.statusCode(), r.request().method() + " " + r.request().uri() + " → " + r.statusCode()
                    + " " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return body.path("data");
    }

    static final class HttpError extends IllegalStateException {
        final int status;

        HttpError(int status, String message) {
            super(message.length() > 600 ? message.substring(0, 600) + " …" : message);
            this.status = status;
        }
    }
}
