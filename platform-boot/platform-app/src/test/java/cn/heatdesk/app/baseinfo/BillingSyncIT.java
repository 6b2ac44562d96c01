package cn.heatdesk.app.baseinfo;

import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import cn.heatdesk.baseinfo.api.BillingHouseholdRecord;
import cn.heatdesk.baseinfo.api.BillingPaymentRecord;
import cn.heatdesk.baseinfo.api.HouseholdApi;
import cn.heatdesk.baseinfo.api.HouseholdPanel;
import cn.heatdesk.baseinfo.api.SyncAlertApi;
import cn.heatdesk.baseinfo.node.NodeWriter;
import cn.heatdesk.baseinfo.sync.HttpBillingClient;
import cn.heatdesk.baseinfo.sync.IntegrationProperties;
import cn.heatdesk.baseinfo.sync.SyncPuller;
import cn.heatdesk.kernel.signing.ApiSigner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.transaction.PlatformTransactionManager;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static cn.heatdesk.app.baseinfo.BillingPushIT.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled incremental pull against a fake billing server over real HTTP (signed requests): two pages of
 * households and a page of payments land in the base data, rejected records become failures, the cursor moves on;
 * a later change arrives by pull and by real-time push; a failing server leaves the cursor FAILED and loses
 * nothing; a failure whose cause is fixed succeeds on retry.
 */
class BillingSyncIT extends AbstractApiIT {

    static final String KEY = "hdbillingtest01";
    static final String SECRET = "0c1d2e3f405162738495a6b7c8d9eafb0c1d2e3f405162738495a6b7c8d9eafb";

    @Autowired
    SyncPuller puller;
    @Autowired
    NodeWriter nodeWriter;
    @Autowired
    PlatformTransactionManager txManager;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    HouseholdApi householdApi;

    FakeBillingServer fake;
    HttpBillingClient client;
    final List<SyncAlertApi.SyncAlert> alerts = new CopyOnWriteArrayList<>();
    final ApplicationListener<ApplicationEvent> alertListener = e -> {
        if (e instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof SyncAlertApi.SyncAlert a) {
            alerts.add(a);
        }
    };

    @BeforeEach
    void start() throws Exception {
        fake = new FakeBillingServer().requireSignature(KEY, SECRET);
        IntegrationProperties.Endpoint ep = new IntegrationProperties.Endpoint();
        ep.setBaseUrl(fake.billingUrl());
        ep.setAppKey(KEY);
        ep.setAppSecret(SECRET);
        ep.setReadTimeout(Duration.ofSeconds(10));
        client = new HttpBillingClient(ep, objectMapper);
        // the billing feeds start from scratch in this test (no other test pulls from billing)
        jdbc.update("DELETE FROM bi_sync_cursor WHERE source_system = 'BILLING'");
        context.addApplicationListener(alertListener);
    }

    @AfterEach
    void stop() {
        context.removeApplicationListener(alertListener);
        fake.close();
    }

    static BillingHouseholdRecord hh(String code, String unit, String room, String status, String arrears, String owner,
                                     String phone, LocalDateTime at) {
        return new BillingHouseholdRecord("SUB01", code, unit, room.substring(0, 1), room, new BigDecimal("88.50"), status,
                new BigDecimal(arrears), null, owner, null, phone == null ? List.of() : List.of(phone), "M-" + code, null, at);
    }

    @Test
    void pullsPagesKeepsFailuresSurvivesAServerFailureAndRecoversOnRetry() {
        String s = BillingPushIT.suffix();
        long sub01 = orgId("SUB01");
        BillingPushIT.Tree tree = BillingPushIT.tree(nodeWriter, txManager, sub01, s);
        String unit = tree.unit().getNodeCode();
        String missingUnit = "NU" + s;
        LocalDateTime t0 = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).minusHours(2);
        String hh = "BS" + s;
        String phone1 = BillingPushIT.mobile();
        for (int i = 1; i <= 5; i++) {
            fake.put(hh(hh + "-" + i, unit, i + "01", "HEATING", i + "0.00", "李" + i, i == 1 ? phone1 : null, t0.plusSeconds(i)));
        }
        fake.put(hh(hh + "-6", missingUnit, "601", "HEATING", "0", "李六", null, t0.plusSeconds(6)));
        // an entry the fake serves as is: area is not a number
        fake.putRaw("households", JSON.createObjectNode().put("subsidiaryCode", "SUB01").put("householdCode", hh + "-7")
                .put("unitCode", unit).put("roomNo", "701").put("area", "八十八").put("updatedAt", t0.plusSeconds(7).toString()));
        String pay = "BP" + s;
        fake.put(new BillingPaymentRecord(pay + "-1", "SUB01", hh + "-1", "PAY", new BigDecimal("2400.00"),
                t0.plusMinutes(1), "2025-2026", "微信", t0.plusSeconds(1)));
        fake.put(new BillingPaymentRecord(pay + "-2", "SUB01", hh + "-2", "REFUND", new BigDecimal("120.50"),
                t0.plusMinutes(2), "2025-2026", "柜台", t0.plusSeconds(2)));
        fake.put(new BillingPaymentRecord(pay + "-3", "SUB01", hh + "-6", "PAY", new BigDecimal("300"),
                t0.plusMinutes(3), "2025-2026", "银行", t0.plusSeconds(3)));
        fake.maxPageSize(4);

        // ---- first pull: households in two pages, then payments ----------------------------------------------
        SyncPuller.PullReport first = puller.pullBilling(client);
        assertThat(first.ok()).as(first.toString()).isTrue();
        SyncPuller.FeedReport households = first.feeds().get(0);
        assertThat(households.pages()).isEqualTo(2);
        assertThat(households.records()).isEqualTo(7);
        assertThat(households.rejected()).isEqualTo(2);
        assertThat(first.feeds().get(1).records()).isEqualTo(3);
        assertThat(first.feeds().get(1).rejected()).isEqualTo(1);
        assertThat(fake.refusedSignatures()).isZero();
        assertThat(fake.requests()).anyMatch(r -> r.startsWith("GET /billing/households/changes?since="));

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT household_code, room_no, area, heating_status, arrears,"
                + " owner_name, meter_no, data_source, billing_updated_at FROM bi_household WHERE subsidiary_id = ?"
                + " AND household_code LIKE ? ORDER BY household_code", sub01, hh + "-%");
        assertThat(rows).extracting(r -> r.get("household_code"))
                .containsExactly(hh + "-1", hh + "-2", hh + "-3", hh + "-4", hh + "-5");
        Map<String, Object> h1 = rows.get(0);
        assertThat((BigDecimal) h1.get("area")).isEqualByComparingTo("88.5");
        assertThat((BigDecimal) h1.get("arrears")).isEqualByComparingTo("10");
        assertThat(h1.get("owner_name")).isEqualTo("李1");
        assertThat(h1.get("meter_no")).isEqualTo("M-" + hh + "-1");
        assertThat(h1.get("data_source")).isEqualTo("BILLING");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bi_customer_phone p JOIN bi_household h ON h.customer_id = p.customer_id"
                + " WHERE h.subsidiary_id = ? AND h.household_code = ?", Long.class, sub01, hh + "-1")).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT pay_kind FROM bi_payment WHERE data_source = 'BILLING' AND source_ref LIKE ?"
                + " ORDER BY source_ref", String.class, pay + "-%")).containsExactly("PAY", "REFUND");

        // rejected records: kept with payload (encrypted at rest) and reason, waiting for retry
        Map<String, Object> f6 = failure("SUB01/" + hh + "-6");
        assertThat(f6.get("status")).isEqualTo("PENDING");
        assertThat(f6.get("channel")).isEqualTo("PULL");
        assertThat(((Number) f6.get("attempts")).intValue()).isEqualTo(1);
        assertThat((String) f6.get("reason")).contains(missingUnit).contains("unitCode");
        assertThat(((Number) f6.get("subsidiary_id")).longValue()).isEqualTo(sub01);
        String stored = jdbc.queryForObject("SELECT payload FROM bi_sync_failure WHERE external_key = ?", String.class,
                "SUB01/" + hh + "-6");
        assertThat(stored).startsWith("v").doesNotContain(hh).doesNotContain("李六");
        assertThat((String) failure("SUB01/" + hh + "-7").get("reason")).contains("area");
        assertThat((String) failure(pay + "-3").get("reason")).contains("householdCode");

        // the cursor moved past everything, the failed records included
        Map<String, Object> cursor = cursor("HOUSEHOLD");
        assertThat(cursor.get("last_status")).isEqualTo("OK");
        assertThat(cursor.get("cursor_key")).isEqualTo("SUB01:" + hh + "-7");
        assertThat(((Number) cursor.get("pulled_total")).longValue()).isEqualTo(7);
        assertThat(alerts).anyMatch(a -> a.kind().equals(SyncAlertApi.SyncAlert.RECORD_FAILED) && a.entity().equals("HOUSEHOLD"));

        // ---- the console's view ------------------------------------------------------------------------------
        ApiClient admin = admin();
        JsonNode status = admin.get("/api/baseinfo/sync/status").data();
        JsonNode billing = status.path("sources").get(0);
        assertThat(billing.path("source").asText()).isEqualTo("BILLING");
        assertThat(billing.path("configured").asBoolean()).isFalse();
        assertThat(billing.path("cursors").get(0).path("lastStatus").asText()).isEqualTo("OK");
        assertThat(billing.path("cursors").get(0).path("pulledTotal").asLong()).isEqualTo(7);
        assertThat(status.path("alerts").path("pendingFailures").asLong()).isGreaterThanOrEqualTo(3);
        JsonNode listed = admin.get("/api/baseinfo/sync/failures?source=BILLING&entity=HOUSEHOLD&keyword=" + hh + "-6").data();
        assertThat(listed.path("total").asLong()).isEqualTo(1);
        JsonNode item = listed.path("records").get(0);
        assertThat(item.path("status").asText()).isEqualTo("PENDING");
        assertThat(item.path("entityName").asText()).isEqualTo("房屋");
        assertThat(item.path("payload").asText()).contains(missingUnit).contains("李六");
        // a user without data:unmask sees the owner masked
        JsonNode forSub = client().loggedIn("sub01admin", DEMO_PASSWORD)
                .get("/api/baseinfo/sync/failures?entity=HOUSEHOLD&keyword=" + hh + "-6").data().path("records").get(0);
        assertThat(forSub.path("payload").asText()).contains("李*").doesNotContain("李六");
        assertThat(admin.get("/api/baseinfo/sync/alerts").data().path("pendingFailures").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(client().loggedIn("worker01", DEMO_PASSWORD).get("/api/baseinfo/sync/status").status()).isEqualTo(403);
        ApiClient.Reply notConfigured = admin.post("/api/baseinfo/sync/run?source=BILLING", Map.of());
        assertThat(notConfigured.status()).isEqualTo(400);
        assertThat(notConfigured.body().path("msg").asText()).contains("未配置");
        assertThat(admin.post("/api/baseinfo/sync/run?source=ERP", Map.of()).body().path("field").asText()).isEqualTo("source");

        // ---- a later change by pull: only the change is fetched; HeatDesk's own fields stay -------------------
        jdbc.update("UPDATE bi_household SET tags = '重点户' WHERE subsidiary_id = ? AND household_code = ?", sub01, hh + "-3");
        fake.put(hh(hh + "-3", unit, "301", "SUSPENDED", "999.00", "李3", null, t0.plusSeconds(20)));
        SyncPuller.PullReport second = puller.pullBilling(client);
        assertThat(second.feeds().get(0).records()).isEqualTo(1);
        assertThat(second.feeds().get(1).records()).isZero();
        Map<String, Object> h3 = household(sub01, hh + "-3");
        assertThat(h3.get("heating_status")).isEqualTo("SUSPENDED");
        assertThat((BigDecimal) h3.get("arrears")).isEqualByComparingTo("999");
        assertThat(h3.get("tags")).isEqualTo("重点户");

        // ---- and in real time by signed push; an older record is ignored -------------------------------------
        BillingPushIT.App app = BillingPushIT.createApp(admin, "计费系统" + s);
        ApiSigner signer = new ApiSigner(app.appKey(), app.secret());
        ArrayNode push = JSON.createArrayNode().add(BillingPushIT.household("SUB01", hh + "-1", unit, "101", "STOPPED",
                "0.00", "李1", phone1, t0.plusSeconds(30)));
        assertThat(BillingPushIT.signedPost(port, signer, "/api/open/billing/households", BillingPushIT.json(push), null)
                .outcome(0)).isEqualTo("UPDATED");
        ArrayNode old = JSON.createArrayNode().add(BillingPushIT.household("SUB01", hh + "-1", unit, "101", "HEATING",
                "55.00", "李1", phone1, t0.plusSeconds(1)));
        assertThat(BillingPushIT.signedPost(port, signer, "/api/open/billing/households", BillingPushIT.json(old), null)
                .outcome(0)).isEqualTo("STALE");
        Map<String, Object> h1now = household(sub01, hh + "-1");
        assertThat(h1now.get("heating_status")).isEqualTo("STOPPED");
        assertThat((BigDecimal) h1now.get("arrears")).isEqualByComparingTo("0");
        // the agent's 360 view shows the pushed change and the pulled payment at once
        long h1id = householdApi.findByCode(sub01, hh + "-1").orElseThrow().id();
        HouseholdPanel panel = householdApi.panel(h1id);
        assertThat(panel.household().heatingStatus()).isEqualTo("STOPPED");
        assertThat(panel.household().arrears()).isEqualByComparingTo("0");
        assertThat(panel.billingUpdatedAt()).isEqualTo(t0.plusSeconds(30));
        assertThat(panel.payments()).extracting(HouseholdPanel.PaymentLine::amount)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("2400"));
        assertThat(panel.customer().phones()).extracting(HouseholdPanel.Phone::phone).containsExactly(phone1);
        ApiClient.Reply panelHttp = admin.get("/api/baseinfo/panel/households/" + h1id);
        assertThat(panelHttp.status()).as(panelHttp.toString()).isEqualTo(200);
        assertThat(panelHttp.data().toString()).contains("STOPPED").contains("2400");

        // ---- the billing server fails: cursor FAILED and kept, alert raised; nothing is lost ------------------
        LocalDateTime keptTime = time(cursor("HOUSEHOLD").get("cursor_time"));
        fake.put(hh(hh + "-8", unit, "801", "HEATING", "0", "李8", null, t0.plusSeconds(40)));
        fake.mode(FakeBillingServer.Mode.SERVER_ERROR);
        alerts.clear();
        SyncPuller.PullReport failed = puller.pullBilling(client);
        assertThat(failed.ok()).isFalse();
        Map<String, Object> broken = cursor("HOUSEHOLD");
        assertThat(broken.get("last_status")).isEqualTo("FAILED");
        assertThat((String) broken.get("last_message")).contains("HTTP 500").contains("计费数据库不可用");
        assertThat(time(broken.get("cursor_time"))).isEqualTo(keptTime);
        assertThat(alerts).anyMatch(a -> a.kind().equals(SyncAlertApi.SyncAlert.CURSOR_FAILED)
                && a.source().equals("BILLING") && a.entity().equals("HOUSEHOLD"));
        JsonNode failedCard = admin.get("/api/baseinfo/sync/status").data().path("sources").get(0).path("cursors").get(0);
        assertThat(failedCard.path("lastStatus").asText()).isEqualTo("FAILED");
        assertThat(failedCard.path("lastMessage").asText()).contains("HTTP 500");
        fake.mode(FakeBillingServer.Mode.GARBAGE);
        assertThat(puller.pullBilling(client).feeds().get(0).message()).contains("不是有效的 JSON");
        assertThat(household(sub01, hh + "-8")).isNull();

        fake.mode(FakeBillingServer.Mode.OK);
        SyncPuller.PullReport recovered = puller.pullBilling(client);
        assertThat(recovered.ok()).isTrue();
        assertThat(household(sub01, hh + "-8")).isNotNull();
        assertThat(cursor("HOUSEHOLD").get("last_status")).isEqualTo("OK");

        // ---- fix the cause, retry: the failure resolves, and the payment that waited for it too ---------------
        BillingPushIT.unit(nodeWriter, txManager, tree.building(), missingUnit);
        String id6 = String.valueOf(failure("SUB01/" + hh + "-6").get("id"));
        ApiClient.Reply retried = admin.post("/api/baseinfo/sync/failures/" + id6 + "/retry", Map.of());
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.data().path("status").asText()).isEqualTo("RESOLVED");
        assertThat(retried.data().path("attempts").asInt()).isEqualTo(2);
        assertThat(household(sub01, hh + "-6")).isNotNull();
        assertThat(failure("SUB01/" + hh + "-6").get("resolved_at")).isNotNull();
        // retrying a resolved record changes nothing
        assertThat(admin.post("/api/baseinfo/sync/failures/" + id6 + "/retry", Map.of()).data().path("attempts").asInt()).isEqualTo(2);

        ApiClient.Reply all = admin.post("/api/baseinfo/sync/failures/retry-all?source=BILLING&entity=PAYMENT&keyword=" + pay, Map.of());
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(all.data().path("tried").asInt()).isEqualTo(1);
        assertThat(all.data().path("resolved").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bi_payment WHERE source_ref = ?", Long.class, pay + "-3")).isEqualTo(1);

        // a record that is still wrong counts the attempt and waits longer (1, 2, 4 … minutes)
        String id7 = String.valueOf(failure("SUB01/" + hh + "-7").get("id"));
        JsonNode still = admin.post("/api/baseinfo/sync/failures/" + id7 + "/retry", Map.of()).data();
        assertThat(still.path("status").asText()).isEqualTo("PENDING");
        assertThat(still.path("attempts").asInt()).isEqualTo(2);
        LocalDateTime next = time(failure("SUB01/" + hh + "-7").get("next_retry_at"));
        assertThat(next).isAfter(LocalDateTime.now().plusSeconds(90)).isBefore(LocalDateTime.now().plusSeconds(150));
        // retrying needs baseinfo:sync:run
        assertThat(client().loggedIn("agent01", DEMO_PASSWORD).post("/api/baseinfo/sync/failures/" + id7 + "/retry", Map.of())
                .status()).isEqualTo(403);
    }

    private Map<String, Object> failure(String key) {
        return jdbc.queryForMap("SELECT id, status, channel, attempts, reason, subsidiary_id, next_retry_at, resolved_at"
                + " FROM bi_sync_failure WHERE external_key = ?", key);
    }

    /** DATETIME as the driver returns it: Timestamp (H2, PostgreSQL) or LocalDateTime (MariaDB) */
    static LocalDateTime time(Object v) {
        return v instanceof java.sql.Timestamp ts ? ts.toLocalDateTime() : (LocalDateTime) v;
    }

    private Map<String, Object> cursor(String entity) {
        return jdbc.queryForMap("SELECT cursor_time, cursor_key, last_status, last_message, pulled_total FROM bi_sync_cursor"
                + " WHERE source_system = 'BILLING' AND entity = ?", entity);
    }

    private Map<String, Object> household(long sub, String code) {
        List<Map<String, Object>> l = jdbc.queryForList("SELECT heating_status, arrears, tags FROM bi_household"
                + " WHERE subsidiary_id = ? AND household_code = ?", sub, code);
        return l.isEmpty() ? null : l.get(0);
    }
}
