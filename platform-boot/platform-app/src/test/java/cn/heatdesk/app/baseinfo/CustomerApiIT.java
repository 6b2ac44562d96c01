package cn.heatdesk.app.baseinfo;

import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import cn.heatdesk.baseinfo.household.HouseholdWriter;
import cn.heatdesk.baseinfo.node.NodeWriter;
import cn.heatdesk.baseinfo.support.IdNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static cn.heatdesk.app.baseinfo.HouseholdApiIT.mobile;
import static cn.heatdesk.app.baseinfo.HouseholdApiIT.q;
import static cn.heatdesk.app.baseinfo.HouseholdApiIT.record;
import static cn.heatdesk.app.baseinfo.HouseholdApiIT.suffix;
import static cn.heatdesk.app.baseinfo.HouseholdApiIT.tree;
import static cn.heatdesk.app.baseinfo.HouseholdApiIT.upsert;
import static org.assertj.core.api.Assertions.assertThat;

/** Customers and phone binding over real HTTP: search by name/pinyin/phone/ID number, masking, bind/unbind, ownership. */
class CustomerApiIT extends AbstractApiIT {

    @Autowired
    NodeWriter nodeWriter;
    @Autowired
    HouseholdWriter householdWriter;
    @Autowired
    PlatformTransactionManager txManager;

    static String idNumber() {
        return IdNumbers.withCheckDigit("11010519800101" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000)));
    }

    @Test
    void searchMaskingAndPhoneBinding() {
        String s = suffix();
        HouseholdApiIT.Tree t = tree(nodeWriter, txManager, orgId("SUB01"), s);
        String phone = mobile();
        String id = idNumber();
        String name = "欧阳" + s;
        long householdId = upsert(householdWriter, txManager, t.company().getSubsidiaryId(), List.of(
                record("CU" + s, t.unit(), "301", "HEATING", null, name, id, List.of(phone))),
                HouseholdWriter.Origin.MANUAL).get(0).householdId();
        long customerId = jdbc.queryForObject("SELECT customer_id FROM bi_household WHERE id = ?", Long.class, householdId);
        ApiClient agent = client().loggedIn("agent01", DEMO_PASSWORD);
        ApiClient admin = admin();

        assertThat(ids(agent, "keyword=" + q(name))).containsExactly(customerId);
        assertThat(ids(agent, "keyword=oy" + s.toUpperCase())).containsExactly(customerId);
        assertThat(ids(agent, "phone=" + q(phone.substring(0, 3) + " " + phone.substring(3)))).containsExactly(customerId);
        assertThat(ids(agent, "idNumber=" + id.toLowerCase())).containsExactly(customerId);
        assertThat(ids(agent, "customerCode=CU" + s)).containsExactly(customerId);
        ApiClient.Reply badId = agent.get("/api/baseinfo/customers?idNumber=123");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.body().path("field").asText()).isEqualTo("idNumber");

        // masked for the agent (no data:unmask), plain for the admin
        JsonNode masked = agent.get("/api/baseinfo/customers/" + customerId).data();
        String maskedPhone = phone.substring(0, 3) + "****" + phone.substring(7);
        assertThat(masked.path("customer").path("phones").get(0).path("phone").asText()).isEqualTo(maskedPhone);
        assertThat(masked.path("customer").path("idNumber").asText()).isEqualTo(id.substring(0, 4) + "**********" + id.substring(14));
        assertThat(masked.path("households").findValuesAsText("householdCode")).containsExactly("CU" + s);
        JsonNode plain = admin.get("/api/baseinfo/customers/" + customerId).data();
        assertThat(plain.path("customer").path("phones").get(0).path("phone").asText()).isEqualTo(phone);
        assertThat(plain.path("customer").path("idNumber").asText()).isEqualTo(id);

        // bind a second number (formatted), refuse the same number again and a malformed one
        String second = mobile();
        String base = "/api/baseinfo/customers/" + customerId + "/phones";
        ApiClient.Reply bound = agent.post(base, Map.of("phone", second.substring(0, 3) + "-" + second.substring(3), "remark", "儿子"));
        assertThat(bound.status()).as(bound.toString()).isEqualTo(200);
        JsonNode phones = bound.data().path("phones");
        assertThat(phones).hasSize(2);
        assertThat(phones.get(0).path("primary").asBoolean()).isTrue();
        ApiClient.Reply again = agent.post(base, Map.of("phone", "+86 " + second));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body().path("field").asText()).isEqualTo("phone");
        ApiClient.Reply malformed = agent.post(base, Map.of("phone", "1234-abc"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().path("field").asText()).isEqualTo("phone");
        assertThat(malformed.body().path("msg").asText()).contains("电话号码格式不正确");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bi_customer_phone WHERE customer_id = ?", Long.class, customerId))
                .isEqualTo(2);
        // the new number now finds the household
        assertThat(agent.get("/api/baseinfo/households?phone=" + second).data().path("records")
                .findValuesAsText("householdCode")).containsExactly("CU" + s);

        // make the second number primary
        String secondId = null;
        for (JsonNode p : phones) {
            if (!p.path("primary").asBoolean()) {
                secondId = p.path("id").asText();
            }
        }
        JsonNode afterPrimary = agent.post(base + "/" + secondId + "/primary", Map.of()).data();
        for (JsonNode p : afterPrimary.path("phones")) {
            assertThat(p.path("primary").asBoolean()).isEqualTo(p.path("id").asText().equals(secondId));
        }

        // unbind: reason required; the remaining number becomes primary
        ApiClient.Reply noReason = agent.delete(base + "/" + secondId);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("field").asText()).isEqualTo("reason");
        ApiClient.Reply unbound = agent.delete(base + "/" + secondId + "?reason=" + q("号码已停用"));
        assertThat(unbound.status()).as(unbound.toString()).isEqualTo(200);
        assertThat(unbound.data().path("phones")).hasSize(1);
        assertThat(unbound.data().path("phones").get(0).path("primary").asBoolean()).isTrue();
        assertThat(agent.delete(base + "/" + secondId + "?reason=x").status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE audit_action = '解绑电话' AND target = ?",
                Long.class, "DELETE " + base + "/" + secondId)).isGreaterThanOrEqualTo(1);

        // a number from the billing system may be unbound too, and the audit says where it came from
        String billingPhone = mobile();
        long billingHousehold = upsert(householdWriter, txManager, t.company().getSubsidiaryId(), List.of(
                record("CB" + s, t.unit(), "302", "HEATING", null, "计费户" + s, null, List.of(billingPhone))),
                HouseholdWriter.Origin.BILLING).get(0).householdId();
        long billingCustomer = jdbc.queryForObject("SELECT customer_id FROM bi_household WHERE id = ?", Long.class, billingHousehold);
        JsonNode bc = admin.get("/api/baseinfo/customers/" + billingCustomer).data().path("customer");
        assertThat(bc.path("billingOwnedFields").toString()).contains("customerName", "idNumber");
        String billingPhoneId = bc.path("phones").get(0).path("id").asText();
        assertThat(bc.path("phones").get(0).path("dataSource").asText()).isEqualTo("BILLING");
        ApiClient.Reply ub = agent.delete("/api/baseinfo/customers/" + billingCustomer + "/phones/" + billingPhoneId
                + "?reason=" + q("计费系统号码错误"));
        assertThat(ub.status()).as(ub.toString()).isEqualTo(200);
        String note = jdbc.queryForObject("SELECT detail FROM audit_log WHERE audit_action = '解绑电话（原因）' AND target = ?",
                String.class, "DELETE /api/baseinfo/customers/" + billingCustomer + "/phones/" + billingPhoneId);
        assertThat(note).contains("BILLING", "经营计费系统", "计费系统号码错误").doesNotContain(billingPhone);

        // edits: contact preferences always; name and ID number only for customers not maintained by billing
        int v = bc.path("rowVersion").asInt();
        ApiClient.Reply rename = agent.put("/api/baseinfo/customers/" + billingCustomer,
                Map.of("customerName", "改名", "rowVersion", v));
        assertThat(rename.status()).isEqualTo(400);
        assertThat(rename.body().path("field").asText()).isEqualTo("customerName");
        assertThat(rename.body().path("msg").asText()).isEqualTo("该字段由经营计费系统维护，请在计费系统修改");
        Map<String, Object> prefs = new HashMap<>(Map.of("customerName", "计费户" + s, "contactPref", "SMS",
                "contactTime", "工作日晚上", "noDisturb", true, "remark", "听力不好", "rowVersion", v));
        ApiClient.Reply pref = agent.put("/api/baseinfo/customers/" + billingCustomer, prefs);
        assertThat(pref.status()).as(pref.toString()).isEqualTo(200);
        assertThat(pref.data().path("customer").path("contactPref").asText()).isEqualTo("SMS");
        assertThat(pref.data().path("customer").path("noDisturb").asBoolean()).isTrue();
        assertThat(agent.put("/api/baseinfo/customers/" + billingCustomer, prefs).status()).isEqualTo(409);
        ApiClient.Reply badPref = agent.put("/api/baseinfo/customers/" + customerId, Map.of("contactPref", "FAX", "rowVersion", 0));
        assertThat(badPref.status()).isEqualTo(400);
        assertThat(badPref.body().path("field").asText()).isEqualTo("contactPref");
        // a manual customer's name can change; the masked ID number sent back keeps the stored one
        JsonNode mc = agent.get("/api/baseinfo/customers/" + customerId).data().path("customer");
        ApiClient.Reply renamed = agent.put("/api/baseinfo/customers/" + customerId, Map.of("customerName", "欧阳修" + s,
                "idNumber", mc.path("idNumber").asText(), "rowVersion", mc.path("rowVersion").asInt()));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(admin.get("/api/baseinfo/customers/" + customerId).data().path("customer").path("idNumber").asText())
                .isEqualTo(id);

        // permissions: the station lead cannot see the customer list; worker nothing
        assertThat(client().loggedIn("lead01", DEMO_PASSWORD).get("/api/baseinfo/customers").status()).isEqualTo(403);
    }

    @Test
    void manualCustomerCreation() {
        String s = suffix();
        ApiClient agent = client().loggedIn("agent01", DEMO_PASSWORD);
        // a group-level user must say which subsidiary
        ApiClient.Reply noSub = agent.post("/api/baseinfo/customers", Map.of("customerName", "新客户" + s));
        assertThat(noSub.status()).isEqualTo(400);
        assertThat(noSub.body().path("field").asText()).isEqualTo("subsidiaryId");
        String phone = mobile();
        ApiClient.Reply created = agent.post("/api/baseinfo/customers", Map.of("customerName", "新客户" + s,
                "subsidiaryId", String.valueOf(orgId("SUB02")), "customerCode", "MC" + s, "phones", List.of(phone)));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode c = created.data().path("customer");
        assertThat(c.path("dataSource").asText()).isEqualTo("MANUAL");
        assertThat(c.path("subsidiaryId").asLong()).isEqualTo(orgId("SUB02"));
        assertThat(c.path("phones")).hasSize(1);
        assertThat(c.path("phones").get(0).path("primary").asBoolean()).isTrue();
        ApiClient.Reply dup = agent.post("/api/baseinfo/customers", Map.of("customerName", "重复" + s,
                "subsidiaryId", String.valueOf(orgId("SUB02")), "customerCode", "MC" + s));
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.body().path("field").asText()).isEqualTo("customerCode");
        // the SUB01 admin creates in its own subsidiary only, and cannot reach SUB02's customer
        ApiClient sub01 = client().loggedIn("sub01admin", DEMO_PASSWORD);
        ApiClient.Reply own = sub01.post("/api/baseinfo/customers", Map.of("customerName", "本公司客户" + s));
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.data().path("customer").path("subsidiaryId").asLong()).isEqualTo(orgId("SUB01"));
        ApiClient.Reply foreign = sub01.post("/api/baseinfo/customers", Map.of("customerName", "越权" + s,
                "subsidiaryId", String.valueOf(orgId("SUB02"))));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(sub01.get("/api/baseinfo/customers/" + c.path("id").asText()).status()).isEqualTo(404);
        assertThat(sub01.post("/api/baseinfo/customers/" + c.path("id").asText() + "/phones",
                Map.of("phone", mobile())).status()).isEqualTo(404);
    }

    private static List<Long> ids(ApiClient c, String query) {
        ApiClient.Reply r = c.get("/api/baseinfo/customers?size=50&" + query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<Long> out = new ArrayList<>();
        r.data().path("records").forEach(n -> out.add(n.path("id").asLong()));
        return out;
    }
}
