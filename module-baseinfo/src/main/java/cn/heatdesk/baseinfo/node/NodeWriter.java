package cn.heatdesk.baseinfo.node;

import cn.heatdesk.baseinfo.api.NodeType;
import cn.heatdesk.baseinfo.household.HouseholdWriter;
import cn.heatdesk.baseinfo.support.Pinyin;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Creates tree nodes with every rule of the six-level tree checked in one place (console, Excel import, billing
 * sync and demo data all come through here), and writes the per-node change log.
 */
@Component
public class NodeWriter {

    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}");

    /** what a caller supplies for a new node */
    public record NodeDraft(NodeType type, String code, String name, Long parentId, Long orgId, Integer sortNo,
                            String address, String externalId) {
    }

    private final NodeMapper nodes;
    private final NodeLogMapper logs;
    private final NodeStatsMapper stats;
    private final OrgApi orgs;
    private final IdGenerator ids;
    private final ObjectMapper json;

    public NodeWriter(NodeMapper nodes, NodeLogMapper logs, NodeStatsMapper stats, OrgApi orgs, IdGenerator ids,
                      ObjectMapper json) {
        this.nodes = nodes;
        this.logs = logs;
        this.stats = stats;
        this.orgs = orgs;
        this.ids = ids;
        this.json = json;
    }

    /**
     * Validates and inserts a node (no transaction of its own: the caller's). {@code parent} may be passed when the
     * caller already holds it (imports), else it is read by id.
     *
     * @param source MANUAL, IMPORT or BILLING
     */
    public HeatNode create(NodeDraft d, HeatNode parent, String source) {
        if (d.type() == null) {
            throw BizException.invalid("nodeType", "节点类型不能为空（公司/热源/热站/小区/楼栋/单元）");
        }
        String code = requireCode(d.code());
        String name = requireName(d.name());
        HeatNode n = new HeatNode();
        long id = ids.nextId();
        n.setId(id);
        n.setNodeType(d.type().name());
        n.setNodeLevel(d.type().level());
        n.setNodeCode(code);
        n.setNodeName(name);
        n.setNamePy(Pinyin.initials(name));
        n.setSortNo(d.sortNo() == null ? 0 : d.sortNo());
        n.setEnabled(1);
        n.setAddress(trimToNull(d.address(), 255, "address", "地址"));
        n.setExternalId(trimToNull(d.externalId(), 64, "externalId", "外部编号"));
        n.setDataSource(source);
        if (d.type() == NodeType.COMPANY) {
            if (d.parentId() != null) {
                throw BizException.invalid("parentId", "公司是树的第一级，不能有上级节点");
            }
            if (d.orgId() == null) {
                throw BizException.invalid("orgId", "请选择公司所属的分公司");
            }
            OrgInfo org = orgs.find(d.orgId())
                    .orElseThrow(() -> BizException.invalid("orgId", "所属分公司不存在"));
            if (org.subsidiaryId() == null || !org.subsidiaryId().equals(org.id())) {
                throw BizException.invalid("orgId", "公司节点只能挂在分公司（子公司）机构上：" + org.orgName() + "不是分公司");
            }
            n.setParentId(null);
            n.setOrgId(org.id());
            n.setSubsidiaryId(org.subsidiaryId());
            n.setOrgPath(org.orgPath());
            n.setNodePath("/" + id + "/");
            n.setFullName(name);
        } else {
            if (d.parentId() == null && parent == null) {
                throw BizException.invalid("parentId", d.type().label() + "必须挂在"
                        + d.type().parentType().orElseThrow().label() + "下，请选择上级节点");
            }
            HeatNode p = parent != null ? parent : nodes.selectByIdUnscoped(d.parentId());
            if (p == null) {
                throw BizException.invalid("parentId", "上级节点不存在");
            }
            checkLevel(d.type(), p);
            if (p.getEnabled() == null || p.getEnabled() != 1) {
                throw BizException.invalid("parentId", "上级节点“" + p.getNodeName() + "”已停用，不能在其下新增");
            }
            n.setParentId(p.getId());
            n.setOrgId(p.getOrgId());
            n.setSubsidiaryId(p.getSubsidiaryId());
            // a new node has no coverage of its own: it is served by whoever serves its parent
            n.setOrgPath(p.getOrgPath());
            n.setNodePath(p.getNodePath() + id + "/");
            n.setFullName(p.getFullName() + "/" + name);
        }
        if (nodes.selectByCode(n.getSubsidiaryId(), code) != null) {
            throw BizException.invalid("nodeCode", "节点编码“" + code + "”在本分公司已存在");
        }
        LocalDateTime now = LocalDateTime.now();
        long user = SecurityContext.userIdOrSystem();
        n.setCreatedBy(user);
        n.setCreatedAt(now);
        n.setUpdatedBy(user);
        n.setUpdatedAt(now);
        n.setRowVersion(0);
        nodes.insert(n);
        log(n, "CREATE", "新增" + d.type().label() + "：" + name, null, n, null);
        return n;
    }

    /**
     * After {@code node} was renamed (already saved) from {@code oldFullName}: the full names below it follow, and so
     * do the addresses of the households in its units when the name is part of them (community, building, unit).
     * Console edits and Excel imports both come through here.
     */
    public void cascadeRename(HeatNode node, String oldFullName) {
        nodes.rewriteDescendants(node.getId(), node.getNodePath(), node.getNodePath(),
                NodeRules.startAfter(node.getNodePath()), oldFullName, node.getFullName(),
                NodeRules.startAfter(oldFullName));
        if (NodeRules.renameChangesAddresses(NodeRules.typeOf(node))) {
            refreshAddresses(node);
        }
    }

    /** households take their address from community, building and unit names ({@code HouseholdWriter.address}) */
    public void refreshAddresses(HeatNode root) {
        for (HeatNode u : nodes.selectSubtreeUnscoped(root.getNodePath())) {
            if (NodeType.UNIT.name().equals(u.getNodeType())) {
                stats.updateAddresses(u.getId(), HouseholdWriter.address(u.getFullName(), ""));
            }
        }
    }

    /** the parent of a {@code type} node must be exactly one level up */
    public static void checkLevel(NodeType type, HeatNode parent) {
        NodeType expected = type.parentType().orElse(null);
        NodeType actual = NodeType.parse(parent.getNodeType()).orElse(null);
        if (expected == null) {
            throw BizException.invalid("parentId", "公司是树的第一级，不能有上级节点");
        }
        if (actual != expected) {
            throw BizException.invalid("parentId", "层级不正确：" + type.label() + "的上级必须是" + expected.label()
                    + "，而“" + parent.getNodeName() + "”是" + (actual == null ? parent.getNodeType() : actual.label()));
        }
    }

    public static String requireCode(String raw) {
        String code = raw == null ? "" : raw.strip();
        if (code.isEmpty()) {
            throw BizException.invalid("nodeCode", "节点编码不能为空");
        }
        if (!CODE.matcher(code).matches()) {
            throw BizException.invalid("nodeCode", "节点编码只能包含字母、数字、下划线、点和短横线，且不超过64位：" + abbreviate(code));
        }
        return code;
    }

    public static String requireName(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            throw BizException.invalid("nodeName", "节点名称不能为空");
        }
        if (name.length() > 100) {
            throw BizException.invalid("nodeName", "节点名称不能超过100个字");
        }
        if (name.contains("/")) {
            throw BizException.invalid("nodeName", "节点名称不能包含“/”");
        }
        return name;
    }

    private static String trimToNull(String raw, int max, String field, String label) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        if (s.length() > max) {
            throw BizException.invalid(field, label + "不能超过" + max + "个字");
        }
        return s;
    }

    private static String abbreviate(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "…" : s;
    }

    /** appends a change-log line for {@code node}; before/after are serialised to JSON */
    public void log(HeatNode node, String action, String summary, Object before, Object after, String reason) {
        NodeLog l = new NodeLog();
        l.setId(ids.nextId());
        l.setNodeId(node.getId());
        l.setAction(action);
        l.setSummary(summary == null || summary.length() <= 500 ? summary : summary.substring(0, 500));
        l.setBeforeJson(toJson(before));
        l.setAfterJson(toJson(after));
        l.setReason(reason);
        l.setSubsidiaryId(node.getSubsidiaryId());
        l.setOrgPath(node.getOrgPath());
        l.setCreatedBy(SecurityContext.userIdOrSystem());
        l.setCreatedByName(SecurityContext.current().map(u -> Objects.toString(u.realName(), u.username()))
                .orElse("系统"));
        l.setCreatedAt(LocalDateTime.now());
        logs.insert(l);
    }

    private String toJson(Object o) {
        if (o == null) {
            return null;
        }
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
