package cn.heatdesk.app.mobile;

import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import cn.heatdesk.kernel.crypto.Sm3;
import cn.heatdesk.repair.mobile.media.FieldActor;
import cn.heatdesk.repair.mobile.media.FieldMedia;
import cn.heatdesk.repair.mobile.media.FieldMediaException;
import cn.heatdesk.repair.mobile.media.MediaKind;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Resumable field uploads over real HTTP (docs/mobile-media.md): an upload cut after its first chunk resumes where
 * the server stopped, a wrong offset is 409 OFFSET_MISMATCH, a hash mismatch is 400 HASH_MISMATCH and stores
 * nothing, the same file uploaded twice is one stored file, limits and content checks, who may download, and the
 * console's field record of a ticket with bound evidence.
 */
class FieldMediaIT extends AbstractApiIT {

    @Autowired
    FieldMedia fieldMedia;

    static final int MIB = 1024 * 1024;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    String base() {
        return "http://localhost:" + port;
    }

    long userId(String username) {
        return jdbc.queryForObject("SELECT id FROM sys_user WHERE username = ?", Long.class, username);
    }

    /** a fresh device of {@code username}: earlier bindings (other tests) are cleared first */
    MobileClient phone(String username) {
        ApiClient.Reply r = admin().post("/api/repair/devices/" + userId(username) + "/unbind", Map.of("reason", "测试前清除绑定"));
        assertThat(r.status()).as(r.toString()).isIn(200, 404, 409);
        return MobileClient.login(base(), username, DEMO_PASSWORD, "media-" + username + "-" + UUID.randomUUID());
    }

    static byte[] png(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(magic, 0, b, 0, magic.length);
        return b;
    }

    /** an MP4 audio file's first box (ftyp M4A) followed by noise: a voice note as Android records it */
    static byte[] m4a(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        byte[] head = {0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'M', '4', 'A', ' ', 0, 0, 0, 0, 'M', '4', 'A', ' ', 'm', 'p', '4', '2',
                'i', 's', 'o', 'm', 0, 0, 0, 0};
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    static Map<String, Object> start(byte[] content, String kind) {
        Map<String, Object> m = new HashMap<>();
        m.put("contentHash", Sm3.hashHex(content));
        m.put("size", content.length);
        m.put("kind", kind);
        m.put("mimeType", kind.equals("AUDIO") ? "audio/mp4" : "image/png");
        m.put("fileName", kind.equals("AUDIO") ? "语音.m4a" : "现场照片.png");
        m.put("capturedAt", "2026-01-06T09:15:30");
        m.put("lat", 39.9042);
        m.put("lng", 116.4074);
        return m;
    }

    /** one raw chunk, as the app sends it (application/octet-stream) */
    ApiClient.Reply put(MobileClient c, String uploadId, long offset, byte[] chunk) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base() + "/api/mobile/media/uploads/" + uploadId
                        + "?offset=" + offset))
                .header("Authorization", "Bearer " + c.token())
                .header("Content-Type", "application/octet-stream")
                .timeout(Duration.ofSeconds(60))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(chunk)).build();
        try {
            HttpResponse<byte[]> resp = HTTP.send(req, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = resp.body().length > 0 ? ApiClient.json().readTree(resp.body()) : null;
            return new ApiClient.Reply(resp.statusCode(), body, resp.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** uploads {@code content} in 1 MiB chunks from the start; returns the final state */
    JsonNode uploadAll(MobileClient c, byte[] content, String kind) {
        ApiClient.Reply s = c.http().post("/api/mobile/media/uploads", start(content, kind));
        assertThat(s.status()).as(s.toString()).isEqualTo(200);
        JsonNode state = s.data();
        long received = state.path("received").asLong();
        while (!state.path("complete").asBoolean()) {
            int to = (int) Math.min(content.length, received + MIB);
            ApiClient.Reply r = put(c, state.path("uploadId").asText(), received, Arrays.copyOfRange(content, (int) received, to));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            state = r.data().deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) state).put("uploadId", s.data().path("uploadId").asText());
            received = state.path("received").asLong();
        }
        return state;
    }

    int storedCopies(byte[] content) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM rp_field_media WHERE content_hash = ?", Integer.class,
                Sm3.hashHex(content));
    }

    int fileRows(byte[] content) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM sys_file WHERE sm3_hash = ?", Integer.class, Sm3.hashHex(content));
    }

    @Test
    void anUploadCutAfterItsFirstChunkResumesWhereTheServerStoppedAndIsStoredOnce() {
        MobileClient worker = phone("worker01");
        byte[] photo = png(MIB + MIB / 2, System.nanoTime());

        ApiClient.Reply started = worker.http().post("/api/mobile/media/uploads", start(photo, "PHOTO"));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        String uploadId = started.data().path("uploadId").asText();
        assertThat(started.data().path("received").asLong()).isZero();
        assertThat(started.data().path("chunkSize").asLong()).isEqualTo(MIB);
        assertThat(started.data().path("complete").asBoolean()).isFalse();

        ApiClient.Reply first = put(worker, uploadId, 0, Arrays.copyOfRange(photo, 0, MIB));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.data().path("received").asLong()).isEqualTo(MIB);

        // the connection is cut; later the app starts a fresh session for the same file and is told where to go on
        ApiClient.Reply again = worker.http().post("/api/mobile/media/uploads", start(photo, "PHOTO"));
        assertThat(again.data().path("uploadId").asText()).isEqualTo(uploadId);
        assertThat(again.data().path("received").asLong()).isEqualTo(MIB);

        // a chunk at the wrong place: 409 with the received count
        ApiClient.Reply wrong = put(worker, uploadId, 0, Arrays.copyOfRange(photo, 0, 1000));
        assertThat(wrong.status()).isEqualTo(409);
        assertThat(wrong.code()).isEqualTo("OFFSET_MISMATCH");
        assertThat(wrong.body().path("msg").asText()).contains("已收到 " + MIB + " 字节");
        assertThat(wrong.body().path("field").asText()).isEqualTo("offset");

        ApiClient.Reply last = put(worker, uploadId, MIB, Arrays.copyOfRange(photo, MIB, photo.length));
        assertThat(last.status()).as(last.toString()).isEqualTo(200);
        assertThat(last.data().path("complete").asBoolean()).isTrue();
        assertThat(last.data().path("received").asLong()).isEqualTo(photo.length);
        assertThat(last.data().path("mediaId").asText()).isNotBlank();
        assertThat(storedCopies(photo)).isEqualTo(1);
        assertThat(fileRows(photo)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT capture_time FROM sys_file WHERE sm3_hash = ?", LocalDateTime.class,
                Sm3.hashHex(photo))).isEqualTo(LocalDateTime.of(2026, 1, 6, 9, 15, 30));

        // the response of the last chunk was lost: the chunk again, then the whole upload again — nothing new
        assertThat(put(worker, uploadId, MIB, Arrays.copyOfRange(photo, MIB, photo.length)).data().path("complete").asBoolean()).isTrue();
        JsonNode repeat = uploadAll(worker, photo, "PHOTO");
        assertThat(repeat.path("complete").asBoolean()).isTrue();
        assertThat(repeat.path("mediaId").asText()).isEqualTo(last.data().path("mediaId").asText());
        assertThat(storedCopies(photo)).isEqualTo(1);
        assertThat(fileRows(photo)).isEqualTo(1);

        // the uploader reads it back byte for byte
        ApiClient.Reply download = worker.http().get("/api/mobile/media/" + Sm3.hashHex(photo));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.raw()).isEqualTo(photo);
    }

    @Test
    void aHashMismatchDiscardsTheUploadAndStoresNothing() {
        MobileClient worker = phone("worker01");
        byte[] declared = png(MIB + 4096, System.nanoTime());
        byte[] sent = declared.clone();
        sent[MIB + 100] ^= 0x55;

        String uploadId = worker.http().post("/api/mobile/media/uploads", start(declared, "PHOTO")).data().path("uploadId").asText();
        assertThat(put(worker, uploadId, 0, Arrays.copyOfRange(sent, 0, MIB)).status()).isEqualTo(200);
        ApiClient.Reply bad = put(worker, uploadId, MIB, Arrays.copyOfRange(sent, MIB, sent.length));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("HASH_MISMATCH");
        assertThat(bad.body().path("msg").asText()).contains("SM3");

        assertThat(storedCopies(declared)).isZero();
        assertThat(fileRows(declared)).isZero();
        assertThat(awaitCount(1, "SELECT COUNT(*) FROM audit_log WHERE audit_action = '上传现场附件' AND audit_result = 'FAILURE'"
                + " AND detail LIKE ?", "%" + Sm3.hashHex(declared) + "%")).isEqualTo(1);
        assertThat(fileRows(sent)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rp_media_upload WHERE content_hash = ?", Integer.class,
                Sm3.hashHex(declared))).isZero();
        // the session is gone: a late chunk is told so, a new start begins at zero
        assertThat(put(worker, uploadId, MIB, new byte[10]).status()).isEqualTo(404);
        assertThat(worker.http().post("/api/mobile/media/uploads", start(declared, "PHOTO")).data().path("received").asLong()).isZero();
    }

    @Test
    void limitsAndContentChecksAnswerInChineseNamingTheField() {
        MobileClient worker = phone("worker01");
        Map<String, Object> big = start(png(100, 1), "SIGNATURE");
        big.put("size", 2 * MIB + 1);
        ApiClient.Reply tooBig = worker.http().post("/api/mobile/media/uploads", big);
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.body().path("msg").asText()).isEqualTo("电子签名不能超过 2 MB");
        assertThat(tooBig.body().path("field").asText()).isEqualTo("size");

        Map<String, Object> video = start(png(100, 2), "VIDEO");
        video.put("size", 200 * MIB + 1);
        assertThat(worker.http().post("/api/mobile/media/uploads", video).status()).isEqualTo(413);

        byte[] html = new byte[600];
        byte[] page = "<html><body onload=alert(1)>photo</body></html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(page, 0, html, 0, page.length);
        String id = worker.http().post("/api/mobile/media/uploads", start(html, "PHOTO")).data().path("uploadId").asText();
        ApiClient.Reply refused = put(worker, id, 0, html);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("field").asText()).isEqualTo("file");
        assertThat(refused.body().path("msg").asText()).contains("不支持的文件格式");
        assertThat(storedCopies(html)).isZero();

        ApiClient.Reply chunkTooBig = put(worker, worker.http().post("/api/mobile/media/uploads",
                start(png(3 * MIB, 3), "PHOTO")).data().path("uploadId").asText(), 0, new byte[MIB + 1]);
        assertThat(chunkTooBig.status()).isEqualTo(413);

        ApiClient.Reply badHash = worker.http().post("/api/mobile/media/uploads", Map.of("contentHash", "xyz", "size", 10,
                "kind", "PHOTO"));
        assertThat(badHash.status()).isEqualTo(400);
        assertThat(badHash.body().path("field").asText()).isEqualTo("contentHash");
        // the console's token is not a device token
        assertThat(client().loggedIn("worker01", DEMO_PASSWORD).post("/api/mobile/media/uploads", start(html, "PHOTO"))
                .status()).isEqualTo(401);
    }

    @Test
    void boundFieldEvidenceShowsInTheConsoleAndDecidesWhoMayDownload() {
        MobileClient worker = phone("worker01");
        byte[] photo = png(200_000, System.nanoTime());
        byte[] signature = png(30_000, System.nanoTime() + 1);
        byte[] voice = m4a(50_000, System.nanoTime() + 2);
        assertThat(uploadAll(worker, photo, "PHOTO").path("complete").asBoolean()).isTrue();
        assertThat(uploadAll(worker, signature, "SIGNATURE").path("complete").asBoolean()).isTrue();
        assertThat(uploadAll(worker, voice, "AUDIO").path("complete").asBoolean()).isTrue();

        // before it is linked, only the uploader may read it
        MobileClient lead01 = phone("lead01");
        MobileClient lead02 = phone("lead02");
        assertThat(lead01.http().get("/api/mobile/media/" + Sm3.hashHex(photo)).status()).isEqualTo(403);

        // one console session of the lead: a user keeps at most 3 sessions, more would end the app's
        ApiClient console = client().loggedIn("lead01", DEMO_PASSWORD);
        long ticketId = assignedTicket(console, "ST01", "worker01");
        // bound as the sync push binds them (its command handlers call FieldMedia in the command's transaction)
        FieldActor actor = new FieldActor(userId("worker01"), "孙师傅", "media-it", null);
        String tempOp = UUID.randomUUID().toString();
        fieldMedia.attach(ticketId, Sm3.hashHex(photo), MediaKind.PHOTO, "阀门锈蚀", op(actor));
        fieldMedia.voiceNote(ticketId, Sm3.hashHex(voice), 12, op(actor));
        fieldMedia.temperature(ticketId, new BigDecimal("17.46"), LocalDateTime.of(2026, 1, 6, 9, 20), "卧室", null,
                new FieldActor(actor.userId(), actor.userName(), actor.deviceId(), tempOp));
        fieldMedia.sign(ticketId, Sm3.hashHex(signature), 5, "师傅很专业", LocalDateTime.now(), op(actor));
        assertThatThrownBy(() -> fieldMedia.attach(ticketId, "f".repeat(64), MediaKind.PHOTO, null, op(actor)))
                .isInstanceOfSatisfying(FieldMediaException.class, e -> assertThat(e.reason()).isEqualTo("MEDIA_NOT_FOUND"));

        // a second signature is refused and audited, the first stays
        assertThatThrownBy(() -> fieldMedia.sign(ticketId, Sm3.hashHex(signature), 1, null, null, op(actor)))
                .isInstanceOfSatisfying(FieldMediaException.class, e -> assertThat(e.reason()).isEqualTo("SIGNATURE_EXISTS"));
        assertThat(awaitCount(1, "SELECT COUNT(*) FROM audit_log WHERE audit_action = ? AND target = ?", "修改客户电子签名",
                "工单 " + ticketId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT satisfaction FROM rp_signature WHERE ticket_id = ?", Integer.class, ticketId))
                .isEqualTo(5);

        // the console: the station's lead sees the field record; another station's lead does not
        ApiClient.Reply record = console.get("/api/repair/tickets/" + ticketId + "/field-record");
        assertThat(record.status()).as(record.toString()).isEqualTo(200);
        JsonNode r = record.data();
        assertThat(r.path("media").findValuesAsText("contentHash")).containsExactly(Sm3.hashHex(photo));
        assertThat(r.path("media").get(0).path("note").asText()).isEqualTo("阀门锈蚀");
        assertThat(r.path("media").get(0).path("fileId").isTextual()).isTrue();
        assertThat(r.path("voiceNotes").get(0).path("transcriptStatus").asText()).isEqualTo("NONE");
        assertThat(r.path("voiceNotes").get(0).path("durationSeconds").asInt()).isEqualTo(12);
        assertThat(r.path("signature").path("signatureHash").asText()).isEqualTo(Sm3.hashHex(signature));
        assertThat(r.path("signature").path("satisfaction").asInt()).isEqualTo(5);
        assertThat(r.path("signature").path("recordHash").asText()).hasSize(64);
        assertThat(r.path("signature").path("intact").asBoolean()).isTrue();
        assertThat(r.path("signature").path("serverTime").asText()).isNotBlank();
        assertThat(r.path("temperatures").get(0).path("indoorTemp").decimalValue()).isEqualByComparingTo("17.5");
        assertThat(r.path("asrConfigured").asBoolean()).isFalse();
        assertThat(client().loggedIn("lead02", DEMO_PASSWORD).get("/api/repair/tickets/" + ticketId + "/field-record")
                .status()).isEqualTo(404);

        // the reading reached the household's base data once, with the op id as its reference
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bi_room_temp WHERE data_source = 'APP' AND source_ref = ?",
                Integer.class, tempOp)).isEqualTo(1);
        // the timeline has one note per piece of evidence, from the app
        JsonNode detail = console.get("/api/servicedesk/tickets/" + ticketId).data();
        List<String> notes = new java.util.ArrayList<>();
        detail.path("timeline").forEach(h -> {
            if (h.path("action").asText().equals("NOTE") && h.path("origin").asText().equals("APP")) {
                notes.add(h.path("note").asText());
            }
        });
        assertThat(notes).contains("现场照片：阀门锈蚀", "语音上报（12 秒），未配置语音识别，保留原声",
                "测温：室温 17.5 ℃（卧室）", "客户电子签名确认，满意度 5 分（很满意），评价：师傅很专业");

        // linked now: the station's lead may download it, another station's lead may not
        ApiClient.Reply seen = lead01.http().get("/api/mobile/media/" + Sm3.hashHex(signature));
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.raw()).isEqualTo(signature);
        assertThat(lead02.http().get("/api/mobile/media/" + Sm3.hashHex(photo)).status()).isEqualTo(403);
        assertThat(lead02.http().get("/api/mobile/media/" + "0".repeat(64)).status()).isEqualTo(404);
    }

    @Test
    void theSyncPushBindsUploadedEvidenceAndRefusesASecondSignature() {
        MobileClient worker = phone("worker01");
        byte[] photo = png(120_000, System.nanoTime());
        byte[] signature = png(20_000, System.nanoTime() + 1);
        uploadAll(worker, photo, "PHOTO");
        uploadAll(worker, signature, "SIGNATURE");
        ApiClient console = client().loggedIn("lead01", DEMO_PASSWORD);
        long ticketId = assignedTicket(console, "ST01", "worker01");

        List<JsonNode> results = worker.pushOk(List.of(
                worker.command("ACCEPT", ticketId, Map.of()),
                worker.command("ATTACH", ticketId, Map.of("contentHash", Sm3.hashHex(photo), "kind", "PHOTO", "note", "表井积水")),
                worker.command("SIGN", ticketId, Map.of("signatureHash", Sm3.hashHex(signature), "satisfaction", 4)),
                worker.command("ATTACH", ticketId, Map.of("contentHash", "e".repeat(64), "kind", "PHOTO")),
                worker.command("SIGN", ticketId, Map.of("signatureHash", Sm3.hashHex(signature), "satisfaction", 1))));
        assertThat(results).extracting(r -> r.path("status").asText())
                .containsExactly("APPLIED", "APPLIED", "APPLIED", "REJECTED", "REJECTED");
        assertThat(results.get(3).path("code").asText()).isEqualTo("MEDIA_NOT_FOUND");
        assertThat(results.get(4).path("code").asText()).isEqualTo("SIGNATURE_EXISTS");

        JsonNode r = console.get("/api/repair/tickets/" + ticketId + "/field-record").data();
        assertThat(r.path("media").findValuesAsText("note")).containsExactly("表井积水");
        assertThat(r.path("signature").path("satisfaction").asInt()).isEqualTo(4);
        assertThat(r.path("signature").path("userId").asText()).isEqualTo(String.valueOf(userId("worker01")));
        // the timeline names the worker, from the app
        JsonNode detail = console.get("/api/servicedesk/tickets/" + ticketId).data();
        List<JsonNode> notes = new java.util.ArrayList<>();
        detail.path("timeline").forEach(h -> {
            if (h.path("action").asText().equals("NOTE")) {
                notes.add(h);
            }
        });
        assertThat(notes).extracting(h -> h.path("note").asText())
                .containsExactlyInAnyOrder("现场照片：表井积水", "客户电子签名确认，满意度 4 分（满意）");
        assertThat(notes).allSatisfy(h -> {
            assertThat(h.path("origin").asText()).isEqualTo("APP");
            assertThat(h.path("operatorId").asText()).isEqualTo(String.valueOf(userId("worker01")));
        });
    }

    static FieldActor op(FieldActor a) {
        return new FieldActor(a.userId(), a.userName(), a.deviceId(), UUID.randomUUID().toString());
    }

    /** a ticket of a household the station serves, dispatched, confirmed and assigned to the worker */
    long assignedTicket(ApiClient lead, String stationCode, String worker) {
        String path = jdbc.queryForObject("SELECT org_path FROM org_unit WHERE org_code = ?", String.class, stationCode);
        Long householdId = jdbc.queryForList("SELECT id FROM bi_household WHERE org_path = ? ORDER BY household_code",
                Long.class, path).get(0);
        Map<String, Object> body = new HashMap<>();
        body.put("ticketType", "REPAIR");
        body.put("source", "PHONE");
        body.put("urgency", "NORMAL");
        body.put("householdId", String.valueOf(householdId));
        body.put("callerPhone", "13800138000");
        body.put("content", "暖气片不热，室温只有 14 度");
        body.put("dispatchNow", true);
        ApiClient.Reply created = client().loggedIn("agent01", DEMO_PASSWORD).post("/api/servicedesk/tickets", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode t = created.data().path("ticket");
        long id = t.path("id").asLong();
        ApiClient.Reply confirmed = lead.post("/api/repair/tickets/" + id + "/actions",
                Map.of("action", "CONFIRM", "expectedVersion", t.path("rowVersion").asInt()));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        ApiClient.Reply assigned = lead.post("/api/repair/tickets/" + id + "/actions", Map.of("action", "ASSIGN",
                "expectedVersion", confirmed.data().path("ticket").path("rowVersion").asInt(),
                "workerId", String.valueOf(userId(worker))));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        return id;
    }
}
