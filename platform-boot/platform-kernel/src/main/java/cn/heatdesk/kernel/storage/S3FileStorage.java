package cn.heatdesk.kernel.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Objects in an S3-compatible store (MinIO and the like) over plain HTTP(S) with {@link java.net.http.HttpClient},
 * path-style URLs ({@code <endpoint>/<bucket>/<prefix><key>}) and requests signed with {@link SigV4Signer}. Uploads
 * are sent with their SHA-256 as {@code x-amz-content-sha256} (signed payload), so the store rejects a body damaged on
 * the way.
 */
public class S3FileStorage implements FileStorage {

    public static final String TYPE = "s3";
    private static final Logger log = LoggerFactory.getLogger(S3FileStorage.class);

    private final URI endpoint;
    private final String basePath;
    private final String bucket;
    private final String keyPrefix;
    private final SigV4Signer signer;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Clock clock;
    private final Path spoolDir;

    /**
     * @param spoolDir where {@link #put} buffers a stream to learn its SHA-256 before sending it
     */
    public S3FileStorage(StorageProperties.S3 cfg, Path spoolDir, Clock clock) {
        require(cfg.getEndpoint(), "heatdesk.storage.s3.endpoint");
        require(cfg.getBucket(), "heatdesk.storage.s3.bucket");
        require(cfg.getAccessKey(), "heatdesk.storage.s3.access-key");
        require(cfg.getSecretKey(), "heatdesk.storage.s3.secret-key");
        URI uri = URI.create(cfg.getEndpoint().strip());
        if (uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
            throw new IllegalStateException("heatdesk.storage.s3.endpoint 必须是 http(s)://主机[:端口] / must be http(s)://host[:port]: "
                    + cfg.getEndpoint());
        }
        this.endpoint = uri;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.bucket = cfg.getBucket().strip();
        String prefix = cfg.getKeyPrefix() == null ? "" : cfg.getKeyPrefix().strip();
        while (prefix.startsWith("/")) {
            prefix = prefix.substring(1);
        }
        this.keyPrefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        this.signer = new SigV4Signer(cfg.getAccessKey().strip(), cfg.getSecretKey().strip(),
                cfg.getRegion() == null || cfg.getRegion().isBlank() ? "us-east-1" : cfg.getRegion().strip(), "s3");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(cfg.getConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.requestTimeout = cfg.getRequestTimeout();
        this.clock = clock;
        this.spoolDir = spoolDir;
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** HEAD on the bucket; creates it when asked to. Failures are logged, not thrown: the store may come up later. */
    public void checkBucket(boolean create) {
        try {
            HttpResponse<byte[]> head = send("HEAD", null, HttpRequest.BodyPublishers.noBody(), SigV4Signer.EMPTY_SHA256,
                    Map.of(), HttpResponse.BodyHandlers.ofByteArray());
            if (head.statusCode() == 404 && create) {
                HttpResponse<byte[]> put = send("PUT", null, HttpRequest.BodyPublishers.noBody(), SigV4Signer.EMPTY_SHA256,
                        Map.of(), HttpResponse.BodyHandlers.ofByteArray());
                if (put.statusCode() / 100 != 2) {
                    log.error("S3 桶 {} 创建失败 / cannot create bucket: HTTP {} {}", bucket, put.statusCode(), errorText(put.body()));
                } else {
                    log.info("S3 bucket {} created at {}", bucket, endpoint);
                }
            } else if (head.statusCode() / 100 != 2) {
                log.error("S3 桶 {} 不可用 / bucket not usable at {}: HTTP {}（404 = 桶不存在，403 = 密钥或权限错误）",
                        bucket, endpoint, head.statusCode());
            } else {
                log.info("file storage: {}", describe());
            }
        } catch (IOException e) {
            log.error("S3 存储 {} 无法连接 / unreachable: {}", endpoint, e.toString());
        }
    }

    @Override
    public void put(String key, InputStream in, long size, String contentType) throws IOException {
        FileStorage.checkKey(key);
        Files.createDirectories(spoolDir);
        Path spool = Files.createTempFile(spoolDir, "s3-", ".part");
        try {
            long written;
            try (OutputStream out = Files.newOutputStream(spool)) {
                written = in.transferTo(out);
            }
            if (size >= 0 && written != size) {
                throw new IOException("expected " + size + " bytes for " + key + " but the stream had " + written);
            }
            putFile(key, spool, contentType);
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    @Override
    public void putFile(String key, Path source, String contentType) throws IOException {
        FileStorage.checkKey(key);
        try {
            String sha256 = sha256Hex(source);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("content-type", contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType);
            HttpResponse<byte[]> r = send("PUT", key, HttpRequest.BodyPublishers.ofFile(source), sha256, headers,
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() / 100 != 2) {
                throw new IOException("S3 PUT " + key + " failed: HTTP " + r.statusCode() + " " + errorText(r.body()));
            }
        } finally {
            Files.deleteIfExists(source);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return get(key, null);
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        if (length <= 0) {
            return InputStream.nullInputStream();
        }
        return new BoundedInputStream(get(key, "bytes=" + offset + "-" + (offset + length - 1)), length);
    }

    private InputStream get(String key, String range) throws IOException {
        FileStorage.checkKey(key);
        Map<String, String> headers = range == null ? Map.of() : Map.of("range", range);
        HttpResponse<InputStream> r = send("GET", key, HttpRequest.BodyPublishers.noBody(), SigV4Signer.EMPTY_SHA256,
                headers, HttpResponse.BodyHandlers.ofInputStream());
        int status = r.statusCode();
        if (status == 200 || status == 206) {
            if (range != null && status == 200) {
                // the store ignored the range: skip to the offset ourselves
                InputStream body = r.body();
                body.skipNBytes(Long.parseLong(range.substring(6, range.indexOf('-'))));
                return body;
            }
            return r.body();
        }
        byte[] error;
        try (InputStream body = r.body()) {
            error = body.readNBytes(2048);
        }
        if (status == 404) {
            throw new NoSuchFileException(key);
        }
        throw new IOException("S3 GET " + key + " failed: HTTP " + status + " " + errorText(error));
    }

    @Override
    public boolean exists(String key) throws IOException {
        FileStorage.checkKey(key);
        HttpResponse<byte[]> r = send("HEAD", key, HttpRequest.BodyPublishers.noBody(), SigV4Signer.EMPTY_SHA256,
                Map.of(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() == 404) {
            return false;
        }
        if (r.statusCode() / 100 == 2) {
            return true;
        }
        throw new IOException("S3 HEAD " + key + " failed: HTTP " + r.statusCode());
    }

    @Override
    public void delete(String key) throws IOException {
        FileStorage.checkKey(key);
        HttpResponse<byte[]> r = send("DELETE", key, HttpRequest.BodyPublishers.noBody(), SigV4Signer.EMPTY_SHA256,
                Map.of(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() / 100 != 2 && r.statusCode() != 404) {
            throw new IOException("S3 DELETE " + key + " failed: HTTP " + r.statusCode() + " " + errorText(r.body()));
        }
    }

    @Override
    public String describe() {
        return "S3 " + endpoint.getScheme() + "://" + endpoint.getRawAuthority() + basePath + "/" + bucket + "/" + keyPrefix
                + "（region " + signer.region() + ", access key " + signer.accessKey() + "）";
    }

    /** The path sent and signed: base path, bucket, prefix and key, each byte outside the unreserved set %-encoded. */
    String objectPath(String key) {
        String bucketPath = basePath + "/" + SigV4Signer.uriEncode(bucket, true);
        return key == null ? bucketPath : bucketPath + "/" + SigV4Signer.uriEncode(keyPrefix + key, false);
    }

    private <T> HttpResponse<T> send(String method, String key, HttpRequest.BodyPublisher body, String payloadHash,
                                     Map<String, String> extraHeaders, HttpResponse.BodyHandler<T> handler) throws IOException {
        String path = objectPath(key);
        URI uri = URI.create(endpoint.getScheme().toLowerCase(Locale.ROOT) + "://" + endpoint.getRawAuthority() + path);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", hostHeader(uri));
        headers.put("x-amz-content-sha256", payloadHash);
        headers.putAll(extraHeaders);
        SigV4Signer.Signed signed = signer.sign(method, path, Map.of(), headers, payloadHash, clock.instant());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(requestTimeout).method(method, body)
                .header("x-amz-date", signed.amzDate())
                .header("Authorization", signed.authorization());
        // java.net.http sets Host itself (restricted header), to the value hostHeader() predicts
        headers.forEach((n, v) -> {
            if (!n.equals("host")) {
                b.header(n, v);
            }
        });
        try {
            return http.send(b.build(), handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while talking to " + endpoint, e);
        }
    }

    /** What java.net.http sends as Host: the host, plus the port unless it is the scheme's default. */
    static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        boolean defaultPort = port == -1 || (secure ? port == 443 : port == 80);
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    private static String sha256Hex(Path file) throws IOException {
        MessageDigest md = SigV4Signer.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static String errorText(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String s = new String(body, 0, Math.min(body.length, 600), StandardCharsets.UTF_8);
        int code = s.indexOf("<Code>");
        int end = s.indexOf("</Code>");
        return code >= 0 && end > code ? s.substring(code + 6, end) : s.replaceAll("\\s+", " ");
    }

    private static void require(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("heatdesk.storage.type=s3 需要配置 " + property + " / requires " + property);
        }
    }

    @Override
    public String toString() {
        return "S3FileStorage[" + describe() + "]";
    }
}
