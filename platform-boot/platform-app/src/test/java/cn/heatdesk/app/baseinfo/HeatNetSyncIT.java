package cn.heatdesk.app.baseinfo;

import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import cn.heatdesk.baseinfo.api.HeatNetReading;
import cn.heatdesk.baseinfo.api.HouseholdApi;
import cn.heatdesk.baseinfo.api.HouseholdPanel;
import cn.heatdesk.baseinfo.household.HouseholdRecord;
import cn.heatdesk.baseinfo.household.HouseholdWriter;
import cn.heatdesk.baseinfo.household.UpsertOutcome;
import cn.heatdesk.baseinfo.node.NodeWriter;
import cn.heatdesk.baseinfo.sync.HttpHeatNetClient;
import cn.heatdesk.baseinfo.sync.IntegrationProperties;
import cn.heatdesk.baseinfo.sync.SyncPuller;
import cn.heatdesk.baseinfo.sync.SyncRetrier;
import cn.heatdesk.kernel.signing.ApiSigner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Room temperatures from the smart heat network: pulled in pages from a fake server over real HTTP, pushed in real
 * time with a signature, sent out for readings taken by HeatDesk; failures retried until they resolve or are
 * abandoned after ten attempts.
 */
class HeatNetSyncIT extends AbstractApiIT {

    static final String KEY = "hdheatnettest01";
    static final String SECRET = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";

    @Autowired
    SyncPuller puller;
    @Autowired
    SyncRetrier retrier;
    @Autowired
    NodeWriter nodeWriter;
    @Autowired
    HouseholdWriter householdWriter;
    @Autowired
    PlatformTransactionManager txManager;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    HouseholdApi householdApi;

    @Test
    void temperaturesArriveByPullAndPushAndReadingsGoOut() throws Exception {
        String s = BillingPushIT.suffix();
        long sub02 = orgId("SUB02");
        BillingPushIT.Tree tree = BillingPushIT.tree(nodeWriter, txManager, sub02, s);
        String hn = "HN" + s;
        households(sub02, tree.unit().getNodeCode(), hn + "-1", hn + "-2");
        jdbc.update("DELETE FROM bi_sync_cursor WHERE source_system = 'HEATNET'");
        LocalDateTime t0 = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).minusHours(1);
        String r = "R" + s;

        try (FakeBillingServer fake = new FakeBillingServer().requireSignature(KEY, SECRET).maxPageSize(2)) {
            fake.put(new HeatNetReading(r + "-1", "SUB02", hn + "-1", new BigDecimal("19.5"), t0.plusSeconds(1)));
            fake.put(new HeatNetReading(r + "-2", "SUB02", hn + "-2", new BigDecimal("21.04"), t0.plusSeconds(2)));
            fake.put(new HeatNetReading(r + "-3", "SUB02", hn + "-9", new BigDecimal("18.0"), t0.plusSeconds(3)));
            fake.put(new HeatNetReading(r + "-4", "SUB02", hn + "-1", new BigDecimal("99.0"), t0.plusSeconds(4)));
            IntegrationProperties.Endpoint ep = new IntegrationProperties.Endpoint();
            ep.setBaseUrl(fake.heatNetUrl());
            ep.setAppKey(KEY);
            ep.setAppSecret(SECRET);
            ep.setReadTimeout(Duration.ofSeconds(10));
            HttpHeatNetClient client = new HttpHeatNetClient(ep, objectMapper);

            SyncPuller.PullReport report = puller.pullHeatNet(client);
            assertThat(report.ok()).as(report.toString()).isTrue();
            SyncPuller.FeedReport feed = report.feeds().get(0);
            assertThat(feed.pages()).isEqualTo(2);
            assertThat(feed.records()).isEqualTo(4);
            assertThat(feed.rejected()).isEqualTo(2);
            List<Map<String, Object>> temps = jdbc.queryForList("SELECT t.source_ref, t.temperature, t.data_source, h.household_code"
                    + " FROM bi_room_temp t JOIN bi_household h ON h.id = t.household_id WHERE t.source_ref LIKE ?"
                    + " ORDER BY t.source_ref", r + "-%");
            assertThat(temps).extracting(m -> m.get("source_ref")).containsExactly(r + "-1", r + "-2");
            assertThat(temps).extracting(m -> m.get("data_source")).containsOnly("SMART_NET");
            assertThat((BigDecimal) temps.get(1).get("temperature")).isEqualByComparingTo("21.0");
            assertThat(temps.get(0).get("household_code")).isEqualTo(hn + "-1");
            assertThat(reason(r + "-3")).contains("householdCode");
            assertThat(reason(r + "-4")).contains("temperature").contains("-40～60");
            assertThat(puller.pullHeatNet(client).feeds().get(0).records()).isZero();
            // the 360 view shows the household's latest readings with their source
            HouseholdPanel panel = householdApi.panel(householdApi.findByCode(sub02, hn + "-1").orElseThrow().id());
            assertThat(panel.temperatures()).extracting(HouseholdPanel.TemperatureLine::dataSource).containsExactly("SMART_NET");
            assertThat(panel.temperatures().get(0).temperature()).isEqualByComparingTo("19.5");
            assertThat(fake.refusedSignatures()).isZero();

            // real-time push, signed; a repeated reading is a duplicate
            ApiClient admin = admin();
            BillingPushIT.App app = BillingPushIT.createApp(admin, "智慧热网" + s);
            String body = "[{\"readingId\":\"" + r + "-5\",\"subsidiaryCode\":\"SUB02\",\"householdCode\":\"" + hn + "-2\","
                    + "\"temperature\":20.3,\"measuredAt\":\"" + t0.plusMinutes(10) + "\"},"
                    + "{\"readingId\":\"" + r + "-1\",\"subsidiaryCode\":\"SUB02\",\"householdCode\":\"" + hn + "-1\","
                    + "\"temperature\":19.5,\"measuredAt\":\"" + t0.plusSeconds(1) + "\"},"
                    + "{\"readingId\":\"" + r + "-6\",\"subsidiaryCode\":\"SUB02\",\"householdCode\":\"" + hn + "-1\"}]";
            BillingPushIT.Answer pushed = BillingPushIT.signedPost(port, new ApiSigner(app.appKey(), app.secret()),
                    "/api/open/heatnet/temperatures", body, null);
            assertThat(pushed.status()).as(pushed.body().toString()).isEqualTo(200);
            assertThat(List.of(pushed.outcome(0), pushed.outcome(1), pushed.outcome(2)))
                    .containsExactly("CREATED", "DUPLICATE", "REJECTED");
            assertThat(pushed.data().get(2).path("field").asText()).isEqualTo("temperature");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bi_room_temp WHERE data_source = 'SMART_NET' AND source_ref = ?",
                    Long.class, r + "-5")).isEqualTo(1);

            // a reading taken by HeatDesk goes to the heat network
            HeatNetReading mine = new HeatNetReading("HD" + s, "SUB02", hn + "-1", new BigDecimal("17.5"), t0.plusMinutes(30));
            client.sendReading(mine);
            assertThat(fake.receivedReadings()).contains(mine);

            // the unknown household appears: the retry resolves the reading
            households(sub02, tree.unit().getNodeCode(), hn + "-9");
            JsonNode resolved = admin.post("/api/baseinfo/sync/failures/" + failureId(r + "-3") + "/retry", Map.of()).data();
            assertThat(resolved.path("status").asText()).isEqualTo("RESOLVED");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bi_room_temp WHERE source_ref = ?", Long.class, r + "-3"))
                    .isEqualTo(1);

            // an impossible reading never succeeds: after the tenth attempt the job gives up, a person still can try
            jdbc.update("UPDATE bi_sync_failure SET attempts = 9, next_retry_at = ? WHERE external_key = ?",
                    LocalDateTime.now().minusDays(1), r + "-4");
            retrier.retryDue();
            Map<String, Object> abandoned = jdbc.queryForMap("SELECT status, attempts, next_retry_at FROM bi_sync_failure"
                    + " WHERE external_key = ?", r + "-4");
            assertThat(abandoned.get("status")).isEqualTo("ABANDONED");
            assertThat(((Number) abandoned.get("attempts")).intValue()).isEqualTo(10);
            assertThat(abandoned.get("next_retry_at")).isNull();
            JsonNode listed = admin.get("/api/baseinfo/sync/failures?status=ABANDONED&source=HEATNET&keyword=" + r).data();
            assertThat(listed.path("total").asLong()).isEqualTo(1);
            assertThat(admin.get("/api/baseinfo/sync/alerts").data().path("abandonedFailures").asLong()).isGreaterThanOrEqualTo(1);
            JsonNode byHand = admin.post("/api/baseinfo/sync/failures/" + failureId(r + "-4") + "/retry", Map.of()).data();
            assertThat(byHand.path("status").asText()).isEqualTo("ABANDONED");
            assertThat(byHand.path("attempts").asInt()).isEqualTo(11);
            assertThat(admin.get("/api/baseinfo/sync/failures?status=NOPE").status()).isEqualTo(400);

            // the heat network fails: its cursor says so
            fake.mode(FakeBillingServer.Mode.SERVER_ERROR);
            assertThat(puller.pullHeatNet(client).ok()).isFalse();
            JsonNode heatnet = admin.get("/api/baseinfo/sync/status").data().path("sources").get(1);
            assertThat(heatnet.path("source").asText()).isEqualTo("HEATNET");
            assertThat(heatnet.path("cursors").get(0).path("entity").asText()).isEqualTo("TEMPERATURE");
            assertThat(heatnet.path("cursors").get(0).path("lastStatus").asText()).isEqualTo("FAILED");
            assertThat(heatnet.path("cursors").get(0).path("lastMessage").asText()).contains("智慧热网").contains("500");
        }
    }

    private void households(long sub, String unitCode, String... codes) {
        List<HouseholdRecord> records = java.util.Arrays.stream(codes).map(c -> new HouseholdRecord(c, unitCode, null, "1",
                "1" + c.substring(c.length() - 1), null, "HEATING", null, null, null, null, List.of(), null, null, null, null,
                null)).toList();
        List<UpsertOutcome> out = new TransactionTemplate(txManager).execute(st ->
                householdWriter.upsert(sub, records, HouseholdWriter.Origin.IMPORT));
        assertThat(out).allMatch(UpsertOutcome::ok);
    }

    private String reason(String key) {
        return jdbc.queryForObject("SELECT reason FROM bi_sync_failure WHERE external_key = ?", String.class, key);
    }

    private String failureId(String key) {
        return String.valueOf(jdbc.queryForObject("SELECT id FROM bi_sync_failure WHERE external_key = ?", Long.class, key));
    }
}
