package cn.heatdesk.app;

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

/** A plain HTTP client for the tests: real requests through the running app, JSON in and out. */
public class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private String token;

    public ApiClient(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public record Reply(int status, JsonNode body, byte[] raw) {
        public JsonNode data() {
            return body.path("data");
        }

        public String code() {
            return body.path("code").asText();
        }

        @Override
        public String toString() {
            return status + " " + (body == null ? new String(raw, StandardCharsets.UTF_8) : body.toString());
        }
    }

    public String publicKey() {
        return get("/api/auth/public-key").data().path("publicKey").asText();
    }

    /** SM2-encrypts like the browser's sm-crypto does (C1C3C2, hex without the 04 prefix). */
    public String encrypt(String plain) {
        String withPrefix = Hex.toHexString(Sm2Cipher.encrypt(publicKey(), plain.getBytes(StandardCharsets.UTF_8)));
        return withPrefix.substring(2);
    }

    public Reply login(String username, String password) {
        Reply r = post("/api/auth/login", JSON.createObjectNode().put("username", username).put("password", encrypt(password)));
        if (r.status() == 200) {
            token = r.data().path("token").asText();
        }
        return r;
    }

    public ApiClient loggedIn(String username, String password) {
        Reply r = login(username, password);
        if (r.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + r);
        }
        return this;
    }

    public String token() {
        return token;
    }

    public void token(String token) {
        this.token = token;
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Reply getWithHeader(String path, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().header(header, value));
    }

    public Reply post(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(json(body)).header("Content-Type", "application/json"));
    }

    public Reply postWithHeader(String path, Object body, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(json(body))
                .header("Content-Type", "application/json").header(header, value));
    }

    public Reply put(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).PUT(json(body)).header("Content-Type", "application/json"));
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    public Reply postRaw(String path, String rawBody) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(rawBody)).header("Content-Type", "application/json"));
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Reply send(HttpRequest.Builder b) {
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> resp = http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = null;
            String type = resp.headers().firstValue("Content-Type").orElse("");
            if (type.contains("json") && resp.body().length > 0) {
                body = JSON.readTree(resp.body());
            }
            return new Reply(resp.statusCode(), body, resp.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static ObjectMapper json() {
        return JSON;
    }
}
