package cn.heatdesk.monitor.approval;

import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.monitor.api.ApprovalApi;
import cn.heatdesk.monitor.api.ApprovalBizTypes;
import cn.heatdesk.monitor.api.ApprovalHandler;
import cn.heatdesk.monitor.api.ApprovalInfo;
import cn.heatdesk.monitor.api.ApprovalRequest;
import cn.heatdesk.monitor.api.ApprovalStatus;
import cn.heatdesk.monitor.api.ApprovalSummary;
import cn.heatdesk.monitor.api.ApprovalTarget;
import cn.heatdesk.monitor.api.ApproverLevel;
import cn.heatdesk.monitor.chain.ChainLookup;
import cn.heatdesk.monitor.chain.ChainStep;
import cn.heatdesk.monitor.chain.RoleLabels;
import cn.heatdesk.settings.api.UserInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Approvals: submit, decide level by level, withdraw, urge, the three lists, and the overdue flag. Every write
 * runs in one transaction together with the business object's own change (through its {@link ApprovalHandler}),
 * so an approval and its ticket never disagree. Two approvers deciding the same level at once: the conditional
 * update on row_version lets exactly one through, the other gets 409.
 */
@Service
public class ApprovalService implements ApprovalApi {

    private static final Logger log = LoggerFactory.getLogger(ApprovalService.class);

    static final Map<String, String> SORTS = Map.of("createdAt", "a.created_at", "currentDueAt", "a.current_due_at",
            "approvalNo", "a.approval_no", "decidedAt", "a.decided_at");
    static final String DEFAULT_ORDER = "a.created_at DESC, a.id DESC";
    static final int REASON_MAX = 500;
    /** an approval can be urged again after this long */
    static final Duration URGE_INTERVAL = Duration.ofMinutes(5);
    private static final DateTimeFormatter SPACE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    /** the built-in level of close-without-visit when no chain applies: it is never allowed without an approval */
    static final ChainStep CLOSE_WITHOUT_VISIT_FALLBACK = fallbackStep();

    private final ApprovalMapper approvals;
    private final ApprovalStepMapper steps;
    private final ApprovalNumbers numbers;
    private final ApproverResolver resolver;
    private final ChainLookup chains;
    private final HandlerRegistry handlers;
    private final ApprovalNotifier notifier;
    private final IdGenerator ids;
    private final ObjectMapper json;
    private final TransactionTemplate tx;

    public ApprovalService(ApprovalMapper approvals, ApprovalStepMapper steps, ApprovalNumbers numbers,
                           ApproverResolver resolver, ChainLookup chains, HandlerRegistry handlers,
                           ApprovalNotifier notifier, IdGenerator ids, ObjectMapper json,
                           PlatformTransactionManager tm) {
        this.approvals = approvals;
        this.steps = steps;
        this.numbers = numbers;
        this.resolver = resolver;
        this.chains = chains;
        this.handlers = handlers;
        this.notifier = notifier;
        this.ids = ids;
        this.json = json;
        this.tx = new TransactionTemplate(tm);
    }

    // ------------------------------------------------------------------ submit

    @Override
    @Transactional
    public ApprovalSummary submit(ApprovalRequest request) {
        return summary(submitInternal(request));
    }

    @Transactional
    public ApprovalViews.Detail submitForView(ApprovalRequest request) {
        Approval a = submitInternal(request);
        return detailOf(a, SecurityContext.require());
    }

    private Approval submitInternal(ApprovalRequest request) {
        CurrentUser u = SecurityContext.require();
        if (request == null || request.bizType() == null || request.bizType().isBlank()) {
            throw BizException.invalid("bizType", "请指定审批的业务类型");
        }
        if (request.bizId() == null) {
            throw BizException.invalid("bizId", "请指定审批的业务对象");
        }
        if (request.action() == null || request.action().isBlank()) {
            throw BizException.invalid("action", "请指定申请的操作");
        }
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty()) {
            throw BizException.invalid("reason", "请填写申请原因");
        }
        if (reason.length() > REASON_MAX) {
            throw BizException.invalid("reason", "申请原因不能超过 " + REASON_MAX + " 个字符");
        }
        String bizType = request.bizType().strip().toUpperCase(Locale.ROOT);
        String action = request.action().strip().toUpperCase(Locale.ROOT);
        ApprovalHandler handler = handlers.require(bizType);
        ApprovalRequest normalised = new ApprovalRequest(bizType, request.bizId(), action, reason,
                request.payload() == null ? Map.of() : request.payload());
        ApprovalTarget target = handler.validate(normalised);
        String actionLabel = handler.actionLabel(action);
        if (approvals.countPendingByBiz(bizType, request.bizId()) > 0) {
            throw BizException.conflict("“" + target.bizNo() + "”已有审批中的申请，请等待审批结果或撤回后再提交");
        }
        List<ChainStep> chainSteps;
        Long chainId;
        Optional<ChainLookup.Effective> chain = chains.effective(bizType, action, target.subsidiaryId());
        if (chain.isPresent() && !chain.get().steps().isEmpty()) {
            chainSteps = chain.get().steps();
            chainId = chain.get().chain().getId();
        } else if (ApprovalBizTypes.TICKET.equals(bizType) && "CLOSE_WITHOUT_VISIT".equals(action)) {
            chainSteps = List.of(CLOSE_WITHOUT_VISIT_FALLBACK);
            chainId = null;
        } else {
            throw BizException.invalid("action", "“" + actionLabel + "”未配置审批流程，无需审批，请直接办理");
        }
        List<ApproverResolver.Resolved> levels = resolver.resolve(chainSteps, target, u.userId());

        LocalDateTime now = LocalDateTime.now();
        Approval a = new Approval();
        a.setId(ids.nextId());
        a.setApprovalNo(numbers.next(LocalDate.now()));
        a.setBizType(bizType);
        a.setBizId(request.bizId());
        a.setBizNo(target.bizNo());
        a.setBizAction(action);
        a.setPayloadJson(target.payloadJson() != null ? target.payloadJson() : toJson(normalised.payload()));
        a.setReason(reason);
        a.setStatus(ApprovalStatus.PENDING.name());
        a.setCurrentLevel(1);
        a.setTotalLevels(levels.size());
        a.setChainId(chainId);
        a.setApplicantId(u.userId());
        a.setApplicantName(u.realName());
        a.setStationOrgId(target.stationOrgId());
        a.setCurrentDueAt(dueAt(now, levels.get(0).timeoutMinutes()));
        a.setOverdueLevel(0);
        a.setUrgeCount(0);
        a.setSubsidiaryId(target.subsidiaryId());
        a.setOrgPath(target.orgPath() == null || target.orgPath().isBlank() ? "/" : target.orgPath());
        a.setRowVersion(0);
        a.setCreatedBy(u.userId());
        a.setCreatedAt(now);
        a.setUpdatedAt(now);
        approvals.insert(a);

        List<ApprovalStep> rows = new ArrayList<>();
        for (ApproverResolver.Resolved r : levels) {
            ApprovalStep s = new ApprovalStep();
            s.setId(ids.nextId());
            s.setApprovalId(a.getId());
            s.setLevelNo(r.levelNo());
            s.setChainLevel(r.chainLevel().name());
            s.setApproverLevel(r.level().name());
            s.setApproverRole(r.role());
            s.setApproverOrgId(r.orgId());
            s.setApproverOrgPath(r.orgPath());
            s.setApproverOrgName(r.orgName());
            s.setApproverNames(names(r.approvers()));
            s.setTimeoutMinutes(r.timeoutMinutes());
            boolean first = r.levelNo() == 1;
            s.setDecision(first ? "PENDING" : "WAITING");
            s.setStartedAt(first ? now : null);
            s.setDueAt(first ? a.getCurrentDueAt() : null);
            s.setSubsidiaryId(a.getSubsidiaryId());
            s.setOrgPath(a.getOrgPath());
            s.setCreatedAt(now);
            rows.add(s);
        }
        steps.insertBatch(rows);
        handler.onSubmitted(info(a));
        notifier.toApprovers(ApprovalNotifier.PENDING, a, rows.get(0), actionLabel, Map.of());
        return a;
    }

    // ------------------------------------------------------------------ decide

    @Transactional
    public ApprovalViews.Detail approve(long id, String comment, Integer expectedVersion) {
        CurrentUser u = SecurityContext.require();
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (note != null && note.length() > REASON_MAX) {
            throw BizException.invalid("comment", "审批意见不能超过 " + REASON_MAX + " 个字符");
        }
        Approval a = pendingForDecision(id, expectedVersion);
        ApprovalStep current = currentStep(a);
        requireDecider(u, a, current);
        LocalDateTime now = LocalDateTime.now();
        boolean last = a.getCurrentLevel() >= a.getTotalLevels();
        ApprovalStep next = last ? null : steps.selectLevel(id, a.getCurrentLevel() + 1);
        LocalDateTime nextDue = next == null ? null : dueAt(now, next.getTimeoutMinutes());
        int updated = last ? approvals.finish(id, a.getRowVersion(), ApprovalStatus.APPROVED.name(), now)
                : approvals.advance(id, a.getRowVersion(), a.getCurrentLevel() + 1, nextDue, now);
        if (updated == 0) {
            throw BizException.conflict("该审批已被他人处理，请刷新后查看");
        }
        steps.decide(current.getId(), ApprovalStatus.APPROVED.name(), note, u.userId(), u.realName(), now);
        String actionLabel = handlers.actionLabel(a.getBizType(), a.getBizAction());
        if (last) {
            a.setStatus(ApprovalStatus.APPROVED.name());
            a.setDecidedAt(now);
            handlers.require(a.getBizType()).onApproved(info(a), u.realName());
            notifier.toApplicant(a, actionLabel, "通过", note, u.realName());
        } else {
            steps.start(id, next.getLevelNo(), now, nextDue);
            next.setDueAt(nextDue);
            a.setCurrentLevel(next.getLevelNo());
            notifier.toApprovers(ApprovalNotifier.PENDING, a, next, actionLabel, Map.of());
        }
        return detailOf(approvals.selectById(id), u);
    }

    @Transactional
    public ApprovalViews.Detail reject(long id, String reason, Integer expectedVersion) {
        CurrentUser u = SecurityContext.require();
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw BizException.invalid("reason", "驳回时必须填写原因");
        }
        if (why.length() > REASON_MAX) {
            throw BizException.invalid("reason", "驳回原因不能超过 " + REASON_MAX + " 个字符");
        }
        Approval a = pendingForDecision(id, expectedVersion);
        ApprovalStep current = currentStep(a);
        requireDecider(u, a, current);
        LocalDateTime now = LocalDateTime.now();
        if (approvals.finish(id, a.getRowVersion(), ApprovalStatus.REJECTED.name(), now) == 0) {
            throw BizException.conflict("该审批已被他人处理，请刷新后查看");
        }
        steps.decide(current.getId(), ApprovalStatus.REJECTED.name(), why, u.userId(), u.realName(), now);
        a.setStatus(ApprovalStatus.REJECTED.name());
        a.setDecidedAt(now);
        handlers.require(a.getBizType()).onRejected(info(a), why);
        notifier.toApplicant(a, handlers.actionLabel(a.getBizType(), a.getBizAction()), "驳回", why, u.realName());
        return detailOf(approvals.selectById(id), u);
    }

    @Transactional
    public ApprovalViews.Detail withdraw(long id, String reason, Integer expectedVersion) {
        CurrentUser u = SecurityContext.require();
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > REASON_MAX) {
            throw BizException.invalid("reason", "撤回原因不能超过 " + REASON_MAX + " 个字符");
        }
        Approval a = approvals.selectById(id);
        if (a == null || !mayView(u, a)) {
            throw BizException.notFound("审批");
        }
        if (!ApprovalAuthority.canWithdraw(u, a)) {
            throw ApprovalStatus.PENDING.name().equals(a.getStatus())
                    ? BizException.forbidden("只有申请人可以撤回审批")
                    : BizException.conflict("该审批已" + statusLabel(a.getStatus()) + "，不能撤回");
        }
        if (expectedVersion != null && expectedVersion.intValue() != a.getRowVersion()) {
            throw BizException.conflict("该审批已有新的进展，请刷新后查看");
        }
        ApprovalStep current = currentStep(a);
        LocalDateTime now = LocalDateTime.now();
        if (approvals.finish(id, a.getRowVersion(), ApprovalStatus.WITHDRAWN.name(), now) == 0) {
            throw BizException.conflict("该审批已被他人处理，请刷新后查看");
        }
        steps.decide(current.getId(), ApprovalStatus.WITHDRAWN.name(), why, u.userId(), u.realName(), now);
        a.setStatus(ApprovalStatus.WITHDRAWN.name());
        a.setDecidedAt(now);
        handlers.require(a.getBizType()).onWithdrawn(info(a), "申请人撤回" + (why == null ? "" : "：" + why));
        return detailOf(approvals.selectById(id), u);
    }

    @Transactional
    public ApprovalViews.Detail urge(long id) {
        CurrentUser u = SecurityContext.require();
        Approval a = approvals.selectById(id);
        if (a == null || !mayView(u, a)) {
            throw BizException.notFound("审批");
        }
        if (!ApprovalStatus.PENDING.name().equals(a.getStatus())) {
            throw BizException.conflict("该审批已" + statusLabel(a.getStatus()) + "，无需催办");
        }
        if (!ApprovalAuthority.canUrge(u, a)) {
            throw BizException.forbidden("只有申请人或审批监控人员可以催办");
        }
        LocalDateTime now = LocalDateTime.now();
        if (a.getLastUrgedAt() != null && a.getLastUrgedAt().plus(URGE_INTERVAL).isAfter(now)) {
            throw BizException.conflict("刚刚已催办过，请 " + URGE_INTERVAL.toMinutes() + " 分钟后再催办");
        }
        if (approvals.urge(id, now) == 0) {
            throw BizException.conflict("该审批已被他人处理，请刷新后查看");
        }
        ApprovalStep current = currentStep(a);
        a.setUrgeCount(a.getUrgeCount() + 1);
        notifier.toApprovers(ApprovalNotifier.URGED, a, current, handlers.actionLabel(a.getBizType(), a.getBizAction()),
                Map.of("urgeCount", a.getUrgeCount(), "operatorName", u.realName()));
        return detailOf(approvals.selectById(id), u);
    }

    /** deciding is checked by role and org alone (403 for anyone else), not by who may browse the approval */
    private Approval pendingForDecision(long id, Integer expectedVersion) {
        Approval a = approvals.selectById(id);
        if (a == null) {
            throw BizException.notFound("审批");
        }
        if (!ApprovalStatus.PENDING.name().equals(a.getStatus())) {
            throw BizException.conflict("该审批已" + statusLabel(a.getStatus()) + "，不能再审批");
        }
        if (expectedVersion != null && expectedVersion.intValue() != a.getRowVersion()) {
            throw BizException.conflict("该审批已有新的进展，请刷新后查看");
        }
        return a;
    }

    private ApprovalStep currentStep(Approval a) {
        ApprovalStep s = steps.selectLevel(a.getId(), a.getCurrentLevel());
        if (s == null) {
            throw new IllegalStateException("approval " + a.getId() + " has no step " + a.getCurrentLevel());
        }
        return s;
    }

    private static void requireDecider(CurrentUser u, Approval a, ApprovalStep current) {
        if (ApprovalAuthority.canDecide(u, a, current)) {
            return;
        }
        if (a.getApplicantId() != null && a.getApplicantId() == u.userId()) {
            throw BizException.forbidden("不能审批本人提交的申请");
        }
        throw BizException.forbidden("您不是当前审批人：第 " + current.getLevelNo() + " 级由"
                + (current.getApproverOrgName() == null ? "" : current.getApproverOrgName()) + "的"
                + RoleLabels.of(current.getApproverRole()) + "审批");
    }

    // ------------------------------------------------------------------ overdue

    /**
     * Flags pending approvals whose current level is past its deadline and notifies its approvers once per level.
     * Each approval is flagged in its own transaction by a conditional update, so a second instance (or a rerun
     * after a crash) never notifies twice; the flag lives in the database, so a restart loses nothing.
     *
     * @return how many approvals were flagged now
     */
    public int flagOverdue(LocalDateTime now) {
        int flagged = 0;
        for (Approval a : approvals.selectOverdueUnflagged(now)) {
            try {
                Boolean done = tx.execute(s -> {
                    if (approvals.markOverdue(a.getId(), a.getCurrentLevel()) == 0) {
                        return false;
                    }
                    steps.markOverdue(a.getId(), a.getCurrentLevel());
                    ApprovalStep current = steps.selectLevel(a.getId(), a.getCurrentLevel());
                    if (current != null) {
                        notifier.toApprovers(ApprovalNotifier.OVERDUE, a, current,
                                handlers.actionLabel(a.getBizType(), a.getBizAction()),
                                Map.of("overdueMinutes", Duration.between(a.getCurrentDueAt(), now).toMinutes()));
                    }
                    return true;
                });
                if (Boolean.TRUE.equals(done)) {
                    flagged++;
                }
            } catch (RuntimeException e) {
                log.error("审批超时标记失败 / overdue flag failed for approval {}", a.getApprovalNo(), e);
            }
        }
        return flagged;
    }

    // ------------------------------------------------------------------ reads

    @Transactional(readOnly = true)
    public PageResult<ApprovalViews.Row> pending(ApprovalFilter f, PageQuery q) {
        CurrentUser u = SecurityContext.require();
        prepare(f);
        String orderBy = q.orderBy(SORTS, DEFAULT_ORDER);
        List<String> paths = ApproverResolver.ancestorPaths(u.orgPath());
        if (u.roles().isEmpty() || paths.isEmpty()) {
            return new PageResult<>(List.of(), 0, q.getPage(), q.getSize());
        }
        boolean includeOwn = u.roles().contains(ApprovalAuthority.GROUP_ADMIN);
        PageResult<ApprovalListRow> page = Paging.page(q,
                () -> approvals.selectPendingFor(f, u.roles(), paths, u.userId(), includeOwn, orderBy));
        return rows(page, u);
    }

    @Transactional(readOnly = true)
    public PageResult<ApprovalViews.Row> mine(ApprovalFilter f, PageQuery q) {
        CurrentUser u = SecurityContext.require();
        prepare(f);
        String orderBy = q.orderBy(SORTS, DEFAULT_ORDER);
        return rows(Paging.page(q, () -> approvals.selectMine(f, u.userId(), orderBy)), u);
    }

    @Transactional(readOnly = true)
    public PageResult<ApprovalViews.Row> all(ApprovalFilter f, PageQuery q) {
        CurrentUser u = SecurityContext.require();
        prepare(f);
        String orderBy = q.orderBy(SORTS, DEFAULT_ORDER);
        return rows(Paging.page(q, () -> approvals.selectAll(f, orderBy)), u);
    }

    @Transactional(readOnly = true)
    public ApprovalViews.Detail detail(long id) {
        CurrentUser u = SecurityContext.require();
        Approval a = approvals.selectById(id);
        if (a == null || !mayView(u, a)) {
            throw BizException.notFound("审批");
        }
        return detailOf(a, u);
    }

    /** the approvals of one business object, for whoever sees the object */
    @Transactional(readOnly = true)
    public List<ApprovalViews.Row> byBiz(String bizType, long bizId) {
        CurrentUser u = SecurityContext.require();
        String type = bizType == null ? "" : bizType.strip().toUpperCase(Locale.ROOT);
        handlers.require(type).requireVisible(bizId);
        return rowsOf(approvals.selectByBiz(type, bizId), u);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean requiresApproval(String bizType, String action, Long subsidiaryId) {
        return chains.effective(bizType, action, subsidiaryId).isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ApprovalSummary> ofBiz(String bizType, long bizId) {
        LocalDateTime now = LocalDateTime.now();
        return approvals.selectByBiz(bizType, bizId).stream().map(a -> summary(a, now)).toList();
    }

    /**
     * Who sees an approval: its applicant, anyone who holds the role of one of its levels at that level's org, a
     * group administrator, and monitor:approval:all holders whose data scope covers the business object.
     */
    boolean mayView(CurrentUser u, Approval a) {
        if (a.getApplicantId() != null && a.getApplicantId() == u.userId()) {
            return true;
        }
        if (u.roles().contains(ApprovalAuthority.GROUP_ADMIN)) {
            return true;
        }
        for (ApprovalStep s : steps.selectByApproval(a.getId())) {
            if (ApprovalAuthority.isApproverOf(u, s)) {
                return true;
            }
        }
        return u.hasPermission(ApprovalAuthority.ALL_PERMISSION) && approvals.selectVisible(a.getId()) != null;
    }

    private void prepare(ApprovalFilter f) {
        f.setNow(LocalDateTime.now());
        f.setStatus(upperOrNull(f.getStatus()));
        if (f.getStatus() != null) {
            try {
                ApprovalStatus.valueOf(f.getStatus());
            } catch (IllegalArgumentException e) {
                throw BizException.invalid("status", "审批状态只能是 PENDING、APPROVED、REJECTED 或 WITHDRAWN");
            }
        }
        f.setAction(upperOrNull(f.getAction()));
        f.setBizType(upperOrNull(f.getBizType()));
        String no = f.getBizNo() == null ? null : f.getBizNo().strip();
        f.setBizNoPrefix(no == null || no.isEmpty() ? null
                : no.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        f.setFrom(f.getCreatedFrom() == null || f.getCreatedFrom().isBlank() ? null : parseTime(f.getCreatedFrom(), "createdFrom", false));
        f.setTo(f.getCreatedTo() == null || f.getCreatedTo().isBlank() ? null : parseTime(f.getCreatedTo(), "createdTo", true));
        if (f.getFrom() != null && f.getTo() != null && !f.getFrom().isBefore(f.getTo())) {
            throw BizException.invalid("createdTo", "结束时间必须晚于开始时间");
        }
    }

    /** "2026-05-01" (a "to" date means the end of that day), "2026-05-01 08:30[:00]" or ISO */
    static LocalDateTime parseTime(String text, String field, boolean end) {
        String s = text.strip();
        try {
            if (s.length() == 10) {
                LocalDate d = LocalDate.parse(s);
                return end ? d.plusDays(1).atStartOfDay() : d.atStartOfDay();
            }
            LocalDateTime t = s.indexOf('T') > 0 ? LocalDateTime.parse(s) : LocalDateTime.parse(s, SPACE_TIME);
            return t.withNano(0);
        } catch (DateTimeParseException e) {
            throw BizException.invalid(field, "时间格式不正确，应为 yyyy-MM-dd 或 yyyy-MM-dd HH:mm:ss");
        }
    }

    private PageResult<ApprovalViews.Row> rows(PageResult<ApprovalListRow> page, CurrentUser u) {
        return new PageResult<>(rowsOf(page.records(), u), page.total(), page.page(), page.size());
    }

    private List<ApprovalViews.Row> rowsOf(List<ApprovalListRow> list, CurrentUser u) {
        LocalDateTime now = LocalDateTime.now();
        return list.stream().map(r -> row(r, currentOf(r), u, now)).toList();
    }

    /** the current level as far as the joined list columns tell (enough for the decide check) */
    private static ApprovalStep currentOf(ApprovalListRow r) {
        ApprovalStep s = new ApprovalStep();
        s.setLevelNo(r.getCurrentLevel());
        s.setApproverRole(r.getStepRole());
        s.setApproverOrgPath(r.getStepOrgPath());
        s.setApproverOrgName(r.getStepOrgName());
        s.setApproverNames(r.getStepApproverNames());
        return s;
    }

    private ApprovalViews.Row row(Approval a, ApprovalStep current, CurrentUser u, LocalDateTime now) {
        boolean pending = ApprovalStatus.PENDING.name().equals(a.getStatus());
        String approver = null;
        if (pending && current != null && current.getApproverRole() != null) {
            approver = (current.getApproverOrgName() == null ? "" : current.getApproverOrgName() + " · ")
                    + RoleLabels.of(current.getApproverRole())
                    + (current.getApproverNames() == null || current.getApproverNames().isBlank() ? ""
                    : "（" + current.getApproverNames() + "）");
        }
        return new ApprovalViews.Row(a.getId(), a.getApprovalNo(), a.getBizType(), ApprovalBizTypes.label(a.getBizType()),
                a.getBizId(), a.getBizNo(), a.getBizAction(), handlers.actionLabel(a.getBizType(), a.getBizAction()),
                a.getReason(), a.getStatus(), statusLabel(a.getStatus()), a.getCurrentLevel(), a.getTotalLevels(),
                approver, a.getApplicantId(), a.getApplicantName(), a.getSubsidiaryId(), a.getCurrentDueAt(),
                overdue(a, now), a.getUrgeCount() == null ? 0 : a.getUrgeCount(), a.getLastUrgedAt(), a.getCreatedAt(),
                a.getDecidedAt(), a.getRowVersion(), current != null && ApprovalAuthority.canDecide(u, a, current),
                ApprovalAuthority.canWithdraw(u, a), ApprovalAuthority.canUrge(u, a));
    }

    private ApprovalViews.Detail detailOf(Approval a, CurrentUser u) {
        LocalDateTime now = LocalDateTime.now();
        List<ApprovalStep> all = steps.selectByApproval(a.getId());
        ApprovalStep current = all.stream().filter(s -> s.getLevelNo().equals(a.getCurrentLevel())).findFirst().orElse(null);
        List<ApprovalViews.Step> stepViews = all.stream().map(s -> new ApprovalViews.Step(s.getId(), s.getLevelNo(),
                s.getChainLevel(), s.getApproverLevel(), levelLabel(s.getApproverLevel()), s.getApproverRole(),
                RoleLabels.of(s.getApproverRole()), s.getApproverOrgId(), s.getApproverOrgName(), s.getApproverNames(),
                !s.getChainLevel().equals(s.getApproverLevel()), s.getTimeoutMinutes(), s.getDecision(),
                decisionLabel(s.getDecision()), s.getDecisionReason(), s.getDecidedByName(), s.getDecidedAt(),
                s.getStartedAt(), s.getDueAt(),
                (s.getOverdueFlag() != null && s.getOverdueFlag() == 1)
                        || ("PENDING".equals(s.getDecision()) && s.getDueAt() != null && s.getDueAt().isBefore(now))
                        || (s.getDecidedAt() != null && s.getDueAt() != null && s.getDecidedAt().isAfter(s.getDueAt()))))
                .toList();
        return new ApprovalViews.Detail(row(a, current, u, now), payloadOf(a), stepViews);
    }

    private Map<String, Object> payloadOf(Approval a) {
        if (a.getPayloadJson() == null || a.getPayloadJson().isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Object> m = json.readValue(a.getPayloadJson(), new TypeReference<LinkedHashMap<String, Object>>() {
            });
            m.values().removeIf(java.util.Objects::isNull);
            return m;
        } catch (JsonProcessingException e) {
            log.warn("审批 {} 的申请内容无法解析 / unreadable payload", a.getApprovalNo(), e);
            return Map.of();
        }
    }

    private ApprovalSummary summary(Approval a) {
        return summary(a, LocalDateTime.now());
    }

    private ApprovalSummary summary(Approval a, LocalDateTime now) {
        return new ApprovalSummary(a.getId(), a.getApprovalNo(), a.getBizType(), a.getBizId(), a.getBizNo(),
                a.getBizAction(), handlers.actionLabel(a.getBizType(), a.getBizAction()), a.getReason(),
                ApprovalStatus.valueOf(a.getStatus()), statusLabel(a.getStatus()), a.getCurrentLevel(),
                a.getTotalLevels(), a.getApplicantName(), a.getCurrentDueAt(), overdue(a, now), a.getCreatedAt(),
                a.getDecidedAt());
    }

    static boolean overdue(Approval a, LocalDateTime now) {
        return ApprovalStatus.PENDING.name().equals(a.getStatus()) && a.getCurrentDueAt() != null
                && a.getCurrentDueAt().isBefore(now);
    }

    private static ApprovalInfo info(Approval a) {
        return new ApprovalInfo(a.getId(), a.getApprovalNo(), a.getBizType(), a.getBizId(), a.getBizNo(),
                a.getBizAction(), a.getPayloadJson(), a.getReason(), ApprovalStatus.valueOf(a.getStatus()),
                a.getApplicantId(), a.getApplicantName(), a.getSubsidiaryId(), a.getOrgPath());
    }

    static LocalDateTime dueAt(LocalDateTime from, Integer timeoutMinutes) {
        return timeoutMinutes == null ? null : from.plusMinutes(timeoutMinutes);
    }

    private String toJson(Map<String, Object> payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw BizException.invalid("payload", "申请内容格式不正确");
        }
    }

    private static String names(List<UserInfo> users) {
        String s = users.stream().map(UserInfo::realName).filter(n -> n != null && !n.isBlank()).distinct()
                .collect(Collectors.joining("、"));
        return s.length() > 500 ? s.substring(0, 497) + "…" : s;
    }

    static String statusLabel(String status) {
        try {
            return ApprovalStatus.valueOf(status).label();
        } catch (IllegalArgumentException | NullPointerException e) {
            return status;
        }
    }

    static String decisionLabel(String decision) {
        if (decision == null) {
            return null;
        }
        return switch (decision) {
            case "WAITING" -> "未开始";
            case "PENDING" -> "审批中";
            case "APPROVED" -> "同意";
            case "REJECTED" -> "驳回";
            case "WITHDRAWN" -> "已撤回";
            default -> decision;
        };
    }

    static String levelLabel(String level) {
        try {
            return ApproverLevel.valueOf(level).label();
        } catch (IllegalArgumentException | NullPointerException e) {
            return level;
        }
    }

    private static String upperOrNull(String s) {
        return s == null || s.isBlank() ? null : s.strip().toUpperCase(Locale.ROOT);
    }

    private static ChainStep fallbackStep() {
        ChainStep s = new ChainStep();
        s.setLevelNo(1);
        s.setApproverLevel(ApproverLevel.SUBSIDIARY.name());
        s.setApproverRole(ApproverLevel.SUBSIDIARY.defaultRole());
        s.setTimeoutMinutes(1440);
        return s;
    }
}
