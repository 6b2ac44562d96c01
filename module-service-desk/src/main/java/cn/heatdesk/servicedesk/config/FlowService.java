package cn.heatdesk.servicedesk.config;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.servicedesk.api.FlowNode;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The flow template: the group's core nodes (code, cannot be removed) plus each subsidiary's extra nodes
 * (data). An extra node sits after ACCEPT, HANDLE or VISIT and optionally only for one ticket type.
 */
@Service
public class FlowService {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

    public record NodeView(Long id, String nodeCode, String nodeName, boolean core, String afterNode, String ticketType,
                           int sortNo, boolean enabled, String remark, Integer rowVersion) {
    }

    public record NodeRequest(Long subsidiaryId, String nodeCode, String nodeName, String afterNode, String ticketType,
                              Integer sortNo, Boolean enabled, String remark, Integer rowVersion) {
    }

    private final FlowNodeMapper mapper;
    private final OrgApi orgs;
    private final IdGenerator ids;

    public FlowService(FlowNodeMapper mapper, OrgApi orgs, IdGenerator ids) {
        this.mapper = mapper;
        this.orgs = orgs;
        this.ids = ids;
    }

    /** the whole template in order: each core node followed by the subsidiary's extra nodes after it */
    public List<NodeView> template(long subsidiaryId) {
        List<FlowNodeDef> extras = mapper.selectBySubsidiary(subsidiaryId);
        List<NodeView> out = new ArrayList<>();
        for (FlowNode core : FlowNode.values()) {
            out.add(new NodeView(null, core.name(), core.label(), true, null, null, 0, true, "集团核心节点，不可删除", null));
            extras.stream().filter(e -> e.getAfterNode().equals(core.name()))
                    .map(e -> new NodeView(e.getId(), e.getNodeCode(), e.getNodeName(), false, e.getAfterNode(),
                            e.getTicketType(), e.getSortNo(), e.getEnabled() == 1, e.getRemark(), e.getRowVersion()))
                    .forEach(out::add);
        }
        return out;
    }

    /** enabled extra nodes after a core node that apply to the ticket type, in order */
    public List<FlowNodeDef> extrasAfter(long subsidiaryId, FlowNode after, String ticketType) {
        return mapper.selectBySubsidiary(subsidiaryId).stream()
                .filter(e -> e.getEnabled() == 1 && e.getAfterNode().equals(after.name()))
                .filter(e -> e.getTicketType() == null || e.getTicketType().equals(ticketType))
                .toList();
    }

    public Optional<FlowNodeDef> find(long subsidiaryId, String code) {
        return mapper.selectBySubsidiary(subsidiaryId).stream().filter(e -> e.getNodeCode().equals(code)).findFirst();
    }

    /** the node's display name: core label, extra node name, or the code itself when it was deleted since */
    public String nodeName(long subsidiaryId, String code) {
        for (FlowNode f : FlowNode.values()) {
            if (f.name().equals(code)) {
                return f.label();
            }
        }
        return find(subsidiaryId, code).map(FlowNodeDef::getNodeName).orElse(code);
    }

    @Transactional
    public NodeView create(NodeRequest req) {
        OrgInfo sub = subsidiary(req.subsidiaryId());
        FlowNodeDef n = new FlowNodeDef();
        n.setId(ids.nextId());
        n.setSubsidiaryId(sub.id());
        n.setOrgPath(sub.orgPath());
        n.setNodeCode(req.nodeCode() == null ? null : req.nodeCode().trim().toUpperCase());
        apply(n, req);
        if (mapper.countCode(sub.id(), n.getNodeCode(), null) > 0) {
            throw new BizException(ErrorCode.DUPLICATE, "节点编码“" + n.getNodeCode() + "”已存在", "nodeCode");
        }
        n.setRowVersion(0);
        n.setCreatedBy(SecurityContext.userIdOrSystem());
        n.setCreatedAt(LocalDateTime.now());
        n.setUpdatedBy(n.getCreatedBy());
        n.setUpdatedAt(n.getCreatedAt());
        mapper.insert(n);
        return view(n);
    }

    @Transactional
    public NodeView update(long id, NodeRequest req) {
        FlowNodeDef n = mapper.selectById(id);
        if (n == null) {
            throw BizException.notFound("扩展节点");
        }
        apply(n, req);
        if (req.rowVersion() != null) {
            n.setRowVersion(req.rowVersion());
        }
        n.setUpdatedBy(SecurityContext.userIdOrSystem());
        n.setUpdatedAt(LocalDateTime.now());
        if (mapper.update(n) == 0) {
            throw BizException.conflict("扩展节点已被他人修改，请刷新后重试");
        }
        return view(mapper.selectById(id));
    }

    /** tickets standing at a deleted node move on to where they would resume (TicketService handles it) */
    @Transactional
    public void delete(long id) {
        if (mapper.delete(id) == 0) {
            throw BizException.notFound("扩展节点");
        }
    }

    private void apply(FlowNodeDef n, NodeRequest req) {
        if (n.getNodeCode() == null || !CODE.matcher(n.getNodeCode()).matches()) {
            throw BizException.invalid("nodeCode", "节点编码须为 2-32 位大写字母、数字或下划线，以字母开头");
        }
        for (FlowNode f : FlowNode.values()) {
            if (f.name().equals(n.getNodeCode())) {
                throw BizException.invalid("nodeCode", "节点编码不能与核心节点相同");
            }
        }
        if (req.nodeName() == null || req.nodeName().isBlank() || req.nodeName().length() > 50) {
            throw BizException.invalid("nodeName", "节点名称不能为空且不超过 50 个字");
        }
        FlowNode after;
        try {
            after = FlowNode.valueOf(req.afterNode() == null ? "" : req.afterNode());
        } catch (IllegalArgumentException e) {
            throw BizException.invalid("afterNode", "请选择扩展节点所在的位置（受理、处理或回访之后）");
        }
        if (!after.acceptsExtraNodes()) {
            throw BizException.invalid("afterNode", "扩展节点只能放在受理、处理或回访之后");
        }
        n.setNodeName(req.nodeName().trim());
        n.setAfterNode(after.name());
        n.setTicketType(req.ticketType() == null || req.ticketType().isBlank() ? null : req.ticketType());
        n.setSortNo(req.sortNo() == null ? 0 : req.sortNo());
        n.setEnabled(req.enabled() == null || req.enabled() ? 1 : 0);
        n.setRemark(req.remark());
    }

    private OrgInfo subsidiary(Long id) {
        if (id == null) {
            throw BizException.invalid("subsidiaryId", "请选择分公司");
        }
        OrgInfo o = orgs.find(id).orElseThrow(() -> BizException.invalid("subsidiaryId", "分公司不存在"));
        if (!o.id().equals(o.subsidiaryId())) {
            throw BizException.invalid("subsidiaryId", "扩展节点按分公司配置，请选择分公司");
        }
        return o;
    }

    private NodeView view(FlowNodeDef e) {
        return new NodeView(e.getId(), e.getNodeCode(), e.getNodeName(), false, e.getAfterNode(), e.getTicketType(),
                e.getSortNo(), e.getEnabled() == 1, e.getRemark(), e.getRowVersion());
    }
}
