package cn.heatdesk.settings.permission;

import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The permission catalogue as stored in sys_permission. */
@Service
public class PermissionService {

    private final PermissionMapper mapper;

    public PermissionService(PermissionMapper mapper) {
        this.mapper = mapper;
    }

    /** Menus and buttons as a tree by sort order; a node whose parent is unknown is a root. */
    public List<PermissionNode> tree() {
        return buildTree(mapper.listAll());
    }

    /** every known permission code, e.g. to validate a role grant */
    public Set<String> allCodes() {
        Set<String> codes = new LinkedHashSet<>();
        mapper.listAll().forEach(p -> codes.add(p.getPermCode()));
        return codes;
    }

    static List<PermissionNode> buildTree(List<SysPermission> rows) {
        Map<String, PermissionNode> nodes = new LinkedHashMap<>();
        for (SysPermission p : rows) {
            nodes.put(p.getPermCode(), PermissionNode.of(p));
        }
        List<PermissionNode> roots = new ArrayList<>();
        for (SysPermission p : rows) {
            PermissionNode node = nodes.get(p.getPermCode());
            PermissionNode parent = p.getParentCode() == null ? null : nodes.get(p.getParentCode());
            if (parent == null || parent == node || createsCycle(p.getPermCode(), p.getParentCode(), rows)) {
                roots.add(node);
            } else {
                parent.children().add(node);
            }
        }
        return roots;
    }

    private static boolean createsCycle(String code, String parent, List<SysPermission> rows) {
        Map<String, String> parents = new LinkedHashMap<>();
        rows.forEach(r -> parents.put(r.getPermCode(), r.getParentCode()));
        Set<String> seen = new HashSet<>();
        String p = parent;
        while (p != null && seen.add(p)) {
            if (p.equals(code)) {
                return true;
            }
            p = parents.get(p);
        }
        return false;
    }
}
