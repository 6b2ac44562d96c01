package cn.heatdesk.bench.baseinfo;

import cn.heatdesk.kernel.crypto.Sm2Cipher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.util.encoders.Hex;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/** Minimal HTTP client for the load drivers: SM2 login like the console, JSON calls, multipart upload, download. */
public final class BenchHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private String token;

    public BenchHttp(String base) {
        this.base = base;
    }

    public void login(String username, String password) throws Exception {
        String pk = get("/api/auth/public-key").path("publicKey").asText();
        String cipher = Hex.toHexString(Sm2Cipher.encrypt(pk, password.getBytes(StandardCharsets.UTF_8))).substring(2);
        String body = JSON.createObjectNode().put("username", username).put("password", cipher).toString();
        JsonNode r = send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        token = r.path("token").asText();
    }

    public JsonNode get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public JsonNode post(String path, Object body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
    }

    /** the HTTP status of a GET without reading the body as JSON (probing whether an endpoint exists) */
    public int status(String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        auth(b);
        HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return r.statusCode();
    }

    /** the response body length after streaming it to {@code target} */
    public long download(String path, Path target) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        auth(b);
        HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " → " + r.statusCode() + " " + new String(r.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        try (InputStream in = r.body()) {
            return Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public JsonNode upload(String path, Path file, String... fields) throws Exception {
        String boundary = "----heatdesk" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Files.size(file) + 4096);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                    + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        Files.copy(file, out);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    public static String q(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    private void auth(HttpRequest.Builder b) {
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
    }

    private JsonNode send(HttpRequest.Builder b) throws IOException, InterruptedException {
        auth(b);
        HttpResponse<byte[]> r = http.send(b.timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode body = JSON.readTree(r.body());
        if (r.statusCode() != 200 || !"0".equals(body.path("code").asText())) {
            throw new IllegalStateException(r.request().uri() + " → " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return body.path("data");
    }
}
