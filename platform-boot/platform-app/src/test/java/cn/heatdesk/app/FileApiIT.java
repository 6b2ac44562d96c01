package cn.heatdesk.app;

import cn.heatdesk.kernel.crypto.Sm3;
import cn.heatdesk.kernel.storage.FileService;
import cn.heatdesk.kernel.storage.FileStorage;
import cn.heatdesk.kernel.storage.LocalFileStorage;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /api/files over real HTTP on the demo data: upload with content sniffing and limits, SM3 content addressing (one
 * object per content, one row per upload, a retried upload returns the same id), download with Range/ETag/RFC 5987
 * file names, login required, uploads audited.
 */
class FileApiIT extends AbstractApiIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Autowired
    FileStorage storage;

    // ---------------------------------------------------------------------------------------------- tests

    @Test
    void uploadedImageIsServedWithItsNameRangesAndCacheHeaders() throws Exception {
        String agent = token("agent01");
        byte[] png = png(4096);
        Upload up = upload(agent, "现场照片 1.png", "image/png", png, Map.of("kind", "IMAGE"));

        assertThat(up.status).as(up.body.toString()).isEqualTo(200);
        JsonNode f = up.body.path("data");
        assertThat(f.path("id").isTextual()).as("ids travel as strings").isTrue();
        assertThat(f.path("sm3").asText()).isEqualTo(Sm3.hashHex(png));
        assertThat(f.path("size").asLong()).isEqualTo(png.length);
        assertThat(f.path("contentType").asText()).isEqualTo("image/png");
        assertThat(f.path("fileName").asText()).isEqualTo("现场照片 1.png");
        assertThat(f.path("kind").asText()).isEqualTo("IMAGE");
        String id = f.path("id").asText();

        // any other logged-in user (here a station lead) reads it
        String lead = token("lead01");
        HttpResponse<byte[]> whole = get(lead, "/api/files/" + id, Map.of());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(png);
        assertThat(whole.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
        assertThat(whole.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("inline; filename=\"____ 1.png\"; filename*=UTF-8''%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87%201.png");
        assertThat(whole.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");
        String etag = whole.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"" + Sm3.hashHex(png) + "\"");

        HttpResponse<byte[]> part = get(lead, "/api/files/" + id, Map.of("Range", "bytes=100-199"));
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 100-199/" + png.length);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(png, 100, 200));
        HttpResponse<byte[]> tail = get(lead, "/api/files/" + id, Map.of("Range", "bytes=-16"));
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(png, png.length - 16, png.length));
        assertThat(get(lead, "/api/files/" + id, Map.of("Range", "bytes=999999-")).statusCode()).isEqualTo(416);
        assertThat(get(lead, "/api/files/" + id, Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);
        assertThat(get(lead, "/api/files/" + id + "?download=true", Map.of()).headers()
                .firstValue("Content-Disposition").orElse("")).startsWith("attachment;");

        JsonNode meta = json(get(lead, "/api/files/" + id + "/meta", Map.of())).path("data");
        assertThat(meta.path("sm3").asText()).isEqualTo(Sm3.hashHex(png));
        assertThat(meta.path("fileName").asText()).isEqualTo("现场照片 1.png");
        assertThat(meta.path("size").asLong()).isEqualTo(png.length);

        HttpResponse<byte[]> missing = get(lead, "/api/files/1234567", Map.of());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).path("msg").asText()).isEqualTo("文件不存在");
    }

    @Test
    void theSameContentIsStoredOnceAndARetriedUploadReturnsTheSameFile() throws Exception {
        String worker1 = token("worker01");
        String worker2 = token("worker02");
        byte[] mp4 = mp4(64 * 1024);
        String sm3 = Sm3.hashHex(mp4);

        Upload first = upload(worker1, "clip.mp4", "video/mp4", mp4, Map.of());
        assertThat(first.status).as(first.body.toString()).isEqualTo(200);
        assertThat(first.body.path("data").path("kind").asText()).isEqualTo("VIDEO");
        // the response was "lost": the app sends the same file again
        Upload retry = upload(worker1, "clip.mp4", "video/mp4", mp4, Map.of());
        assertThat(retry.body.path("data").path("id").asText()).isEqualTo(first.body.path("data").path("id").asText());
        // someone else uploads the same bytes: a row of their own, the same object
        Upload other = upload(worker2, "同一段视频.mp4", "video/mp4", mp4, Map.of());
        assertThat(other.body.path("data").path("id").asText()).isNotEqualTo(first.body.path("data").path("id").asText());
        assertThat(other.body.path("data").path("sm3").asText()).isEqualTo(sm3);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sys_file WHERE sm3_hash = ?", Integer.class, sm3)).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT DISTINCT storage_key FROM sys_file WHERE sm3_hash = ?", String.class, sm3))
                .containsExactly(FileService.storageKey(sm3));
        assertThat(storage).isInstanceOf(LocalFileStorage.class);
        Path root = ((LocalFileStorage) storage).root();
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(p -> p.getFileName().toString().equals(sm3)).toList())
                    .as("one object for the content").hasSize(1)
                    .allSatisfy(p -> assertThat(p).hasBinaryContent(mp4));
        }
        HttpResponse<byte[]> back = get(worker2, "/api/files/" + first.body.path("data").path("id").asText(), Map.of());
        assertThat(back.body()).isEqualTo(mp4);
    }

    @Test
    void contentDecidesTheTypeAndLimitsApplyWithClearMessagesOnFieldFile() throws Exception {
        String agent = token("agent01");
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM sys_file", Integer.class);

        Upload html = upload(agent, "photo.png", "image/png",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), Map.of());
        assertRejected(html, "file", "不支持的文件格式");

        Upload pdfAsImage = upload(agent, "scan.jpg", "image/jpeg", "%PDF-1.7\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1),
                Map.of("kind", "IMAGE"));
        assertRejected(pdfAsImage, "file", "不是要求的图片");

        Upload empty = upload(agent, "x.png", "image/png", new byte[0], Map.of());
        assertRejected(empty, "file", "空");

        Upload badKind = upload(agent, "x.png", "image/png", png(100), Map.of("kind", "SPREADSHEET"));
        assertRejected(badKind, "kind", "文件类别");

        Upload noFile = multipart(agent, Map.of("kind", "IMAGE"), null, null, null);
        assertRejected(noFile, "file", "请选择要上传的文件");

        byte[] tooBig = png(20 * 1024 * 1024 + 1);
        Upload big = upload(agent, "huge.png", "image/png", tooBig, Map.of());
        assertRejected(big, "file", "图片不能超过 20 MB");

        Upload badPlace = upload(agent, "gps.png", "image/png", png(100), Map.of("latitude", "91", "longitude", "116.4"));
        assertRejected(badPlace, "latitude", "纬度");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sys_file", Integer.class)).as("nothing stored").isEqualTo(before);
        assertThat(Sm3.hashHex(tooBig)).isNotNull();
        String bigKey = FileService.storageKey(Sm3.hashHex(tooBig));
        assertThat(storage.exists(bigKey)).isFalse();
    }

    @Test
    void captureTimeAndLocationAreKept() throws Exception {
        String worker = token("worker01");
        byte[] jpeg = jpeg(2048);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kind", "IMAGE");
        fields.put("captureTime", "2026-01-05 08:30:15");
        fields.put("latitude", "39.9042123");
        fields.put("longitude", "116.4073963");
        Upload up = upload(worker, "IMG_0001.JPG", "image/jpeg", jpeg, fields);
        assertThat(up.status).as(up.body.toString()).isEqualTo(200);
        JsonNode meta = json(get(worker, "/api/files/" + up.body.path("data").path("id").asText() + "/meta", Map.of())).path("data");
        assertThat(meta.path("captureTime").asText()).isEqualTo("2026-01-05T08:30:15");
        assertThat(meta.path("latitude").decimalValue()).isEqualByComparingTo("39.9042123");
        assertThat(meta.path("longitude").decimalValue()).isEqualByComparingTo("116.4073963");
        assertThat(meta.path("contentType").asText()).isEqualTo("image/jpeg");
    }

    @Test
    void uploadsAndDownloadsNeedALoginAndUploadsAreAudited() throws Exception {
        byte[] png = png(300);
        Upload anonymous = upload(null, "a.png", "image/png", png, Map.of());
        assertThat(anonymous.status).isEqualTo(401);

        String agent = token("agent01");
        Upload ok = upload(agent, "审计.png", "image/png", png, Map.of());
        String id = ok.body.path("data").path("id").asText();
        assertThat(get(null, "/api/files/" + id, Map.of()).statusCode()).isEqualTo(401);
        upload(agent, "not-an-image.png", "image/png", "GIF89a....".getBytes(StandardCharsets.US_ASCII), Map.of());

        String sm3 = Sm3.hashHex(png);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE audit_action = '上传文件' AND audit_result = 'SUCCESS'"
                + " AND username = 'agent01' AND detail LIKE ?", Integer.class, "%" + sm3 + "%")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE audit_action = '上传文件' AND audit_result = 'FAILURE'"
                + " AND detail LIKE ?", Integer.class, "%not-an-image.png%")).isEqualTo(1);
        JsonNode verify = admin().get("/api/audit/verify").data();
        assertThat(verify.path("ok").asBoolean()).as(verify.toString()).isTrue();
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static void assertRejected(Upload u, String field, String messagePart) {
        assertThat(u.status).as(u.body.toString()).isEqualTo(400);
        assertThat(u.body.path("code").asText()).isEqualTo("VALIDATION");
        assertThat(u.body.path("field").asText()).isEqualTo(field);
        assertThat(u.body.path("msg").asText()).contains(messagePart);
    }

    private String token(String username) {
        ApiClient.Reply r = client().login(username, DEMO_PASSWORD);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().path("token").asText();
    }

    record Upload(int status, JsonNode body) {
    }

    private Upload upload(String token, String name, String type, byte[] content, Map<String, String> fields) throws Exception {
        return multipart(token, fields, name, type, content);
    }

    private Upload multipart(String token, Map<String, String> fields, String name, String type, byte[] content) throws Exception {
        String boundary = "----hd" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                    + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (content != null) {
            // browsers send the file name as raw UTF-8
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                    + "Content-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/files"))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Upload(r.statusCode(), json(r));
    }

    private HttpResponse<byte[]> get(String token, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(HttpResponse<byte[]> r) throws IOException {
        return r.body().length == 0 ? ApiClient.json().createObjectNode() : ApiClient.json().readTree(r.body());
    }

    /** A PNG signature and IHDR start followed by random bytes: enough for content sniffing, unique per call. */
    static byte[] png(int size) {
        byte[] b = random(size);
        byte[] sig = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(sig, 0, b, 0, Math.min(sig.length, size));
        return b;
    }

    static byte[] jpeg(int size) {
        byte[] b = random(size);
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[2] = (byte) 0xFF;
        b[3] = (byte) 0xE1;
        return b;
    }

    /** An ISO base media file: ftyp box (isom, mp41) then random bytes. */
    static byte[] mp4(int size) {
        byte[] b = random(size);
        byte[] ftyp = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '1'};
        System.arraycopy(ftyp, 0, b, 0, ftyp.length);
        return b;
    }

    static byte[] random(int size) {
        byte[] b = new byte[size];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }
}
