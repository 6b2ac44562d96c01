package cn.heatdesk.app.baseinfo;

import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import cn.heatdesk.baseinfo.api.BlacklistApi;
import cn.heatdesk.baseinfo.api.BlacklistHit;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static cn.heatdesk.app.baseinfo.HouseholdApiIT.mobile;
import static cn.heatdesk.app.baseinfo.HouseholdApiIT.q;
import static org.assertj.core.api.Assertions.assertThat;

/** The blacklist over real HTTP: add, duplicate, expiry, remove with reason, check, group-wide reads, scoped removal. */
class BlacklistApiIT extends AbstractApiIT {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    @Autowired
    BlacklistApi blacklistApi;

    @Test
    void addDuplicateCheckRemove() {
        ApiClient agent = client().loggedIn("agent01", DEMO_PASSWORD);
        String phone = mobile();
        String formatted = phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7);

        ApiClient.Reply noReason = agent.post("/api/baseinfo/blacklist", Map.of("phone", phone, "reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("field").asText()).isEqualTo("reason");
        ApiClient.Reply badPhone = agent.post("/api/baseinfo/blacklist", Map.of("phone", "abc123", "reason", "骚扰"));
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.body().path("field").asText()).isEqualTo("phone");
        ApiClient.Reply past = agent.post("/api/baseinfo/blacklist", Map.of("phone", phone, "reason", "骚扰",
                "expiresAt", LocalDateTime.now().minusHours(1).format(ISO)));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body().path("field").asText()).isEqualTo("expiresAt");

        ApiClient.Reply added = agent.post("/api/baseinfo/blacklist", Map.of("phone", formatted, "reason", "多次恶意骚扰坐席"));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        JsonNode e = added.data();
        assertThat(e.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(e.path("phone").asText()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(e.path("createdByName").asText()).isEqualTo("李坐席");
        assertThat(e.path("expiresAt").isNull()).isTrue();
        // the agent belongs to the group (no subsidiary): subsidiary 0 and the root org path
        Map<String, Object> row = jdbc.queryForMap("SELECT subsidiary_id, org_path, phone_enc FROM bi_blacklist WHERE id = ?",
                e.path("id").asLong());
        assertThat(((Number) row.get("subsidiary_id")).longValue()).isZero();
        assertThat((String) row.get("org_path")).matches("^/\\d+/$");
        assertThat((String) row.get("phone_enc")).doesNotContain(phone);

        ApiClient.Reply dup = agent.post("/api/baseinfo/blacklist", Map.of("phone", "+86" + phone, "reason", "再次加入"));
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.body().path("field").asText()).isEqualTo("phone");

        JsonNode check = agent.get("/api/baseinfo/blacklist/check?phone=" + q(formatted)).data();
        assertThat(check.path("blacklisted").asBoolean()).isTrue();
        assertThat(check.path("hits").get(0).path("reason").asText()).isEqualTo("多次恶意骚扰坐席");
        Optional<BlacklistHit> hit = blacklistApi.check("0086-" + phone);
        assertThat(hit).isPresent();
        assertThat(hit.get().phone()).isEqualTo(phone);

        JsonNode list = agent.get("/api/baseinfo/blacklist?status=ACTIVE&phone=" + phone).data();
        assertThat(list.path("total").asLong()).isEqualTo(1);
        String today = LocalDateTime.now().toLocalDate().atStartOfDay().format(ISO);
        assertThat(agent.get("/api/baseinfo/blacklist?phone=" + phone + "&createdFrom=" + today).data().path("total").asLong())
                .isEqualTo(1);
        assertThat(agent.get("/api/baseinfo/blacklist?phone=" + phone + "&createdTo=" + today).data().path("total").asLong())
                .isZero();
        assertThat(agent.get("/api/baseinfo/blacklist?status=GONE").status()).isEqualTo(400);

        // removal needs a reason, keeps the row with who/when/why, and ends the block
        String id = e.path("id").asText();
        ApiClient.Reply rmNoReason = agent.post("/api/baseinfo/blacklist/" + id + "/remove", Map.of("reason", ""));
        assertThat(rmNoReason.status()).isEqualTo(400);
        assertThat(rmNoReason.body().path("field").asText()).isEqualTo("reason");
        ApiClient.Reply removed = agent.post("/api/baseinfo/blacklist/" + id + "/remove", Map.of("reason", "用户致歉，解除"));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.data().path("status").asText()).isEqualTo("REMOVED");
        assertThat(removed.data().path("removedByName").asText()).isEqualTo("李坐席");
        assertThat(removed.data().path("removeReason").asText()).isEqualTo("用户致歉，解除");
        assertThat(removed.data().path("removedAt").isNull()).isFalse();
        assertThat(agent.post("/api/baseinfo/blacklist/" + id + "/remove", Map.of("reason", "再次")).status()).isEqualTo(400);
        assertThat(agent.get("/api/baseinfo/blacklist/check?phone=" + phone).data().path("blacklisted").asBoolean()).isFalse();
        assertThat(blacklistApi.check(phone)).isEmpty();
        assertThat(agent.get("/api/baseinfo/blacklist?status=REMOVED&phone=" + phone).data().path("total").asLong()).isEqualTo(1);
        // the number can be blacklisted again once the old entry is gone
        assertThat(agent.post("/api/baseinfo/blacklist", Map.of("phone", phone, "reason", "又来骚扰")).status()).isEqualTo(200);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE audit_action = '移出黑名单' AND target = ?",
                Long.class, "POST /api/baseinfo/blacklist/" + id + "/remove")).isGreaterThanOrEqualTo(1);
        assertThat(client().loggedIn("worker01", DEMO_PASSWORD).get("/api/baseinfo/blacklist").status()).isEqualTo(403);
        assertThat(client().loggedIn("lead01", DEMO_PASSWORD).post("/api/baseinfo/blacklist",
                Map.of("phone", mobile(), "reason", "x")).status()).isEqualTo(403);
    }

    @Test
    void expiryEndsTheBlock() {
        ApiClient agent = client().loggedIn("agent01", DEMO_PASSWORD);
        String phone = mobile();
        Map<String, Object> body = new HashMap<>(Map.of("phone", phone, "reason", "临时拉黑",
                "expiresAt", LocalDateTime.now().plusDays(3).withNano(0).format(ISO)));
        ApiClient.Reply added = agent.post("/api/baseinfo/blacklist", body);
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(agent.get("/api/baseinfo/blacklist/check?phone=" + phone).data().path("blacklisted").asBoolean()).isTrue();
        long id = added.data().path("id").asLong();
        // time passes: the entry's expiry is now in the past
        jdbc.update("UPDATE bi_blacklist SET expires_at = ? WHERE id = ?", LocalDateTime.now().minusMinutes(5), id);
        assertThat(agent.get("/api/baseinfo/blacklist/check?phone=" + phone).data().path("blacklisted").asBoolean()).isFalse();
        assertThat(blacklistApi.check(phone)).isEmpty();
        JsonNode expired = agent.get("/api/baseinfo/blacklist?status=EXPIRED&phone=" + phone).data();
        assertThat(expired.path("total").asLong()).isEqualTo(1);
        assertThat(expired.path("records").get(0).path("status").asText()).isEqualTo("EXPIRED");
        assertThat(agent.get("/api/baseinfo/blacklist?status=ACTIVE&phone=" + phone).data().path("total").asLong()).isZero();
        // an expired entry does not block a new one
        assertThat(agent.post("/api/baseinfo/blacklist", Map.of("phone", phone, "reason", "再次骚扰")).status()).isEqualTo(200);
        assertThat(blacklistApi.check(phone)).isPresent();
    }

    @Test
    void groupWideReadsScopedRemoval() {
        String phone = mobile();
        ApiClient sub01 = client().loggedIn("sub01admin", DEMO_PASSWORD);
        ApiClient admin = admin();
        ApiClient.Reply byGroup = admin.post("/api/baseinfo/blacklist", Map.of("phone", phone, "reason", "集团拉黑"));
        assertThat(byGroup.status()).as(byGroup.toString()).isEqualTo(200);
        // the admin may unmask
        assertThat(byGroup.data().path("phone").asText()).isEqualTo(phone);
        // every subsidiary sees the group's entry and its number is blocked for everyone ...
        JsonNode seen = sub01.get("/api/baseinfo/blacklist?phone=" + phone).data();
        assertThat(seen.path("total").asLong()).isEqualTo(1);
        assertThat(seen.path("records").get(0).path("removable").asBoolean()).isFalse();
        assertThat(sub01.get("/api/baseinfo/blacklist/check?phone=" + phone).data().path("blacklisted").asBoolean()).isTrue();
        // ... but only users whose scope covers the adding org may remove it
        ApiClient.Reply denied = sub01.post("/api/baseinfo/blacklist/" + byGroup.data().path("id").asText() + "/remove",
                Map.of("reason", "越权移出"));
        assertThat(denied.status()).isEqualTo(404);
        String phone2 = mobile();
        ApiClient.Reply bySub = sub01.post("/api/baseinfo/blacklist", Map.of("phone", phone2, "reason", "分公司拉黑"));
        assertThat(bySub.status()).isEqualTo(200);
        assertThat(bySub.data().path("subsidiaryId").asLong()).isEqualTo(orgId("SUB01"));
        assertThat(bySub.data().path("removable").asBoolean()).isTrue();
        assertThat(admin.post("/api/baseinfo/blacklist/" + bySub.data().path("id").asText() + "/remove",
                Map.of("reason", "集团复核")).status()).isEqualTo(200);
    }
}
