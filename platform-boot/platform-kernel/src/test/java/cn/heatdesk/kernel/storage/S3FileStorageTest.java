package cn.heatdesk.kernel.storage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link S3FileStorage} against a small S3 look-alike on 127.0.0.1 that keeps objects in memory and, like MinIO,
 * refuses a request unless its Authorization header has the SigV4 form, its x-amz-content-sha256 is the SHA-256 of
 * the body actually received, and the signature recomputed <em>by the server's own code</em> from what arrived on
 * the wire (raw path, Host header as sent) matches.
 */
class S3FileStorageTest {

    static final String ACCESS = "heatdesk-test";
    static final String SECRET = "s3cr3t/Key+For=Tests";
    static final Pattern AUTH = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/s3/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})");

    HttpServer server;
    final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    final Map<String, String> types = new ConcurrentHashMap<>();
    final List<String> seen = new CopyOnWriteArrayList<>();
    final List<String> refused = new CopyOnWriteArrayList<>();
    volatile boolean bucketExists = true;
    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    S3FileStorage storage(String secret, String prefix) {
        StorageProperties.S3 cfg = new StorageProperties.S3();
        cfg.setEndpoint("http://127.0.0.1:" + server.getAddress().getPort());
        cfg.setBucket("heat-files");
        cfg.setAccessKey(ACCESS);
        cfg.setSecretKey(secret);
        cfg.setRegion("cn-north-1");
        cfg.setKeyPrefix(prefix);
        return new S3FileStorage(cfg, tmp.resolve("spool"), Clock.fixed(Instant.now(), ZoneOffset.UTC));
    }

    @Test
    void putOpenRangeExistsDeleteOverSignedRequests() throws Exception {
        S3FileStorage s3 = storage(SECRET, "hd files/");
        byte[] content = "供热工单附件 content 0123456789".getBytes(StandardCharsets.UTF_8);
        String key = "ab/cd/abcdef0123";

        assertThat(s3.exists(key)).isFalse();
        s3.put(key, new ByteArrayInputStream(content), content.length, "image/png");

        // path-style, the prefix's space encoded once, same bytes on the wire as signed
        assertThat(objects).containsOnlyKeys("/heat-files/hd%20files/ab/cd/abcdef0123");
        assertThat(objects.get("/heat-files/hd%20files/ab/cd/abcdef0123")).isEqualTo(content);
        assertThat(types.get("/heat-files/hd%20files/ab/cd/abcdef0123")).isEqualTo("image/png");
        assertThat(s3.exists(key)).isTrue();
        try (InputStream in = s3.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        try (InputStream in = s3.open(key, 3, 5)) {
            assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(content, 3, 8));
        }
        s3.delete(key);
        assertThat(s3.exists(key)).isFalse();
        assertThatThrownBy(() -> s3.open(key)).isInstanceOf(NoSuchFileException.class);
        s3.delete(key); // deleting nothing is fine

        assertThat(refused).isEmpty();
        assertThat(seen).contains("PUT", "HEAD", "GET", "DELETE");
    }

    @Test
    void putFileSendsTheFileAndConsumesIt() throws Exception {
        S3FileStorage s3 = storage(SECRET, "");
        Path source = tmp.resolve("video.part");
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(7).nextBytes(big);
        Files.write(source, big);

        s3.putFile("12/34/1234abcd", source, "video/mp4");

        assertThat(source).doesNotExist();
        assertThat(objects.get("/heat-files/12/34/1234abcd")).isEqualTo(big);
        assertThat(refused).isEmpty();
    }

    @Test
    void aWrongSecretIsRefusedByTheStoreAndReported() {
        S3FileStorage s3 = storage("not-the-secret", "");
        assertThatThrownBy(() -> s3.put("aa/bb/cc", new ByteArrayInputStream(new byte[]{1, 2, 3}), 3, "image/png"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("403")
                .hasMessageContaining("SignatureDoesNotMatch");
        assertThat(objects).isEmpty();
    }

    @Test
    void aShortStreamIsNotStored() {
        S3FileStorage s3 = storage(SECRET, "");
        assertThatThrownBy(() -> s3.put("aa/bb/cc", new ByteArrayInputStream(new byte[]{1, 2, 3}), 10, "image/png"))
                .isInstanceOf(IOException.class);
        assertThat(objects).isEmpty();
    }

    @Test
    void theBucketIsCreatedWhenAskedTo() {
        bucketExists = false;
        storage(SECRET, "").checkBucket(true);
        assertThat(bucketExists).isTrue();
        assertThat(refused).isEmpty();
    }

    @Test
    void keysThatCouldEscapeAreRejectedBeforeAnyRequest() {
        S3FileStorage s3 = storage(SECRET, "");
        assertThatThrownBy(() -> s3.exists("../other-bucket/x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(seen).isEmpty();
    }

    @Test
    void describeNamesTheBucketButNotTheSecret() {
        String d = storage(SECRET, "hd/").describe();
        assertThat(d).contains("/heat-files/hd/").contains(ACCESS).doesNotContain(SECRET);
    }

    // ------------------------------------------------------------------------------------------ the fake store

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        seen.add(method);
        byte[] body = ex.getRequestBody().readAllBytes();
        String path = ex.getRequestURI().getRawPath();
        String problem = verify(ex, method, path, body);
        if (problem != null) {
            refused.add(method + " " + path + ": " + problem);
            reply(ex, 403, ("<Error><Code>SignatureDoesNotMatch</Code><Message>" + problem + "</Message></Error>")
                    .getBytes(StandardCharsets.UTF_8), method);
            return;
        }
        if (path.equals("/heat-files")) {
            if (method.equals("PUT")) {
                bucketExists = true;
                reply(ex, 200, new byte[0], method);
            } else {
                reply(ex, bucketExists ? 200 : 404, new byte[0], method);
            }
            return;
        }
        switch (method) {
            case "PUT" -> {
                objects.put(path, body);
                types.put(path, ex.getRequestHeaders().getFirst("Content-Type"));
                reply(ex, 200, new byte[0], method);
            }
            case "HEAD" -> reply(ex, objects.containsKey(path) ? 200 : 404, new byte[0], method);
            case "DELETE" -> {
                objects.remove(path);
                reply(ex, 204, null, method);
            }
            case "GET" -> {
                byte[] obj = objects.get(path);
                if (obj == null) {
                    reply(ex, 404, "<Error><Code>NoSuchKey</Code></Error>".getBytes(StandardCharsets.UTF_8), method);
                    return;
                }
                String range = ex.getRequestHeaders().getFirst("Range");
                if (range != null) {
                    Matcher m = Pattern.compile("bytes=(\\d+)-(\\d+)").matcher(range);
                    assertThat(m.matches()).isTrue();
                    int a = Integer.parseInt(m.group(1));
                    int b = Math.min(Integer.parseInt(m.group(2)), obj.length - 1);
                    ex.getResponseHeaders().add("Content-Range", "bytes " + a + "-" + b + "/" + obj.length);
                    reply(ex, 206, java.util.Arrays.copyOfRange(obj, a, b + 1), method);
                } else {
                    reply(ex, 200, obj, method);
                }
            }
            default -> reply(ex, 405, new byte[0], method);
        }
    }

    private static void reply(HttpExchange ex, int status, byte[] body, String method) throws IOException {
        if (body == null || body.length == 0 || method.equals("HEAD")) {
            ex.sendResponseHeaders(status, -1);
        } else {
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
        }
        ex.close();
    }

    /** What MinIO checks, recomputed independently of SigV4Signer's canonicalisation. Null when all is well. */
    private static String verify(HttpExchange ex, String method, String rawPath, byte[] body) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null) {
            return "no Authorization header";
        }
        Matcher m = AUTH.matcher(auth);
        if (!m.matches()) {
            return "malformed Authorization header: " + auth;
        }
        if (!m.group(1).equals(ACCESS)) {
            return "unknown access key";
        }
        String amzDate = ex.getRequestHeaders().getFirst("x-amz-date");
        if (amzDate == null || !amzDate.matches("\\d{8}T\\d{6}Z") || !amzDate.startsWith(m.group(2))) {
            return "x-amz-date missing or not matching the credential scope";
        }
        List<String> signed = List.of(m.group(4).split(";"));
        if (!signed.containsAll(List.of("host", "x-amz-content-sha256", "x-amz-date"))) {
            return "host, x-amz-content-sha256 and x-amz-date must be signed";
        }
        String payloadHash = ex.getRequestHeaders().getFirst("x-amz-content-sha256");
        String actual = hex(sha256(body));
        if (payloadHash == null || !payloadHash.equals(actual)) {
            return "x-amz-content-sha256 " + payloadHash + " is not the SHA-256 of the body received (" + actual + ")";
        }
        StringBuilder canonical = new StringBuilder()
                .append(method).append('\n').append(rawPath).append('\n')
                .append(ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery()).append('\n');
        for (String h : signed) {
            String v = ex.getRequestHeaders().getFirst(h);
            if (v == null) {
                return "signed header " + h + " was not sent";
            }
            canonical.append(h).append(':').append(v.strip()).append('\n');
        }
        canonical.append('\n').append(m.group(4)).append('\n').append(payloadHash);
        String scope = m.group(2) + "/" + m.group(3) + "/s3/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + SECRET).getBytes(StandardCharsets.UTF_8), m.group(2));
        for (String part : new String[]{m.group(3), "s3", "aws4_request"}) {
            key = hmac(key, part);
        }
        String expected = hex(hmac(key, stringToSign));
        return expected.equals(m.group(5)) ? null : "signature mismatch";
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b).toLowerCase(Locale.ROOT);
    }
}
