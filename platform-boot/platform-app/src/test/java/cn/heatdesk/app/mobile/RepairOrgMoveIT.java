package cn.heatdesk.app.mobile;

import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import cn.heatdesk.kernel.crypto.Sm3;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A repair station moved to another subsidiary takes the field rows of its workers along (one org-move handler for
 * every rp_* table, RepairOrgMoveListener): the worker's device binding and re-binding request, sync log, check-in,
 * upload and stored photo all get the new org path and subsidiary, in the move's transaction, and the new
 * subsidiary's lead sees them where the old one no longer does.
 */
class RepairOrgMoveIT extends AbstractApiIT {

    static final String PASSWORD = "Field#Pass2027";

    String base() {
        return "http://localhost:" + port;
    }

    /** a new user at {@code orgCode} with the WORKER role and a changed initial password */
    void createWorker(ApiClient admin, String username, String orgCode) {
        String orgId = String.valueOf(orgId(orgCode));
        String workerRole = jdbc.queryForObject("SELECT id FROM sys_role WHERE role_code = 'WORKER'", Long.class).toString();
        ApiClient.Reply r = admin.post("/api/settings/users", Map.of("username", username, "realName", "调站测试员",
                "orgId", orgId, "initialPassword", admin.encrypt("Init#Pass2026"), "roleIds", List.of(workerRole)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        ApiClient c = client();
        ApiClient.Reply first = c.login(username, "Init#Pass2026");
        assertThat(first.code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
        ApiClient.Reply changed = c.post("/api/auth/password/initial", Map.of("changeTicket",
                first.data().path("changeTicket").asText(), "newPassword", c.encrypt(PASSWORD)));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    /** a small photo uploaded in one chunk; returns its content hash */
    String uploadPhoto(MobileClient c) throws IOException, InterruptedException {
        byte[] png = new byte[4096];
        new Random(7).nextBytes(png);
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(magic, 0, png, 0, magic.length);
        String hash = Sm3.hashHex(png);
        Map<String, Object> start = new HashMap<>();
        start.put("contentHash", hash);
        start.put("size", png.length);
        start.put("kind", "PHOTO");
        start.put("mimeType", "image/png");
        start.put("fileName", "调站前照片.png");
        ApiClient.Reply s = c.http().post("/api/mobile/media/uploads", start);
        assertThat(s.status()).as(s.toString()).isEqualTo(200);
        HttpRequest put = HttpRequest.newBuilder(URI.create(base() + "/api/mobile/media/uploads/"
                        + s.data().path("uploadId").asText() + "?offset=0"))
                .header("Authorization", "Bearer " + c.token()).header("Content-Type", "application/octet-stream")
                .timeout(Duration.ofSeconds(60)).PUT(HttpRequest.BodyPublishers.ofByteArray(png)).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(put, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(ApiClient.json().readTree(r.body()).path("data").path("complete").asBoolean()).isTrue();
        return hash;
    }

    int rowsUnder(String table, long userId, String userColumn, String pathPrefix, long subsidiaryId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + userColumn + " = ? AND org_path LIKE ? "
                + "AND subsidiary_id = ?", Integer.class, userId, pathPrefix + "%", subsidiaryId);
    }

    @Test
    void aMovedStationsDeviceCheckInAndMediaRowsGetTheNewPath() throws Exception {
        ApiClient admin = admin();
        String s = String.valueOf(System.nanoTime() % 1000000);
        ApiClient.Reply station = admin.post("/api/settings/orgs", Map.of("parentId", String.valueOf(orgId("SUB01")),
                "orgType", "REPAIR_STATION", "orgCode", "STM" + s, "orgName", "调站测试维修站" + s));
        assertThat(station.status()).as(station.toString()).isEqualTo(200);
        long stationId = station.data().path("id").asLong();
        String oldPath = station.data().path("orgPath").asText();
        long sub01 = orgId("SUB01");
        long sub02 = orgId("SUB02");
        String username = "mover" + s;
        createWorker(admin, username, "STM" + s);
        long userId = jdbc.queryForObject("SELECT id FROM sys_user WHERE username = ?", Long.class, username);

        // field rows of the worker: binding, a refused second phone's request, a daily check-in (sync log + check-in),
        // an uploaded photo (upload + stored media)
        MobileClient phone = MobileClient.login(base(), username, PASSWORD, "move-" + s + "-a");
        assertThat(MobileClient.device(base(), "move-" + s + "-b").tryLogin(username, PASSWORD).code())
                .isEqualTo("DEVICE_NOT_BOUND");
        List<JsonNode> results = phone.pushOk(List.of(phone.command("CHECK_IN_DAILY", null,
                Map.of("lat", 39.9, "lng", 116.4, "address", "换热站门口"))));
        assertThat(results.get(0).path("status").asText()).isEqualTo("APPLIED");
        String hash = uploadPhoto(phone);

        Map<String, String> tables = Map.of("rp_device", "user_id", "rp_device_request", "user_id",
                "rp_sync_op", "user_id", "rp_check_in", "user_id", "rp_media_upload", "uploader_id",
                "rp_field_media", "uploader_id");
        for (var t : tables.entrySet()) {
            assertThat(rowsUnder(t.getKey(), userId, t.getValue(), oldPath, sub01)).as(t.getKey()).isEqualTo(1);
        }

        // the station moves to another subsidiary
        ApiClient.Reply moved = admin.post("/api/settings/orgs/" + stationId + "/move",
                Map.of("newParentId", String.valueOf(sub02), "reason", "划转至城南分公司"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        String newPath = moved.data().path("orgPath").asText();
        assertThat(newPath).isNotEqualTo(oldPath).endsWith("/" + stationId + "/");

        for (var t : tables.entrySet()) {
            assertThat(rowsUnder(t.getKey(), userId, t.getValue(), newPath, sub02)).as(t.getKey()).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + t.getKey() + " WHERE org_path LIKE ?",
                    Integer.class, oldPath + "%")).as(t.getKey() + " left behind").isZero();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rp_field_media WHERE content_hash = ? AND org_path = ?",
                Integer.class, hash, newPath)).isEqualTo(1);

        // the lead of the old subsidiary no longer sees the check-in; the new subsidiary's admin does
        JsonNode oldSide = client().loggedIn("sub01admin", DEMO_PASSWORD).get("/api/repair/check-ins?workerId=" + userId).data();
        assertThat(oldSide.path("total").asLong()).isZero();
        ApiClient.Reply newSide = admin.getWithHeader("/api/repair/check-ins?workerId=" + userId,
                "X-HeatDesk-Subsidiary", String.valueOf(sub02));
        assertThat(newSide.status()).as(newSide.toString()).isEqualTo(200);
        assertThat(newSide.data().path("records").findValuesAsText("address")).containsExactly("换热站门口");
        JsonNode devices = admin.getWithHeader("/api/repair/devices?userId=" + userId, "X-HeatDesk-Subsidiary",
                String.valueOf(sub02)).data();
        assertThat(devices.path("records").findValuesAsText("orgPath")).containsExactly(newPath);
    }
}
