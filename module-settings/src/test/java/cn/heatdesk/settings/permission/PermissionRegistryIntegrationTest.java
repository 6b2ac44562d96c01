package cn.heatdesk.settings.permission;

import cn.heatdesk.settings.changelog.testapp.SettingsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PermissionRegistryIntegrationTest extends SettingsIntegrationTest {

    @Autowired
    PermissionRegistry registry;
    @Autowired
    PermissionService permissions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void startupSyncFillsTheTableAndRepairsDrift() {
        assertThat(permissions.allCodes()).contains("settings", "settings:dict:edit", "audit", "integration:app:manage", "data:unmask");

        jdbc.update("UPDATE sys_permission SET perm_name = ? WHERE perm_code = ?", "旧名称", "settings:dict");
        jdbc.update("INSERT INTO sys_permission (id, perm_code, perm_name, perm_kind, module_name, sort_no) VALUES (?, ?, ?, ?, ?, ?)",
                42L, "legacy:thing", "旧功能", "BUTTON", "legacy", 0);
        PermissionRegistry.SyncResult r = registry.sync();
        assertThat(r.updated()).isEqualTo(1);
        assertThat(r.inserted()).isZero();
        assertThat(r.undeclared()).contains("legacy:thing");
        assertThat(jdbc.queryForObject("SELECT perm_name FROM sys_permission WHERE perm_code = ?", String.class, "settings:dict"))
                .isEqualTo("数据字典");
        // unknown rows are kept
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sys_permission WHERE perm_code = ?", Integer.class, "legacy:thing")).isEqualTo(1);
        assertThat(registry.sync().updated()).isZero();
    }

    @Test
    void treeForTheRoleEditor() {
        List<PermissionNode> tree = permissions.tree();
        PermissionNode settings = tree.stream().filter(n -> n.code().equals("settings")).findFirst().orElseThrow();
        assertThat(settings.children()).extracting(PermissionNode::code).containsSubsequence(
                "settings:org", "settings:user", "settings:role", "settings:dict", "settings:param", "settings:changelog",
                "audit", "integration:app");
        PermissionNode dict = settings.children().stream().filter(n -> n.code().equals("settings:dict")).findFirst().orElseThrow();
        assertThat(dict.path()).isEqualTo("/settings/dict");
        assertThat(dict.children()).extracting(PermissionNode::code).containsExactly("settings:dict:edit");
        assertThat(dict.children().get(0).kind()).isEqualTo("BUTTON");
    }
}
