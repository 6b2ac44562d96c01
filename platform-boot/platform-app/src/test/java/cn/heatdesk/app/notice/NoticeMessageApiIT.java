package cn.heatdesk.app.notice;

import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import cn.heatdesk.notice.api.Notice;
import cn.heatdesk.notice.api.NoticeApi;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** 消息中心 and 通知模板 over real HTTP. */
class NoticeMessageApiIT extends AbstractApiIT {

    @Autowired NoticeApi noticeApi;

    long userId(String username) {
        return jdbc.queryForObject("SELECT id FROM sys_user WHERE username = ?", Long.class, username);
    }

    @Test
    void myMessagesUnreadCountAndReadState() {
        long lead = userId("lead02");
        String no = "MSG-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            noticeApi.send(Notice.of("TICKET_DISPATCHED", List.of(lead), "TICKET", 100L + i, no + "-" + i,
                    Map.of("ticketNo", no + "-" + i, "ticketType", "无热", "address", "二号楼", "deadline", "明天")));
        }
        ApiClient c = client().loggedIn("lead02", DEMO_PASSWORD);
        long unreadBefore = c.get("/api/notice/messages/unread-count").data().path("unread").asLong();
        assertThat(unreadBefore).isGreaterThanOrEqualTo(3);

        JsonNode page = c.get("/api/notice/messages?keyword=" + no + "&size=2").data();
        assertThat(page.path("total").asLong()).isEqualTo(3);
        assertThat(page.path("records")).hasSize(2);
        JsonNode newest = page.path("records").get(0);
        assertThat(newest.path("title").asText()).isEqualTo("新工单待确认：" + no + "-2");
        assertThat(newest.path("eventName").asText()).isEqualTo("工单派至维修站");
        assertThat(newest.path("bizType").asText()).isEqualTo("TICKET");
        assertThat(newest.path("bizId").asText()).isEqualTo("102");
        assertThat(newest.path("read").asBoolean()).isFalse();

        String id = newest.path("id").asText();
        ApiClient.Reply read = c.post("/api/notice/messages/" + id + "/read", Map.of());
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.data().path("unread").asLong()).isEqualTo(unreadBefore - 1);
        // idempotent
        assertThat(c.post("/api/notice/messages/" + id + "/read", Map.of()).data().path("unread").asLong())
                .isEqualTo(unreadBefore - 1);
        assertThat(c.get("/api/notice/messages?keyword=" + no + "&unread=true").data().path("total").asLong()).isEqualTo(2);
        JsonNode readOnes = c.get("/api/notice/messages?keyword=" + no + "&unread=false").data();
        assertThat(readOnes.path("total").asLong()).isEqualTo(1);
        assertThat(readOnes.path("records").get(0).path("readAt").isNull()).isFalse();

        // someone else's message does not exist for me
        ApiClient other = client().loggedIn("lead01", DEMO_PASSWORD);
        assertThat(other.post("/api/notice/messages/" + id + "/read", Map.of()).status()).isEqualTo(404);
        assertThat(other.get("/api/notice/messages?keyword=" + no).data().path("total").asLong()).isZero();

        assertThat(c.post("/api/notice/messages/read-all", Map.of()).data().path("unread").asLong()).isZero();
        assertThat(c.get("/api/notice/messages/unread-count").data().path("unread").asLong()).isZero();
        assertThat(c.get("/api/notice/messages?keyword=" + no + "&unread=true").data().path("total").asLong()).isZero();
        assertThat(c.get("/api/notice/messages?createdFrom=2026-02-01T00:00:00&createdTo=2026-01-01T00:00:00").status())
                .isEqualTo(400);
    }

    @Test
    void templatesListEditPreviewAndUseTheNewText() {
        ApiClient admin = admin();
        JsonNode list = admin.get("/api/notice/templates?keyword=ticket_urged&size=50").data();
        assertThat(list.path("total").asLong()).isEqualTo(4);
        JsonNode sms = null;
        for (JsonNode t : list.path("records")) {
            if (t.path("channel").asText().equals("SMS")) {
                sms = t;
            }
        }
        assertThat(sms).isNotNull();
        assertThat(sms.path("eventName").asText()).isEqualTo("工单催办");
        assertThat(sms.path("params").toString()).contains("ticketNo", "reason");
        assertThat(admin.get("/api/notice/templates?channel=WECHAT&size=50").data().path("records"))
                .allSatisfy(t -> assertThat(t.path("enabled").asBoolean()).isFalse());
        assertThat(admin.get("/api/notice/templates/events").data().toString()).contains("APPROVAL_PENDING");

        JsonNode preview = admin.post("/api/notice/templates/preview", Map.of("eventCode", "TICKET_URGED",
                "channel", "SMS", "contentTpl", "工单${ticketNo}请加急，${foo}", "params", Map.of("ticketNo", "GD1"))).data();
        assertThat(preview.path("content").asText()).isEqualTo("工单GD1请加急，〈foo〉");
        assertThat(preview.path("unknown").toString()).contains("foo");
        assertThat(preview.path("smsSegments").asInt()).isEqualTo(1);

        String id = sms.path("id").asText();
        int version = sms.path("rowVersion").asInt();
        String original = sms.path("contentTpl").asText();
        Map<String, Object> edit = new HashMap<>();
        edit.put("contentTpl", "【测试】工单${ticketNo}被催办：${reason}");
        edit.put("enabled", true);
        edit.put("rowVersion", version);
        try {
            ApiClient.Reply bad = admin.put("/api/notice/templates/" + id, Map.of("contentTpl", "x${nope}", "rowVersion", version));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body().path("field").asText()).isEqualTo("contentTpl");
            assertThat(bad.body().path("msg").asText()).contains("${nope}");
            assertThat(client().loggedIn("agent01", DEMO_PASSWORD).put("/api/notice/templates/" + id, edit).status())
                    .isEqualTo(403);

            ApiClient.Reply ok = admin.put("/api/notice/templates/" + id, edit);
            assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
            assertThat(ok.data().path("rowVersion").asInt()).isEqualTo(version + 1);
            assertThat(ok.data().path("updatedByName").asText()).isNotBlank();
            // saving again with the old version is a conflict
            assertThat(admin.put("/api/notice/templates/" + id, edit).status()).isEqualTo(409);

            String no = "TPL-" + UUID.randomUUID().toString().substring(0, 8);
            noticeApi.send(Notice.of("TICKET_URGED", List.of(userId("worker01")), "TICKET", 9L, no,
                    Map.of("ticketNo", no, "reason", "速去")));
            assertThat(jdbc.queryForObject("SELECT content FROM nt_outbox WHERE biz_no = ? AND channel = 'SMS'",
                    String.class, no)).isEqualTo("【测试】工单" + no + "被催办：速去");
        } finally {
            int now = admin.get("/api/notice/templates/" + id).data().path("rowVersion").asInt();
            Map<String, Object> back = new HashMap<>();
            back.put("contentTpl", original);
            back.put("enabled", true);
            back.put("rowVersion", now);
            assertThat(admin.put("/api/notice/templates/" + id, back).status()).isEqualTo(200);
        }
    }
}
