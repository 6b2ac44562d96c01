package cn.heatdesk.baseinfo.imports;

import cn.heatdesk.baseinfo.api.NodeType;
import cn.heatdesk.baseinfo.node.HeatNode;
import cn.heatdesk.baseinfo.node.NodeMapper;
import cn.heatdesk.baseinfo.node.NodeWriter;
import cn.heatdesk.baseinfo.support.Pinyin;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.security.SecurityContext;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * 楼宇信息 rows: new codes are created through {@link NodeWriter#create} (all level rules there); an existing code
 * keeps its place in the tree and gets name, sort number, address and external id from the row. A row that
 * would move a node (different parent) fails: moves belong to the tree page, where they are reviewed.
 * Parents must come earlier in the file or exist already.
 */
@Component
class NodeRowImporter implements RowImporter {

    private static final int CHUNK = 400;

    private static final int CODE = ImportKind.NODE.indexOf("nodeCode");
    private static final int NAME = ImportKind.NODE.indexOf("nodeName");
    private static final int TYPE = ImportKind.NODE.indexOf("nodeType");
    private static final int PARENT = ImportKind.NODE.indexOf("parentCode");
    private static final int SUBSIDIARY = ImportKind.NODE.indexOf("subsidiaryCode");
    private static final int SORT = ImportKind.NODE.indexOf("sortNo");
    private static final int ADDRESS = ImportKind.NODE.indexOf("address");
    private static final int EXTERNAL = ImportKind.NODE.indexOf("externalId");

    private final NodeWriter writer;
    private final NodeMapper nodes;

    NodeRowImporter(NodeWriter writer, NodeMapper nodes) {
        this.writer = writer;
        this.nodes = nodes;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.NODE;
    }

    @Override
    public List<RowFailure> importRows(ImportContext ctx, List<SourceRow> rows) {
        Map<String, HeatNode> known = load(ctx.subsidiaryId(), rows);
        List<RowFailure> failures = new ArrayList<>();
        for (SourceRow r : rows) {
            try {
                importRow(ctx, r, known);
            } catch (BizException e) {
                failures.add(new RowFailure(r.rowNo(), ImportKind.NODE.titleOf(e.field()), e.getMessage()));
            }
        }
        return failures;
    }

    /** the nodes named by the batch (as code or parent code) that already exist in the subsidiary */
    private Map<String, HeatNode> load(long subsidiaryId, List<SourceRow> rows) {
        Set<String> codes = new LinkedHashSet<>();
        for (SourceRow r : rows) {
            if (r.get(CODE) != null) {
                codes.add(r.get(CODE));
            }
            if (r.get(PARENT) != null) {
                codes.add(r.get(PARENT));
            }
        }
        Map<String, HeatNode> known = new HashMap<>();
        List<String> all = new ArrayList<>(codes);
        for (int i = 0; i < all.size(); i += CHUNK) {
            nodes.selectByCodes(subsidiaryId, all.subList(i, Math.min(all.size(), i + CHUNK)))
                    .forEach(n -> known.put(n.getNodeCode(), n));
        }
        return known;
    }

    private void importRow(ImportContext ctx, SourceRow r, Map<String, HeatNode> known) {
        ImportKind k = ImportKind.NODE;
        String code = NodeWriter.requireCode(r.get(CODE));
        String name = NodeWriter.requireName(r.get(NAME));
        String typeText = r.get(TYPE);
        if (typeText == null) {
            throw BizException.invalid("nodeType", "节点类型不能为空（公司/热源/热站/小区/楼栋/单元）");
        }
        NodeType type = NodeType.parse(typeText).orElseThrow(() -> BizException.invalid("nodeType",
                "节点类型“" + Cells.abbreviate(typeText) + "”不正确，应为公司/热源/热站/小区/楼栋/单元"));
        String parentCode = r.get(PARENT);
        String subsidiaryCode = r.get(SUBSIDIARY);
        Integer sort = Cells.integer(r.get(SORT), k.columns().get(SORT));
        String address = Cells.maxLen(r.get(ADDRESS), 255, k.columns().get(ADDRESS));
        String externalId = Cells.maxLen(r.get(EXTERNAL), 64, k.columns().get(EXTERNAL));
        if (subsidiaryCode != null && !subsidiaryCode.equalsIgnoreCase(ctx.subsidiaryCode())) {
            throw BizException.invalid("subsidiaryCode", "所属分公司编码“" + Cells.abbreviate(subsidiaryCode)
                    + "”与本次导入的目标分公司（" + ctx.subsidiaryCode() + "）不一致");
        }
        HeatNode parent = null;
        if (type == NodeType.COMPANY) {
            if (parentCode != null) {
                throw BizException.invalid("parentCode", "公司是树的第一级，不能填写上级节点编码");
            }
            if (subsidiaryCode == null) {
                throw BizException.invalid("subsidiaryCode", "公司行必须填写所属分公司编码（" + ctx.subsidiaryCode() + "）");
            }
        } else {
            String parentLabel = type.parentType().orElseThrow().label();
            if (parentCode == null) {
                throw BizException.invalid("parentCode", type.label() + "必须填写上级节点编码（上级为" + parentLabel + "）");
            }
            parent = known.get(parentCode);
            if (parent == null) {
                throw BizException.invalid("parentCode", "上级节点“" + Cells.abbreviate(parentCode)
                        + "”不存在：上级须在本行之前导入或已在楼宇信息中");
            }
            NodeWriter.checkLevel(type, parent);
        }
        HeatNode existing = known.get(code);
        if (existing == null) {
            HeatNode created = writer.create(new NodeWriter.NodeDraft(type, code, name,
                    parent == null ? null : parent.getId(), type == NodeType.COMPANY ? ctx.subsidiaryId() : null,
                    sort, address, externalId), parent, "IMPORT");
            known.put(code, created);
            return;
        }
        update(existing, type, parent, name, sort, address, externalId, known);
    }

    private void update(HeatNode existing, NodeType type, HeatNode parent, String name, Integer sort, String address,
                        String externalId, Map<String, HeatNode> known) {
        if (!type.name().equals(existing.getNodeType())) {
            throw BizException.invalid("nodeType", "节点“" + existing.getNodeCode() + "”已存在，类型为"
                    + NodeType.parse(existing.getNodeType()).map(NodeType::label).orElse(existing.getNodeType())
                    + "，与本行的" + type.label() + "不一致");
        }
        if (type != NodeType.COMPANY && !Objects.equals(existing.getParentId(), parent.getId())) {
            throw BizException.invalid("parentCode", "上级节点与现有节点不一致，请在楼宇信息中移动");
        }
        boolean renamed = !name.equals(existing.getNodeName());
        boolean changed = renamed
                || (sort != null && !sort.equals(existing.getSortNo()))
                || (address != null && !address.equals(existing.getAddress()))
                || (externalId != null && !externalId.equals(existing.getExternalId()));
        if (!changed) {
            return;
        }
        HeatNode n = copy(existing);
        String oldFull = existing.getFullName();
        n.setNodeName(name);
        n.setNamePy(Pinyin.initials(name));
        n.setFullName(type == NodeType.COMPANY ? name : parent.getFullName() + "/" + name);
        if (sort != null) {
            n.setSortNo(sort);
        }
        if (address != null) {
            n.setAddress(address);
        }
        if (externalId != null) {
            n.setExternalId(externalId);
        }
        n.setUpdatedBy(SecurityContext.userIdOrSystem());
        n.setUpdatedAt(LocalDateTime.now());
        if (nodes.update(n) == 0) {
            throw new BizException(ErrorCode.CONFLICT, "节点“" + n.getNodeCode() + "”刚被他人修改，请稍后重新导入本行", "nodeCode");
        }
        n.setRowVersion(n.getRowVersion() + 1);
        known.put(n.getNodeCode(), n);
        if (renamed) {
            cascadeRename(n, oldFull, known);
        }
        writer.log(n, "UPDATE", "导入更新" + type.label() + "：" + name
                + (renamed ? "（原名称：" + existing.getNodeName() + "）" : ""), existing, n, null);
    }

    /**
     * The full names below a renamed node and the addresses in its units follow (NodeWriter.cascadeRename); the nodes
     * this job already holds get the new full names too.
     */
    private void cascadeRename(HeatNode n, String oldFull, Map<String, HeatNode> known) {
        writer.cascadeRename(n, oldFull);
        String oldPrefix = oldFull + "/";
        String newPrefix = n.getFullName() + "/";
        for (HeatNode k : known.values()) {
            if (k != n && k.getNodePath().startsWith(n.getNodePath()) && k.getFullName().startsWith(oldPrefix)) {
                k.setFullName(newPrefix + k.getFullName().substring(oldPrefix.length()));
            }
        }
    }

    private static HeatNode copy(HeatNode s) {
        HeatNode n = new HeatNode();
        n.setId(s.getId());
        n.setParentId(s.getParentId());
        n.setNodeType(s.getNodeType());
        n.setNodeLevel(s.getNodeLevel());
        n.setNodeCode(s.getNodeCode());
        n.setNodeName(s.getNodeName());
        n.setNamePy(s.getNamePy());
        n.setNodePath(s.getNodePath());
        n.setFullName(s.getFullName());
        n.setSortNo(s.getSortNo());
        n.setEnabled(s.getEnabled());
        n.setOrgId(s.getOrgId());
        n.setAddress(s.getAddress());
        n.setExternalId(s.getExternalId());
        n.setDataSource(s.getDataSource());
        n.setSubsidiaryId(s.getSubsidiaryId());
        n.setOrgPath(s.getOrgPath());
        n.setRowVersion(s.getRowVersion());
        n.setCreatedBy(s.getCreatedBy());
        n.setCreatedAt(s.getCreatedAt());
        n.setUpdatedBy(s.getUpdatedBy());
        n.setUpdatedAt(s.getUpdatedAt());
        return n;
    }
}
