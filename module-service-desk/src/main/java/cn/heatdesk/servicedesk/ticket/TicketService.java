package cn.heatdesk.servicedesk.ticket;

import cn.heatdesk.baseinfo.api.CoverageApi;
import cn.heatdesk.baseinfo.api.HouseholdApi;
import cn.heatdesk.baseinfo.api.HouseholdSummary;
import cn.heatdesk.kernel.crypto.FieldCipher;
import cn.heatdesk.kernel.crypto.Masking;
import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.servicedesk.api.FlowNode;
import cn.heatdesk.servicedesk.api.TicketAction;
import cn.heatdesk.servicedesk.api.TicketApi;
import cn.heatdesk.servicedesk.api.TicketApprovalGate;
import cn.heatdesk.servicedesk.api.TicketChanged;
import cn.heatdesk.servicedesk.api.TicketCommand;
import cn.heatdesk.servicedesk.api.TicketCreate;
import cn.heatdesk.servicedesk.api.TicketFilter;
import cn.heatdesk.servicedesk.api.TicketHistoryEntry;
import cn.heatdesk.servicedesk.api.TicketOrigin;
import cn.heatdesk.servicedesk.api.TicketRow;
import cn.heatdesk.servicedesk.api.TicketStatus;
import cn.heatdesk.servicedesk.api.TicketView;
import cn.heatdesk.servicedesk.config.DeadlineService;
import cn.heatdesk.servicedesk.config.FlowNodeDef;
import cn.heatdesk.servicedesk.config.FlowService;
import cn.heatdesk.servicedesk.visit.Visit;
import cn.heatdesk.servicedesk.visit.VisitMapper;
import cn.heatdesk.settings.api.DictionaryApi;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import cn.heatdesk.settings.api.SystemParamApi;
import cn.heatdesk.settings.api.UserApi;
import cn.heatdesk.settings.api.UserInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The one write path of work orders. Every action: load the row locked, check the state machine, the data
 * scope and the caller's version, change the row with {@code row_version} guard, append the timeline, queue the
 * notifications and publish {@link TicketChanged} — all in one transaction.
 */
@Service
public class TicketService implements TicketApi {

    private static final Pattern CODE_LIKE = Pattern.compile("[A-Za-z0-9]+-[0-9-]*|[A-Za-z]{2,}[0-9]+[0-9-]*");
    private static final Set<String> VISIT_RESULTS = Set.of("SATISFIED", "UNSATISFIED", "UNREACHABLE");
    /** actions the system performs itself, never offered as buttons */
    private static final Set<TicketAction> SYSTEM_ONLY = EnumSet.of(TicketAction.CREATE, TicketAction.ESCALATE,
            TicketAction.APPROVAL_REQUESTED, TicketAction.APPROVAL_REJECTED);

    private final TicketMapper mapper;
    private final VisitMapper visits;
    private final TicketNumbers numbers;
    private final TicketRows rows;
    private final DeadlineService deadlines;
    private final FlowService flow;
    private final TicketNotifier notifier;
    private final HouseholdApi households;
    private final CoverageApi coverage;
    private final OrgApi orgs;
    private final UserApi users;
    private final DictionaryApi dict;
    private final SystemParamApi params;
    private final FieldCipher cipher;
    private final IdGenerator ids;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<TicketApprovalGate> gate;
    private final ObjectMapper json;
    private final TicketAttachments attachments;

    public TicketService(TicketAttachments attachments, TicketMapper mapper, VisitMapper visits, TicketNumbers numbers, TicketRows rows,
                         DeadlineService deadlines, FlowService flow, TicketNotifier notifier, HouseholdApi households,
                         CoverageApi coverage, OrgApi orgs, UserApi users, DictionaryApi dict, SystemParamApi params,
                         FieldCipher cipher, IdGenerator ids, ApplicationEventPublisher events,
                         ObjectProvider<TicketApprovalGate> gate, ObjectMapper json) {
        this.attachments = attachments;
        this.mapper = mapper;
        this.visits = visits;
        this.numbers = numbers;
        this.rows = rows;
        this.deadlines = deadlines;
        this.flow = flow;
        this.notifier = notifier;
        this.households = households;
        this.coverage = coverage;
        this.orgs = orgs;
        this.users = users;
        this.dict = dict;
        this.params = params;
        this.cipher = cipher;
        this.ids = ids;
        this.events = events;
        this.gate = gate;
        this.json = json;
    }

    // ------------------------------------------------------------------ create

    @Override
    @Transactional
    public TicketView create(TicketCreate c, TicketOrigin origin) {
        if (c == null) {
            throw BizException.invalid("ticketType", "请填写工单内容");
        }
        dict.requireValid("ticket_type", c.ticketType(), "ticketType");
        dict.requireValid("ticket_source", c.source(), "source");
        dict.requireValid("ticket_urgency", c.urgency(), "urgency");
        String content = trimToNull(c.content());
        if (content == null) {
            throw BizException.invalid("content", "请填写诉求内容");
        }
        if (content.length() > 2000) {
            throw BizException.invalid("content", "诉求内容不能超过 2000 个字");
        }
        HouseholdSummary hh = null;
        if (c.householdId() != null) {
            hh = households.find(c.householdId()).orElseThrow(() -> BizException.invalid("householdId", "房屋不存在"));
        }
        OrgInfo sub = resolveSubsidiary(c, hh);
        String phone = normalisePhone(c.callerPhone());
        if (hh == null && phone == null) {
            throw BizException.invalid("callerPhone", "未关联房屋时必须填写联系电话");
        }
        String address = trimToNull(c.address()) != null ? c.address().trim() : hh == null ? null : hh.address();
        if (address != null && address.length() > 300) {
            throw BizException.invalid("address", "地址不能超过 300 个字");
        }
        String title = trimToNull(c.title()) != null ? c.title().trim() : summarise(content);
        if (title.length() > 200) {
            throw BizException.invalid("title", "标题不能超过 200 个字");
        }
        if (c.contactName() != null && c.contactName().length() > 100) {
            throw BizException.invalid("contactName", "联系人不能超过 100 个字");
        }

        LocalDateTime now = LocalDateTime.now();
        DeadlineService.Deadline rule = deadlines.resolve(c.ticketType(), c.urgency(), c.source(), sub.id());
        LocalDateTime deadline = rule.deadline(now);
        String deadlineNote = null;
        if (c.deadline() != null) {
            if (!c.deadline().isAfter(now)) {
                throw BizException.invalid("deadline", "处理期限必须晚于当前时间");
            }
            if (trimToNull(c.deadlineReason()) == null) {
                throw BizException.invalid("deadlineReason", "手动修改处理期限时请填写原因");
            }
            deadlineNote = "处理期限由规则的 " + rule.limitMinutes() + " 分钟改为 " + c.deadline() + "：" + c.deadlineReason().trim();
            deadline = c.deadline();
        }

        Ticket t = new Ticket();
        t.setId(ids.nextId());
        t.setTicketNo(numbers.next(sub.id(), sub.orgCode(), sub.orgPath(), now.toLocalDate()));
        t.setTicketType(c.ticketType());
        t.setSource(c.source());
        t.setUrgency(c.urgency());
        t.setPriority(urgencyPriority(c.urgency()));
        t.setTitle(title);
        t.setContent(content);
        t.setFormJson(toJson(c.formFields()));
        if (hh != null) {
            t.setHouseholdId(hh.id());
            t.setHouseholdCode(hh.householdCode());
            t.setUnitId(hh.unitId());
            t.setNodePath(hh.nodePath());
            t.setCustomerName(hh.ownerName());
        }
        t.setAddress(address);
        t.setContactName(trimToNull(c.contactName()) != null ? c.contactName().trim() : hh == null ? null : hh.ownerName());
        if (phone != null) {
            t.setPhoneEnc(cipher.encrypt(phone));
            t.setPhoneIdx(cipher.blindIndexPhone(phone));
            t.setPhoneMask(Masking.phone(phone));
        }
        t.setDeadline(deadline);
        t.setWarnAt(deadline.minusMinutes(Math.min(rule.warnMinutes(), Math.max(1, rule.limitMinutes() - 1))));
        t.setDeadlineRuleId(rule.ruleId());
        t.setNearNotified(0);
        t.setEscalationLevel(0);
        t.setNextEscalateAt(deadline);
        boolean overLevel = "OVER_LEVEL_COMPLAINT".equals(c.ticketType());
        boolean supervised = "SUPERVISION".equals(c.ticketType());
        t.setSupervised(supervised ? 1 : 0);
        t.setOverLevel(overLevel ? 1 : 0);
        t.setUrgeCount(0);
        t.setReworkCount(0);
        t.setCallId(trimToNull(c.callId()));
        t.setKbArticleId(c.kbArticleId());
        t.setSubsidiaryId(sub.id());
        t.setOrgPath(sub.orgPath());
        CurrentUser u = SecurityContext.current().orElse(null);
        t.setCreatedBy(u == null ? null : u.userId());
        t.setCreatedByName(u == null ? "系统" : u.realName());
        t.setCreatedAt(now);
        t.setUpdatedBy(t.getCreatedBy());
        t.setUpdatedAt(now);
        t.setRowVersion(0);

        // extra nodes after 受理 (e.g. 审核) come before dispatch
        List<FlowNodeDef> afterAccept = flow.extrasAfter(sub.id(), FlowNode.ACCEPT, c.ticketType());
        if (afterAccept.isEmpty()) {
            t.setStatus(TicketStatus.PENDING_DISPATCH.name());
            t.setNodeCode(FlowNode.ACCEPT.name());
        } else {
            t.setStatus(TicketStatus.EXTRA_NODE.name());
            t.setNodeCode(afterAccept.get(0).getNodeCode());
            t.setResumeStatus(TicketStatus.PENDING_DISPATCH.name());
        }
        mapper.insert(t);
        String detail = deadlineNote;
        if (supervised || overLevel) {
            detail = (detail == null ? "" : detail + "；") + (overLevel ? "越级投诉，集团直接介入" : "督办工单");
        }
        history(t, TicketAction.CREATE, null, TicketStatus.valueOf(t.getStatus()), null, t.getNodeCode(), null,
                null, detail, origin, null);
        attach(t, c.attachmentIds(), "ACCEPT");
        publish(t, TicketAction.CREATE, null, null);
        notifier.created(t);

        Long station = c.stationOrgId();
        if (c.dispatchNow() && TicketStatus.PENDING_DISPATCH.name().equals(t.getStatus())) {
            if (station == null && hh != null) {
                station = coverage.stationForHousehold(hh.id()).orElse(null);
            }
            if (station == null) {
                throw BizException.invalid("stationOrgId", "该房屋未配置维修站服务区域，请选择维修站后派单，或仅保存到待安排");
            }
            TicketCommand dispatch = new TicketCommand(TicketAction.DISPATCH, t.getRowVersion(), null, null, station,
                    null, null, null, null, null, null, null);
            apply(t, dispatch, origin, null, null);
        }
        return view(mapper.selectByIdUnscoped(t.getId()));
    }

    private OrgInfo resolveSubsidiary(TicketCreate c, HouseholdSummary hh) {
        Long subId = hh != null ? hh.subsidiaryId() : c.subsidiaryId();
        if (subId == null) {
            subId = SecurityContext.current().map(CurrentUser::subsidiaryId).orElse(null);
        }
        if (subId == null) {
            throw BizException.invalid("subsidiaryId", "未关联房屋时请选择受理的分公司");
        }
        OrgInfo sub = orgs.find(subId).orElseThrow(() -> BizException.invalid("subsidiaryId", "分公司不存在"));
        if (!sub.id().equals(sub.subsidiaryId())) {
            throw BizException.invalid("subsidiaryId", "请选择分公司");
        }
        // the household lookup and the returned view are unscoped: a user limited to one subsidiary must not accept
        // (and so read) tickets of another one
        CurrentUser u = SecurityContext.current().orElse(null);
        if (u != null && u.dataScope() != DataScope.ALL && !sub.id().equals(u.subsidiaryId())) {
            throw BizException.invalid(hh != null ? "householdId" : "subsidiaryId", "只能为本分公司受理工单");
        }
        return sub;
    }

    // ------------------------------------------------------------------ actions

    @Override
    @Transactional
    public TicketView perform(long ticketId, TicketCommand cmd, TicketOrigin origin) {
        Ticket t = load(ticketId, true);
        checkCommand(cmd);
        if (cmd.action().approvable() && needsApproval(cmd.action(), t)) {
            throw new BizException(ErrorCode.APPROVAL_REQUIRED, "“" + cmd.action().label() + "”需要审批，请提交审批申请",
                    null, Map.of("action", cmd.action().name()));
        }
        apply(t, cmd, origin, null, null);
        return view(mapper.selectByIdUnscoped(ticketId));
    }

    @Override
    @Transactional
    public TicketRow requestApproval(long ticketId, TicketCommand cmd, long approvalId) {
        Ticket t = load(ticketId, false);
        checkCommand(cmd);
        if (!cmd.action().approvable()) {
            throw BizException.invalid("action", "“" + cmd.action().label() + "”不需要审批");
        }
        checkVersion(t, cmd.expectedVersion());
        TicketStateMachine.next(cmd.action(), status(t));
        validateFor(t, cmd, true);
        if (t.getPendingApproval() != null) {
            throw BizException.conflict("该工单已有待审批的“" + actionLabel(t.getPendingApproval()) + "”申请，请等待审批结果");
        }
        TicketStatus st = status(t);
        t.setPendingApproval(cmd.action().name());
        t.setPendingApprovalId(approvalId);
        save(t);
        history(t, TicketAction.APPROVAL_REQUESTED, st, st, t.getNodeCode(), t.getNodeCode(), cmd.reason(), null,
                "申请" + cmd.action().label() + describe(cmd), TicketOrigin.WEB, approvalId);
        publish(t, TicketAction.APPROVAL_REQUESTED, st, null);
        return rows.row(t);
    }

    @Override
    @Transactional
    public void approvalRejected(long ticketId, TicketAction action, long approvalId, String reason) {
        Ticket t = load(ticketId, false);
        TicketStatus st = status(t);
        if (Long.valueOf(approvalId).equals(t.getPendingApprovalId())) {
            t.setPendingApproval(null);
            t.setPendingApprovalId(null);
            save(t);
        }
        history(t, TicketAction.APPROVAL_REJECTED, st, st, t.getNodeCode(), t.getNodeCode(), reason, null,
                "“" + action.label() + "”申请被驳回", TicketOrigin.APPROVAL, approvalId);
        publish(t, TicketAction.APPROVAL_REJECTED, st, null);
    }

    @Override
    @Transactional
    public TicketView applyApproved(long ticketId, TicketCommand cmd, long approvalId, String approverName) {
        Ticket t = load(ticketId, false);
        checkCommand(cmd);
        if (Long.valueOf(approvalId).equals(t.getPendingApprovalId())) {
            t.setPendingApproval(null);
            t.setPendingApprovalId(null);
        }
        // the approval was asked against an older version; the state machine decides whether it still applies
        apply(t, cmd.withoutVersion(), TicketOrigin.APPROVAL, approvalId, approverName);
        return view(mapper.selectByIdUnscoped(ticketId));
    }

    private boolean needsApproval(TicketAction action, Ticket t) {
        if (action == TicketAction.CLOSE_WITHOUT_VISIT) {
            return true;
        }
        TicketApprovalGate g = gate.getIfAvailable();
        return g != null && g.requiresApproval(action, t.getSubsidiaryId(), t.getOrgPath());
    }

    /**
     * Applies one checked command to a loaded ticket: state machine, action-specific changes, extra nodes,
     * versioned update, timeline, notifications, event.
     */
    void apply(Ticket t, TicketCommand cmd, TicketOrigin origin, Long approvalId, String approverName) {
        checkVersion(t, cmd.expectedVersion());
        TicketAction a = cmd.action();
        TicketStatus from = status(t);
        String fromNode = t.getNodeCode();
        TicketStatus to = TicketStateMachine.next(a, from);
        validateFor(t, cmd, false);
        LocalDateTime now = LocalDateTime.now();
        Long previousWorker = t.getWorkerId();
        String detail = null;
        String reason = trimToNull(cmd.reason());
        String note = trimToNull(cmd.note());

        switch (a) {
            case DISPATCH, REDISPATCH, SECOND_DISPATCH -> {
                OrgInfo station = station(cmd.stationOrgId() != null ? cmd.stationOrgId() : t.getStationOrgId(), t);
                detail = (a == TicketAction.REDISPATCH ? "改派至 " : "派至 ") + station.orgName()
                        + (t.getStationName() != null && a != TicketAction.DISPATCH ? "（原 " + t.getStationName() + "）" : "");
                t.setStationOrgId(station.id());
                t.setStationName(station.orgName());
                t.setOrgPath(station.orgPath());
                t.setWorkerId(null);
                t.setWorkerName(null);
                t.setDispatchedAt(now);
                if (a == TicketAction.SECOND_DISPATCH) {
                    t.setReworkCount(t.getReworkCount() + 1);
                    DeadlineService.Deadline rule = deadlines.resolve(t.getTicketType(), t.getUrgency(), t.getSource(), t.getSubsidiaryId());
                    setDeadline(t, rule.deadline(now), rule.warnMinutes(), rule.limitMinutes());
                    t.setCompletedAt(null);
                    t.setVisitDueAt(null);
                    t.setHandlingResult(null);
                    t.setVisitResult(null);
                    detail = "二次派单至 " + station.orgName() + "（第 " + t.getReworkCount() + " 次返工）";
                }
            }
            case CONFIRM -> detail = "维修站已确认";
            case ASSIGN, REASSIGN -> {
                UserInfo w = worker(cmd.workerId(), t);
                if (a == TicketAction.REASSIGN && w.id().equals(t.getWorkerId())) {
                    throw BizException.invalid("workerId", "改派的人员与当前处理人相同");
                }
                detail = (a == TicketAction.REASSIGN ? "由 " + t.getWorkerName() + " 改派给 " : "分派给 ") + w.realName()
                        + "（" + w.jobNumber() + "）";
                t.setWorkerId(w.id());
                t.setWorkerName(w.realName());
                t.setAcceptedAt(null);
            }
            case WORKER_ACCEPT -> {
                t.setAcceptedAt(now);
                if (t.getFirstResponseAt() == null) {
                    t.setFirstResponseAt(now);
                }
            }
            case WORKER_REJECT -> {
                detail = t.getWorkerName() + " 拒绝接单";
                t.setWorkerId(null);
                t.setWorkerName(null);
            }
            case CHECK_IN -> {
                if (t.getFirstResponseAt() == null) {
                    t.setFirstResponseAt(now);
                }
                detail = describeFields(cmd.fields());
            }
            case COMPLETE, CLOSE_DIRECT, DESK_RESOLVE -> {
                String result = handlingResult(cmd);
                t.setHandlingResult(result);
                detail = result;
                if (t.getFirstResponseAt() == null) {
                    t.setFirstResponseAt(now);
                }
                t.setCompletedAt(now);
            }
            case RETURN -> {
                OrgInfo sub = orgs.find(t.getSubsidiaryId()).orElseThrow();
                detail = "由 " + t.getStationName() + " 退回客服中心";
                t.setStationOrgId(null);
                t.setStationName(null);
                t.setWorkerId(null);
                t.setWorkerName(null);
                t.setOrgPath(sub.orgPath());
            }
            case VISIT -> {
                to = visit(t, cmd, now);
                detail = visitDetail(cmd);
            }
            case CLOSE_WITHOUT_VISIT -> detail = "免回访处结";
            case VOID, CANCEL -> {
                t.setClosedAt(now);
            }
            case DELAY -> {
                LocalDateTime newDeadline = cmd.deadline() != null ? cmd.deadline() : t.getDeadline().plusMinutes(cmd.extendMinutes());
                detail = "处理期限由 " + t.getDeadline() + " 延至 " + newDeadline;
                DeadlineService.Deadline rule = deadlines.resolve(t.getTicketType(), t.getUrgency(), t.getSource(), t.getSubsidiaryId());
                setDeadline(t, newDeadline, rule.warnMinutes(), rule.limitMinutes());
            }
            case PASS_NODE -> {
                detail = "办理“" + flow.nodeName(t.getSubsidiaryId(), t.getNodeCode()) + "”";
                to = passNode(t);
            }
            case TRANSFER -> {
                OrgInfo target = orgs.find(cmd.targetSubsidiaryId()).orElseThrow(() -> BizException.invalid("targetSubsidiaryId", "分公司不存在"));
                if (!target.id().equals(target.subsidiaryId())) {
                    throw BizException.invalid("targetSubsidiaryId", "只能转办给分公司");
                }
                if (target.id().equals(t.getSubsidiaryId())) {
                    throw BizException.invalid("targetSubsidiaryId", "不能转办给本分公司");
                }
                detail = "转办至 " + target.orgName();
                t.setSubsidiaryId(target.id());
                t.setOrgPath(target.orgPath());
                t.setStationOrgId(null);
                t.setStationName(null);
                t.setWorkerId(null);
                t.setWorkerName(null);
            }
            case COLLABORATE -> {
                OrgInfo org = orgs.find(cmd.stationOrgId()).orElseThrow(() -> BizException.invalid("stationOrgId", "协同单位不存在"));
                mapper.insertCollab(ids.nextId(), t.getId(), org.id(), org.orgName(), note, t.getSubsidiaryId(), t.getOrgPath(),
                        SecurityContext.current().map(CurrentUser::userId).orElse(null), now);
                detail = "邀请 " + org.orgName() + " 协同办理";
            }
            case SUPERVISE -> {
                t.setSupervised(1);
                t.setPriority(t.getPriority() + 1);
                detail = "发起督办";
            }
            case URGE -> {
                t.setUrgeCount(t.getUrgeCount() + 1);
                detail = "第 " + t.getUrgeCount() + " 次催办";
            }
            case ESCALATE -> detail = escalate(t, now);
            case EDIT -> detail = edit(t, cmd.fields());
            case REPORT_PROGRESS, FEEDBACK, NOTE -> {
            }
            default -> throw TicketStateMachine.illegal(a, from);
        }

        // extra nodes after 处理 / 回访: the ticket stops there before going on
        if (to == TicketStatus.COMPLETED && from != TicketStatus.COMPLETED && from != TicketStatus.EXTRA_NODE) {
            to = enterExtras(t, FlowNode.HANDLE, TicketStatus.COMPLETED);
        } else if (to == TicketStatus.CLOSED && from == TicketStatus.COMPLETED) {
            to = enterExtras(t, FlowNode.VISIT, TicketStatus.CLOSED);
        }
        if (to != TicketStatus.EXTRA_NODE) {
            t.setNodeCode(to.node().name());
            t.setResumeStatus(null);
        }
        if (to == TicketStatus.COMPLETED && from != TicketStatus.COMPLETED) {
            t.setVisitDueAt(now.plusHours(params.getInt("ticket.visit.due-hours", 24)));
        }
        if (to == TicketStatus.CLOSED && t.getClosedAt() == null) {
            t.setClosedAt(now);
        }
        if (!to.isOpen() || handled(to, t)) {
            // closed, or handled and waiting for the visit or a node after 处理/回访: the handling deadline is over
            t.setNextEscalateAt(null);
        }
        if (!to.isOpen()) {
            t.setPendingApproval(null);
            t.setPendingApprovalId(null);
        }
        t.setStatus(to.name());
        save(t);
        if (approverName != null) {
            detail = (detail == null ? "" : detail + "；") + "审批人：" + approverName;
        }
        history(t, a, from, to, fromNode, t.getNodeCode(), reason, note, detail, origin, approvalId);
        notifier.changed(t, a, from, to, previousWorker, cmd);
        publish(t, a, from, previousWorker);
    }

    private void checkCommand(TicketCommand cmd) {
        if (cmd == null || cmd.action() == null) {
            throw BizException.invalid("action", "请指定操作");
        }
        if (SYSTEM_ONLY.contains(cmd.action())) {
            throw BizException.invalid("action", "“" + cmd.action().label() + "”由系统自动执行");
        }
    }

    /** per-action field checks, before anything is written (requestOnly: the checks an approval request needs) */
    private void validateFor(Ticket t, TicketCommand cmd, boolean requestOnly) {
        TicketAction a = cmd.action();
        switch (a) {
            case REDISPATCH, REASSIGN, RETURN, VOID, CANCEL, DELAY, TRANSFER, EDIT, CLOSE_DIRECT, CLOSE_WITHOUT_VISIT,
                 WORKER_REJECT, SUPERVISE -> requireReason(cmd);
            case REPORT_PROGRESS, FEEDBACK, NOTE, URGE, COLLABORATE -> {
                if (trimToNull(cmd.note()) == null && trimToNull(cmd.reason()) == null) {
                    throw BizException.invalid("note", "请填写" + (a == TicketAction.URGE ? "催办说明" : "内容"));
                }
            }
            default -> {
            }
        }
        if ((a == TicketAction.DISPATCH || a == TicketAction.REDISPATCH) && cmd.stationOrgId() == null) {
            throw BizException.invalid("stationOrgId", "请选择维修站");
        }
        if (a == TicketAction.REDISPATCH && cmd.stationOrgId().equals(t.getStationOrgId())) {
            throw BizException.invalid("stationOrgId", "改派的维修站与当前维修站相同");
        }
        if ((a == TicketAction.ASSIGN || a == TicketAction.REASSIGN) && cmd.workerId() == null) {
            throw BizException.invalid("workerId", "请选择维修人员");
        }
        if (a == TicketAction.DELAY) {
            if (cmd.deadline() == null && (cmd.extendMinutes() == null || cmd.extendMinutes() <= 0)) {
                throw BizException.invalid("extendMinutes", "请填写延期时长（分钟）");
            }
            if (cmd.extendMinutes() != null && cmd.extendMinutes() > 60 * 24 * 30) {
                throw BizException.invalid("extendMinutes", "单次延期不能超过 30 天");
            }
            if (cmd.deadline() != null && !cmd.deadline().isAfter(t.getDeadline())) {
                throw BizException.invalid("deadline", "新的处理期限必须晚于当前期限");
            }
        }
        if (a == TicketAction.TRANSFER && cmd.targetSubsidiaryId() == null) {
            throw BizException.invalid("targetSubsidiaryId", "请选择转办的分公司");
        }
        if (a == TicketAction.COLLABORATE && cmd.stationOrgId() == null) {
            throw BizException.invalid("stationOrgId", "请选择协同单位");
        }
        if (!requestOnly && (a == TicketAction.COMPLETE || a == TicketAction.DESK_RESOLVE)) {
            handlingResult(cmd);
        }
        if (a == TicketAction.VISIT) {
            if (cmd.visitResult() == null || !VISIT_RESULTS.contains(cmd.visitResult())) {
                throw BizException.invalid("visitResult", "请选择回访结果（满意、不满意或未联系上）");
            }
            if (!"UNREACHABLE".equals(cmd.visitResult())
                    && (cmd.satisfaction() == null || cmd.satisfaction() < 1 || cmd.satisfaction() > 5)) {
                throw BizException.invalid("satisfaction", "请选择满意度（1-5）");
            }
        }
    }

    private static void requireReason(TicketCommand cmd) {
        if (trimToNull(cmd.reason()) == null) {
            throw BizException.invalid("reason", "请填写“" + cmd.action().label() + "”的原因");
        }
        if (cmd.reason().length() > 500) {
            throw BizException.invalid("reason", "原因不能超过 500 个字");
        }
    }

    private String handlingResult(TicketCommand cmd) {
        Map<String, Object> f = cmd.fields() == null ? Map.of() : cmd.fields();
        Object r = f.get("handlingResult");
        String text = r == null ? trimToNull(cmd.note()) : trimToNull(r.toString());
        if (cmd.action() == TicketAction.CLOSE_DIRECT && text == null) {
            text = trimToNull(cmd.reason());
        }
        if (text == null) {
            throw BizException.invalid("handlingResult", "请填写处理结果");
        }
        StringBuilder sb = new StringBuilder(text);
        if (f.get("parts") != null && !f.get("parts").toString().isBlank()) {
            sb.append("；更换配件：").append(f.get("parts"));
        }
        if (f.get("durationMinutes") != null) {
            sb.append("；用时 ").append(f.get("durationMinutes")).append(" 分钟");
        }
        if (sb.length() > 2000) {
            throw BizException.invalid("handlingResult", "处理结果不能超过 2000 个字");
        }
        return sb.toString();
    }

    private TicketStatus visit(Ticket t, TicketCommand cmd, LocalDateTime now) {
        Map<String, Object> f = cmd.fields() == null ? Map.of() : cmd.fields();
        Visit v = new Visit();
        v.setId(ids.nextId());
        v.setTicketId(t.getId());
        v.setVisitResult(cmd.visitResult());
        v.setSatisfaction(cmd.satisfaction());
        v.setTemplateCode(f.get("templateCode") == null ? null : f.get("templateCode").toString());
        v.setAnswersJson(f.get("answers") == null ? null : toJson(f.get("answers")));
        v.setRemark(trimToNull(cmd.note()));
        Object pay = f.get("paymentNote");
        v.setPaymentNote(pay == null || pay.toString().isBlank() ? null : pay.toString());
        v.setCallId(f.get("callId") == null ? null : f.get("callId").toString());
        CurrentUser u = SecurityContext.current().orElse(null);
        v.setVisitorId(u == null ? null : u.userId());
        v.setVisitorName(u == null ? "系统" : u.realName());
        v.setSubsidiaryId(t.getSubsidiaryId());
        v.setOrgPath(t.getOrgPath());
        v.setCreatedAt(now);
        visits.insertVisit(v);
        if (!"UNREACHABLE".equals(cmd.visitResult())) {
            t.setVisitResult(cmd.visitResult());
            t.setSatisfaction(cmd.satisfaction());
            t.setVisitedAt(now);
        }
        return "SATISFIED".equals(cmd.visitResult()) ? TicketStatus.CLOSED : TicketStatus.COMPLETED;
    }

    private static String visitDetail(TicketCommand cmd) {
        String r = switch (cmd.visitResult()) {
            case "SATISFIED" -> "回访满意";
            case "UNSATISFIED" -> "回访不满意";
            default -> "回访未联系上";
        };
        if (cmd.satisfaction() != null) {
            r += "（满意度 " + cmd.satisfaction() + " 分）";
        }
        Object pay = cmd.fields() == null ? null : cmd.fields().get("paymentNote");
        if (pay != null && !pay.toString().isBlank()) {
            r += "；顺势催缴：" + pay;
        }
        return r;
    }

    private TicketStatus enterExtras(Ticket t, FlowNode after, TicketStatus resume) {
        List<FlowNodeDef> extras = flow.extrasAfter(t.getSubsidiaryId(), after, t.getTicketType());
        if (extras.isEmpty()) {
            return resume;
        }
        t.setNodeCode(extras.get(0).getNodeCode());
        t.setResumeStatus(resume.name());
        return TicketStatus.EXTRA_NODE;
    }

    private TicketStatus passNode(Ticket t) {
        TicketStatus resume = TicketStatus.valueOf(t.getResumeStatus() == null ? TicketStatus.PENDING_DISPATCH.name() : t.getResumeStatus());
        Optional<FlowNodeDef> current = flow.find(t.getSubsidiaryId(), t.getNodeCode());
        if (current.isPresent()) {
            List<FlowNodeDef> list = flow.extrasAfter(t.getSubsidiaryId(), FlowNode.valueOf(current.get().getAfterNode()), t.getTicketType());
            for (int i = 0; i < list.size() - 1; i++) {
                if (list.get(i).getNodeCode().equals(t.getNodeCode())) {
                    t.setNodeCode(list.get(i + 1).getNodeCode());
                    return TicketStatus.EXTRA_NODE;
                }
            }
        }
        return resume;
    }

    /** handling is done: COMPLETED, or an extra node entered after 处理 or 回访 (it resumes to COMPLETED/CLOSED) */
    private static boolean handled(TicketStatus st, Ticket t) {
        return st == TicketStatus.COMPLETED || (st == TicketStatus.EXTRA_NODE
                && (TicketStatus.COMPLETED.name().equals(t.getResumeStatus()) || TicketStatus.CLOSED.name().equals(t.getResumeStatus())));
    }

    private String escalate(Ticket t, LocalDateTime now) {
        int level = t.getEscalationLevel() + 1;
        t.setEscalationLevel(level);
        t.setPriority(t.getPriority() + 1);
        DeadlineService.Deadline rule = deadlines.resolve(t.getTicketType(), t.getUrgency(), t.getSource(), t.getSubsidiaryId());
        // three levels: station → subsidiary → group; after that the ticket stays red without more alarms
        t.setNextEscalateAt(level >= 3 ? null : now.plusMinutes(rule.escalateMinutes()));
        return "超时自动升级至第 " + level + " 级（" + (level == 1 ? "维修站负责人" : level == 2 ? "分公司" : "集团") + "），优先级提升";
    }

    private String edit(Ticket t, Map<String, Object> fields) {
        if (fields == null || fields.isEmpty()) {
            throw BizException.invalid("fields", "没有要修改的内容");
        }
        List<String> changes = new ArrayList<>();
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            String v = e.getValue() == null ? null : e.getValue().toString().trim();
            switch (e.getKey()) {
                case "title" -> {
                    if (v == null || v.isEmpty() || v.length() > 200) {
                        throw BizException.invalid("title", "标题不能为空且不超过 200 个字");
                    }
                    changes.add("标题：" + t.getTitle() + " → " + v);
                    t.setTitle(v);
                }
                case "content" -> {
                    if (v == null || v.isEmpty() || v.length() > 2000) {
                        throw BizException.invalid("content", "诉求内容不能为空且不超过 2000 个字");
                    }
                    changes.add("诉求内容已修改");
                    t.setContent(v);
                }
                case "address" -> {
                    if (v != null && v.length() > 300) {
                        throw BizException.invalid("address", "地址不能超过 300 个字");
                    }
                    changes.add("地址：" + t.getAddress() + " → " + v);
                    t.setAddress(v);
                }
                case "contactName" -> {
                    changes.add("联系人：" + t.getContactName() + " → " + v);
                    t.setContactName(v);
                }
                case "urgency" -> {
                    dict.requireValid("ticket_urgency", v, "urgency");
                    changes.add("紧急程度：" + dict.label("ticket_urgency", t.getUrgency()) + " → " + dict.label("ticket_urgency", v));
                    t.setUrgency(v);
                    t.setPriority(Math.max(t.getPriority(), urgencyPriority(v)));
                }
                case "ticketType" -> {
                    dict.requireValid("ticket_type", v, "ticketType");
                    changes.add("工单类型：" + dict.label("ticket_type", t.getTicketType()) + " → " + dict.label("ticket_type", v));
                    t.setTicketType(v);
                }
                default -> throw BizException.invalid(e.getKey(), "字段“" + e.getKey() + "”不能修改");
            }
        }
        return String.join("；", changes);
    }

    private void setDeadline(Ticket t, LocalDateTime deadline, int warnMinutes, int limitMinutes) {
        t.setDeadline(deadline);
        t.setWarnAt(deadline.minusMinutes(Math.min(warnMinutes, Math.max(1, limitMinutes - 1))));
        t.setNearNotified(0);
        t.setEscalationLevel(0);
        t.setNextEscalateAt(deadline);
    }

    private OrgInfo station(Long stationOrgId, Ticket t) {
        if (stationOrgId == null) {
            throw BizException.invalid("stationOrgId", "请选择维修站");
        }
        OrgInfo o = orgs.find(stationOrgId).orElseThrow(() -> BizException.invalid("stationOrgId", "维修站不存在"));
        if (!"REPAIR_STATION".equals(o.orgType()) || !o.enabled()) {
            throw BizException.invalid("stationOrgId", "“" + o.orgName() + "”不是启用的维修站");
        }
        if (!o.subsidiaryId().equals(t.getSubsidiaryId())) {
            throw BizException.invalid("stationOrgId", "只能派给本分公司的维修站；跨公司请先转办");
        }
        return o;
    }

    private UserInfo worker(Long workerId, Ticket t) {
        if (t.getStationOrgId() == null) {
            throw BizException.invalid("workerId", "工单尚未派到维修站");
        }
        UserInfo w = users.find(workerId).orElseThrow(() -> BizException.invalid("workerId", "维修人员不存在"));
        boolean ofStation = users.usersWithRole("WORKER", t.getStationOrgId(), true).stream().anyMatch(u -> u.id().equals(w.id()));
        if (!ofStation) {
            throw BizException.invalid("workerId", w.realName() + " 不是 " + t.getStationName() + " 的维修人员/网格员");
        }
        return w;
    }

    // ------------------------------------------------------------------ persistence helpers

    private Ticket load(long id, boolean scoped) {
        Ticket t = scoped && SecurityContext.current().isPresent() ? mapper.selectById(id) : mapper.selectByIdUnscoped(id);
        if (t == null) {
            throw BizException.notFound("工单");
        }
        // re-read with a row lock: concurrent actions on one ticket queue here, then the version check decides
        Ticket locked = mapper.selectForUpdate(id);
        if (locked == null) {
            throw BizException.notFound("工单");
        }
        return locked;
    }

    private static void checkVersion(Ticket t, Integer expected) {
        if (expected != null && !expected.equals(t.getRowVersion())) {
            throw BizException.conflict("工单已被他人修改（当前为第 " + t.getRowVersion() + " 版），请刷新后重试");
        }
    }

    private void save(Ticket t) {
        CurrentUser u = SecurityContext.current().orElse(null);
        t.setUpdatedBy(u == null ? null : u.userId());
        t.setUpdatedAt(LocalDateTime.now());
        if (mapper.updateState(t, t.getRowVersion()) == 0) {
            throw BizException.conflict("工单已被他人修改，请刷新后重试");
        }
        t.setRowVersion(t.getRowVersion() + 1);
    }

    private void history(Ticket t, TicketAction action, TicketStatus from, TicketStatus to, String fromNode, String toNode,
                         String reason, String note, String detail, TicketOrigin origin, Long approvalId) {
        TicketHistory h = new TicketHistory();
        h.setId(ids.nextId());
        h.setTicketId(t.getId());
        h.setAction(action.name());
        h.setFromStatus(from == null ? null : from.name());
        h.setToStatus(to == null ? null : to.name());
        h.setFromNode(fromNode);
        h.setToNode(toNode);
        h.setReason(reason);
        h.setNote(note);
        h.setDetail(detail != null && detail.length() > 2000 ? detail.substring(0, 2000) : detail);
        CurrentUser u = SecurityContext.current().orElse(null);
        h.setOperatorId(u == null ? null : u.userId());
        h.setOperatorName(u == null ? "系统" : u.realName());
        h.setOrigin((origin == null ? TicketOrigin.WEB : origin).name());
        h.setClientIp(u == null ? null : SecurityContext.clientIp());
        h.setApprovalId(approvalId);
        h.setSubsidiaryId(t.getSubsidiaryId());
        h.setOrgPath(t.getOrgPath());
        h.setCreatedAt(LocalDateTime.now());
        mapper.insertHistory(h);
    }

    private void publish(Ticket t, TicketAction a, TicketStatus from, Long previousWorker) {
        CurrentUser u = SecurityContext.current().orElse(null);
        events.publishEvent(new TicketChanged(t.getId(), t.getTicketNo(), a, from, TicketStatus.valueOf(t.getStatus()),
                t.getSubsidiaryId(), t.getOrgPath(), t.getStationOrgId(), t.getWorkerId(),
                previousWorker != null && !previousWorker.equals(t.getWorkerId()) ? previousWorker : null,
                t.getSupervised() == 1, t.getOverLevel() == 1, t.getRowVersion(), u == null ? null : u.userId(),
                u == null ? "系统" : u.realName(), LocalDateTime.now()));
    }

    /** links uploaded files to the ticket; the files must exist in the kernel store */
    void attach(Ticket t, List<Long> fileIds, String stage) {
        if (fileIds == null || fileIds.isEmpty()) {
            return;
        }
        attachments.link(t, fileIds, stage);
    }

    /** attachments added after acceptance (handling photos, visit recordings) */
    @Transactional
    public TicketView addAttachments(long ticketId, List<Long> fileIds, String stage) {
        Ticket t = load(ticketId, true);
        if (fileIds == null || fileIds.isEmpty()) {
            throw BizException.invalid("fileIds", "请选择要追加的附件");
        }
        String st = stage == null || stage.isBlank() ? "HANDLE" : stage;
        if (!Set.of("ACCEPT", "HANDLE", "VISIT").contains(st)) {
            throw BizException.invalid("stage", "附件阶段只能是 ACCEPT、HANDLE 或 VISIT");
        }
        attach(t, fileIds, st);
        TicketStatus s = status(t);
        history(t, TicketAction.NOTE, s, s, t.getNodeCode(), t.getNodeCode(), null, null,
                "追加附件 " + fileIds.size() + " 个", TicketOrigin.WEB, null);
        publish(t, TicketAction.NOTE, s, null);
        return view(mapper.selectByIdUnscoped(ticketId));
    }

    // ------------------------------------------------------------------ system actions (jobs)

    /** one escalation step of an overdue ticket, as the system; false when it no longer applies */
    @Transactional
    public boolean escalateIfDue(long id) {
        Ticket t = mapper.selectForUpdate(id);
        if (t == null || t.getNextEscalateAt() == null || t.getNextEscalateAt().isAfter(LocalDateTime.now())
                || !TicketStatus.valueOf(t.getStatus()).isOpen() || handled(TicketStatus.valueOf(t.getStatus()), t)) {
            return false;
        }
        TicketStatus st = status(t);
        String detail = escalate(t, LocalDateTime.now());
        save(t);
        history(t, TicketAction.ESCALATE, st, st, t.getNodeCode(), t.getNodeCode(), null, null, detail, TicketOrigin.SYSTEM, null);
        notifier.escalated(t);
        publish(t, TicketAction.ESCALATE, st, null);
        return true;
    }

    /** the near-deadline reminder, once per deadline */
    @Transactional
    public boolean warnIfNear(long id) {
        if (mapper.markNearNotified(id, LocalDateTime.now()) == 0) {
            return false;
        }
        Ticket t = mapper.selectByIdUnscoped(id);
        notifier.nearDeadline(t);
        return true;
    }

    // ------------------------------------------------------------------ reads

    @Override
    public TicketView detail(long ticketId) {
        Ticket t = SecurityContext.current().isPresent() ? mapper.selectById(ticketId) : mapper.selectByIdUnscoped(ticketId);
        if (t == null) {
            throw BizException.notFound("工单");
        }
        return view(t);
    }

    @Override
    public TicketRow find(long ticketId) {
        Ticket t = mapper.selectByIdUnscoped(ticketId);
        if (t == null) {
            throw BizException.notFound("工单");
        }
        return rows.row(t);
    }

    @Override
    public PageResult<TicketRow> search(TicketFilter filter, PageQuery query) {
        TicketFilter f = filter == null ? TicketFilter.empty() : filter;
        TicketQueryContext ctx = context(f);
        String defaultOrder = f.pool() != null ? "t.priority DESC, t.deadline ASC, t.id DESC" : "t.created_at DESC, t.id DESC";
        String orderBy = query.orderBy(SORTS, defaultOrder);
        if (!orderBy.equals(defaultOrder)) {
            orderBy = orderBy + ", t.id DESC";
        }
        String order = orderBy;
        PageResult<Ticket> page = Paging.page(query, PAGE_COUNT_CAP, () -> mapper.selectPage(f, ctx, order));
        return new PageResult<>(rows.rows(page.records()), page.total(), page.page(), page.size(), page.totalCapped());
    }

    /**
     * Lists count at most this many matches (then say "10,000+"): an exact count of a broad filter over millions of
     * tickets took seconds, for pages nobody opens; exports and statistics have their own paths.
     */
    static final int PAGE_COUNT_CAP = 10_000;

    private static final Map<String, String> SORTS = Map.of("createdAt", "t.created_at", "deadline", "t.deadline",
            "priority", "t.priority", "ticketNo", "t.ticket_no", "status", "t.status", "updatedAt", "t.updated_at");

    @Override
    public void stream(TicketFilter filter, int max, Consumer<TicketRow> sink) {
        TicketFilter f = filter == null ? TicketFilter.empty() : filter;
        TicketQueryContext ctx = context(f);
        Function<Ticket, TicketRow> conv = rows.converter();
        LocalDateTime afterAt = null;
        Long afterId = null;
        int sent = 0;
        while (sent < max) {
            int batch = Math.min(1000, max - sent);
            LocalDateTime a = afterAt;
            Long b = afterId;
            List<Ticket> list = Paging.limit(batch, () -> mapper.selectBatchAfter(f, ctx, a, b));
            for (Ticket t : list) {
                sink.accept(conv.apply(t));
            }
            sent += list.size();
            if (list.size() < batch) {
                break;
            }
            Ticket last = list.get(list.size() - 1);
            afterAt = last.getCreatedAt();
            afterId = last.getId();
        }
    }

    public Map<String, Long> poolCounts() {
        Map<String, Object> m = mapper.selectPoolCounts(context(TicketFilter.empty()));
        Map<String, Long> out = new LinkedHashMap<>();
        for (String k : List.of("UNARRANGED", "ARRANGED", "RETURNED", "SUPERVISED", "OVER_LEVEL", "VISIT_DUE", "EXTRA_NODE",
                "STATION_PENDING", "STATION_ASSIGNED", "OVERDUE")) {
            Object v = m == null ? null : m.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(k))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            out.put(k, v == null ? 0L : ((Number) v).longValue());
        }
        return out;
    }

    TicketQueryContext context(TicketFilter f) {
        LocalDateTime now = LocalDateTime.now();
        String phoneIdx = null;
        if (f.phone() != null && !f.phone().isBlank()) {
            String p = normalisePhone(f.phone());
            phoneIdx = p == null ? "-" : cipher.blindIndexPhone(p);
        }
        String kw = f.keyword() == null || f.keyword().isBlank() ? null : f.keyword().trim();
        boolean code = kw != null && CODE_LIKE.matcher(kw).matches();
        String no = f.ticketNo() == null || f.ticketNo().isBlank() ? null : f.ticketNo().trim();
        String orgPathLike = null;
        if (f.orgId() != null) {
            orgPathLike = orgs.find(f.orgId()).map(o -> escapeLike(o.orgPath()) + "%").orElse("/-/%");
        }
        return new TicketQueryContext(now, now.plusHours(TicketRows.VISIT_NEAR_HOURS), phoneIdx,
                no == null ? null : escapeLike(no.toUpperCase()) + "%", kw,
                kw == null || code ? null : "%" + escapeLike(kw) + "%",
                code ? escapeLike(kw.toUpperCase()) + "%" : null, orgPathLike);
    }

    @Override
    public List<TicketHistoryEntry> timeline(long ticketId) {
        detail(ticketId);
        return historyOf(ticketId, null);
    }

    @Override
    public List<TicketView> withTimelines(Collection<Long> ticketIds) {
        if (ticketIds == null || ticketIds.isEmpty()) {
            return List.of();
        }
        List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(ticketIds));
        List<TicketView> out = new ArrayList<>(ids.size());
        // IN lists of at most 500 stay well under every supported database's parameter limit
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            Map<Long, List<TicketHistory>> history = new HashMap<>();
            for (TicketHistory h : mapper.selectHistoryOf(chunk)) {
                history.computeIfAbsent(h.getTicketId(), k -> new ArrayList<>()).add(h);
            }
            // the timeline's order, as selectHistory gives it (created_at, id)
            history.values().forEach(l -> l.sort(java.util.Comparator.comparing(TicketHistory::getCreatedAt)
                    .thenComparing(TicketHistory::getId)));
            // one converter per chunk: dictionaries and subsidiary names are looked up once, not per ticket
            java.util.function.Function<Ticket, TicketRow> row = rows.converter();
            for (Ticket t : mapper.selectByIdsUnscoped(chunk)) {
                out.add(new TicketView(row.apply(t), t.getContent(), t.getHouseholdId(), t.getUnitId(), t.getCustomerName(),
                        fromJson(t.getFormJson()), t.getCallId(), t.getKbArticleId(), t.getDispatchedAt(),
                        t.getAcceptedAt(), t.getFirstResponseAt(), t.getHandlingResult(),
                        entries(history.getOrDefault(t.getId(), List.of())), List.of(), List.of(), List.of()));
            }
        }
        return out;
    }

    private List<TicketHistoryEntry> historyOf(long ticketId, Long subsidiaryId) {
        return entries(mapper.selectHistory(ticketId));
    }

    private List<TicketHistoryEntry> entries(List<TicketHistory> hs) {
        return hs.stream().map(h -> {
            TicketAction a = TicketAction.valueOf(h.getAction());
            return new TicketHistoryEntry(h.getId(), a, a.label(),
                    h.getFromStatus() == null ? null : TicketStatus.valueOf(h.getFromStatus()),
                    h.getToStatus() == null ? null : TicketStatus.valueOf(h.getToStatus()),
                    h.getFromNode() == null ? null : flow.nodeName(h.getSubsidiaryId(), h.getFromNode()),
                    h.getToNode() == null ? null : flow.nodeName(h.getSubsidiaryId(), h.getToNode()),
                    h.getReason(), h.getNote(), h.getDetail(), h.getOperatorId(), h.getOperatorName(),
                    TicketOrigin.valueOf(h.getOrigin()), h.getClientIp(), h.getApprovalId(), h.getCreatedAt());
        }).toList();
    }

    @Override
    public Map<Long, Integer> openLoadByWorker(Collection<Long> workerIds) {
        Map<Long, Integer> out = new HashMap<>();
        if (workerIds == null || workerIds.isEmpty()) {
            return out;
        }
        workerIds.forEach(id -> out.put(id, 0));
        for (Map<String, Object> r : mapper.countOpenByWorker(workerIds)) {
            Object w = value(r, "worker_id");
            Object c = value(r, "open_count");
            out.put(((Number) w).longValue(), ((Number) c).intValue());
        }
        return out;
    }

    private static Object value(Map<String, Object> row, String key) {
        return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    public List<Ticket> recentForHousehold(long householdId, int limit) {
        return Paging.limit(limit, () -> mapper.selectRecentForHousehold(householdId, limit));
    }

    public List<Ticket> openInUnit(long unitId, long excludeHouseholdId, int limit) {
        return Paging.limit(limit, () -> mapper.selectOpenInUnit(unitId, excludeHouseholdId, limit));
    }

    public long countOpenUnder(String nodePathPrefix) {
        return mapper.countOpenUnder(escapeLike(nodePathPrefix) + "%");
    }

    TicketView view(Ticket t) {
        TicketRow row = rows.row(t);
        List<TicketView.VisitRecord> vs = visits.selectVisits(t.getId()).stream().map(v -> new TicketView.VisitRecord(
                v.getId(), v.getVisitResult(), v.getSatisfaction(), v.getTemplateCode(), fromJson(v.getAnswersJson()),
                v.getRemark(), v.getPaymentNote(), v.getVisitorName(), v.getCreatedAt())).toList();
        List<TicketView.AttachmentInfo> files = mapper.selectFiles(t.getId()).stream().map(f -> new TicketView.AttachmentInfo(
                f.getId(), f.getFileId(), f.getFileName(), f.getContentType(), f.getSizeBytes() == null ? 0 : f.getSizeBytes(),
                f.getSm3(), f.getStage(), f.getUploadedByName(), f.getCreatedAt())).toList();
        TicketStatus st = status(t);
        List<String> allowed = TicketStateMachine.legalFrom(st).stream().filter(a -> !SYSTEM_ONLY.contains(a))
                .filter(a -> t.getPendingApproval() == null || !a.approvable())
                .map(Enum::name).toList();
        return new TicketView(row, t.getContent(), t.getHouseholdId(), t.getUnitId(), t.getCustomerName(),
                fromJson(t.getFormJson()), t.getCallId(), t.getKbArticleId(), t.getDispatchedAt(), t.getAcceptedAt(),
                t.getFirstResponseAt(), t.getHandlingResult(), historyOf(t.getId(), t.getSubsidiaryId()), vs, files, allowed);
    }

    // ------------------------------------------------------------------ small helpers

    private static TicketStatus status(Ticket t) {
        return TicketStatus.valueOf(t.getStatus());
    }

    private static String actionLabel(String action) {
        try {
            return TicketAction.valueOf(action).label();
        } catch (IllegalArgumentException e) {
            return action;
        }
    }

    private static String describe(TicketCommand cmd) {
        if (cmd.extendMinutes() != null) {
            return "（延期 " + cmd.extendMinutes() + " 分钟）";
        }
        if (cmd.deadline() != null) {
            return "（期限延至 " + cmd.deadline() + "）";
        }
        return "";
    }

    private static String describeFields(Map<String, Object> fields) {
        if (fields == null || fields.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "；").append(k).append("=").append(v));
        return sb.toString();
    }

    static int urgencyPriority(String urgency) {
        return switch (urgency) {
            case "CRITICAL" -> 20;
            case "URGENT" -> 10;
            default -> 0;
        };
    }

    private static String summarise(String content) {
        String oneLine = content.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 40) + "…";
    }

    static String normalisePhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String digits = phone.replaceAll("[\\s\\-()（）]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        if (!digits.matches("\\d{5,15}")) {
            throw BizException.invalid("callerPhone", "联系电话格式不正确");
        }
        return digits;
    }

    /** wildcards escaped with '!' for LIKE … ESCAPE '!' (DM has no default escape; MariaDB and PostgreSQL read '\\' differently) */
    private static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private String toJson(Object o) {
        if (o == null) {
            return null;
        }
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw BizException.invalid("formFields", "表单内容无法保存");
        }
    }

    private Map<String, Object> fromJson(String s) {
        if (s == null || s.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(s, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
