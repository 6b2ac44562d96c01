package cn.heatdesk.app.baseinfo;

import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import cn.heatdesk.baseinfo.household.HouseholdRecord;
import cn.heatdesk.baseinfo.household.HouseholdWriter;
import cn.heatdesk.baseinfo.household.UpsertOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The heat network tree over HTTP: six levels, moves, disable/enable, delete, search, change log, data scope. */
class NodeApiIT extends AbstractApiIT {

    @Autowired
    HouseholdWriter householdWriter;
    @Autowired
    TransactionTemplate tx;

    /** A company → heat source → station → community → building → unit chain; returns code → id. */
    static Map<String, String> chain(ApiClient c, long subsidiaryOrgId, String s, String community) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("C" + s, create(c, "COMPANY", null, subsidiaryOrgId, "C" + s, "测试热力公司" + s));
        ids.put("HS" + s, create(c, "热源", ids.get("C" + s), null, "HS" + s, "北郊热源厂"));
        ids.put("HX" + s, create(c, "HEAT_STATION", ids.get("HS" + s), null, "HX" + s, "一号换热站"));
        ids.put("CM" + s, create(c, "小区", ids.get("HX" + s), null, "CM" + s, community));
        ids.put("B" + s, create(c, "BUILDING", ids.get("CM" + s), null, "B" + s, "3号楼"));
        ids.put("U" + s, create(c, "单元", ids.get("B" + s), null, "U" + s, "2单元"));
        return ids;
    }

    static String create(ApiClient c, String type, String parentId, Long orgId, String code, String name) {
        ApiClient.Reply r = c.post("/api/baseinfo/nodes", body(type, parentId, orgId, code, name));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().path("id").asText();
    }

    static Map<String, Object> body(String type, String parentId, Long orgId, String code, String name) {
        Map<String, Object> b = new HashMap<>();
        b.put("nodeType", type);
        b.put("parentId", parentId);
        b.put("orgId", orgId == null ? null : String.valueOf(orgId));
        b.put("nodeCode", code);
        b.put("nodeName", name);
        return b;
    }

    static List<String> codes(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.path("nodeCode").asText()));
        return out;
    }

    static String suffix() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
    }

    /** a household with an owner and a phone in the unit, written the way imports and the console write them */
    static long household(TransactionTemplate tx, HouseholdWriter writer, long subsidiaryId, String code, long unitId,
                          String room) {
        String phone = "139" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
        List<UpsertOutcome> out = tx.execute(st -> writer.upsert(subsidiaryId, List.of(new HouseholdRecord(code, null,
                unitId, "5", room, null, null, null, null, "张三", null, List.of(phone), null, null, null, null, null)),
                HouseholdWriter.Origin.MANUAL));
        assertThat(out.get(0).ok()).as(String.valueOf(out.get(0))).isTrue();
        return out.get(0).householdId();
    }

    @Test
    void buildsTheSixLevelsAndRefusesWrongOrderAndDuplicates() {
        ApiClient admin = admin();
        String s = suffix();
        Map<String, String> ids = chain(admin, orgId("SUB01"), s, "幸福家园" + s);

        JsonNode tops = admin.get("/api/baseinfo/nodes/children").data();
        assertThat(codes(tops)).contains("C" + s);
        JsonNode company = find(tops, "C" + s);
        assertThat(company.path("nodeTypeLabel").asText()).isEqualTo("公司");
        assertThat(company.path("childCount").asInt()).isEqualTo(1);
        assertThat(company.path("leaf").asBoolean()).isFalse();
        assertThat(company.path("subsidiaryId").asLong()).isEqualTo(orgId("SUB01"));

        JsonNode units = admin.get("/api/baseinfo/nodes/children?parentId=" + ids.get("B" + s)).data();
        assertThat(codes(units)).containsExactly("U" + s);
        assertThat(units.get(0).path("leaf").asBoolean()).isTrue();
        assertThat(units.get(0).path("nodeLevel").asInt()).isEqualTo(6);
        assertThat(units.get(0).path("fullName").asText())
                .isEqualTo("测试热力公司" + s + "/北郊热源厂/一号换热站/幸福家园" + s + "/3号楼/2单元");

        JsonNode detail = admin.get("/api/baseinfo/nodes/" + ids.get("U" + s)).data();
        assertThat(detail.path("ancestors").findValuesAsText("nodeCode"))
                .containsExactly("C" + s, "HS" + s, "HX" + s, "CM" + s, "B" + s);
        assertThat(detail.path("households").asLong()).isZero();
        // the service desk supplies the open-ticket count (a Long, so a JSON string); without it the count is absent
        assertThat(detail.path("ticketsAvailable").asBoolean()).isTrue();
        assertThat(detail.path("openTickets").asText()).isEqualTo("0");

        // a unit cannot hang under a community: the error names the parent
        ApiClient.Reply wrong = admin.post("/api/baseinfo/nodes", body("UNIT", ids.get("CM" + s), null, "UX" + s, "1单元"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().path("field").asText()).isEqualTo("parentId");
        assertThat(wrong.body().path("code").asText()).isEqualTo("VALIDATION");
        assertThat(wrong.body().path("msg").asText()).contains("单元的上级必须是楼栋");
        ApiClient.Reply orphan = admin.post("/api/baseinfo/nodes", body("COMMUNITY", null, null, "CX" + s, "孤儿小区"));
        assertThat(orphan.status()).isEqualTo(400);
        assertThat(orphan.body().path("field").asText()).isEqualTo("parentId");
        ApiClient.Reply badType = admin.post("/api/baseinfo/nodes", body("小区楼", ids.get("HX" + s), null, "CX" + s, "x"));
        assertThat(badType.body().path("field").asText()).isEqualTo("nodeType");

        ApiClient.Reply dup = admin.post("/api/baseinfo/nodes", body("BUILDING", ids.get("CM" + s), null, "B" + s, "4号楼"));
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.body().path("field").asText()).isEqualTo("nodeCode");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bi_node WHERE node_name = '4号楼' AND parent_id = ?",
                Long.class, Long.parseLong(ids.get("CM" + s)))).isZero();

        // optimistic lock on edits
        JsonNode cm = admin.get("/api/baseinfo/nodes/" + ids.get("CM" + s)).data().path("node");
        Map<String, Object> edit = Map.of("nodeCode", "CM" + s, "nodeName", "幸福家园二期" + s, "sortNo", 5,
                "rowVersion", cm.path("rowVersion").asInt());
        assertThat(admin.put("/api/baseinfo/nodes/" + ids.get("CM" + s), edit).status()).isEqualTo(200);
        ApiClient.Reply stale = admin.put("/api/baseinfo/nodes/" + ids.get("CM" + s),
                Map.of("nodeCode", "CM" + s, "nodeName", "又改名" + s, "rowVersion", cm.path("rowVersion").asInt()));
        assertThat(stale.status()).isEqualTo(409);
        // the rename reached the whole subtree
        assertThat(admin.get("/api/baseinfo/nodes/" + ids.get("U" + s)).data().path("node").path("fullName").asText())
                .contains("/幸福家园二期" + s + "/3号楼/2单元");
    }

    @Test
    void movesKeepLevelOrderSubtreeAndSubsidiary() {
        ApiClient admin = admin();
        String s = suffix();
        Map<String, String> a = chain(admin, orgId("SUB01"), s, "东湖花园" + s);
        String cm2 = create(admin, "COMMUNITY", a.get("HX" + s), null, "CN" + s, "西湖花园" + s);
        long sub01 = orgId("SUB01");
        long unit = Long.parseLong(a.get("U" + s));
        long hh = household(tx, householdWriter, sub01, "H" + s, unit, "501");
        assertThat(jdbc.queryForObject("SELECT address FROM bi_household WHERE id = ?", String.class, hh))
                .isEqualTo("东湖花园" + s + " 3号楼 2单元 501");

        ApiClient.Reply moved = admin.post("/api/baseinfo/nodes/" + a.get("B" + s) + "/move",
                Map.of("newParentId", cm2, "reason", "小区划分调整"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.data().path("parentId").asText()).isEqualTo(cm2);
        assertThat(moved.data().path("fullName").asText()).endsWith("/西湖花园" + s + "/3号楼");
        Map<String, Object> unitRow = jdbc.queryForMap("SELECT node_path, full_name FROM bi_node WHERE id = ?", unit);
        assertThat((String) unitRow.get("node_path")).contains("/" + cm2 + "/" + a.get("B" + s) + "/" + unit + "/");
        assertThat((String) unitRow.get("full_name")).endsWith("/西湖花园" + s + "/3号楼/2单元");
        Map<String, Object> hhRow = jdbc.queryForMap("SELECT node_path, address FROM bi_household WHERE id = ?", hh);
        assertThat(hhRow.get("node_path")).isEqualTo(unitRow.get("node_path"));
        assertThat(hhRow.get("address")).isEqualTo("西湖花园" + s + " 3号楼 2单元 501");
        assertThat(admin.get("/api/baseinfo/nodes/" + cm2).data().path("households").asLong()).isEqualTo(1);
        assertThat(admin.get("/api/baseinfo/nodes/" + a.get("CM" + s)).data().path("households").asLong()).isZero();

        // renaming the unit rewrites the household's address too
        JsonNode u = admin.get("/api/baseinfo/nodes/" + unit).data().path("node");
        assertThat(admin.put("/api/baseinfo/nodes/" + unit, Map.of("nodeCode", "U" + s, "nodeName", "东单元",
                "rowVersion", u.path("rowVersion").asInt())).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT address FROM bi_household WHERE id = ?", String.class, hh))
                .isEqualTo("西湖花园" + s + " 3号楼 东单元 501");

        // into its own subtree, to the wrong level, a company, across subsidiaries: all refused, nothing changed
        ApiClient.Reply own = admin.post("/api/baseinfo/nodes/" + a.get("B" + s) + "/move",
                Map.of("newParentId", String.valueOf(unit), "reason", "x"));
        assertThat(own.status()).isEqualTo(400);
        assertThat(own.body().path("msg").asText()).contains("它自己或它的下级节点之下");
        ApiClient.Reply level = admin.post("/api/baseinfo/nodes/" + a.get("B" + s) + "/move",
                Map.of("newParentId", a.get("HX" + s), "reason", "x"));
        assertThat(level.status()).isEqualTo(400);
        assertThat(level.body().path("field").asText()).isEqualTo("newParentId");
        assertThat(level.body().path("msg").asText()).contains("楼栋的上级必须是小区");
        ApiClient.Reply company = admin.post("/api/baseinfo/nodes/" + a.get("C" + s) + "/move",
                Map.of("newParentId", a.get("HS" + s), "reason", "x"));
        assertThat(company.body().path("msg").asText()).isEqualTo("公司是树的第一级，不能移动");
        Map<String, String> b = chain(admin, orgId("SUB02"), "E" + s, "城东小区" + s);
        ApiClient.Reply across = admin.post("/api/baseinfo/nodes/" + a.get("B" + s) + "/move",
                Map.of("newParentId", b.get("CME" + s), "reason", "x"));
        assertThat(across.status()).isEqualTo(400);
        assertThat(across.body().path("msg").asText()).contains("不能跨分公司移动").contains("城北热力分公司")
                .contains("城东热力分公司");
        ApiClient.Reply noReason = admin.post("/api/baseinfo/nodes/" + a.get("B" + s) + "/move",
                Map.of("newParentId", a.get("CM" + s), "reason", " "));
        assertThat(noReason.body().path("field").asText()).isEqualTo("reason");
        assertThat(jdbc.queryForObject("SELECT parent_id FROM bi_node WHERE id = ?", Long.class,
                Long.parseLong(a.get("B" + s)))).isEqualTo(Long.parseLong(cm2));

        // the log of the moved node: newest first, with the reason
        JsonNode logs = admin.get("/api/baseinfo/nodes/" + a.get("B" + s) + "/logs?size=10").data();
        assertThat(logs.path("records").findValuesAsText("action")).containsExactly("MOVE", "CREATE");
        JsonNode move = logs.path("records").get(0);
        assertThat(move.path("reason").asText()).isEqualTo("小区划分调整");
        assertThat(move.path("summary").asText()).contains("东湖花园" + s).contains("西湖花园" + s);
        assertThat(move.path("createdByName").asText()).isNotBlank();
        assertThat(move.path("beforeJson").asText()).contains(a.get("CM" + s));
        assertThat(admin.get("/api/baseinfo/nodes/" + unit + "/logs").data().path("records")
                .findValuesAsText("action")).containsExactly("UPDATE", "CREATE");
    }

    @Test
    void disableCascadesEnableNeedsAnEnabledParentDeleteOnlyEmptyNodes() {
        ApiClient admin = admin();
        String s = suffix();
        Map<String, String> a = chain(admin, orgId("SUB01"), s, "南湖小区" + s);
        household(tx, householdWriter, orgId("SUB01"), "H" + s, Long.parseLong(a.get("U" + s)), "101");

        ApiClient.Reply off = admin.post("/api/baseinfo/nodes/" + a.get("CM" + s) + "/disable", Map.of("reason", "小区拆迁"));
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(off.data().path("disabledNodes").asInt()).isEqualTo(3);
        assertThat(off.data().path("households").asLong()).isEqualTo(1);
        assertThat(off.data().path("warning").asText()).contains("1户房屋");
        assertThat(jdbc.queryForObject("SELECT enabled FROM bi_node WHERE id = ?", Integer.class,
                Long.parseLong(a.get("U" + s)))).isZero();
        assertThat(codes(admin.get("/api/baseinfo/nodes/children?parentId=" + a.get("HX" + s)).data())).isEmpty();
        assertThat(codes(admin.get("/api/baseinfo/nodes/children?includeDisabled=true&parentId=" + a.get("HX" + s)).data()))
                .containsExactly("CM" + s);
        // the station lost its only enabled child: a leaf unless disabled ones are shown
        JsonNode hx = find(admin.get("/api/baseinfo/nodes/children?parentId=" + a.get("HS" + s)).data(), "HX" + s);
        assertThat(hx.path("leaf").asBoolean()).isTrue();

        ApiClient.Reply unitOn = admin.post("/api/baseinfo/nodes/" + a.get("U" + s) + "/enable", Map.of("reason", "恢复"));
        assertThat(unitOn.status()).isEqualTo(400);
        assertThat(unitOn.body().path("msg").asText()).contains("请先启用上级节点");
        ApiClient.Reply on = admin.post("/api/baseinfo/nodes/" + a.get("CM" + s) + "/enable",
                Map.of("reason", "误操作恢复", "subtree", true));
        assertThat(on.status()).as(on.toString()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bi_node WHERE node_path LIKE ? AND enabled = 0", Long.class,
                "%/" + a.get("CM" + s) + "/%")).isZero();

        // delete: not with children, not with households, an empty leaf yes (logged on the parent)
        ApiClient.Reply withChildren = admin.delete("/api/baseinfo/nodes/" + a.get("B" + s) + "?reason=x");
        assertThat(withChildren.status()).isEqualTo(400);
        assertThat(withChildren.body().path("msg").asText()).contains("下级节点");
        ApiClient.Reply withHouseholds = admin.delete("/api/baseinfo/nodes/" + a.get("U" + s) + "?reason=x");
        assertThat(withHouseholds.status()).isEqualTo(400);
        assertThat(withHouseholds.body().path("msg").asText()).contains("1户房屋");
        String empty = create(admin, "UNIT", a.get("B" + s), null, "UE" + s, "空单元");
        assertThat(admin.delete("/api/baseinfo/nodes/" + empty).body().path("field").asText()).isEqualTo("reason");
        assertThat(admin.delete("/api/baseinfo/nodes/" + empty + "?reason=" + q("建错了")).status()).isEqualTo(200);
        assertThat(admin.get("/api/baseinfo/nodes/" + empty).status()).isEqualTo(404);
        JsonNode parentLog = admin.get("/api/baseinfo/nodes/" + a.get("B" + s) + "/logs").data().path("records").get(0);
        assertThat(parentLog.path("action").asText()).isEqualTo("DELETE");
        assertThat(parentLog.path("summary").asText()).contains("空单元");
        assertThat(parentLog.path("reason").asText()).isEqualTo("建错了");
    }

    @Test
    void searchFindsNamesCodesAndPinyinInitials() {
        ApiClient admin = admin();
        String s = suffix();
        Map<String, String> a = chain(admin, orgId("SUB01"), s, "幸福家园" + s);

        JsonNode byPy = admin.get("/api/baseinfo/nodes/search?keyword=XFJY" + s).data();
        assertThat(codes(byPy)).containsExactly("CM" + s);
        assertThat(byPy.get(0).path("fullName").asText()).isEqualTo("测试热力公司" + s + "/北郊热源厂/一号换热站/幸福家园" + s);
        assertThat(byPy.get(0).path("nodePath").asText()).startsWith("/" + a.get("C" + s) + "/");
        assertThat(codes(admin.get("/api/baseinfo/nodes/search?keyword=" + q("福家园" + s)).data())).containsExactly("CM" + s);
        assertThat(codes(admin.get("/api/baseinfo/nodes/search?keyword=hs" + s).data())).containsExactly("HS" + s);
        assertThat(codes(admin.get("/api/baseinfo/nodes/search?type=UNIT&keyword=u" + s).data())).containsExactly("U" + s);
        assertThat(codes(admin.get("/api/baseinfo/nodes/search?type=BUILDING&keyword=u" + s).data())).isEmpty();
        // wildcards are literal
        assertThat(admin.get("/api/baseinfo/nodes/search?keyword=%25" + s).data().size()).isZero();
        assertThat(admin.get("/api/baseinfo/nodes/search?keyword=_").data().size()).isLessThanOrEqualTo(50);
        assertThat(admin.get("/api/baseinfo/nodes/search?keyword=x&type=" + q("楼盘")).body().path("field").asText()).isEqualTo("type");
    }

    @Test
    void usersSeeOnlyTheirPartOfTheTree() {
        ApiClient admin = admin();
        String s = suffix();
        Map<String, String> north = chain(admin, orgId("SUB01"), s, "北苑" + s);
        Map<String, String> east = chain(admin, orgId("SUB02"), "E" + s, "东苑" + s);

        ApiClient sub01 = client().loggedIn("sub01admin", DEMO_PASSWORD);
        JsonNode tops = sub01.get("/api/baseinfo/nodes/children").data();
        assertThat(codes(tops)).contains("C" + s).doesNotContain("CE" + s);
        tops.forEach(n -> assertThat(n.path("subsidiaryId").asLong()).isEqualTo(orgId("SUB01")));
        assertThat(sub01.get("/api/baseinfo/nodes/" + east.get("CME" + s)).status()).isEqualTo(404);
        assertThat(sub01.get("/api/baseinfo/nodes/children?parentId=" + east.get("HXE" + s)).data().size()).isZero();
        assertThat(codes(sub01.get("/api/baseinfo/nodes/search?keyword=dy" + s).data())).isEmpty();
        assertThat(sub01.post("/api/baseinfo/nodes/" + east.get("BE" + s) + "/disable", Map.of("reason", "x")).status())
                .isEqualTo(404);
        ApiClient.Reply foreignCompany = sub01.post("/api/baseinfo/nodes",
                body("COMPANY", null, orgId("SUB02"), "CX" + s, "越权公司"));
        assertThat(foreignCompany.status()).isEqualTo(400);
        assertThat(foreignCompany.body().path("field").asText()).isEqualTo("orgId");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bi_node WHERE node_code = ?", Long.class, "CX" + s)).isZero();

        // the station lead sees nothing of the new tree until its station covers a community
        ApiClient lead = client().loggedIn("lead01", DEMO_PASSWORD);
        assertThat(codes(lead.get("/api/baseinfo/nodes/children").data())).doesNotContain("C" + s, "CM" + s);
        ApiClient.Reply map = sub01.post("/api/baseinfo/coverage",
                Map.of("stationId", String.valueOf(orgId("ST01")), "nodeIds", List.of(north.get("CM" + s))));
        assertThat(map.status()).as(map.toString()).isEqualTo(200);
        JsonNode leadTops = lead.get("/api/baseinfo/nodes/children").data();
        assertThat(codes(leadTops)).contains("CM" + s).doesNotContain("C" + s, "HX" + s);
        JsonNode cm = find(leadTops, "CM" + s);
        assertThat(cm.path("stationId").asLong()).isEqualTo(orgId("ST01"));
        assertThat(cm.path("stationName").asText()).isNotBlank();
        assertThat(codes(lead.get("/api/baseinfo/nodes/children?parentId=" + north.get("CM" + s)).data()))
                .containsExactly("B" + s);
        assertThat(lead.get("/api/baseinfo/nodes/" + north.get("U" + s)).status()).isEqualTo(200);
        assertThat(lead.get("/api/baseinfo/nodes/" + north.get("HX" + s)).status()).isEqualTo(404);
        assertThat(codes(lead.get("/api/baseinfo/nodes/search?keyword=by" + s).data())).containsExactly("CM" + s);
        assertThat(codes(lead.get("/api/baseinfo/nodes/search?keyword=hx" + s).data())).isEmpty();
        // and without the edit permission it cannot change anything
        assertThat(lead.post("/api/baseinfo/nodes", body("BUILDING", north.get("CM" + s), null, "BL" + s, "5号楼")).status())
                .isEqualTo(403);
    }

    static String q(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    static JsonNode find(JsonNode list, String code) {
        for (JsonNode n : list) {
            if (code.equals(n.path("nodeCode").asText())) {
                return n;
            }
        }
        throw new AssertionError(code + " not in " + list);
    }
}
