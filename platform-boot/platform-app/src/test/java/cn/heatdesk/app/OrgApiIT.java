package cn.heatdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OrgApiIT extends AbstractApiIT {

    @Test
    void adminBuildsMovesAndDisablesOrgsWithHistory() {
        ApiClient admin = admin();
        String s = String.valueOf(System.nanoTime() % 1000000);
        ApiClient.Reply sub = admin.post("/api/settings/orgs", Map.of("parentId", String.valueOf(orgId("DIV-S")),
                "orgType", "SUBSIDIARY", "orgCode", "SUBX" + s, "orgName", "新区热力分公司" + s));
        assertThat(sub.status()).as(sub.toString()).isEqualTo(200);
        long subId = sub.data().path("id").asLong();
        assertThat(sub.data().path("subsidiaryId").asLong()).isEqualTo(subId);

        ApiClient.Reply station = admin.post("/api/settings/orgs", Map.of("parentId", String.valueOf(orgId("SUB01")),
                "orgType", "REPAIR_STATION", "orgCode", "STX" + s, "orgName", "临时维修站" + s));
        assertThat(station.status()).isEqualTo(200);
        long stationId = station.data().path("id").asLong();
        String username = "mover" + s;
        AuthApiIT.createUser(admin, username, "STX" + s, List.of());

        // wrong level order: a repair station cannot sit directly under the group
        ApiClient.Reply wrong = admin.post("/api/settings/orgs/" + stationId + "/move",
                Map.of("newParentId", String.valueOf(orgId("GROUP")), "reason", "测试"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().path("field").asText()).isEqualTo("parentId");

        ApiClient.Reply moved = admin.post("/api/settings/orgs/" + stationId + "/move",
                Map.of("newParentId", String.valueOf(subId), "reason", "划转至新区分公司"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.data().path("subsidiaryId").asLong()).isEqualTo(subId);
        Map<String, Object> user = jdbc.queryForMap("SELECT org_path, subsidiary_id FROM sys_user WHERE username = ?", username);
        assertThat((String) user.get("org_path")).startsWith(sub.data().path("orgPath").asText());
        assertThat(((Number) user.get("subsidiary_id")).longValue()).isEqualTo(subId);

        // a node with enabled children cannot be disabled; the leaf can
        assertThat(admin.post("/api/settings/orgs/" + subId + "/disable", Map.of("reason", "撤销")).status()).isEqualTo(400);
        assertThat(admin.post("/api/settings/orgs/" + stationId + "/disable", Map.of("reason", "撤站")).status()).isEqualTo(200);
        assertThat(client().login(username, "Init#Pass2026").code()).isEqualTo("ACCOUNT_DISABLED");

        JsonNode history = admin.get("/api/settings/orgs/" + stationId + "/history").data();
        assertThat(history.findValuesAsText("changeKind")).containsExactly("DISABLE", "MOVE", "CREATE");
        assertThat(history.get(1).path("reason").asText()).isEqualTo("划转至新区分公司");

        ApiClient.Reply dup = admin.post("/api/settings/orgs", Map.of("parentId", String.valueOf(subId),
                "orgType", "REPAIR_STATION", "orgCode", "STX" + s, "orgName", "重复"));
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.body().path("field").asText()).isEqualTo("orgCode");
    }

    @Test
    void orgTypesAreDataAdminsCanAdd() {
        ApiClient admin = admin();
        String code = "GRID_" + System.nanoTime() % 100000;
        ApiClient.Reply t = admin.post("/api/settings/org-types", Map.of("typeCode", code, "typeName", "网格",
                "allowedParents", "REPAIR_STATION,TEAM", "subsidiary", false));
        assertThat(t.status()).as(t.toString()).isEqualTo(200);
        ApiClient.Reply grid = admin.post("/api/settings/orgs", Map.of("parentId", String.valueOf(orgId("ST05")),
                "orgType", code, "orgCode", "G" + code, "orgName", "第一网格"));
        assertThat(grid.status()).as(grid.toString()).isEqualTo(200);
        assertThat(grid.data().path("subsidiaryId").asLong()).isEqualTo(orgId("SUB01"));
    }
}
