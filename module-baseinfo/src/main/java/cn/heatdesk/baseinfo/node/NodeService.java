package cn.heatdesk.baseinfo.node;

import cn.heatdesk.baseinfo.api.HouseholdPanel;
import cn.heatdesk.baseinfo.api.HouseholdTicketProvider;
import cn.heatdesk.baseinfo.api.NodeType;
import cn.heatdesk.baseinfo.support.Pinyin;
import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The heat network tree for the console: lazy children in the user's data scope, detail with household counts,
 * edits, moves, enable/disable and delete, search, and the per-node change log. Creation goes through
 * {@link NodeWriter} like every other write path; responsible org paths through {@link CoverageService}.
 */
@Service
public class NodeService {

    public static final int SEARCH_LIMIT = 50;
    private static final int CHUNK = 400;
    private static final Map<String, String> FIELDS = fieldLabels();

    private final NodeMapper nodes;
    private final NodeLogMapper logs;
    private final NodeStatsMapper stats;
    private final NodeWriter writer;
    private final CoverageService coverage;
    private final OrgApi orgs;
    private final ObjectProvider<HouseholdTicketProvider> tickets;

    public NodeService(NodeMapper nodes, NodeLogMapper logs, NodeStatsMapper stats, NodeWriter writer,
                       CoverageService coverage, OrgApi orgs, ObjectProvider<HouseholdTicketProvider> tickets) {
        this.nodes = nodes;
        this.logs = logs;
        this.stats = stats;
        this.writer = writer;
        this.coverage = coverage;
        this.orgs = orgs;
        this.tickets = tickets;
    }

    /** Children of a node, or without a parent the top of the part of the tree the user may see. */
    @Transactional(readOnly = true)
    public List<NodeView> children(Long parentId, boolean includeDisabled) {
        return views(parentId == null ? roots(includeDisabled) : nodes.selectChildren(parentId, includeDisabled),
                includeDisabled);
    }

    /**
     * Group and subsidiary users start at the companies. Station users see covered pieces: the visible nodes whose
     * parent is not visible. Only companies and covered nodes (where the org path changes) can be such nodes, so
     * only those are checked: a few hundred rows whatever the size of the tree.
     */
    private List<HeatNode> roots(boolean includeDisabled) {
        DataScope scope = SecurityContext.current().map(CurrentUser::dataScope).orElse(DataScope.ALL);
        if (scope == DataScope.ALL || scope == DataScope.SUBSIDIARY) {
            return nodes.selectChildren(null, includeDisabled);
        }
        List<HeatNode> candidates = nodes.selectScopeRoots(includeDisabled);
        Set<Long> parents = new HashSet<>();
        candidates.stream().map(HeatNode::getParentId).filter(Objects::nonNull).forEach(parents::add);
        Set<Long> visible = new HashSet<>();
        NodeRules.chunks(parents, CHUNK).forEach(chunk -> visible.addAll(nodes.selectVisibleIds(chunk)));
        return candidates.stream().filter(n -> n.getParentId() == null || !visible.contains(n.getParentId())).toList();
    }

    @Transactional(readOnly = true)
    public NodeDetail detail(long id) {
        HeatNode n = visible(id);
        List<Long> path = NodeRules.pathIds(n.getNodePath());
        List<Long> above = path.subList(0, path.size() - 1);
        List<HouseholdPanel.PathNode> ancestors = above.isEmpty() ? List.of() : nodes.selectByIdsUnscoped(above).stream()
                .sorted(Comparator.comparing(HeatNode::getNodeLevel))
                .map(a -> new HouseholdPanel.PathNode(a.getId(), a.getNodeType(), a.getNodeCode(), a.getNodeName()))
                .toList();
        NodeStats s = stats.counts(n.getNodePath());
        HouseholdTicketProvider provider = tickets.getIfAvailable();
        Long open = provider == null ? null : provider.countOpenUnder(n.getNodePath());
        return new NodeDetail(view(n), ancestors, s.getTotal(), s.getSuspended(), s.getStopped(), s.getArrears(), open,
                provider != null, coverage.own(n));
    }

    @Transactional
    public NodeView create(NodeRequests.Create req) {
        NodeType type = req.nodeType() == null || req.nodeType().isBlank() ? null : parseType(req.nodeType(), "nodeType");
        HeatNode parent = null;
        if (req.parentId() != null) {
            parent = nodes.selectById(req.parentId());
            if (parent == null) {
                throw BizException.invalid("parentId", "上级节点不存在或无权访问");
            }
        }
        HeatNode n = writer.create(new NodeWriter.NodeDraft(type, req.nodeCode(), req.nodeName(), req.parentId(),
                req.orgId(), req.sortNo(), req.address(), req.externalId()), parent, "MANUAL");
        if (nodes.selectById(n.getId()) == null) {
            // a company for a subsidiary outside the user's scope; the transaction takes the insert back
            throw BizException.invalid("orgId", "无权在该分公司下新增公司节点");
        }
        return view(n);
    }

    /** Renames (the subtree's full names and its households' addresses follow), recodes, re-sorts. */
    @Transactional
    public NodeView update(long id, NodeRequests.Update req) {
        HeatNode n = visible(id);
        String code = NodeWriter.requireCode(req.nodeCode());
        String name = NodeWriter.requireName(req.nodeName());
        if (!code.equals(n.getNodeCode())) {
            HeatNode other = nodes.selectByCode(n.getSubsidiaryId(), code);
            if (other != null && !other.getId().equals(id)) {
                throw BizException.invalid("nodeCode", "节点编码“" + code + "”在本分公司已存在");
            }
        }
        Map<String, Object> before = snapshot(n);
        String oldFull = n.getFullName();
        boolean renamed = !name.equals(n.getNodeName());
        n.setNodeCode(code);
        n.setNodeName(name);
        n.setNamePy(Pinyin.initials(name));
        n.setFullName(oldFull.substring(0, oldFull.lastIndexOf('/') + 1) + name);
        n.setSortNo(req.sortNo() == null ? n.getSortNo() : req.sortNo());
        n.setAddress(blankToNull(req.address()));
        n.setExternalId(blankToNull(req.externalId()));
        Map<String, Object> after = snapshot(n);
        if (before.equals(after)) {
            return view(n);
        }
        n.setRowVersion(req.rowVersion());
        touch(n);
        if (nodes.update(n) == 0) {
            throw new BizException(ErrorCode.CONFLICT, "节点信息已被他人修改，请刷新后重试");
        }
        n.setRowVersion(req.rowVersion() + 1);
        if (renamed) {
            writer.cascadeRename(n, oldFull);
        }
        writer.log(n, "UPDATE", "修改" + NodeRules.typeOf(n).label() + "：" + changes(before, after), before, after, null);
        return view(n);
    }

    /**
     * Puts the node (and its subtree) under another parent of the right level in the same subsidiary, or re-sorts it
     * among its siblings. Paths, full names and household addresses follow; the responsible org is recomputed
     * since coverage above the new place may differ.
     */
    @Transactional
    public NodeView move(long id, NodeRequests.Move req) {
        HeatNode n = visible(id);
        HeatNode target = nodes.selectById(req.newParentId());
        if (target == null) {
            throw BizException.invalid("newParentId", "目标上级节点不存在或无权访问");
        }
        NodeRules.checkMove(n, target, req.sortNo(), this::subsidiaryName);
        HeatNode oldParent = nodes.selectByIdUnscoped(n.getParentId());
        Map<String, Object> before = snapshot(n);
        before.put("parentName", oldParent.getFullName());
        String oldPath = n.getNodePath();
        String oldFull = n.getFullName();
        boolean reparent = !target.getId().equals(n.getParentId());
        n.setParentId(target.getId());
        n.setNodePath(target.getNodePath() + id + "/");
        n.setFullName(target.getFullName() + "/" + n.getNodeName());
        if (req.sortNo() != null) {
            n.setSortNo(req.sortNo());
        }
        touch(n);
        if (nodes.update(n) == 0) {
            throw new BizException(ErrorCode.CONFLICT, "节点信息已被他人修改，请刷新后重试");
        }
        Map<String, Object> after = snapshot(n);
        after.put("parentName", target.getFullName());
        String summary = reparent
                ? "从“" + oldParent.getFullName() + "”移到“" + target.getFullName() + "”之下"
                : "调整排序：" + before.get("sortNo") + " → " + n.getSortNo();
        writer.log(n, "MOVE", summary, before, after, req.reason());
        if (reparent) {
            nodes.rewriteDescendants(id, oldPath, n.getNodePath(), NodeRules.startAfter(oldPath), oldFull,
                    n.getFullName(), NodeRules.startAfter(oldFull));
            stats.rewritePaths(oldPath, n.getNodePath(), NodeRules.startAfter(oldPath));
            coverage.movePaths(oldPath, n.getNodePath());
            coverage.recompute(n);
            if (NodeRules.moveChangesAddresses(NodeRules.typeOf(n))) {
                writer.refreshAddresses(n);
            }
        }
        return view(nodes.selectByIdUnscoped(id));
    }

    /** Disables the node and everything below it; households stay but their units take no new ones. */
    @Transactional
    public NodeRequests.DisableResult disable(long id, String reason) {
        HeatNode n = visible(id);
        if (n.getEnabled() != 1) {
            throw BizException.invalid("id", "该节点已是停用状态");
        }
        int changed = nodes.updateEnabledUnder(n.getNodePath(), 0, SecurityContext.userIdOrSystem(), LocalDateTime.now());
        long households = stats.countUnder(n.getNodePath());
        n.setEnabled(0);
        n.setRowVersion(n.getRowVersion() + 1);
        writer.log(n, "DISABLE", "停用" + NodeRules.typeOf(n).label() + "“" + n.getNodeName() + "”"
                        + (changed > 1 ? "及其下级节点" + (changed - 1) + "个" : "")
                        + (households > 0 ? "，涉及房屋" + households + "户" : ""),
                Map.of("enabled", 1), Map.of("enabled", 0), reason);
        String warning = households == 0 ? null : "已停用" + changed + "个节点，其下" + households
                + "户房屋的资料保留，但这些单元不能再新增或导入房屋";
        return new NodeRequests.DisableResult(view(n), changed, households, warning);
    }

    /** Enables the node (with {@code subtree}, everything below it too); its parent must be enabled. */
    @Transactional
    public NodeView enable(long id, NodeRequests.Enable req) {
        HeatNode n = visible(id);
        if (n.getEnabled() == 1 && !req.subtree()) {
            throw BizException.invalid("id", "该节点已是启用状态");
        }
        if (n.getParentId() != null) {
            HeatNode parent = nodes.selectByIdUnscoped(n.getParentId());
            if (parent.getEnabled() != 1) {
                throw BizException.invalid("id", "上级节点“" + parent.getNodeName() + "”已停用，请先启用上级节点");
            }
        }
        int changed;
        if (req.subtree()) {
            changed = nodes.updateEnabledUnder(n.getNodePath(), 1, SecurityContext.userIdOrSystem(), LocalDateTime.now());
            if (changed == 0) {
                throw BizException.invalid("id", "该节点及其下级节点均已是启用状态");
            }
        } else {
            n.setEnabled(1);
            touch(n);
            if (nodes.update(n) == 0) {
                throw new BizException(ErrorCode.CONFLICT, "节点信息已被他人修改，请刷新后重试");
            }
            changed = 1;
        }
        HeatNode now = nodes.selectByIdUnscoped(id);
        writer.log(now, "ENABLE", "启用" + NodeRules.typeOf(now).label() + "“" + now.getNodeName() + "”"
                + (changed > 1 ? "及其下级节点" + (changed - 1) + "个" : ""), Map.of("enabled", 0), Map.of("enabled", 1),
                req.reason());
        return view(now);
    }

    /** Deletes a node without children and households; the parent's log keeps what it was. */
    @Transactional
    public void delete(long id, String reason) {
        HeatNode n = visible(id);
        if (reason == null || reason.isBlank()) {
            throw BizException.invalid("reason", "删除原因不能为空");
        }
        if (reason.strip().length() > 500) {
            throw BizException.invalid("reason", "原因不能超过 500 个字符");
        }
        int children = nodes.countChildren(id);
        if (children > 0) {
            throw BizException.invalid("id", "“" + n.getNodeName() + "”下还有" + children + "个下级节点，不能删除；请先删除或移走下级节点");
        }
        long households = stats.countUnder(n.getNodePath());
        if (households > 0) {
            throw BizException.invalid("id", "“" + n.getNodeName() + "”下还有" + households + "户房屋，不能删除");
        }
        coverage.dropOwn(n);
        nodes.deleteById(id);
        HeatNode logOn = n.getParentId() == null ? n : nodes.selectByIdUnscoped(n.getParentId());
        writer.log(logOn, "DELETE", "删除" + NodeRules.typeOf(n).label() + "“" + n.getNodeName() + "”（编码 "
                + n.getNodeCode() + "）", snapshot(n), null, reason.strip());
    }

    /** By name (contains), code or pinyin initials (prefix), in the user's scope, best levels first. */
    @Transactional(readOnly = true)
    public List<NodeView> search(String keyword, String type, Integer limit) {
        if (keyword == null || keyword.isBlank()) {
            return List.of();
        }
        if (keyword.strip().length() > 100) {
            throw BizException.invalid("keyword", "搜索关键字不能超过100个字");
        }
        String k = keyword.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        String t = type == null || type.isBlank() ? null : parseType(type, "type").name();
        int n = limit == null ? SEARCH_LIMIT : Math.max(1, Math.min(limit, SEARCH_LIMIT));
        return views(Paging.limit(n, () -> nodes.search("%" + k + "%", k + "%", t)), true);
    }

    @Transactional(readOnly = true)
    public PageResult<NodeLog> logs(long id, PageQuery query) {
        visible(id);
        return Paging.page(query, () -> logs.selectByNode(id));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private HeatNode visible(long id) {
        HeatNode n = nodes.selectById(id);
        if (n == null) {
            throw BizException.notFound("节点");
        }
        return n;
    }

    private NodeView view(HeatNode n) {
        return views(List.of(n), true).get(0);
    }

    /** child counts in one grouped query, effective stations in one coverage query */
    private List<NodeView> views(List<HeatNode> list, boolean includeDisabled) {
        if (list.isEmpty()) {
            return List.of();
        }
        List<Long> parents = list.stream().filter(n -> !NodeType.UNIT.name().equals(n.getNodeType()))
                .map(HeatNode::getId).toList();
        Map<Long, Integer> counts = new HashMap<>();
        NodeRules.chunks(parents, CHUNK).forEach(chunk -> nodes.countChildrenGrouped(chunk, includeDisabled)
                .forEach(c -> counts.put(c.getParentId(), c.getCnt())));
        Map<Long, Coverage> effective = coverage.effective(list);
        Map<Long, OrgInfo> stations = coverage.stations(effective.values().stream().map(Coverage::getStationId).toList());
        List<NodeView> out = new ArrayList<>(list.size());
        for (HeatNode n : list) {
            Coverage c = effective.get(n.getId());
            OrgInfo station = c == null ? null : stations.get(c.getStationId());
            out.add(NodeView.of(n, counts.getOrDefault(n.getId(), 0), c == null ? null : c.getStationId(),
                    station == null ? null : station.orgName()));
        }
        return out;
    }

    private String subsidiaryName(long subsidiaryId) {
        return orgs.find(subsidiaryId).map(OrgInfo::orgName).orElse("分公司" + subsidiaryId);
    }

    private static NodeType parseType(String raw, String field) {
        return NodeType.parse(raw).orElseThrow(() -> BizException.invalid(field,
                "节点类型“" + raw.strip() + "”不正确，应为公司/热源/热站/小区/楼栋/单元"));
    }

    private static void touch(HeatNode n) {
        n.setUpdatedBy(SecurityContext.userIdOrSystem());
        n.setUpdatedAt(LocalDateTime.now());
    }

    /** the fields a user changes, as the change log stores them */
    private static Map<String, Object> snapshot(HeatNode n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nodeCode", n.getNodeCode());
        m.put("nodeName", n.getNodeName());
        m.put("fullName", n.getFullName());
        m.put("sortNo", n.getSortNo());
        m.put("address", n.getAddress());
        m.put("externalId", n.getExternalId());
        m.put("enabled", n.getEnabled());
        m.put("parentId", n.getParentId());
        return m;
    }

    private static String changes(Map<String, Object> before, Map<String, Object> after) {
        List<String> out = new ArrayList<>();
        FIELDS.forEach((k, label) -> {
            if (!Objects.equals(before.get(k), after.get(k))) {
                out.add(label + "：" + show(before.get(k)) + " → " + show(after.get(k)));
            }
        });
        return String.join("；", out);
    }

    private static String show(Object v) {
        return v == null || "".equals(v) ? "（空）" : String.valueOf(v);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Map<String, String> fieldLabels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("nodeName", "名称");
        m.put("nodeCode", "编码");
        m.put("sortNo", "排序");
        m.put("address", "地址");
        m.put("externalId", "外部编号");
        return m;
    }
}
