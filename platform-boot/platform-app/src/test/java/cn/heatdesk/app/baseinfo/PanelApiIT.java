package cn.heatdesk.app.baseinfo;

import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import cn.heatdesk.baseinfo.api.CallerPanel;
import cn.heatdesk.baseinfo.api.HouseholdApi;
import cn.heatdesk.baseinfo.api.HouseholdPanel;
import cn.heatdesk.baseinfo.api.HouseholdSummary;
import cn.heatdesk.baseinfo.api.RoomTemperatureApi;
import cn.heatdesk.baseinfo.household.HouseholdRecord;
import cn.heatdesk.baseinfo.household.HouseholdWriter;
import cn.heatdesk.baseinfo.node.NodeWriter;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static cn.heatdesk.app.baseinfo.CustomerApiIT.idNumber;
import static cn.heatdesk.app.baseinfo.HouseholdApiIT.mobile;
import static cn.heatdesk.app.baseinfo.HouseholdApiIT.q;
import static cn.heatdesk.app.baseinfo.HouseholdApiIT.record;
import static cn.heatdesk.app.baseinfo.HouseholdApiIT.suffix;
import static cn.heatdesk.app.baseinfo.HouseholdApiIT.tree;
import static cn.heatdesk.app.baseinfo.HouseholdApiIT.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The 360 view over real HTTP and through the published api: caller lookup, masking, history, blacklist, scope. */
class PanelApiIT extends AbstractApiIT {

    @Autowired
    NodeWriter nodeWriter;
    @Autowired
    HouseholdWriter householdWriter;
    @Autowired
    PlatformTransactionManager txManager;
    @Autowired
    HouseholdApi householdApi;
    @Autowired
    RoomTemperatureApi temperatures;

    @Test
    void callerPanelMaskedForAgentsPlainForAdmin() {
        String s = suffix();
        HouseholdApiIT.Tree t = tree(nodeWriter, txManager, orgId("SUB01"), s);
        long sub = t.company().getSubsidiaryId();
        String phone = mobile();
        String other = mobile();
        String id = idNumber();
        // one owner with two households (same customer code) and two numbers; billing lists the owner's numbers on each
        List<HouseholdRecord> records = List.of(
                new HouseholdRecord("PA" + s + "-1", null, t.unit().getId(), "7", "701", new BigDecimal("95.20"), "HEATING",
                        new BigDecimal("321.50"), "OWN" + s, "赵大" + s, id, List.of(phone, other), "M" + s, "V" + s, null,
                        null, null),
                new HouseholdRecord("PA" + s + "-2", null, t.unit2().getId(), "8", "801", null, "SUSPENDED", null,
                        "OWN" + s, "赵大" + s, null, List.of(phone, other), null, null, null, null, null));
        List<Long> ids = upsert(householdWriter, txManager, sub, records, HouseholdWriter.Origin.BILLING).stream()
                .map(o -> o.householdId()).toList();
        long first = ids.get(0);
        // payments and temperatures as the integrations store them
        String orgPath = jdbc.queryForObject("SELECT org_path FROM bi_household WHERE id = ?", String.class, first);
        for (int i = 1; i <= 12; i++) {
            jdbc.update("INSERT INTO bi_payment (id, household_id, pay_kind, amount, paid_at, season, channel, data_source,"
                            + " source_ref, received_at, subsidiary_id, org_path, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    first * 100 + i, first, i == 12 ? "REFUND" : "PAY", new BigDecimal("100.00").add(BigDecimal.valueOf(i)),
                    LocalDateTime.of(2025, 11, 1, 9, 0).plusDays(i), "2025-2026", "WECHAT", "BILLING", "P" + s + "-" + i,
                    LocalDateTime.now(), sub, orgPath, 0L);
        }
        long t1 = temperatures.record(first, new BigDecimal("18.46"), LocalDateTime.now().minusHours(2), "FIELD", "T" + s + "-1");
        long t2 = temperatures.record(first, new BigDecimal("21.0"), LocalDateTime.now().minusHours(1), "HEATNET", "T" + s + "-2");
        // a repeated reference is stored once
        assertThat(temperatures.record(first, new BigDecimal("25"), LocalDateTime.now(), "FIELD", "T" + s + "-1")).isEqualTo(t1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bi_room_temp WHERE household_id = ?", Long.class, first)).isEqualTo(2);
        assertThatThrownBy(() -> temperatures.record(first, new BigDecimal("99"), LocalDateTime.now(), "FIELD", "T" + s + "-9"))
                .hasMessageContaining("室温");

        ApiClient agent = client().loggedIn("agent01", DEMO_PASSWORD);
        // the other number is blacklisted: the panel shows it for the household, the caller's own number is clean
        assertThat(agent.post("/api/baseinfo/blacklist", Map.of("phone", other, "reason", "恶意投诉")).status()).isEqualTo(200);

        String formatted = "+86 " + phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7);
        ApiClient.Reply r = agent.get("/api/baseinfo/panel/by-phone?phone=" + q(formatted));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode c = r.data();
        assertThat(c.path("phone").asText()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(c.path("households").findValuesAsText("householdCode")).containsExactly("PA" + s + "-1", "PA" + s + "-2");
        assertThat(c.path("households").get(0).path("id").isTextual()).isTrue();
        assertThat(c.path("blacklisted").asBoolean()).isFalse();
        JsonNode p = c.path("panel");
        assertThat(p.path("household").path("id").asText()).isEqualTo(String.valueOf(first));
        assertThat(p.path("household").path("arrears").decimalValue()).isEqualByComparingTo("321.50");
        assertThat(p.path("heatingStatusLabel").asText()).isEqualTo("供热");
        assertThat(p.path("meterNo").asText()).isEqualTo("M" + s);
        assertThat(p.path("dataSource").asText()).isEqualTo("BILLING");
        JsonNode cust = p.path("customer");
        assertThat(cust.path("name").asText()).isEqualTo("赵大" + s);
        assertThat(cust.path("idNumber").asText()).isEqualTo(id.substring(0, 4) + "**********" + id.substring(14));
        assertThat(cust.path("phones").findValuesAsText("phone")).containsExactlyInAnyOrder(
                phone.substring(0, 3) + "****" + phone.substring(7), other.substring(0, 3) + "****" + other.substring(7));
        assertThat(p.path("path").findValuesAsText("nodeType"))
                .containsExactly("COMPANY", "HEAT_SOURCE", "HEAT_STATION", "COMMUNITY", "BUILDING", "UNIT");
        assertThat(p.path("path").get(5).path("id").asText()).isEqualTo(String.valueOf(t.unit().getId()));
        assertThat(p.path("payments")).hasSize(10);
        assertThat(p.path("payments").get(0).path("payKind").asText()).isEqualTo("REFUND");
        assertThat(p.path("payments").get(0).path("amount").decimalValue()).isEqualByComparingTo("112.00");
        assertThat(p.path("temperatures").findValuesAsText("id")).containsExactly(String.valueOf(t2), String.valueOf(t1));
        assertThat(p.path("temperatures").get(1).path("temperature").decimalValue()).isEqualByComparingTo("18.5");
        if (!p.path("ticketsAvailable").asBoolean()) {
            assertThat(p.path("recentTickets")).isEmpty();
            assertThat(p.path("unitOpenTickets")).isEmpty();
        }
        assertThat(p.path("blacklisted").asBoolean()).isTrue();
        assertThat(p.path("blacklist").get(0).path("reason").asText()).isEqualTo("恶意投诉");
        assertThat(p.path("blacklist").get(0).path("phone").asText()).isEqualTo(other.substring(0, 3) + "****" + other.substring(7));

        // the admin holds data:unmask
        JsonNode plain = admin().get("/api/baseinfo/panel/by-phone?phone=" + other).data();
        assertThat(plain.path("phone").asText()).isEqualTo(other);
        assertThat(plain.path("blacklisted").asBoolean()).isTrue();
        assertThat(plain.path("panel").path("customer").path("phones").findValuesAsText("phone")).contains(phone, other);
        assertThat(plain.path("panel").path("customer").path("idNumber").asText()).isEqualTo(id);

        // panel by household id: the second household of the same owner
        JsonNode second = agent.get("/api/baseinfo/panel/households/" + ids.get(1)).data();
        assertThat(second.path("household").path("householdCode").asText()).isEqualTo("PA" + s + "-2");
        assertThat(second.path("heatingStatusLabel").asText()).isEqualTo("报停");
        assertThat(second.path("payments")).isEmpty();

        // an unknown number: no households, no panel; garbage: 400 naming the field
        JsonNode none = agent.get("/api/baseinfo/panel/by-phone?phone=" + mobile()).data();
        assertThat(none.path("households")).isEmpty();
        assertThat(none.path("panel").isNull() || none.path("panel").isMissingNode()).isTrue();
        ApiClient.Reply bad = agent.get("/api/baseinfo/panel/by-phone?phone=abc");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("field").asText()).isEqualTo("phone");
        assertThat(agent.get("/api/baseinfo/panel/households/1").status()).isEqualTo(404);
        assertThat(client().loggedIn("worker01", DEMO_PASSWORD).get("/api/baseinfo/panel/households/" + first).status())
                .isEqualTo(403);

        // the published api: plaintext numbers for other modules, a trunk 0 before a mobile is understood
        List<HouseholdSummary> byPhone = householdApi.findByPhone("0" + phone);
        assertThat(byPhone).extracting(HouseholdSummary::householdCode).containsExactly("PA" + s + "-1", "PA" + s + "-2");
        assertThat(householdApi.findByCode(sub, "PA" + s + "-2")).map(HouseholdSummary::id).contains(ids.get(1));
        assertThat(householdApi.find(first)).map(HouseholdSummary::address).contains("幸福家园" + s + " 3号楼 1单元 701");
        HouseholdPanel api = householdApi.panel(first);
        assertThat(api.customer().phones()).extracting(HouseholdPanel.Phone::phone).contains(phone, other);
        assertThat(api.path()).hasSize(6);
        CallerPanel caller = householdApi.panelForCaller(other);
        assertThat(caller.blacklist()).hasSize(1);
        assertThat(caller.panel().household().id()).isEqualTo(first);
        assertThat(householdApi.panelForCaller("anonymous").households()).isEmpty();
    }

    @Test
    void panelFollowsTheUsersScope() {
        String s = suffix();
        HouseholdApiIT.Tree sub02 = tree(nodeWriter, txManager, orgId("SUB02"), s);
        String phone = mobile();
        long id = upsert(householdWriter, txManager, sub02.company().getSubsidiaryId(), List.of(
                record("SC" + s, sub02.unit(), "101", "HEATING", null, "钱七" + s, null, List.of(phone))),
                HouseholdWriter.Origin.IMPORT).get(0).householdId();
        ApiClient sub01 = client().loggedIn("sub01admin", DEMO_PASSWORD);
        assertThat(sub01.get("/api/baseinfo/panel/households/" + id).status()).isEqualTo(404);
        JsonNode c = sub01.get("/api/baseinfo/panel/by-phone?phone=" + phone).data();
        assertThat(c.path("households")).isEmpty();
        assertThat(c.path("panel").isNull() || c.path("panel").isMissingNode()).isTrue();
        // the agent (ALL scope) sees it
        ApiClient agent = client().loggedIn("agent01", DEMO_PASSWORD);
        assertThat(agent.get("/api/baseinfo/panel/households/" + id).status()).isEqualTo(200);
        assertThat(agent.get("/api/baseinfo/panel/by-phone?phone=" + phone).data().path("households")).hasSize(1);
        // the station lead of ST01 (own org and below) does not see a subsidiary-level household of SUB02
        assertThat(client().loggedIn("lead01", DEMO_PASSWORD).get("/api/baseinfo/panel/households/" + id).status())
                .isEqualTo(404);
    }
}
