package cn.heatdesk.app.baseinfo;

import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import cn.heatdesk.baseinfo.api.NodeType;
import cn.heatdesk.baseinfo.household.HouseholdRecord;
import cn.heatdesk.baseinfo.household.HouseholdWriter;
import cn.heatdesk.baseinfo.household.UpsertOutcome;
import cn.heatdesk.baseinfo.node.HeatNode;
import cn.heatdesk.baseinfo.node.NodeWriter;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Households over real HTTP: create, edit with field ownership and optimistic lock, multi-condition search, scope. */
class HouseholdApiIT extends AbstractApiIT {

    @Autowired
    NodeWriter nodeWriter;
    @Autowired
    HouseholdWriter householdWriter;
    @Autowired
    PlatformTransactionManager txManager;

    /** a six-level branch with two units under one building */
    record Tree(HeatNode company, HeatNode station, HeatNode community, HeatNode building, HeatNode unit, HeatNode unit2) {
    }

    static String suffix() {
        return Long.toString(System.nanoTime() % 100_000_000L, 36) + ThreadLocalRandom.current().nextInt(1000);
    }

    /** a random, valid, unused-looking mobile number */
    static String mobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static Tree tree(NodeWriter w, PlatformTransactionManager tx, long subsidiaryOrgId, String s) {
        return new TransactionTemplate(tx).execute(st -> {
            HeatNode co = w.create(new NodeWriter.NodeDraft(NodeType.COMPANY, "CO" + s, "测试热力公司" + s, null,
                    subsidiaryOrgId, 0, null, null), null, "MANUAL");
            HeatNode src = child(w, NodeType.HEAT_SOURCE, "HS" + s, "一号热源" + s, co);
            HeatNode station = child(w, NodeType.HEAT_STATION, "HX" + s, "幸福换热站" + s, src);
            HeatNode community = child(w, NodeType.COMMUNITY, "CM" + s, "幸福家园" + s, station);
            HeatNode building = child(w, NodeType.BUILDING, "BD" + s, "3号楼", community);
            HeatNode unit = child(w, NodeType.UNIT, "U1" + s, "1单元", building);
            HeatNode unit2 = child(w, NodeType.UNIT, "U2" + s, "2单元", building);
            return new Tree(co, station, community, building, unit, unit2);
        });
    }

    private static HeatNode child(NodeWriter w, NodeType type, String code, String name, HeatNode parent) {
        return w.create(new NodeWriter.NodeDraft(type, code, name, parent.getId(), null, 0, null, null), parent, "MANUAL");
    }

    static HouseholdRecord record(String code, HeatNode unit, String room, String status, String arrears, String owner,
                                  String idNumber, List<String> phones) {
        return new HouseholdRecord(code, null, unit.getId(), room.substring(0, 1), room, new BigDecimal("80.50"), status,
                arrears == null ? null : new BigDecimal(arrears), null, owner, idNumber, phones, null, null, null, null,
                null);
    }

    static List<UpsertOutcome> upsert(HouseholdWriter w, PlatformTransactionManager tx, long subsidiaryId,
                                      List<HouseholdRecord> records, HouseholdWriter.Origin origin) {
        List<UpsertOutcome> out = new TransactionTemplate(tx).execute(st -> w.upsert(subsidiaryId, records, origin));
        assertThat(out).allMatch(UpsertOutcome::ok);
        return out;
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void createEditAndFieldOwnership() {
        ApiClient admin = admin();
        String s = suffix();
        Tree t = tree(nodeWriter, txManager, orgId("SUB01"), s);

        Map<String, Object> body = new HashMap<>(Map.of("householdCode", "HH" + s + "-1", "unitId", t.unit().getId().toString(),
                "floorNo", "5", "roomNo", "501", "area", 88.5, "heatingStatus", "HEATING", "ownerName", "张三",
                "phones", List.of(mobile())));
        ApiClient.Reply created = admin.post("/api/baseinfo/households", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode h = created.data();
        String id = h.path("id").asText();
        assertThat(h.path("dataSource").asText()).isEqualTo("MANUAL");
        assertThat(h.path("address").asText()).isEqualTo("幸福家园" + s + " 3号楼 1单元 501");
        assertThat(h.path("heatingStatusLabel").asText()).isEqualTo("供热");
        assertThat(h.path("ownerName").asText()).isEqualTo("张三");
        assertThat(h.path("customerCode").asText()).isEqualTo("HH" + s + "-1");
        assertThat(h.path("billingOwnedFields")).isEmpty();
        assertThat(h.path("rowVersion").asInt()).isZero();

        // the same code again, a malformed phone, an unknown heating status: 400 naming the field, nothing written
        ApiClient.Reply dup = admin.post("/api/baseinfo/households", body);
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.body().path("field").asText()).isEqualTo("householdCode");
        Map<String, Object> badPhone = new HashMap<>(body);
        badPhone.put("householdCode", "HH" + s + "-2");
        badPhone.put("phones", List.of("1380013"));
        ApiClient.Reply bp = admin.post("/api/baseinfo/households", badPhone);
        assertThat(bp.status()).isEqualTo(400);
        assertThat(bp.body().path("field").asText()).isEqualTo("phones");
        assertThat(bp.body().path("msg").asText()).contains("电话号码格式不正确");
        Map<String, Object> badStatus = new HashMap<>(body);
        badStatus.put("householdCode", "HH" + s + "-3");
        badStatus.put("heatingStatus", "FROZEN");
        ApiClient.Reply bs = admin.post("/api/baseinfo/households", badStatus);
        assertThat(bs.status()).isEqualTo(400);
        assertThat(bs.body().path("field").asText()).isEqualTo("heatingStatus");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bi_household WHERE household_code IN (?, ?)", Long.class,
                "HH" + s + "-2", "HH" + s + "-3")).isZero();

        // edit: area, unit, remark; the version moves on
        ApiClient.Reply upd = admin.put("/api/baseinfo/households/" + id, Map.of("area", 90, "unitId",
                t.unit2().getId().toString(), "remark", "独居老人", "rowVersion", 0));
        assertThat(upd.status()).as(upd.toString()).isEqualTo(200);
        assertThat(upd.data().path("area").decimalValue()).isEqualByComparingTo("90");
        assertThat(upd.data().path("remark").asText()).isEqualTo("独居老人");
        assertThat(upd.data().path("address").asText()).endsWith("2单元 501");
        assertThat(upd.data().path("rowVersion").asInt()).isEqualTo(1);
        // a stale version is a 409 and changes nothing
        ApiClient.Reply stale = admin.put("/api/baseinfo/households/" + id, Map.of("remark", "过期的修改", "rowVersion", 0));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(admin.get("/api/baseinfo/households/" + id).data().path("remark").asText()).isEqualTo("独居老人");
        // the code is the key shared with billing
        ApiClient.Reply code = admin.put("/api/baseinfo/households/" + id, Map.of("householdCode", "X" + s, "rowVersion", 1));
        assertThat(code.status()).isEqualTo(400);
        assertThat(code.body().path("field").asText()).isEqualTo("householdCode");
        // bad area through the writer's rule
        ApiClient.Reply area = admin.put("/api/baseinfo/households/" + id, Map.of("area", -1, "rowVersion", 1));
        assertThat(area.status()).isEqualTo(400);
        assertThat(area.body().path("field").asText()).isEqualTo("area");

        // a household the billing system maintains: billing-owned fields are refused by name, tags/remark pass
        long sub = t.company().getSubsidiaryId();
        long billingId = upsert(householdWriter, txManager, sub, List.of(record("BL" + s, t.unit(), "602", "HEATING",
                "120.00", "李四", null, List.of())), HouseholdWriter.Origin.BILLING).get(0).householdId();
        JsonNode b = admin.get("/api/baseinfo/households/" + billingId).data();
        assertThat(b.path("dataSource").asText()).isEqualTo("BILLING");
        assertThat(b.path("billingOwnedFields").toString()).contains("area", "heatingStatus", "arrears", "ownerName");
        for (Map.Entry<String, Object> change : Map.<String, Object>of("area", 99, "heatingStatus", "STOPPED",
                "arrears", 0, "ownerName", "王五", "roomNo", "603", "meterNo", "M-1").entrySet()) {
            ApiClient.Reply refused = admin.put("/api/baseinfo/households/" + billingId,
                    Map.of(change.getKey(), change.getValue(), "rowVersion", 0));
            assertThat(refused.status()).as(change.getKey()).isEqualTo(400);
            assertThat(refused.body().path("field").asText()).isEqualTo(change.getKey());
            assertThat(refused.body().path("msg").asText()).isEqualTo("该字段由经营计费系统维护，请在计费系统修改");
        }
        // the console sends the whole form: unchanged billing fields plus new tags and remark
        Map<String, Object> form = new HashMap<>();
        form.put("householdCode", "BL" + s);
        form.put("unitId", t.unit().getId().toString());
        form.put("roomNo", "602");
        form.put("floorNo", "6");
        form.put("area", 80.5);
        form.put("heatingStatus", "HEATING");
        form.put("arrears", 120);
        form.put("ownerName", "李四");
        form.put("meterNo", "");
        form.put("tags", "重点关注");
        form.put("remark", "曾多次投诉");
        form.put("rowVersion", 0);
        ApiClient.Reply ok = admin.put("/api/baseinfo/households/" + billingId, form);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.data().path("tags").asText()).isEqualTo("重点关注");
        assertThat(ok.data().path("remark").asText()).isEqualTo("曾多次投诉");
        assertThat(ok.data().path("dataSource").asText()).isEqualTo("BILLING");
        assertThat(ok.data().path("arrears").decimalValue()).isEqualByComparingTo("120");

        // permissions: the agent may look but not edit; the worker may not even look
        ApiClient agent = client().loggedIn("agent01", DEMO_PASSWORD);
        assertThat(agent.get("/api/baseinfo/households/" + id).status()).isEqualTo(200);
        assertThat(agent.put("/api/baseinfo/households/" + id, Map.of("remark", "x", "rowVersion", 1)).status()).isEqualTo(403);
        assertThat(client().loggedIn("worker01", DEMO_PASSWORD).get("/api/baseinfo/households").status()).isEqualTo(403);
        // audited
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE audit_action = '修改房屋' AND target = ?",
                Long.class, "PUT /api/baseinfo/households/" + billingId)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void multiConditionSearchPagingSortingAndScope() {
        String s = suffix();
        Tree t = tree(nodeWriter, txManager, orgId("SUB01"), s);
        long sub = t.company().getSubsidiaryId();
        String phone = mobile();
        String p = "SR" + s + "-";
        upsert(householdWriter, txManager, sub, List.of(
                record(p + "1", t.unit(), "101", "HEATING", "0", "周一" + s, null, List.of(phone)),
                record(p + "2", t.unit(), "102", "SUSPENDED", "50.00", "吴二" + s, null, List.of()),
                record(p + "3", t.unit(), "201", "HEATING", "300.00", "郑三" + s, null, List.of()),
                record(p + "4", t.unit2(), "101", "STOPPED", "10.00", "周四" + s, null, List.of()),
                record(p + "5", t.unit2(), "102", "HEATING", null, null, null, List.of())), HouseholdWriter.Origin.IMPORT);
        ApiClient admin = admin();

        assertThat(codes(admin, "keyword=" + p)).containsExactly(p + "1", p + "2", p + "3", p + "4", p + "5");
        assertThat(codes(admin, "keyword=" + q("周") + "&nodeId=" + t.building().getId())).containsExactly(p + "1", p + "4");
        assertThat(codes(admin, "keyword=" + q("幸福家园" + s + " 3号楼 2单元"))).containsExactly(p + "4", p + "5");
        assertThat(codes(admin, "nodeId=" + t.unit2().getId())).containsExactly(p + "4", p + "5");
        assertThat(codes(admin, "nodeId=" + t.community().getId())).hasSize(5);
        assertThat(codes(admin, "nodeId=" + t.company().getId() + "&heatingStatus=SUSPENDED")).containsExactly(p + "2");
        assertThat(codes(admin, "keyword=" + p + "&arrearsOnly=true")).containsExactly(p + "2", p + "3", p + "4");
        assertThat(codes(admin, "keyword=" + p + "&minArrears=50")).containsExactly(p + "2", p + "3");
        // the number in any format finds the household through the blind index
        String formatted = "+86 " + phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7);
        assertThat(codes(admin, "phone=" + q(formatted))).containsExactly(p + "1");
        assertThat(codes(admin, "customerName=" + q("郑三" + s))).containsExactly(p + "3");
        assertThat(codes(admin, "nodeId=" + t.company().getId() + "&address=" + q("2单元 10"))).containsExactly(p + "4", p + "5");
        assertThat(codes(admin, "keyword=" + p + "&dataSource=IMPORT&enabled=1")).hasSize(5);
        // a wildcard in the keyword matches literally
        assertThat(codes(admin, "keyword=" + q(p.substring(0, 3) + "%"))).isEmpty();

        // paging and sorting
        ApiClient.Reply page2 = admin.get("/api/baseinfo/households?keyword=" + p + "&sort=arrears&order=desc&page=2&size=2");
        assertThat(page2.status()).as(page2.toString()).isEqualTo(200);
        assertThat(page2.data().path("total").asLong()).isEqualTo(5);
        assertThat(page2.data().path("records").findValuesAsText("householdCode")).containsExactly(p + "4", p + "1");
        assertThat(codes(admin, "keyword=" + p + "&sort=code&order=desc")).containsExactly(p + "5", p + "4", p + "3", p + "2", p + "1");
        ApiClient.Reply badSort = admin.get("/api/baseinfo/households?sort=owner_name;drop");
        assertThat(badSort.status()).isEqualTo(400);
        assertThat(badSort.body().path("field").asText()).isEqualTo("sort");
        ApiClient.Reply badPhone = admin.get("/api/baseinfo/households?phone=12ab");
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.body().path("field").asText()).isEqualTo("phone");
        assertThat(codes(admin, "nodeId=1")).isEmpty();

        // scope: the SUB01 admin sees SUB01's households but not SUB02's, neither in lists nor by id
        String s2 = suffix();
        Tree other = tree(nodeWriter, txManager, orgId("SUB02"), s2);
        long sub2Id = upsert(householdWriter, txManager, other.company().getSubsidiaryId(), List.of(
                record("SR" + s2 + "-1", other.unit(), "101", "HEATING", null, "冯六", null, List.of(phone))),
                HouseholdWriter.Origin.IMPORT).get(0).householdId();
        ApiClient sub01 = client().loggedIn("sub01admin", DEMO_PASSWORD);
        assertThat(codes(sub01, "keyword=" + p)).hasSize(5);
        assertThat(sub01.get("/api/baseinfo/households/" + sub2Id).status()).isEqualTo(404);
        assertThat(codes(sub01, "keyword=SR" + s2)).isEmpty();
        assertThat(codes(sub01, "phone=" + phone)).containsExactly(p + "1");
        assertThat(codes(admin, "phone=" + phone)).containsExactlyInAnyOrder(p + "1", "SR" + s2 + "-1");
        assertThat(sub01.put("/api/baseinfo/households/" + sub2Id, Map.of("remark", "越权", "rowVersion", 0)).status())
                .isEqualTo(404);
        // a unit outside the scope cannot receive a household either
        ApiClient.Reply foreign = sub01.post("/api/baseinfo/households", Map.of("householdCode", "FX" + s2,
                "unitId", other.unit().getId().toString(), "roomNo", "909"));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.body().path("field").asText()).isEqualTo("unitId");
    }

    private static List<String> codes(ApiClient c, String query) {
        ApiClient.Reply r = c.get("/api/baseinfo/households?size=100&" + query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> out = new ArrayList<>(r.data().path("records").findValuesAsText("householdCode"));
        assertThat(r.data().path("total").asLong()).isEqualTo(out.size());
        return out;
    }
}
