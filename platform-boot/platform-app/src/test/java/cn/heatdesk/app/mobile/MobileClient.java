package cn.heatdesk.app.mobile;

import cn.heatdesk.app.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The field app as the tests see it: logs a user in on one device over real HTTP, numbers its commands like the
 * app's queue (seq 1, 2, 3 …, a fresh UUID per command) and pushes / pulls. Shared by the mobile ITs (sync, media).
 */
public class MobileClient {

    private final ApiClient http;
    private final String deviceId;
    private final AtomicLong seq = new AtomicLong();
    private JsonNode login;

    private MobileClient(String base, String deviceId) {
        this.http = new ApiClient(base);
        this.deviceId = deviceId;
    }

    /** logs in on {@code deviceId} and fails the test unless the login succeeds */
    public static MobileClient login(String base, String username, String password, String deviceId) {
        MobileClient c = new MobileClient(base, deviceId);
        ApiClient.Reply r = c.tryLogin(username, password);
        if (r.status() != 200) {
            throw new AssertionError("mobile login of " + username + " on " + deviceId + " failed: " + r);
        }
        return c;
    }

    /** a client that has not logged in yet (for refused logins) */
    public static MobileClient device(String base, String deviceId) {
        return new MobileClient(base, deviceId);
    }

    public ApiClient.Reply tryLogin(String username, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("password", http.encrypt(password));
        body.put("deviceId", deviceId);
        body.put("deviceName", "测试手机 " + deviceId);
        body.put("platform", "Android 14 / Chrome");
        ApiClient.Reply r = http.post("/api/mobile/auth/login", body);
        if (r.status() == 200) {
            login = r.data();
            http.token(r.data().path("token").asText());
        }
        return r;
    }

    public ApiClient http() {
        return http;
    }

    public String deviceId() {
        return deviceId;
    }

    public JsonNode loginData() {
        return login;
    }

    public String token() {
        return http.token();
    }

    /** the next command of this device's queue: fresh op id, next seq */
    public Map<String, Object> command(String type, Long ticketId, Map<String, Object> payload) {
        Map<String, Object> c = new HashMap<>();
        c.put("opId", UUID.randomUUID().toString());
        c.put("seq", seq.incrementAndGet());
        c.put("clientTime", LocalDateTime.now().withNano(0).toString());
        c.put("type", type);
        if (ticketId != null) {
            c.put("ticketId", String.valueOf(ticketId));
        }
        c.put("payload", payload == null ? Map.of() : payload);
        return c;
    }

    public ApiClient.Reply push(List<Map<String, Object>> commands) {
        Map<String, Object> body = new HashMap<>();
        body.put("deviceId", deviceId);
        body.put("commands", commands);
        return http.post("/api/mobile/sync/push", body);
    }

    /** pushes and expects HTTP 200; returns the results in push order of the server (by seq) */
    public List<JsonNode> pushOk(List<Map<String, Object>> commands) {
        ApiClient.Reply r = push(commands);
        if (r.status() != 200) {
            throw new AssertionError("push failed: " + r);
        }
        List<JsonNode> out = new ArrayList<>();
        r.data().path("results").forEach(out::add);
        return out;
    }

    public ApiClient.Reply pull(String cursor, Integer limit) {
        StringBuilder q = new StringBuilder("/api/mobile/sync/pull?cursor=").append(cursor == null ? "" : cursor);
        if (limit != null) {
            q.append("&limit=").append(limit);
        }
        return http.get(q.toString());
    }

    public JsonNode pullOk(String cursor, Integer limit) {
        ApiClient.Reply r = pull(cursor, limit);
        if (r.status() != 200) {
            throw new AssertionError("pull failed: " + r);
        }
        return r.data();
    }
}
