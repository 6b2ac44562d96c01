package cn.heatdesk.settings.permission;

import java.util.ArrayList;
import java.util.List;

/** A menu or button in the role editor's permission tree. */
public record PermissionNode(String code, String name, String kind, String path, String icon, String module, int sort,
                             List<PermissionNode> children) {

    static PermissionNode of(SysPermission p) {
        return new PermissionNode(p.getPermCode(), p.getPermName(), p.getPermKind(), p.getRoutePath(), p.getIcon(),
                p.getModuleName(), p.getSortNo() == null ? 0 : p.getSortNo(), new ArrayList<>());
    }
}
