package cn.heatdesk.settings.auth;

import cn.heatdesk.settings.permission.PermissionNode;
import cn.heatdesk.settings.permission.PermissionService;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Menus from the permission registry: a menu shows when the user holds its code (or everything, "*"). */
@Component
class PermissionMenuProvider implements MenuProvider {

    private final PermissionService permissions;

    PermissionMenuProvider(PermissionService permissions) {
        this.permissions = permissions;
    }

    @Override
    public List<Menu> menusFor(Set<String> held) {
        return filter(permissions.tree(), held);
    }

    private static List<Menu> filter(List<PermissionNode> nodes, Set<String> held) {
        List<Menu> out = new ArrayList<>();
        for (PermissionNode n : nodes) {
            if (!"MENU".equals(n.kind()) || !(held.contains("*") || held.contains(n.code()))) {
                continue;
            }
            out.add(new Menu(n.code(), n.name(), n.path(), n.icon(), filter(n.children(), held)));
        }
        return out;
    }

    public record Menu(String code, String name, String path, String icon, List<Menu> children) {
    }
}
