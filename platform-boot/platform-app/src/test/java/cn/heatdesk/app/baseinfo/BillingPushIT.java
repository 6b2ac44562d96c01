package cn.heatdesk.app.baseinfo;

import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import cn.heatdesk.baseinfo.api.NodeType;
import cn.heatdesk.baseinfo.node.HeatNode;
import cn.heatdesk.baseinfo.node.NodeWriter;
import cn.heatdesk.kernel.signing.ApiSigner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real-time push from the billing system over real HTTP, signed with HMAC-SM3 by an integration app created through
 * /api/settings/integration-apps: per-record outcomes, failures kept for retry, and the kernel's signature check
 * (tampered body, reused nonce, no signature) refusing requests before anything is written.
 */
class BillingPushIT extends AbstractApiIT {

    static final ObjectMapper JSON = ApiClient.json();

    @Autowired
    NodeWriter nodeWriter;
    @Autowired
    PlatformTransactionManager txManager;

    // ---- fixtures shared with BillingSyncIT and HeatNetSyncIT ------------------------------------------------

    /** company → … → building with one unit, in the subsidiary with org id {@code subsidiaryOrgId} */
    record Tree(HeatNode building, HeatNode unit) {
    }

    static String suffix() {
        return Long.toString(System.nanoTime() % 100_000_000L, 36) + ThreadLocalRandom.current().nextInt(1000);
    }

    static String mobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static Tree tree(NodeWriter w, PlatformTransactionManager tx, long subsidiaryOrgId, String s) {
        return new TransactionTemplate(tx).execute(st -> {
            HeatNode co = w.create(new NodeWriter.NodeDraft(NodeType.COMPANY, "SCO" + s, "同步测试公司" + s, null,
                    subsidiaryOrgId, 0, null, null), null, "MANUAL");
            HeatNode src = child(w, NodeType.HEAT_SOURCE, "SHS" + s, "同步热源" + s, co);
            HeatNode station = child(w, NodeType.HEAT_STATION, "SHX" + s, "同步换热站" + s, src);
            HeatNode community = child(w, NodeType.COMMUNITY, "SCM" + s, "同步小区" + s, station);
            HeatNode building = child(w, NodeType.BUILDING, "SBD" + s, "1号楼", community);
            return new Tree(building, child(w, NodeType.UNIT, "SU" + s, "1单元", building));
        });
    }

    static HeatNode unit(NodeWriter w, PlatformTransactionManager tx, HeatNode building, String code) {
        return new TransactionTemplate(tx).execute(st -> child(w, NodeType.UNIT, code, "补建单元" + code, building));
    }

    private static HeatNode child(NodeWriter w, NodeType type, String code, String name, HeatNode parent) {
        return w.create(new NodeWriter.NodeDraft(type, code, name, parent.getId(), null, 0, null, null), parent, "MANUAL");
    }

    /** an integration app created by admin over the API: its key and its secret (shown once) */
    record App(String id, String appKey, String secret) {
    }

    static App createApp(ApiClient admin, String name) {
        ApiClient.Reply r = admin.post("/api/settings/integration-apps", Map.of("appName", name, "remark", "同步测试"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return new App(r.data().path("app").path("id").asText(), r.data().path("app").path("appKey").asText(),
                r.data().path("secret").asText());
    }

    record Answer(int status, JsonNode body) {
        JsonNode data() {
            return body.path("data");
        }

        /** the outcome of the i-th pushed record */
        String outcome(int i) {
            return data().get(i).path("outcome").asText();
        }
    }

    /** POST with the signature headers of {@code signer} (fresh timestamp, the given or a fresh nonce) */
    static Answer signedPost(int port, ApiSigner signer, String path, String body, String nonce) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = signer.sign("POST", path, bytes, System.currentTimeMillis(),
                nonce == null ? ApiSigner.newNonce() : nonce);
        return send(port, path, bytes, headers);
    }

    static Answer send(int port, String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode household(String sub, String code, String unitCode, String room, String status, String arrears,
                                String owner, String phone, LocalDateTime updatedAt) {
        ObjectNode n = JSON.createObjectNode();
        n.put("subsidiaryCode", sub).put("householdCode", code).put("unitCode", unitCode).put("floorNo", room.substring(0, 1))
                .put("roomNo", room).put("area", new BigDecimal("76.30")).put("heatingStatus", status)
                .put("arrears", new BigDecimal(arrears)).put("ownerName", owner).put("updatedAt", updatedAt.toString());
        ArrayNode phones = n.putArray("ownerPhones");
        if (phone != null) {
            phones.add(phone);
        }
        return n;
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the test --------------------------------------------------------------------------------------------

    @Test
    void signedPushAppliesRecordsOneByOneAndRefusesBadSignaturesAndReplays() {
        String s = suffix();
        ApiClient admin = admin();
        Tree t = tree(nodeWriter, txManager, orgId("SUB01"), s);
        String unit = t.unit().getNodeCode();
        App app = createApp(admin, "计费推送" + s);
        ApiSigner signer = new ApiSigner(app.appKey(), app.secret());
        LocalDateTime t0 = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).minusHours(1);
        String phone = mobile();
        String hh = "PH" + s;

        ArrayNode batch = JSON.createArrayNode();
        batch.add(household("SUB01", hh + "-1", unit, "301", "HEATING", "150.00", "钱一" + s, phone, t0));
        batch.add(household("SUB01", hh + "-2", "NOUNIT" + s, "302", "HEATING", "0", "钱二", null, t0));
        batch.add(household("SUB01", hh + "-3", unit, "303", "HOT", "0", "钱三", null, t0));
        batch.add(household("SUB01", hh + "-4", unit, "304", "HEATING", "0", "钱四", null, t0).put("area", "八十"));
        batch.add(household("NOSUCH" + s, hh + "-5", unit, "305", "HEATING", "0", "钱五", null, t0));
        Answer a = signedPost(port, signer, "/api/open/billing/households", json(batch), null);
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        assertThat(a.data()).hasSize(5);
        assertThat(a.outcome(0)).isEqualTo("CREATED");
        assertThat(a.data().get(0).path("key").asText()).isEqualTo(hh + "-1");
        assertThat(a.outcome(1)).isEqualTo("REJECTED");
        assertThat(a.data().get(1).path("field").asText()).isEqualTo("unitCode");
        assertThat(a.data().get(2).path("field").asText()).isEqualTo("heatingStatus");
        assertThat(a.data().get(3).path("field").asText()).isEqualTo("area");
        assertThat(a.data().get(4).path("field").asText()).isEqualTo("subsidiaryCode");
        assertThat(a.data().findValuesAsText("index")).containsExactly("0", "1", "2", "3", "4");

        long sub01 = orgId("SUB01");
        Map<String, Object> row = jdbc.queryForMap("SELECT arrears, heating_status, owner_name, data_source, billing_updated_at"
                + " FROM bi_household WHERE subsidiary_id = ? AND household_code = ?", sub01, hh + "-1");
        assertThat((BigDecimal) row.get("arrears")).isEqualByComparingTo("150");
        assertThat(row.get("data_source")).isEqualTo("BILLING");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bi_household WHERE household_code LIKE ?", Long.class, hh + "-%"))
                .isEqualTo(1);
        // every rejected record is kept for retry, filed under its subsidiary where known
        List<Map<String, Object>> failures = jdbc.queryForList("SELECT external_key, channel, status, attempts, subsidiary_id,"
                + " org_path, created_by FROM bi_sync_failure WHERE external_key LIKE ? ORDER BY external_key", "%" + hh + "-%");
        assertThat(failures).extracting(m -> m.get("external_key"))
                .containsExactly("NOSUCH" + s + "/" + hh + "-5", "SUB01/" + hh + "-2", "SUB01/" + hh + "-3", "SUB01/" + hh + "-4");
        assertThat(failures).allSatisfy(m -> {
            assertThat(m.get("channel")).isEqualTo("PUSH");
            assertThat(m.get("status")).isEqualTo("PENDING");
            assertThat(((Number) m.get("attempts")).intValue()).isEqualTo(1);
            assertThat(((Number) m.get("created_by")).longValue()).isEqualTo(Long.parseLong(app.id()));
        });
        assertThat(((Number) failures.get(1).get("subsidiary_id")).longValue()).isEqualTo(sub01);
        assertThat(failures.get(0).get("subsidiary_id")).isNull();

        // the list is data scoped: the SUB01 admin sees SUB01's failures, not the one of an unknown subsidiary
        ApiClient sub01admin = client().loggedIn("sub01admin", DEMO_PASSWORD);
        JsonNode mine = sub01admin.get("/api/baseinfo/sync/failures?size=50&keyword=" + hh).data();
        assertThat(mine.path("total").asLong()).isEqualTo(3);
        assertThat(admin.get("/api/baseinfo/sync/failures?size=50&keyword=" + hh).data().path("total").asLong()).isEqualTo(4);

        // the same record again: unchanged; a newer version: updated; an older one: stale and ignored
        ArrayNode again = JSON.createArrayNode().add(batch.get(0));
        assertThat(signedPost(port, signer, "/api/open/billing/households", json(again), null).outcome(0)).isEqualTo("UNCHANGED");
        ArrayNode newer = JSON.createArrayNode().add(household("SUB01", hh + "-1", unit, "301", "SUSPENDED", "0.00",
                "钱一" + s, phone, t0.plusMinutes(5)));
        assertThat(signedPost(port, signer, "/api/open/billing/households", json(newer), null).outcome(0)).isEqualTo("UPDATED");
        ArrayNode older = JSON.createArrayNode().add(household("SUB01", hh + "-1", unit, "301", "STOPPED", "999.00",
                "钱一" + s, phone, t0.minusMinutes(5)));
        Answer stale = signedPost(port, signer, "/api/open/billing/households", json(older), null);
        assertThat(stale.outcome(0)).isEqualTo("STALE");
        row = jdbc.queryForMap("SELECT arrears, heating_status FROM bi_household WHERE subsidiary_id = ? AND household_code = ?",
                sub01, hh + "-1");
        assertThat(row.get("heating_status")).isEqualTo("SUSPENDED");
        assertThat((BigDecimal) row.get("arrears")).isEqualByComparingTo("0");

        // payments: inserted once per paymentId; unknown household → failure
        String pay = "[{\"paymentId\":\"PP" + s + "-1\",\"subsidiaryCode\":\"SUB01\",\"householdCode\":\"" + hh + "-1\","
                + "\"kind\":\"PAY\",\"amount\":2600.00,\"paidAt\":\"2025-11-02T09:30:00\",\"season\":\"2025-2026\","
                + "\"channel\":\"柜台\",\"updatedAt\":\"2025-11-02T09:30:00\"},"
                + "{\"paymentId\":\"PP" + s + "-2\",\"subsidiaryCode\":\"SUB01\",\"householdCode\":\"NOHH" + s + "\","
                + "\"kind\":\"PAY\",\"amount\":10,\"paidAt\":\"2025-11-02T09:31:00\",\"updatedAt\":\"2025-11-02T09:31:00\"},"
                + "{\"paymentId\":\"PP" + s + "-3\",\"subsidiaryCode\":\"SUB01\",\"householdCode\":\"" + hh + "-1\","
                + "\"kind\":\"GIFT\",\"amount\":10,\"paidAt\":\"2025-11-02T09:32:00\",\"updatedAt\":\"2025-11-02T09:32:00\"}]";
        Answer p = signedPost(port, signer, "/api/open/billing/payments", pay, null);
        assertThat(p.status()).as(p.body().toString()).isEqualTo(200);
        assertThat(List.of(p.outcome(0), p.outcome(1), p.outcome(2))).containsExactly("CREATED", "REJECTED", "REJECTED");
        assertThat(p.data().get(1).path("field").asText()).isEqualTo("householdCode");
        assertThat(p.data().get(2).path("field").asText()).isEqualTo("kind");
        assertThat(signedPost(port, signer, "/api/open/billing/payments", pay, null).outcome(0)).isEqualTo("DUPLICATE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bi_payment WHERE data_source = 'BILLING' AND source_ref = ?",
                Long.class, "PP" + s + "-1")).isEqualTo(1);
        // a payment that failed again replaces its open failure instead of piling up rows
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bi_sync_failure WHERE external_key = ?", Long.class,
                "PP" + s + "-2")).isEqualTo(1);

        // ---- signatures: checked by the kernel before anything is written -----------------------------------
        String fresh = json(JSON.createArrayNode().add(household("SUB01", hh + "-9", unit, "309", "HEATING", "0", "钱九",
                null, t0)));
        byte[] freshBytes = fresh.getBytes(StandardCharsets.UTF_8);
        // body changed after signing
        Map<String, String> signed = signer.sign("POST", "/api/open/billing/households", freshBytes);
        byte[] tampered = fresh.replace("309", "310").getBytes(StandardCharsets.UTF_8);
        Answer bad = send(port, "/api/open/billing/households", tampered, signed);
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.body().path("code").asText()).isEqualTo("SIGNATURE_INVALID");
        // wrong secret
        ApiSigner wrong = new ApiSigner(app.appKey(), "0".repeat(64));
        assertThat(signedPost(port, wrong, "/api/open/billing/households", fresh, null).status()).isEqualTo(401);
        // no signature at all
        assertThat(send(port, "/api/open/billing/households", freshBytes, Map.of()).status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bi_household WHERE household_code = ?", Long.class, hh + "-9"))
                .isZero();

        // a correct request goes through once; the identical request again is a replay
        String nonce = "replay-" + s + "-nonce";
        Map<String, String> once = signer.sign("POST", "/api/open/billing/households", freshBytes, System.currentTimeMillis(), nonce);
        assertThat(send(port, "/api/open/billing/households", freshBytes, once).status()).isEqualTo(200);
        Answer replay = send(port, "/api/open/billing/households", freshBytes, once);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.body().path("msg").asText()).contains("重放");
        // the same nonce under a different, correctly signed body is refused too and writes nothing
        String other = json(JSON.createArrayNode().add(household("SUB01", hh + "-8", unit, "308", "HEATING", "0", "钱八",
                null, t0)));
        Answer reuse = signedPost(port, signer, "/api/open/billing/households", other, nonce);
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bi_household WHERE household_code = ?", Long.class, hh + "-8"))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE audit_action = ? AND username = ? AND audit_result = 'FAILURE'",
                Long.class, "开放接口签名校验失败", "app:" + app.appKey())).isGreaterThanOrEqualTo(3);

        // ---- bad envelopes -----------------------------------------------------------------------------------
        Answer notArray = signedPost(port, signer, "/api/open/billing/households", "{\"householdCode\":\"x\"}", null);
        assertThat(notArray.status()).isEqualTo(400);
        assertThat(notArray.body().path("field").asText()).isEqualTo("records");
        ArrayNode tooMany = JSON.createArrayNode();
        for (int i = 0; i <= 1000; i++) {
            tooMany.add(JSON.createObjectNode().put("householdCode", "X" + i));
        }
        Answer big = signedPost(port, signer, "/api/open/billing/households", json(tooMany), null);
        assertThat(big.status()).isEqualTo(400);
        assertThat(big.body().path("msg").asText()).contains("1000");
        assertThat(signedPost(port, signer, "/api/open/billing/households", "not json", null).status()).isEqualTo(400);
    }

    @Test
    void anAppOfOneSubsidiaryCannotWriteAnother() {
        String s = suffix();
        ApiClient admin = admin();
        Tree t = tree(nodeWriter, txManager, orgId("SUB01"), s);
        App app = createApp(admin, "二分公司计费" + s);
        // bound to SUB02 (as if created by SUB02's administrator)
        jdbc.update("UPDATE integration_app SET subsidiary_id = ? WHERE id = ?", orgId("SUB02"), Long.parseLong(app.id()));
        ApiSigner signer = new ApiSigner(app.appKey(), app.secret());
        String body = json(JSON.createArrayNode().add(household("SUB01", "XS" + s, t.unit().getNodeCode(), "101", "HEATING",
                "0", "孙一", null, LocalDateTime.now().minusMinutes(1))));
        Answer a = signedPost(port, signer, "/api/open/billing/households", body, null);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.outcome(0)).isEqualTo("REJECTED");
        assertThat(a.data().get(0).path("reason").asText()).contains("所属分公司");
        // a refusal is not a sync failure: retrying it could never be allowed
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bi_sync_failure WHERE external_key = ?", Long.class,
                "SUB01/XS" + s)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bi_household WHERE household_code = ?", Long.class, "XS" + s)).isZero();
    }
}
