package cn.heatdesk.app.notice;

import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import cn.heatdesk.kernel.crypto.FieldCipher;
import cn.heatdesk.kernel.signing.ApiSigner;
import cn.heatdesk.notice.api.Notice;
import cn.heatdesk.notice.api.NoticeApi;
import cn.heatdesk.notice.api.NoticeChannel;
import cn.heatdesk.notice.api.NoticeChannelAdapter;
import cn.heatdesk.notice.channel.ChannelRegistry;
import cn.heatdesk.notice.channel.HttpSmsGatewayAdapter;
import cn.heatdesk.notice.config.NoticeProperties;
import cn.heatdesk.notice.outbox.OutboxDispatcher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NoticeApi in the caller's transaction, the outbox dispatcher with the HTTP SMS gateway adapter against a real
 * local gateway, retries with backoff, DEAD after the last attempt, manual retry and the 发送记录 REST API.
 * The scheduled dispatcher of the shared context runs too; the claims make that harmless, so the tests drive
 * the dispatcher themselves and only wait for the outcome ("time passes" = next_attempt_at moved into the past).
 */
class NoticeOutboxIT extends AbstractApiIT {

    static final String SECRET = "sms-gateway-secret-for-tests";

    @Autowired NoticeApi noticeApi;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired ChannelRegistry channels;
    @Autowired PlatformTransactionManager txManager;
    @Autowired FieldCipher cipher;
    @Autowired ObjectMapper json;

    FakeSmsGateway gateway;
    NoticeChannelAdapter previousSms;
    long worker02;
    String phone;

    @BeforeEach
    void gatewayAndPhone() throws Exception {
        gateway = new FakeSmsGateway();
        NoticeProperties.Http http = new NoticeProperties.Http();
        http.setUrl(gateway.url());
        http.setSecret(SECRET);
        http.setAppKey("heatdesk-it");
        http.setSignName("城北热力");
        previousSms = channels.replace(new HttpSmsGatewayAdapter(http, json));
        worker02 = userId("worker02");
        phone = "139" + String.format("%08d", Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000));
        jdbc.update("UPDATE sys_user SET phone_enc = ?, phone_idx = ? WHERE id = ?",
                cipher.encrypt(phone), cipher.blindIndexPhone(phone), worker02);
    }

    @AfterEach
    void restore() {
        channels.replace(previousSms);
        gateway.close();
        jdbc.update("UPDATE sys_user SET phone_enc = NULL, phone_idx = NULL WHERE id = ?", worker02);
    }

    long userId(String username) {
        return jdbc.queryForObject("SELECT id FROM sys_user WHERE username = ?", Long.class, username);
    }

    static Map<String, Object> ticketParams(String ticketNo) {
        return Map.of("ticketNo", ticketNo, "ticketType", "室温不达标", "address", "幸福家园3号楼2单元501",
                "deadline", LocalDateTime.of(2026, 1, 15, 18, 0), "reason", "客户再次来电", "operatorName", "李坐席");
    }

    void sendInTx(Notice n, boolean rollback) {
        new TransactionTemplate(txManager).executeWithoutResult(s -> {
            noticeApi.send(n);
            if (rollback) {
                s.setRollbackOnly();
            }
        });
    }

    long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    void rolledBackSendsNothingCommittedQueuesMessageAndOutbox() {
        long worker01 = userId("worker01");
        String no = "GD-IT-" + UUID.randomUUID().toString().substring(0, 8);
        Notice n = Notice.of("TICKET_ASSIGNED", List.of(worker01, worker01, 999L), "TICKET", 4242L, no, ticketParams(no));

        sendInTx(n, true);
        assertThat(count("SELECT COUNT(*) FROM nt_message WHERE biz_no = ?", no)).isZero();
        assertThat(count("SELECT COUNT(*) FROM nt_outbox WHERE biz_no = ?", no)).isZero();

        sendInTx(n, false);
        // one recipient (duplicate and unknown ids dropped): one message, SMS + app push (WeChat is off by default)
        List<Map<String, Object>> msgs = jdbc.queryForList("SELECT * FROM nt_message WHERE biz_no = ?", no);
        assertThat(msgs).hasSize(1);
        Map<String, Object> m = msgs.get(0);
        assertThat(((Number) m.get("recipient_id")).longValue()).isEqualTo(worker01);
        assertThat(m.get("title")).isEqualTo("新派工单：" + no);
        assertThat((String) m.get("content")).contains("室温不达标", "幸福家园3号楼2单元501", "2026-01-15 18:00");
        assertThat(m.get("read_at")).isNull();
        assertThat(((Number) m.get("biz_id")).longValue()).isEqualTo(4242L);
        // the recipient's subsidiary and org path (worker01 is at ST01 under SUB01)
        assertThat(((Number) m.get("subsidiary_id")).longValue()).isEqualTo(orgId("SUB01"));
        assertThat((String) m.get("org_path")).contains("/" + orgId("ST01") + "/");

        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT channel, status, last_error, address_enc, attempts FROM nt_outbox WHERE biz_no = ? ORDER BY channel", no);
        assertThat(rows).extracting(r -> r.get("channel")).containsExactly("APP_PUSH", "SMS");
        Map<String, Object> sms = rows.get(1);
        // worker01 has no mobile number on file: the row is kept, failed for good, with the reason
        assertThat(sms.get("status")).isEqualTo("FAILED");
        assertThat((String) sms.get("last_error")).contains("未登记手机号");
        assertThat(sms.get("address_enc")).isNull();
        assertThat(((Number) sms.get("attempts")).intValue()).isZero();
        assertThat(rows.get(0).get("status")).isIn("PENDING", "SENT");
    }

    @Test
    void channelsNarrowAndUnknownEventsGetAGenericInAppMessageOnly() {
        long worker01 = userId("worker01");
        String no = "GD-IT-" + UUID.randomUUID().toString().substring(0, 8);
        // without a surrounding transaction send() opens its own
        noticeApi.send(new Notice("TICKET_ASSIGNED", List.of(worker01), "TICKET", 1L, no, ticketParams(no),
                Set.of(NoticeChannel.IN_APP)));
        assertThat(count("SELECT COUNT(*) FROM nt_message WHERE biz_no = ?", no)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM nt_outbox WHERE biz_no = ?", no)).isZero();

        String other = "X-" + UUID.randomUUID().toString().substring(0, 8);
        noticeApi.send(Notice.of("NO_SUCH_EVENT", List.of(worker01), "TICKET", 2L, other, Map.of("reason", "测试")));
        Map<String, Object> generic = jdbc.queryForMap("SELECT title, content, event_code FROM nt_message WHERE biz_no = ?", other);
        assertThat(generic.get("title")).isEqualTo("业务通知：" + other);
        assertThat((String) generic.get("content")).contains("NO_SUCH_EVENT", "reason：测试");
        assertThat(count("SELECT COUNT(*) FROM nt_outbox WHERE biz_no = ?", other)).isZero();

        // nobody to send to is not an error
        noticeApi.send(Notice.of("TICKET_ASSIGNED", List.of(), "TICKET", 3L, "none", Map.of()));
    }

    @Test
    void httpGatewayFailsOnceThenSucceedsWithOneSentRowAndTwoLogRows() throws Exception {
        gateway.mode = FakeSmsGateway.Mode.FAIL_FIRST;
        String no = "GD-IT-" + UUID.randomUUID().toString().substring(0, 8);
        sendInTx(new Notice("TICKET_URGED", List.of(worker02), "TICKET", 77L, no, ticketParams(no),
                Set.of(NoticeChannel.SMS)), false);
        long id = count("SELECT id FROM nt_outbox WHERE biz_no = ? AND channel = 'SMS'", no);
        String enc = jdbc.queryForObject("SELECT address_enc FROM nt_outbox WHERE id = ?", String.class, id);
        assertThat(enc).isNotBlank().doesNotContain(phone.substring(3));

        // first try: HTTP 500 → PENDING again, 30 s later
        dispatcher.runOnce();
        Map<String, Object> afterFirst = awaitLogged(id, 1);
        assertThat(afterFirst.get("status")).isEqualTo("PENDING");
        assertThat((String) afterFirst.get("last_error")).contains("HTTP 500");
        LocalDateTime next = ((Timestamp) afterFirst.get("next_attempt_at")).toLocalDateTime();
        assertThat(next).isAfter(LocalDateTime.now().plusSeconds(20)).isBefore(LocalDateTime.now().plusSeconds(31));
        Map<String, Object> done = driveUntil(id, Set.of("SENT"));
        assertThat(((Number) done.get("attempts")).intValue()).isEqualTo(2);
        assertThat(done.get("sent_at")).isNotNull();
        assertThat(done.get("last_error")).isNull();

        List<Map<String, Object>> log = jdbc.queryForList(
                "SELECT attempt_no, success, error_text, adapter, resp_text FROM nt_delivery_log WHERE outbox_id = ? ORDER BY attempt_no", id);
        assertThat(log).hasSize(2);
        assertThat(((Number) log.get(0).get("success")).intValue()).isZero();
        assertThat((String) log.get(0).get("error_text")).contains("HTTP 500");
        assertThat(((Number) log.get(1).get("success")).intValue()).isEqualTo(1);
        assertThat(log).extracting(r -> r.get("adapter")).containsOnly("http");

        // the gateway saw the same requestId twice, with the number, the text and a valid HMAC-SM3 signature
        List<FakeSmsGateway.Received> got = gateway.received(String.valueOf(id));
        assertThat(got).hasSize(2);
        FakeSmsGateway.Received last = got.get(1);
        assertThat(last.json().path("phone").asText()).isEqualTo(phone);
        assertThat(last.json().path("content").asText()).contains(no, "客户再次来电");
        assertThat(last.json().path("signName").asText()).isEqualTo("城北热力");
        assertThat(last.headers().get("x-app-key")).isEqualTo("heatdesk-it");
        String canonical = ApiSigner.canonicalRequest("POST", "/sms/send", null,
                Long.parseLong(last.headers().get("x-timestamp")), last.headers().get("x-nonce"), last.body());
        assertThat(last.headers().get("x-signature")).isEqualTo(ApiSigner.signature(SECRET, canonical));
        assertThat(ApiSigner.signature("another-secret", canonical)).isNotEqualTo(last.headers().get("x-signature"));

        // 发送记录 over REST: the subsidiary admin sees the row masked, with both attempts
        ApiClient sub = client().loggedIn("sub01admin", DEMO_PASSWORD);
        JsonNode page = sub.get("/api/notice/outbox?bizNo=" + no).data();
        assertThat(page.path("total").asLong()).isEqualTo(1);
        JsonNode v = page.path("records").get(0);
        assertThat(v.path("status").asText()).isEqualTo("SENT");
        assertThat(v.path("address").asText()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(v.path("recipientName").asText()).isEqualTo("周师傅");
        assertThat(v.path("channelLabel").asText()).isEqualTo("短信");
        assertThat(v.path("retryable").asBoolean()).isFalse();
        JsonNode logs = sub.get("/api/notice/outbox/" + id + "/logs").data();
        assertThat(logs).hasSize(2);
        assertThat(logs.get(0).path("success").asBoolean()).isFalse();
        assertThat(logs.get(1).path("success").asBoolean()).isTrue();
        // a SENT row cannot be retried
        ApiClient.Reply again = sub.post("/api/notice/outbox/" + id + "/retry", Map.of());
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body().path("msg").asText()).contains("已发送");
        // a worker has no access to 发送记录
        assertThat(client().loggedIn("worker01", DEMO_PASSWORD).get("/api/notice/outbox").status()).isEqualTo(403);
        // another subsidiary's admin would not see it: the list is scoped (admin of SUB01 sees it, group too)
        assertThat(admin().get("/api/notice/outbox?bizNo=" + no).data().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void deadAfterMaxAttemptsThenManualRetrySends() {
        gateway.mode = FakeSmsGateway.Mode.ALWAYS_500;
        String no = "GD-IT-" + UUID.randomUUID().toString().substring(0, 8);
        sendInTx(new Notice("TICKET_URGED", List.of(worker02), "TICKET", 78L, no, ticketParams(no),
                Set.of(NoticeChannel.SMS)), false);
        long id = count("SELECT id FROM nt_outbox WHERE biz_no = ? AND channel = 'SMS'", no);

        Map<String, Object> dead = driveUntil(id, Set.of("DEAD"));
        assertThat(((Number) dead.get("attempts")).intValue()).isEqualTo(6);
        assertThat((String) dead.get("last_error")).contains("HTTP 500", "停止自动重试");
        assertThat(count("SELECT COUNT(*) FROM nt_delivery_log WHERE outbox_id = ?", id)).isEqualTo(6);
        assertThat(gateway.received(String.valueOf(id))).hasSize(6);
        // DEAD rows are not picked up again
        dispatcher.runOnce();
        assertThat(count("SELECT COUNT(*) FROM nt_delivery_log WHERE outbox_id = ?", id)).isEqualTo(6);

        ApiClient admin = admin();
        JsonNode view = admin.get("/api/notice/outbox/" + id).data();
        assertThat(view.path("status").asText()).isEqualTo("DEAD");
        assertThat(view.path("retryable").asBoolean()).isTrue();
        assertThat(admin.get("/api/notice/outbox/stats?bizNo=" + no).data().path("byStatus").path("DEAD").asLong()).isEqualTo(1);

        gateway.mode = FakeSmsGateway.Mode.OK;
        ApiClient.Reply retried = admin.post("/api/notice/outbox/" + id + "/retry", Map.of());
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.data().path("status").asText()).isEqualTo("PENDING");
        Map<String, Object> sent = driveUntil(id, Set.of("SENT"));
        assertThat(((Number) sent.get("attempts")).intValue()).isEqualTo(7);
        assertThat(count("SELECT COUNT(*) FROM nt_delivery_log WHERE outbox_id = ?", id)).isEqualTo(7);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE audit_action = '重试发送通知' AND target = ?",
                Long.class, "POST /api/notice/outbox/" + id + "/retry")).isEqualTo(1);
    }

    @Test
    void nonZeroGatewayCodeIsRetriedAndMissingNumberCanBeRetriedOnceEntered() {
        gateway.mode = FakeSmsGateway.Mode.CODE_NOT_ZERO;
        String no = "GD-IT-" + UUID.randomUUID().toString().substring(0, 8);
        sendInTx(new Notice("TICKET_URGED", List.of(worker02), "TICKET", 79L, no, ticketParams(no),
                Set.of(NoticeChannel.SMS)), false);
        long id = count("SELECT id FROM nt_outbox WHERE biz_no = ? AND channel = 'SMS'", no);
        dispatcher.runOnce();
        Map<String, Object> row = awaitLogged(id, 1);
        assertThat((String) row.get("last_error")).contains("code=E17", "余额不足");

        // a recipient without a number: FAILED at once; after the number is entered a manual retry sends it
        gateway.mode = FakeSmsGateway.Mode.OK;
        jdbc.update("UPDATE sys_user SET phone_enc = NULL, phone_idx = NULL WHERE id = ?", worker02);
        String no2 = "GD-IT-" + UUID.randomUUID().toString().substring(0, 8);
        sendInTx(new Notice("TICKET_URGED", List.of(worker02), "TICKET", 80L, no2, ticketParams(no2),
                Set.of(NoticeChannel.SMS)), false);
        long id2 = count("SELECT id FROM nt_outbox WHERE biz_no = ? AND channel = 'SMS'", no2);
        assertThat(jdbc.queryForObject("SELECT status FROM nt_outbox WHERE id = ?", String.class, id2)).isEqualTo("FAILED");
        jdbc.update("UPDATE sys_user SET phone_enc = ?, phone_idx = ? WHERE id = ?",
                cipher.encrypt(phone), cipher.blindIndexPhone(phone), worker02);
        assertThat(admin().post("/api/notice/outbox/" + id2 + "/retry", Map.of()).status()).isEqualTo(200);
        driveUntil(id2, Set.of("SENT"));
        assertThat(gateway.received(String.valueOf(id2))).hasSize(1);
        assertThat(gateway.received(String.valueOf(id2)).get(0).json().path("phone").asText()).isEqualTo(phone);
    }

    /** runs the dispatcher, letting backoff time pass, until the row reaches one of the statuses */
    Map<String, Object> driveUntil(long id, Set<String> statuses) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Map<String, Object> row = row(id);
            if (statuses.contains((String) row.get("status"))) {
                return row;
            }
            // time passes: the row is due now — only while it waits for its backoff, never while a dispatcher
            // holds it (a claimed attempt is counted before its log row exists)
            jdbc.update("UPDATE nt_outbox SET next_attempt_at = ? WHERE id = ? AND status = 'PENDING' AND next_attempt_at > ?"
                            + " AND attempts = (SELECT COUNT(*) FROM nt_delivery_log l WHERE l.outbox_id = ?)",
                    LocalDateTime.now().minusSeconds(1), id, LocalDateTime.now(), id);
            dispatcher.runOnce();
            sleep(100);
        }
        throw new AssertionError("outbox row " + id + " did not reach " + statuses + ": " + row(id));
    }

    /** waits until n attempts are recorded (the row then shows their outcome) */
    Map<String, Object> awaitLogged(long id, int n) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            if (count("SELECT COUNT(*) FROM nt_delivery_log WHERE outbox_id = ?", id) >= n) {
                return row(id);
            }
            sleep(100);
        }
        throw new AssertionError("outbox row " + id + " never had " + n + " attempts logged: " + row(id));
    }

    Map<String, Object> row(long id) {
        return jdbc.queryForMap("SELECT status, attempts, last_error, next_attempt_at, sent_at, updated_at FROM nt_outbox WHERE id = ?", id);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
