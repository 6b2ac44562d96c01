package cn.heatdesk.monitor.chain;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.monitor.api.ApprovalBizTypes;
import cn.heatdesk.monitor.api.ApproverLevel;
import cn.heatdesk.monitor.approval.HandlerRegistry;
import cn.heatdesk.servicedesk.api.TicketAction;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Approval chains as data. The chain that applies to a request is the subsidiary's own enabled chain for
 * (type, action) if there is one, else the enabled group default; a disabled override therefore falls back to the
 * group default, so a subsidiary can tighten or reshape a group rule but not switch it off. Changing a chain
 * affects approvals submitted afterwards; running approvals keep the levels they were resolved with.
 * <p>
 * Who may change what: holders of monitor:approval:config who are group users (no subsidiary, or the
 * GROUP_ADMIN role) change every chain; a holder who belongs to a subsidiary changes only that subsidiary's
 * overrides (reads the group defaults). The built-in SUBSIDIARY_ADMIN role does not hold the permission.
 */
@Service
public class ChainService {

    public static final String GROUP_ADMIN = "GROUP_ADMIN";
    static final Pattern ROLE = Pattern.compile("^[A-Z][A-Z0-9_]{1,63}$");
    static final Pattern ACTION = Pattern.compile("^[A-Z][A-Z0-9_]{1,31}$");
    static final int MAX_LEVELS = 5;
    /** 30 days */
    static final int MAX_TIMEOUT_MINUTES = 43_200;

    /** a change, for the audit detail */
    public record Change(ChainView before, ChainView after) {
    }

    private final ChainMapper mapper;
    private final OrgApi orgs;
    private final HandlerRegistry handlers;
    private final IdGenerator ids;

    public ChainService(ChainMapper mapper, OrgApi orgs, HandlerRegistry handlers, IdGenerator ids) {
        this.mapper = mapper;
        this.orgs = orgs;
        this.handlers = handlers;
        this.ids = ids;
    }

    @Transactional(readOnly = true)
    public List<ChainView> list(String bizType, Long scopeOrgId) {
        CurrentUser u = SecurityContext.require();
        String type = blankToNull(bizType);
        List<ApprovalChain> rows;
        if (groupEditor(u)) {
            rows = mapper.selectList(type, scopeOrgId, false);
        } else {
            // a subsidiary user sees the group defaults and their own overrides
            rows = mapper.selectList(type, u.subsidiaryId(), true);
        }
        return views(rows, u);
    }

    @Transactional(readOnly = true)
    public ChainView get(long id) {
        CurrentUser u = SecurityContext.require();
        ApprovalChain c = mapper.selectById(id);
        if (c == null || !mayRead(u, c.getScopeOrgId())) {
            throw BizException.notFound("审批流程");
        }
        return views(List.of(c), u).get(0);
    }

    @Transactional
    public Change create(ChainRequests.Create req) {
        CurrentUser u = SecurityContext.require();
        String bizType = req.bizType().strip().toUpperCase(Locale.ROOT);
        if (!handlers.configurable(bizType)) {
            throw BizException.invalid("bizType", "业务类型“" + req.bizType() + "”不支持审批");
        }
        String action = checkAction(bizType, req.action().strip().toUpperCase(Locale.ROOT));
        long scope = req.scopeOrgId() == null ? 0L : req.scopeOrgId();
        OrgInfo subsidiary = null;
        if (scope != 0L) {
            subsidiary = orgs.find(scope).filter(o -> o.id().equals(o.subsidiaryId()))
                    .orElseThrow(() -> BizException.invalid("scopeOrgId", "适用范围必须是集团或一个分公司"));
        }
        if (!mayEdit(u, scope)) {
            throw BizException.forbidden(scope == 0L ? "只有集团用户可以配置集团默认审批流程" : "只能配置本分公司的审批流程");
        }
        List<ChainStep> steps = checkSteps(req.steps());
        if (mapper.selectByKey(bizType, action, scope) != null) {
            throw new BizException(ErrorCode.DUPLICATE, (scope == 0L ? "集团默认" : subsidiary.orgName()) + "已配置“"
                    + handlers.actionLabel(bizType, action) + "”的审批流程，请直接修改", "action");
        }
        LocalDateTime now = LocalDateTime.now();
        ApprovalChain c = new ApprovalChain();
        c.setId(ids.nextId());
        c.setBizType(bizType);
        c.setBizAction(action);
        c.setScopeOrgId(scope);
        String name = blankToNull(req.chainName());
        c.setChainName(name != null ? name : handlers.actionLabel(bizType, action) + "审批");
        c.setEnabled(Boolean.FALSE.equals(req.enabled()) ? 0 : 1);
        c.setRemark(blankToNull(req.remark()));
        c.setSubsidiaryId(subsidiary == null ? null : subsidiary.id());
        c.setOrgPath(subsidiary == null ? "/" : subsidiary.orgPath());
        c.setRowVersion(0);
        c.setCreatedBy(u.userId());
        c.setCreatedAt(now);
        c.setUpdatedBy(u.userId());
        c.setUpdatedAt(now);
        try {
            mapper.insert(c);
        } catch (DuplicateKeyException e) {
            throw new BizException(ErrorCode.DUPLICATE, "该审批流程已被他人创建，请刷新后修改", "action");
        }
        saveSteps(c.getId(), steps, now);
        return new Change(null, views(List.of(mapper.selectById(c.getId())), u).get(0));
    }

    @Transactional
    public Change update(long id, ChainRequests.Update req) {
        CurrentUser u = SecurityContext.require();
        ApprovalChain c = editable(u, id);
        ChainView before = views(List.of(c), u).get(0);
        List<ChainStep> steps = checkSteps(req.steps());
        c.setChainName(req.chainName().strip());
        c.setRemark(blankToNull(req.remark()));
        c.setRowVersion(req.rowVersion());
        c.setUpdatedBy(u.userId());
        c.setUpdatedAt(LocalDateTime.now());
        if (mapper.update(c) == 0) {
            throw BizException.conflict("审批流程已被他人修改，请刷新后重试");
        }
        mapper.deleteSteps(id);
        saveSteps(id, steps, c.getUpdatedAt());
        return new Change(before, views(List.of(mapper.selectById(id)), u).get(0));
    }

    @Transactional
    public Change setEnabled(long id, boolean enabled, int rowVersion) {
        CurrentUser u = SecurityContext.require();
        ApprovalChain c = editable(u, id);
        if (!enabled && c.getScopeOrgId() == 0L && ApprovalBizTypes.TICKET.equals(c.getBizType())
                && TicketAction.CLOSE_WITHOUT_VISIT.name().equals(c.getBizAction())) {
            throw BizException.conflict("免回访处结必须经过审批，不能停用集团默认流程");
        }
        ChainView before = views(List.of(c), u).get(0);
        c.setEnabled(enabled ? 1 : 0);
        c.setRowVersion(rowVersion);
        c.setUpdatedBy(u.userId());
        c.setUpdatedAt(LocalDateTime.now());
        if (mapper.update(c) == 0) {
            throw BizException.conflict("审批流程已被他人修改，请刷新后重试");
        }
        return new Change(before, views(List.of(mapper.selectById(id)), u).get(0));
    }

    private ApprovalChain editable(CurrentUser u, long id) {
        ApprovalChain c = mapper.selectById(id);
        if (c == null || !mayRead(u, c.getScopeOrgId())) {
            throw BizException.notFound("审批流程");
        }
        if (!mayEdit(u, c.getScopeOrgId())) {
            throw BizException.forbidden(c.getScopeOrgId() == 0L ? "只有集团用户可以修改集团默认审批流程" : "只能修改本分公司的审批流程");
        }
        return c;
    }

    static boolean groupEditor(CurrentUser u) {
        return u.subsidiaryId() == null || u.roles().contains(GROUP_ADMIN);
    }

    static boolean mayEdit(CurrentUser u, long scopeOrgId) {
        return groupEditor(u) || (scopeOrgId != 0L && u.subsidiaryId() != null && scopeOrgId == u.subsidiaryId());
    }

    static boolean mayRead(CurrentUser u, long scopeOrgId) {
        return scopeOrgId == 0L || mayEdit(u, scopeOrgId);
    }

    private String checkAction(String bizType, String action) {
        if (ApprovalBizTypes.TICKET.equals(bizType)) {
            TicketAction a;
            try {
                a = TicketAction.valueOf(action);
            } catch (IllegalArgumentException e) {
                throw BizException.invalid("action", "工单操作“" + action + "”不存在");
            }
            if (!a.approvable()) {
                throw BizException.invalid("action", "工单操作“" + a.label() + "”不需要审批");
            }
            return a.name();
        }
        if (!ACTION.matcher(action).matches()) {
            throw BizException.invalid("action", "审批事项编码只能由大写字母、数字和下划线组成（2-32 位）");
        }
        return action;
    }

    /** 1..5 levels, from the station upwards (a level never goes below the one before) */
    static List<ChainStep> checkSteps(List<ChainRequests.Step> steps) {
        if (steps == null || steps.isEmpty()) {
            throw BizException.invalid("steps", "至少需要一级审批");
        }
        if (steps.size() > MAX_LEVELS) {
            throw BizException.invalid("steps", "审批层级最多 " + MAX_LEVELS + " 级");
        }
        List<ChainStep> out = new ArrayList<>();
        ApproverLevel previous = null;
        for (int i = 0; i < steps.size(); i++) {
            ChainRequests.Step s = steps.get(i);
            ApproverLevel level;
            try {
                level = ApproverLevel.valueOf(s.approverLevel().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw BizException.invalid("steps", "第 " + (i + 1) + " 级的审批层级只能是维修站、分公司或集团");
            }
            if (previous != null && level.ordinal() < previous.ordinal()) {
                throw BizException.invalid("steps", "第 " + (i + 1) + " 级（" + level.label() + "）低于上一级（"
                        + previous.label() + "）：审批只能逐级向上");
            }
            String role = s.approverRole() == null || s.approverRole().isBlank() ? level.defaultRole()
                    : s.approverRole().strip().toUpperCase(Locale.ROOT);
            if (!ROLE.matcher(role).matches()) {
                throw BizException.invalid("steps", "第 " + (i + 1) + " 级的审批角色编码不正确");
            }
            Integer timeout = s.timeoutMinutes();
            if (timeout != null && (timeout < 1 || timeout > MAX_TIMEOUT_MINUTES)) {
                throw BizException.invalid("steps", "第 " + (i + 1) + " 级的审批时限应在 1 到 " + MAX_TIMEOUT_MINUTES + " 分钟之间");
            }
            ChainStep step = new ChainStep();
            step.setLevelNo(i + 1);
            step.setApproverLevel(level.name());
            step.setApproverRole(role);
            step.setTimeoutMinutes(timeout);
            out.add(step);
            previous = level;
        }
        return out;
    }

    private void saveSteps(long chainId, List<ChainStep> steps, LocalDateTime now) {
        for (ChainStep s : steps) {
            s.setId(ids.nextId());
            s.setChainId(chainId);
            s.setCreatedAt(now);
        }
        mapper.insertSteps(steps);
    }

    private List<ChainView> views(List<ApprovalChain> rows, CurrentUser u) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<ChainStep>> steps = new HashMap<>();
        for (ChainStep s : mapper.selectSteps(rows.stream().map(ApprovalChain::getId).toList())) {
            steps.computeIfAbsent(s.getChainId(), k -> new ArrayList<>()).add(s);
        }
        Map<Long, String> scopeNames = new HashMap<>();
        List<ChainView> out = new ArrayList<>();
        for (ApprovalChain c : rows) {
            long scope = c.getScopeOrgId();
            String scopeName = scope == 0L ? "集团默认"
                    : scopeNames.computeIfAbsent(scope, k -> orgs.find(k).map(OrgInfo::orgName).orElse(String.valueOf(k)));
            List<ChainView.StepView> sv = steps.getOrDefault(c.getId(), List.of()).stream()
                    .sorted(Comparator.comparing(ChainStep::getLevelNo))
                    .map(s -> new ChainView.StepView(s.getLevelNo(), s.getApproverLevel(),
                            levelLabel(s.getApproverLevel()), s.getApproverRole(), RoleLabels.of(s.getApproverRole()),
                            s.getTimeoutMinutes()))
                    .toList();
            out.add(new ChainView(c.getId(), c.getBizType(), ApprovalBizTypes.label(c.getBizType()), c.getBizAction(),
                    handlers.actionLabel(c.getBizType(), c.getBizAction()), scope == 0L ? null : scope, scopeName,
                    c.getChainName(), c.getEnabled() != null && c.getEnabled() == 1, c.getRemark(), sv,
                    mayEdit(u, scope), c.getRowVersion(), c.getUpdatedAt()));
        }
        return out;
    }

    static String levelLabel(String level) {
        try {
            return ApproverLevel.valueOf(level).label();
        } catch (IllegalArgumentException | NullPointerException e) {
            return level;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
