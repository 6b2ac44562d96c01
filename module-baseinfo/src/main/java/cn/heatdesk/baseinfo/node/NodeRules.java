package cn.heatdesk.baseinfo.node;

import cn.heatdesk.baseinfo.api.NodeType;
import cn.heatdesk.kernel.error.BizException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;

/** The tree's rules that need no database: move validation, paths, and which station serves a node. */
public final class NodeRules {

    private NodeRules() {
    }

    public static NodeType typeOf(HeatNode n) {
        return NodeType.parse(n.getNodeType()).orElseThrow(() -> new IllegalStateException("bad node type " + n.getNodeType()));
    }

    /**
     * Refuses a move of {@code node} under {@code target}: a company never moves, nothing moves into its own subtree
     * or across subsidiaries, the level order holds and the target is enabled. {@code sortNo} null with the
     * current parent as target is a no-op the user should hear about.
     */
    public static void checkMove(HeatNode node, HeatNode target, Integer sortNo, LongFunction<String> subsidiaryName) {
        NodeType type = typeOf(node);
        if (type == NodeType.COMPANY) {
            throw BizException.invalid("newParentId", "公司是树的第一级，不能移动");
        }
        if (target.getNodePath().startsWith(node.getNodePath())) {
            throw BizException.invalid("newParentId", "不能把“" + node.getNodeName() + "”移动到它自己或它的下级节点之下");
        }
        if (!Objects.equals(target.getSubsidiaryId(), node.getSubsidiaryId())) {
            throw BizException.invalid("newParentId", "不能跨分公司移动：“" + node.getNodeName() + "”属于"
                    + subsidiaryName.apply(node.getSubsidiaryId()) + "，目标“" + target.getNodeName() + "”属于"
                    + subsidiaryName.apply(target.getSubsidiaryId()) + "，只能在同一分公司内调整");
        }
        try {
            NodeWriter.checkLevel(type, target);
        } catch (BizException e) {
            throw BizException.invalid("newParentId", e.getMessage());
        }
        if (target.getEnabled() == null || target.getEnabled() != 1) {
            throw BizException.invalid("newParentId", "目标上级节点“" + target.getNodeName() + "”已停用");
        }
        if (target.getId().equals(node.getParentId()) && sortNo == null) {
            throw BizException.invalid("newParentId", "目标上级节点与当前上级节点相同");
        }
    }

    /** "/1/22/333/" → [1, 22, 333] (top first) */
    public static List<Long> pathIds(String nodePath) {
        List<Long> ids = new ArrayList<>();
        for (String s : nodePath.split("/")) {
            if (!s.isEmpty()) {
                ids.add(Long.parseLong(s));
            }
        }
        return ids;
    }

    /** the mapping of the deepest node on the path that has one */
    public static <T> Optional<T> deepest(List<Long> pathIds, Map<Long, T> byNode) {
        for (int i = pathIds.size() - 1; i >= 0; i--) {
            T t = byNode.get(pathIds.get(i));
            if (t != null) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * The responsible org path of every node of a subtree: its own coverage's station, else what its parent has;
     * the subtree root starts from {@code inherited} (the ancestors' deepest coverage or the company's subsidiary).
     *
     * @param subtree the root first, every parent before its children
     */
    public static Map<Long, String> effectiveOrgPaths(List<HeatNode> subtree, String inherited,
                                                      Map<Long, String> coveredOrgPath) {
        Map<Long, String> out = new HashMap<>();
        for (int i = 0; i < subtree.size(); i++) {
            HeatNode n = subtree.get(i);
            String base = i == 0 ? inherited : out.get(n.getParentId());
            if (base == null) {
                throw new IllegalStateException("subtree not in parent-first order at node " + n.getId());
            }
            out.put(n.getId(), coveredOrgPath.getOrDefault(n.getId(), base));
        }
        return out;
    }

    /**
     * Household addresses name the community, building and unit (HouseholdWriter.address): renaming a node of
     * those levels changes them.
     */
    public static boolean renameChangesAddresses(NodeType type) {
        return type.level() >= NodeType.COMMUNITY.level();
    }

    /** moving a building or unit gives it a new community or building, which the addresses name */
    public static boolean moveChangesAddresses(NodeType type) {
        return type.level() >= NodeType.BUILDING.level();
    }

    /** IN-list sized pieces */
    public static <T> List<List<T>> chunks(Collection<T> all, int size) {
        List<List<T>> out = new ArrayList<>();
        List<T> cur = new ArrayList<>(size);
        for (T t : all) {
            cur.add(t);
            if (cur.size() == size) {
                out.add(cur);
                cur = new ArrayList<>(size);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }

    /** SUBSTRING start (1-based, in characters as the databases count them) just past {@code prefix} */
    public static int startAfter(String prefix) {
        return prefix.codePointCount(0, prefix.length()) + 1;
    }
}
