package cn.heatdesk.baseinfo.node;

import cn.heatdesk.baseinfo.api.CoverageApi;
import cn.heatdesk.baseinfo.api.NodeType;
import cn.heatdesk.baseinfo.household.CustomerMapper;
import cn.heatdesk.baseinfo.household.CustomerPhoneMapper;
import cn.heatdesk.baseinfo.household.Household;
import cn.heatdesk.baseinfo.household.HouseholdMapper;
import cn.heatdesk.baseinfo.household.PaymentMapper;
import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Repair-station coverage: which station serves which community or building. The deepest mapping on a node's
 * path wins. Every change re-homes the affected subtree — nodes, their logs, households, customers, phones,
 * payments and room temperatures — to the org path of the station now responsible (else the company's
 * subsidiary), which is what data scope and ticket dispatch go by.
 */
@Service
public class CoverageService implements CoverageApi {

    public static final String REPAIR_STATION = "REPAIR_STATION";
    static final Map<String, String> SORTS = Map.of("fullName", "n.full_name", "createdAt", "c.created_at");
    private static final int CHUNK = 400;

    private final CoverageMapper coverages;
    private final NodeMapper nodes;
    private final NodeLogMapper logs;
    private final NodeWriter writer;
    private final HouseholdMapper households;
    private final CustomerMapper customers;
    private final CustomerPhoneMapper phones;
    private final PaymentMapper payments;
    private final OrgApi orgs;
    private final IdGenerator ids;

    public CoverageService(CoverageMapper coverages, NodeMapper nodes, NodeLogMapper logs, NodeWriter writer,
                           HouseholdMapper households, CustomerMapper customers, CustomerPhoneMapper phones,
                           PaymentMapper payments, OrgApi orgs, IdGenerator ids) {
        this.coverages = coverages;
        this.nodes = nodes;
        this.logs = logs;
        this.writer = writer;
        this.households = households;
        this.customers = customers;
        this.phones = phones;
        this.payments = payments;
        this.orgs = orgs;
        this.ids = ids;
    }

    // ---- CoverageApi -------------------------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> stationForHousehold(long householdId) {
        Household h = households.selectByIdUnscoped(householdId);
        return h == null ? Optional.empty() : stationOnPath(h.getNodePath());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> stationForNode(long nodeId) {
        HeatNode n = nodes.selectByIdUnscoped(nodeId);
        return n == null ? Optional.empty() : stationOnPath(n.getNodePath());
    }

    private Optional<Long> stationOnPath(String nodePath) {
        List<Long> path = NodeRules.pathIds(nodePath);
        return NodeRules.deepest(path, byNode(path)).map(Coverage::getStationId);
    }

    // ---- endpoints ---------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public PageResult<CoverageView> page(Long stationId, Long nodeId, PageQuery query) {
        String orderBy = query.orderBy(SORTS, "n.full_name");
        PageResult<Coverage> page = Paging.page(query, () -> coverages.list(stationId, nodeId, orderBy));
        Map<Long, OrgInfo> stations = stations(page.records().stream().map(Coverage::getStationId).toList());
        return page.map(c -> view(c, stations.get(c.getStationId())));
    }

    /** the enabled repair stations of the node's subsidiary: the choices for a mapping */
    @Transactional(readOnly = true)
    public List<OrgInfo> stationChoices(long nodeId) {
        HeatNode n = nodes.selectById(nodeId);
        if (n == null) {
            throw BizException.notFound("节点");
        }
        return orgs.subtree(n.getSubsidiaryId()).stream()
                .filter(o -> REPAIR_STATION.equals(o.orgType()) && o.enabled()).toList();
    }

    /** Maps the station onto each node (a node served by another station is handed over). */
    @Transactional
    public List<CoverageView> map(NodeRequests.CoverageCreate req) {
        OrgInfo station = orgs.find(req.stationId())
                .orElseThrow(() -> BizException.invalid("stationId", "维修站不存在"));
        if (!REPAIR_STATION.equals(station.orgType())) {
            throw BizException.invalid("stationId", "“" + station.orgName() + "”不是维修站，服务区域只能指定给维修站");
        }
        if (!station.enabled()) {
            throw BizException.invalid("stationId", "维修站“" + station.orgName() + "”已停用");
        }
        List<HeatNode> targets = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(req.nodeIds())) {
            HeatNode n = id == null ? null : nodes.selectById(id);
            if (n == null) {
                throw BizException.invalid("nodeIds", "节点不存在或无权访问");
            }
            NodeType type = NodeRules.typeOf(n);
            if (type != NodeType.COMMUNITY && type != NodeType.BUILDING) {
                throw BizException.invalid("nodeIds", "“" + n.getFullName() + "”是" + type.label()
                        + "，服务区域只能指定到小区或楼栋");
            }
            if (!Objects.equals(n.getSubsidiaryId(), station.subsidiaryId())) {
                throw BizException.invalid("nodeIds", "“" + n.getFullName() + "”与维修站“" + station.orgName()
                        + "”不属于同一分公司，不能由它服务");
            }
            targets.add(n);
        }
        Map<Long, Coverage> existing = byNode(targets.stream().map(HeatNode::getId).toList());
        Map<Long, OrgInfo> names = stations(existing.values().stream().map(Coverage::getStationId).toList());
        List<HeatNode> changed = new ArrayList<>();
        List<CoverageView> out = new ArrayList<>();
        for (HeatNode n : targets) {
            Coverage c = existing.get(n.getId());
            if (c == null) {
                c = new Coverage();
                c.setId(ids.nextId());
                c.setStationId(station.id());
                c.setNodeId(n.getId());
                c.setNodePath(n.getNodePath());
                c.setSubsidiaryId(n.getSubsidiaryId());
                c.setOrgPath(station.orgPath());
                c.setCreatedBy(SecurityContext.userIdOrSystem());
                c.setCreatedAt(LocalDateTime.now());
                coverages.insert(c);
                writer.log(n, "COVERAGE", "指定服务维修站：" + station.orgName(), null, stationJson(station), null);
                changed.add(n);
            } else if (!c.getStationId().equals(station.id())) {
                OrgInfo old = names.get(c.getStationId());
                coverages.updateStation(c.getId(), station.id(), station.orgPath());
                writer.log(n, "COVERAGE", "服务维修站：" + nameOf(old, c.getStationId()) + " → " + station.orgName(),
                        stationJson(old, c.getStationId()), stationJson(station), null);
                c.setStationId(station.id());
                c.setOrgPath(station.orgPath());
                changed.add(n);
            }
            c.setNodeType(n.getNodeType());
            c.setNodeCode(n.getNodeCode());
            c.setNodeName(n.getNodeName());
            c.setFullName(n.getFullName());
            out.add(view(c, station));
        }
        // a community and one of its buildings in the same request: re-homing the community covers both
        changed.sort(Comparator.comparing(HeatNode::getNodePath));
        List<String> done = new ArrayList<>();
        for (HeatNode n : changed) {
            if (done.stream().noneMatch(p -> n.getNodePath().startsWith(p))) {
                recompute(n);
                done.add(n.getNodePath());
            }
        }
        return out;
    }

    @Transactional
    public void remove(long id) {
        Coverage c = coverages.selectById(id);
        if (c == null) {
            throw BizException.notFound("服务区域");
        }
        HeatNode n = nodes.selectByIdUnscoped(c.getNodeId());
        coverages.deleteById(id);
        OrgInfo station = orgs.find(c.getStationId()).orElse(null);
        writer.log(n, "COVERAGE", "取消服务维修站：" + nameOf(station, c.getStationId()),
                stationJson(station, c.getStationId()), null, null);
        recompute(n);
    }

    // ---- for the tree ------------------------------------------------------------------------------------------

    /** the mapping effective on each node (own or the deepest above it), by node id; nodes without one are absent */
    Map<Long, Coverage> effective(Collection<HeatNode> list) {
        Set<Long> all = new HashSet<>();
        list.forEach(n -> all.addAll(NodeRules.pathIds(n.getNodePath())));
        Map<Long, Coverage> byNode = byNode(all);
        Map<Long, Coverage> out = new HashMap<>();
        for (HeatNode n : list) {
            NodeRules.deepest(NodeRules.pathIds(n.getNodePath()), byNode).ifPresent(c -> out.put(n.getId(), c));
        }
        return out;
    }

    /** the mapping on this very node, or null */
    CoverageView own(HeatNode n) {
        Coverage c = byNode(List.of(n.getId())).get(n.getId());
        if (c == null) {
            return null;
        }
        c.setNodeType(n.getNodeType());
        c.setNodeCode(n.getNodeCode());
        c.setNodeName(n.getNodeName());
        c.setFullName(n.getFullName());
        return view(c, orgs.find(c.getStationId()).orElse(null));
    }

    /** a node about to be deleted takes its mapping with it */
    void dropOwn(HeatNode n) {
        Coverage c = byNode(List.of(n.getId())).get(n.getId());
        if (c != null) {
            coverages.deleteById(c.getId());
        }
    }

    /** mappings inside a moved subtree follow it */
    void movePaths(String oldPath, String newPath) {
        coverages.rewritePaths(oldPath, newPath, NodeRules.startAfter(oldPath));
    }

    Map<Long, OrgInfo> stations(Collection<Long> stationIds) {
        Map<Long, OrgInfo> out = new HashMap<>();
        for (Long id : new HashSet<>(stationIds)) {
            orgs.find(id).ifPresent(o -> out.put(id, o));
        }
        return out;
    }

    /**
     * Gives {@code root} and everything below it the org path of the station now responsible for each node (the
     * deepest mapping on its path, else the company's subsidiary), and moves the households of every unit whose
     * path changed — with their customers, phones, payments and room temperatures — along.
     */
    void recompute(HeatNode root) {
        List<HeatNode> subtree = nodes.selectSubtreeUnscoped(root.getNodePath());
        Map<Long, String> covered = new HashMap<>();
        coverages.selectUnderUnscoped(root.getNodePath()).forEach(c -> covered.put(c.getNodeId(), c.getOrgPath()));
        Map<Long, String> effective = NodeRules.effectiveOrgPaths(subtree, inheritedOrgPath(root), covered);
        Map<String, List<Long>> changedNodes = new LinkedHashMap<>();
        Map<String, List<Long>> changedUnits = new LinkedHashMap<>();
        for (HeatNode n : subtree) {
            String path = effective.get(n.getId());
            if (!path.equals(n.getOrgPath())) {
                changedNodes.computeIfAbsent(path, k -> new ArrayList<>()).add(n.getId());
                if (NodeType.UNIT.name().equals(n.getNodeType())) {
                    changedUnits.computeIfAbsent(path, k -> new ArrayList<>()).add(n.getId());
                }
            }
        }
        changedNodes.forEach((path, list) -> NodeRules.chunks(list, CHUNK).forEach(chunk -> {
            nodes.updateOrgPath(chunk, path);
            logs.updateOrgPathByNodes(chunk, path);
        }));
        changedUnits.forEach((path, list) -> NodeRules.chunks(list, CHUNK).forEach(chunk -> {
            households.updateOrgPathByUnits(chunk, path);
            customers.updateOrgPathByUnits(chunk, path);
            phones.updateOrgPathByUnits(chunk, path);
            payments.updateOrgPathByUnits(chunk, path);
            payments.updateTempOrgPathByUnits(chunk, path);
        }));
    }

    /** what the root gets from above: the deepest mapping among its ancestors, else its company's subsidiary */
    private String inheritedOrgPath(HeatNode root) {
        List<Long> path = NodeRules.pathIds(root.getNodePath());
        List<Long> ancestors = path.subList(0, path.size() - 1);
        Optional<Coverage> above = ancestors.isEmpty() ? Optional.empty() : NodeRules.deepest(ancestors, byNode(ancestors));
        if (above.isPresent()) {
            return above.get().getOrgPath();
        }
        HeatNode company = ancestors.isEmpty() ? root : nodes.selectByIdUnscoped(path.get(0));
        return orgs.find(company.getOrgId()).map(OrgInfo::orgPath).orElse(company.getOrgPath());
    }

    private Map<Long, Coverage> byNode(Collection<Long> nodeIds) {
        Map<Long, Coverage> out = new HashMap<>();
        for (List<Long> chunk : NodeRules.chunks(nodeIds, CHUNK)) {
            coverages.selectByNodeIdsUnscoped(chunk).forEach(c -> out.put(c.getNodeId(), c));
        }
        return out;
    }

    private static CoverageView view(Coverage c, OrgInfo station) {
        return new CoverageView(c.getId(), c.getStationId(), station == null ? null : station.orgCode(),
                nameOf(station, c.getStationId()), c.getNodeId(), c.getNodeType(), c.getNodeCode(), c.getNodeName(),
                c.getFullName(), c.getSubsidiaryId(), c.getCreatedAt());
    }

    private static String nameOf(OrgInfo station, Long id) {
        return station == null ? "维修站" + id : station.orgName();
    }

    private static Map<String, Object> stationJson(OrgInfo station) {
        return stationJson(station, station.id());
    }

    private static Map<String, Object> stationJson(OrgInfo station, Long id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stationId", id);
        m.put("stationName", nameOf(station, id));
        return m;
    }
}
