package cn.heatdesk.bench.callcenter;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.BiConsumer;

/**
 * HTTP for the call-center driver: the console's SM2 login, JSON calls with one user's token, and the live stream
 * ({@code GET /api/notice/stream}, server-sent events) read line by line as it arrives.
 */
final class CcHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    /** one client for every user: HTTP/1.1, so each live stream is its own connection, as each browser tab's is */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static volatile String publicKey;

    private final String base;
    private String token;

    CcHttp(String base) {
        this.base = base;
    }

    String token() {
        return token;
    }

    void login(String username, String password) throws Exception {
        if (publicKey == null) {
            publicKey = get("/api/auth/public-key").path("publicKey").asText();
        }
        JsonNode r = post("/api/auth/login", JSON.createObjectNode().put("username", username)
                .put("password", sm2(password)));
        token = r.path("token").asText();
    }

    /** the login password as the console sends it (SM2 C1C3C2, hex without the 04 prefix) */
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

    /** a raw GET (actuator endpoints answer without HeatDesk's envelope) */
    JsonNode getRaw(String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
        auth(b);
        HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " → " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return JSON.readTree(r.body());
    }

    /**
     * Opens the live stream for the topics; {@code onEvent(event, data)} is called for each complete SSE message on
     * the client's thread as soon as its terminating blank line arrived.
     */
    CompletableFuture<HttpResponse<Void>> stream(String topics, BiConsumer<String, String> onEvent) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/notice/stream?topics=" + topics))
                .header("Accept", "text/event-stream").GET();
        auth(b);
        return CLIENT.sendAsync(b.build(), HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
            private String event = "message";
            private final StringBuilder data = new StringBuilder();

            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String line) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        onEvent.accept(event, data.toString());
                    }
                    event = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(line.length() > 5 && line.charAt(5) == ' ' ? 6 : 5));
                }
            }

            @Override
            public void onError(Throwable t) {
                onEvent.accept("error", String.valueOf(t));
            }

            @Override
            public void onComplete() {
                onEvent.accept("closed", "");
            }
        }));
    }

    private void auth(HttpRequest.Builder b) {
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
    }

    private JsonNode send(HttpRequest.Builder b) throws IOException, InterruptedException {
        auth(b);
        HttpResponse<byte[]> r = CLIENT.send(b.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode body = JSON.readTree(r.body());
        if (r.statusCode() != 200 || !"0".equals(body.path("code").asText())) {
            throw new HttpError(r.statusCode(), r.request().method() + " " + r.request().uri() + " → " + r.statusCode()
                    + " " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return body.path("data");
    }

    static final class HttpError extends IllegalStateException {
        final int status;

        HttpError(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
