package cn.heatdesk.app.baseinfo;

import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import cn.heatdesk.baseinfo.api.CoverageApi;
import cn.heatdesk.baseinfo.household.HouseholdWriter;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static cn.heatdesk.app.baseinfo.NodeApiIT.chain;
import static cn.heatdesk.app.baseinfo.NodeApiIT.codes;
import static cn.heatdesk.app.baseinfo.NodeApiIT.create;
import static cn.heatdesk.app.baseinfo.NodeApiIT.find;
import static cn.heatdesk.app.baseinfo.NodeApiIT.household;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repair-station coverage decides who is responsible for base data: mapping a community or building to a station
 * re-homes its nodes, households, customers, phones and payments (data scope follows), the deepest mapping wins,
 * and removing or moving puts things back.
 */
class CoverageApiIT extends AbstractApiIT {

    @Autowired
    HouseholdWriter householdWriter;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    CoverageApi coverageApi;

    @Test
    void mappingsReHomeHouseholdsAndTheDeepestWins() {
        ApiClient admin = admin();
        ApiClient sub01 = client().loggedIn("sub01admin", DEMO_PASSWORD);
        ApiClient lead = client().loggedIn("lead01", DEMO_PASSWORD);
        String s = NodeApiIT.suffix();
        long sub01Id = orgId("SUB01");
        long st01 = orgId("ST01");
        long st02 = orgId("ST02");
        String sub01Path = orgPath("SUB01");
        String st01Path = orgPath("ST01");
        String st02Path = orgPath("ST02");

        Map<String, String> t = chain(admin, sub01Id, s, "锦绣花园" + s);
        String cm = t.get("CM" + s);
        String b1 = t.get("B" + s);
        String b2 = create(admin, "BUILDING", cm, null, "BB" + s, "5号楼");
        String u2 = create(admin, "UNIT", b2, null, "UB" + s, "1单元");
        long h1 = household(tx, householdWriter, sub01Id, "H1" + s, Long.parseLong(t.get("U" + s)), "101");
        long h2 = household(tx, householdWriter, sub01Id, "H2" + s, Long.parseLong(u2), "202");
        jdbc.update("INSERT INTO bi_payment (id, household_id, pay_kind, amount, paid_at, data_source, source_ref, "
                        + "received_at, subsidiary_id, org_path) VALUES (?, ?, 'PAY', ?, ?, 'BILLING', ?, ?, ?, ?)",
                h1 + 7, h1, new BigDecimal("2300.00"), LocalDateTime.now(), "P" + s, LocalDateTime.now(), sub01Id, sub01Path);
        assertThat(orgPathOfHousehold(h1)).isEqualTo(sub01Path);
        assertThat(coverageApi.stationForHousehold(h1)).isEmpty();

        // the community goes to ST01: everything below follows, and the station lead now sees it
        ApiClient.Reply mapped = sub01.post("/api/baseinfo/coverage", Map.of("stationId", String.valueOf(st01),
                "nodeIds", List.of(cm)));
        assertThat(mapped.status()).as(mapped.toString()).isEqualTo(200);
        assertThat(mapped.data().get(0).path("stationName").asText()).isNotBlank();
        assertThat(mapped.data().get(0).path("fullName").asText()).endsWith("/锦绣花园" + s);
        for (long h : List.of(h1, h2)) {
            assertThat(orgPathOfHousehold(h)).isEqualTo(st01Path);
            assertThat(jdbc.queryForObject("SELECT c.org_path FROM bi_customer c JOIN bi_household h ON h.customer_id = c.id "
                    + "WHERE h.id = ?", String.class, h)).isEqualTo(st01Path);
            assertThat(jdbc.queryForObject("SELECT p.org_path FROM bi_customer_phone p JOIN bi_household h "
                    + "ON h.customer_id = p.customer_id WHERE h.id = ?", String.class, h)).isEqualTo(st01Path);
            assertThat(coverageApi.stationForHousehold(h)).contains(st01);
        }
        assertThat(jdbc.queryForObject("SELECT org_path FROM bi_payment WHERE source_ref = ?", String.class, "P" + s))
                .isEqualTo(st01Path);
        assertThat(jdbc.queryForObject("SELECT org_path FROM bi_node WHERE id = ?", String.class, Long.parseLong(u2)))
                .isEqualTo(st01Path);
        assertThat(jdbc.queryForObject("SELECT org_path FROM bi_node WHERE id = ?", String.class,
                Long.parseLong(t.get("HX" + s)))).isEqualTo(sub01Path);
        assertThat(coverageApi.stationForNode(Long.parseLong(cm))).contains(st01);
        assertThat(coverageApi.stationForNode(Long.parseLong(t.get("HX" + s)))).isEmpty();
        assertThat(codes(lead.get("/api/baseinfo/nodes/children").data())).contains("CM" + s);
        JsonNode cmDetail = lead.get("/api/baseinfo/nodes/" + cm).data();
        assertThat(cmDetail.path("households").asLong()).isEqualTo(2);
        assertThat(cmDetail.path("coverage").path("stationId").asLong()).isEqualTo(st01);
        assertThat(cmDetail.path("node").path("stationId").asLong()).isEqualTo(st01);
        // the community's change log moved along with it, so the lead reads it
        assertThat(lead.get("/api/baseinfo/nodes/" + cm + "/logs").data().path("records").findValuesAsText("action"))
                .containsExactly("COVERAGE", "CREATE");
        assertThat(lead.get("/api/baseinfo/coverage?stationId=" + st01 + "&size=1000").data().path("records")
                .findValuesAsText("nodeCode")).contains("CM" + s);

        // building 5 goes to ST02: the deeper mapping wins for it alone; the lead no longer sees it
        ApiClient.Reply deeper = sub01.post("/api/baseinfo/coverage", Map.of("stationId", String.valueOf(st02),
                "nodeIds", List.of(b2)));
        assertThat(deeper.status()).as(deeper.toString()).isEqualTo(200);
        assertThat(orgPathOfHousehold(h2)).isEqualTo(st02Path);
        assertThat(orgPathOfHousehold(h1)).isEqualTo(st01Path);
        assertThat(coverageApi.stationForHousehold(h2)).contains(st02);
        assertThat(codes(lead.get("/api/baseinfo/nodes/children?parentId=" + cm).data())).containsExactly("B" + s);
        assertThat(find(lead.get("/api/baseinfo/nodes/children").data(), "CM" + s).path("childCount").asInt()).isEqualTo(1);
        assertThat(find(admin.get("/api/baseinfo/nodes/children?parentId=" + cm).data(), "BB" + s)
                .path("stationId").asLong()).isEqualTo(st02);
        assertThat(lead.get("/api/baseinfo/nodes/" + u2).status()).isEqualTo(404);

        // handing the building over to ST01 updates the mapping instead of adding one
        ApiClient.Reply handOver = sub01.post("/api/baseinfo/coverage", Map.of("stationId", String.valueOf(st01),
                "nodeIds", List.of(b2)));
        assertThat(handOver.status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bi_coverage WHERE node_id = ?", Long.class,
                Long.parseLong(b2))).isEqualTo(1);
        assertThat(orgPathOfHousehold(h2)).isEqualTo(st01Path);

        // removing the community's mapping: the community's own households fall back to the subsidiary
        String cmCoverage = admin.get("/api/baseinfo/coverage?nodeId=" + cm).data().path("records").get(0).path("id").asText();
        assertThat(lead.delete("/api/baseinfo/coverage/" + cmCoverage).status()).isEqualTo(403);
        assertThat(sub01.delete("/api/baseinfo/coverage/" + cmCoverage).status()).isEqualTo(200);
        assertThat(orgPathOfHousehold(h1)).isEqualTo(sub01Path);
        assertThat(orgPathOfHousehold(h2)).isEqualTo(st01Path);
        assertThat(coverageApi.stationForHousehold(h1)).isEmpty();
        assertThat(codes(lead.get("/api/baseinfo/nodes/children").data())).doesNotContain("CM" + s).contains("BB" + s);
        assertThat(sub01.delete("/api/baseinfo/coverage/" + cmCoverage).status()).isEqualTo(404);

        // a building moved under a covered community takes that station; its households follow
        ApiClient.Reply again = sub01.post("/api/baseinfo/coverage", Map.of("stationId", String.valueOf(st02),
                "nodeIds", List.of(cm)));
        assertThat(again.status()).isEqualTo(200);
        String other = create(admin, "COMMUNITY", t.get("HX" + s), null, "CO" + s, "其他小区");
        assertThat(admin.post("/api/baseinfo/nodes/" + b1 + "/move", Map.of("newParentId", other, "reason", "调整"))
                .status()).isEqualTo(200);
        assertThat(orgPathOfHousehold(h1)).isEqualTo(sub01Path);
        assertThat(coverageApi.stationForHousehold(h1)).isEmpty();
        assertThat(admin.post("/api/baseinfo/nodes/" + b1 + "/move", Map.of("newParentId", cm, "reason", "调回"))
                .status()).isEqualTo(200);
        assertThat(orgPathOfHousehold(h1)).isEqualTo(st02Path);
        assertThat(coverageApi.stationForHousehold(h1)).contains(st02);
        // building 5 carries its own mapping (ST01) wherever it goes
        assertThat(admin.post("/api/baseinfo/nodes/" + b2 + "/move", Map.of("newParentId", other, "reason", "调整"))
                .status()).isEqualTo(200);
        assertThat(orgPathOfHousehold(h2)).isEqualTo(st01Path);
        assertThat(jdbc.queryForObject("SELECT node_path FROM bi_coverage WHERE node_id = ?", String.class,
                Long.parseLong(b2))).contains("/" + other + "/" + b2 + "/");
    }

    @Test
    void onlyRepairStationsOfTheSameSubsidiaryServeCommunitiesAndBuildings() {
        ApiClient admin = admin();
        String s = NodeApiIT.suffix();
        Map<String, String> t = chain(admin, orgId("SUB01"), s, "明珠小区" + s);
        String st01 = String.valueOf(orgId("ST01"));

        ApiClient.Reply unit = admin.post("/api/baseinfo/coverage", Map.of("stationId", st01, "nodeIds", List.of(t.get("U" + s))));
        assertThat(unit.status()).isEqualTo(400);
        assertThat(unit.body().path("field").asText()).isEqualTo("nodeIds");
        assertThat(unit.body().path("msg").asText()).contains("只能指定到小区或楼栋");
        ApiClient.Reply notStation = admin.post("/api/baseinfo/coverage",
                Map.of("stationId", String.valueOf(orgId("SUB01")), "nodeIds", List.of(t.get("CM" + s))));
        assertThat(notStation.status()).isEqualTo(400);
        assertThat(notStation.body().path("field").asText()).isEqualTo("stationId");
        ApiClient.Reply foreign = admin.post("/api/baseinfo/coverage",
                Map.of("stationId", String.valueOf(orgId("ST07")), "nodeIds", List.of(t.get("CM" + s), t.get("B" + s))));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.body().path("msg").asText()).contains("不属于同一分公司");
        ApiClient.Reply empty = admin.post("/api/baseinfo/coverage", Map.of("stationId", st01, "nodeIds", List.of()));
        assertThat(empty.body().path("field").asText()).isEqualTo("nodeIds");
        // a refused request leaves nothing behind, even for the nodes that were fine
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bi_coverage WHERE node_id = ?", Long.class,
                Long.parseLong(t.get("CM" + s)))).isZero();

        // both levels in one request: two mappings, the building's wins below it
        ApiClient.Reply both = admin.post("/api/baseinfo/coverage",
                Map.of("stationId", st01, "nodeIds", List.of(t.get("CM" + s), t.get("B" + s))));
        assertThat(both.status()).as(both.toString()).isEqualTo(200);
        assertThat(both.data().size()).isEqualTo(2);
        JsonNode choices = admin.get("/api/baseinfo/coverage/stations?nodeId=" + t.get("CM" + s)).data();
        assertThat(choices.findValuesAsText("orgCode")).contains("ST01", "ST06").doesNotContain("ST07", "SUB01");
        assertThat(client().loggedIn("lead01", DEMO_PASSWORD).get("/api/baseinfo/coverage/stations?nodeId=" + t.get("CM" + s))
                .status()).isEqualTo(403);
    }

    private String orgPath(String code) {
        return jdbc.queryForObject("SELECT org_path FROM org_unit WHERE org_code = ?", String.class, code);
    }

    private String orgPathOfHousehold(long id) {
        return jdbc.queryForObject("SELECT org_path FROM bi_household WHERE id = ?", String.class, id);
    }
}
