package cn.heatdesk.settings.changelog;

import cn.heatdesk.settings.dict.DictType;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class SettingChangeJsonTest {

    @Test
    void snapshotKeepsIdsAsStringsAndDatesAsIso() {
        DictType t = new DictType();
        t.setId(1234567890123456789L);
        t.setTypeCode("ticket_type");
        t.setTypeName("工单类型");
        t.setEnabled(1);
        t.setRowVersion(3);
        t.setCreatedAt(LocalDateTime.of(2026, 1, 2, 3, 4, 5));
        String json = SettingChangeJson.write(t);
        assertThat(json).contains("\"id\":\"1234567890123456789\"").contains("\"createdAt\":\"2026-01-02T03:04:05\"")
                .doesNotContain("builtinType").doesNotContain("label");
        DictType back = SettingChangeJson.read(json, DictType.class);
        assertThat(back.getId()).isEqualTo(1234567890123456789L);
        assertThat(back.getTypeName()).isEqualTo("工单类型");
        assertThat(back.getCreatedAt()).isEqualTo(t.getCreatedAt());
        assertThat(back.getRowVersion()).isEqualTo(3);
    }

    @Test
    void nullsAndBadJson() {
        assertThat(SettingChangeJson.write(null)).isNull();
        assertThat(SettingChangeJson.read(null, DictType.class)).isNull();
        assertThat(SettingChangeJson.tree(null)).isNull();
        JsonNode bad = SettingChangeJson.tree("{not json");
        assertThat(bad.isTextual()).isTrue();
    }

    @Test
    void likePatternsEscapeWildcards() {
        assertThat(SqlLike.contains("  ")).isNull();
        assertThat(SqlLike.contains("A_b%!")).isEqualTo("%a!_b!%!!%");
    }
}
