package cn.heatdesk.settings.permission;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PermissionDeclarationsTest {

    @Test
    void settingsDeclarationsAreWellFormedAndComplete() {
        List<PermissionRegistry.Declared> all = PermissionRegistry.validate(
                PermissionRegistry.load(new PathMatchingResourcePatternResolver()));
        Map<String, PermissionDeclaration> byCode = all.stream().filter(d -> d.module().equals("settings"))
                .map(PermissionRegistry.Declared::declaration)
                .collect(Collectors.toMap(PermissionDeclaration::code, Function.identity()));
        assertThat(byCode.keySet()).contains("settings", "settings:org", "settings:user", "settings:role", "settings:dict",
                "settings:param", "settings:changelog", "audit", "integration:app",
                "settings:org:edit", "settings:org:move", "settings:org:disable", "settings:user:edit",
                "settings:user:reset-password", "settings:user:unlock", "settings:user:export", "settings:role:edit",
                "settings:role:grant", "settings:dict:edit", "settings:param:edit", "settings:changelog:rollback",
                "audit:view", "audit:verify", "audit:export", "integration:app:manage", "data:unmask");
        assertThat(byCode.get("settings").kind()).isEqualTo("MENU");
        assertThat(byCode.get("settings:dict").parent()).isEqualTo("settings");
        assertThat(byCode.get("audit").name()).isEqualTo("审计日志");
        assertThat(byCode.get("settings:dict:edit").kind()).isEqualTo("BUTTON");
        // every parent is declared
        byCode.values().stream().filter(p -> p.parent() != null)
                .forEach(p -> assertThat(byCode).containsKey(p.parent()));
    }

    @Test
    void duplicateOrMalformedDeclarationsStopTheStart() throws Exception {
        String json = "[{\"code\":\"x:a\",\"name\":\"甲\",\"kind\":\"MENU\"}]";
        List<PermissionRegistry.Declared> a = PermissionRegistry.parse("a", "a.json", stream(json));
        List<PermissionRegistry.Declared> b = PermissionRegistry.parse("b", "b.json", stream(json));
        List<PermissionRegistry.Declared> both = new ArrayList<>(a);
        both.addAll(b);
        assertThatThrownBy(() -> PermissionRegistry.validate(both)).hasMessageContaining("declared twice");
        assertThatThrownBy(() -> PermissionRegistry.validate(PermissionRegistry.parse("c", "c.json",
                stream("[{\"code\":\"x:b\",\"name\":\"乙\",\"kind\":\"LINK\"}]")))).hasMessageContaining("MENU or BUTTON");
        assertThatThrownBy(() -> PermissionRegistry.validate(PermissionRegistry.parse("c", "c.json",
                stream("[{\"code\":\"bad code\",\"name\":\"乙\",\"kind\":\"MENU\"}]")))).hasMessageContaining("bad permission code");
        assertThatThrownBy(() -> PermissionRegistry.parse("c", "c.json",
                stream("[{\"code\":\"x:c\",\"name\":\"丙\",\"kind\":\"MENU\",\"typo\":1}]"))).isInstanceOf(Exception.class);
    }

    @Test
    void treeNestsByParentAndKeepsOrphansAtTop() {
        List<SysPermission> rows = List.of(
                row("m", null, "MENU", 1), row("m:a", "m", "MENU", 1), row("m:a:edit", "m:a", "BUTTON", 1),
                row("orphan", "missing", "BUTTON", 2), row("loop1", "loop2", "MENU", 3), row("loop2", "loop1", "MENU", 4));
        List<PermissionNode> tree = PermissionService.buildTree(rows);
        assertThat(tree).extracting(PermissionNode::code).containsExactly("m", "orphan", "loop1", "loop2");
        assertThat(tree.get(0).children()).extracting(PermissionNode::code).containsExactly("m:a");
        assertThat(tree.get(0).children().get(0).children()).extracting(PermissionNode::code).containsExactly("m:a:edit");
    }

    private static SysPermission row(String code, String parent, String kind, int sort) {
        SysPermission p = new SysPermission();
        p.setPermCode(code);
        p.setPermName(code);
        p.setPermKind(kind);
        p.setParentCode(parent);
        p.setModuleName("t");
        p.setSortNo(sort);
        return p;
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
