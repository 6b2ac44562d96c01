package cn.heatdesk.callcenter.agent;

import cn.heatdesk.callcenter.gateway.AfterCommit;
import cn.heatdesk.callcenter.gateway.CallQueue;
import cn.heatdesk.callcenter.gateway.CallcenterScope;
import cn.heatdesk.callcenter.gateway.Gateway;
import cn.heatdesk.callcenter.gateway.GatewayMapper;
import cn.heatdesk.callcenter.gateway.Phone;
import cn.heatdesk.callcenter.gateway.PhoneMapper;
import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import cn.heatdesk.settings.api.UserApi;
import cn.heatdesk.settings.api.UserInfo;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Agents as data (坐席管理): job number ↔ user ↔ IP phone, bound one-to-one and rigidly (an agent signs in only on
 * its phone), and skills with levels. Binding is configured by the group (集团统一配置绑定关系): binding and unbinding
 * need a group user. A phone that is bound must be unbound explicitly before it (or the agent) is bound again; a
 * rebinding approval flow can replace that step later.
 */
@Service
public class AgentAdminService {

    /** roles whose users may become agents */
    static final List<String> AGENT_ROLES = List.of("AGENT", "SUPERVISOR");
    static final Map<String, String> SORTS = Map.of("jobNo", "a.job_no", "state", "a.state",
            "stateSince", "a.state_since", "createdAt", "a.created_at");

    private final AgentMapper agents;
    private final AgentSkillMapper skills;
    private final AgentLogMapper logs;
    private final PhoneMapper phones;
    private final GatewayMapper gateways;
    private final AgentSupport support;
    private final QueueMembers members;
    private final UserApi users;
    private final OrgApi orgs;
    private final IdGenerator ids;
    private final AgentLookup lookup;

    public AgentAdminService(AgentMapper agents, AgentSkillMapper skills, AgentLogMapper logs, PhoneMapper phones,
                             GatewayMapper gateways, AgentSupport support, QueueMembers members, UserApi users,
                             OrgApi orgs, IdGenerator ids, AgentLookup lookup) {
        this.lookup = lookup;
        this.agents = agents;
        this.skills = skills;
        this.logs = logs;
        this.phones = phones;
        this.gateways = gateways;
        this.support = support;
        this.members = members;
        this.users = users;
        this.orgs = orgs;
        this.ids = ids;
    }

    // ---- reads ---------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public PageResult<AgentViews.AgentView> page(AgentFilter f, PageQuery query) {
        String orderBy = query.orderBy(SORTS, "a.job_no") + ", a.id";
        f.setKeywordLike(CallcenterScope.likeContains(f.getKeyword()));
        if (CallcenterScope.blankToNull(f.getState()) == null) {
            f.setState(null);
        } else {
            f.setState(AgentState.parse(f.getState())
                    .orElseThrow(() -> BizException.invalid("state", "坐席状态“" + f.getState() + "”不存在")).name());
        }
        PageResult<Agent> page = Paging.page(query, () -> agents.list(f, orderBy));
        return new PageResult<>(support.views(page.records()), page.total(), page.page(), page.size(), page.totalCapped());
    }

    @Transactional(readOnly = true)
    public AgentViews.AgentView get(long id) {
        return support.views(List.of(scoped(id))).get(0);
    }

    Agent scoped(long id) {
        Agent a = agents.selectById(id);
        if (a == null) {
            throw BizException.notFound("坐席");
        }
        return a;
    }

    /** users with an agent or supervisor role, in the caller's scope, without an agent profile yet */
    @Transactional(readOnly = true)
    public List<AgentViews.Candidate> candidates() {
        CurrentUser me = SecurityContext.require();
        OrgInfo root = orgs.root().orElseThrow(() -> BizException.notFound("集团组织"));
        Map<Long, UserInfo> found = new LinkedHashMap<>();
        for (String role : AGENT_ROLES) {
            for (UserInfo u : users.usersWithRole(role, root.id(), true)) {
                found.putIfAbsent(u.id(), u);
            }
        }
        List<AgentViews.Candidate> out = new ArrayList<>();
        for (UserInfo u : found.values()) {
            if (CallcenterScope.covers(me, u.subsidiaryId(), u.orgPath()) && agents.selectByUserId(u.id()) == null) {
                out.add(new AgentViews.Candidate(u.id(), u.username(), u.realName(), u.jobNumber(), u.orgId(), u.orgName()));
            }
        }
        return out;
    }

    @Transactional(readOnly = true)
    public PageResult<AgentViews.StateLogView> stateLog(Long agentId, LocalDateTime from, LocalDateTime to, PageQuery query) {
        if (agentId != null) {
            scoped(agentId);
        }
        PageResult<AgentStateLog> page = Paging.page(query, () -> logs.listStateLog(agentId, from, to));
        return page.map(l -> new AgentViews.StateLogView(l.getId(), l.getAgentId(), l.getJobNo(), l.getFromState(),
                AgentState.labelOf(l.getFromState()), l.getToState(), AgentState.labelOf(l.getToState()), l.getInput(),
                l.getReason(), l.getSource(), l.getActorId(), l.getActorName(), l.getCallId(), l.getChangedAt(),
                l.getDurationMs() == null ? 0 : l.getDurationMs()));
    }

    @Transactional(readOnly = true)
    public PageResult<AgentViews.SessionView> sessions(Long agentId, LocalDateTime from, LocalDateTime to, PageQuery query) {
        if (agentId != null) {
            scoped(agentId);
        }
        PageResult<AgentSession> page = Paging.page(query, () -> logs.listSessions(agentId, from, to));
        return page.map(s -> new AgentViews.SessionView(s.getId(), s.getAgentId(), s.getJobNo(), s.getExtension(),
                s.getGatewayId(), s.getSignedInAt(), s.getSignedOutAt(), s.getSignOutHow(), s.getSignedOutBy(),
                s.getClientIp(), s.getSignedOutAt() == null ? null
                : Duration.between(s.getSignedInAt(), s.getSignedOutAt()).toSeconds()));
    }

    // ---- writes --------------------------------------------------------------------------------------------------

    @Transactional
    public AgentViews.AgentView create(AgentRequests.Create req) {
        CurrentUser me = SecurityContext.require();
        UserInfo u = users.find(req.userId()).orElseThrow(() -> BizException.invalid("userId", "人员不存在"));
        if (!u.enabled()) {
            throw BizException.invalid("userId", "账号“" + u.realName() + "”已停用，不能设为坐席");
        }
        if (!CallcenterScope.covers(me, u.subsidiaryId(), u.orgPath())) {
            throw BizException.forbidden("无权把“" + u.realName() + "”设为坐席");
        }
        if (agents.selectByUserId(u.id()) != null) {
            throw new BizException(ErrorCode.DUPLICATE, "“" + u.realName() + "”已是坐席，请直接编辑", "userId");
        }
        String jobNo = CallcenterScope.blankToNull(req.jobNo()) != null ? req.jobNo().strip() : u.jobNumber();
        if (jobNo == null || !jobNo.matches("^[0-9A-Za-z]{2,16}$")) {
            throw BizException.invalid("jobNo", "请填写工号（2 到 16 位字母或数字）");
        }
        requireFreeJobNo(jobNo, null);
        LocalDateTime now = LocalDateTime.now();
        Agent a = new Agent();
        a.setId(ids.nextId());
        a.setUserId(u.id());
        a.setJobNo(jobNo);
        a.setAgentName(u.realName());
        a.setState(AgentState.SIGNED_OUT.name());
        a.setStateSince(now);
        a.setRemark(CallcenterScope.blankToNull(req.remark()));
        a.setSubsidiaryId(u.subsidiaryId() == null ? 0L : u.subsidiaryId());
        a.setOrgPath(u.orgPath());
        a.setCreatedBy(me.userId());
        a.setCreatedAt(now);
        a.setUpdatedBy(me.userId());
        a.setUpdatedAt(now);
        agents.insert(a);
        a.setRowVersion(0);
        if (req.phoneId() != null) {
            bindPhone(a, req.phoneId(), me);
            a = agents.selectByIdUnscoped(a.getId());
        }
        if (req.skills() != null && !req.skills().isEmpty()) {
            writeSkills(a, req.skills(), me);
        }
        return get(a.getId());
    }

    @Transactional
    public AgentViews.AgentView update(long id, AgentRequests.Update req) {
        CurrentUser me = SecurityContext.require();
        Agent a = scoped(id);
        if (!Objects.equals(a.getRowVersion(), req.rowVersion())) {
            throw BizException.conflict("坐席已被他人修改，请刷新后重试");
        }
        String jobNo = req.jobNo().strip();
        if (!jobNo.equals(a.getJobNo())) {
            if (a.state().signedIn()) {
                throw BizException.conflict("坐席签入中不能修改工号，请先签出");
            }
            requireFreeJobNo(jobNo, a.getId());
        }
        a.setJobNo(jobNo);
        users.find(a.getUserId()).ifPresent(u -> a.setAgentName(u.realName()));
        a.setRemark(CallcenterScope.blankToNull(req.remark()));
        a.setUpdatedBy(me.userId());
        a.setUpdatedAt(LocalDateTime.now());
        if (agents.updateProfile(a) != 1) {
            throw BizException.conflict("坐席已被他人修改，请刷新后重试");
        }
        AfterCommit.run(lookup::invalidate);
        return get(id);
    }

    /** binds a free phone to an unbound, signed-out agent (group users only) */
    @Transactional
    public AgentViews.AgentView bind(long id, AgentRequests.Bind req) {
        CurrentUser me = SecurityContext.require();
        requireGroup(me);
        Agent a = scoped(id);
        if (!Objects.equals(a.getRowVersion(), req.rowVersion())) {
            throw BizException.conflict("坐席已被他人修改，请刷新后重试");
        }
        bindPhone(a, req.phoneId(), me);
        return get(id);
    }

    @Transactional
    public AgentViews.AgentView unbind(long id, AgentRequests.Unbind req) {
        CurrentUser me = SecurityContext.require();
        requireGroup(me);
        Agent a = scoped(id);
        if (!Objects.equals(a.getRowVersion(), req.rowVersion())) {
            throw BizException.conflict("坐席已被他人修改，请刷新后重试");
        }
        if (a.getPhoneId() == null) {
            throw BizException.conflict("工号" + a.getJobNo() + "没有绑定话机");
        }
        if (a.state().signedIn()) {
            throw BizException.conflict("工号" + a.getJobNo() + "正在签入，请先签出再解除绑定");
        }
        // skills are queues of the phone's gateway: they go with the binding
        skills.deleteByAgent(a.getId());
        if (agents.updateBinding(a.getId(), null, null, a.getRowVersion(), me.userId(), LocalDateTime.now()) != 1) {
            throw BizException.conflict("坐席已被他人修改，请刷新后重试");
        }
        AfterCommit.run(lookup::invalidate);
        return get(id);
    }

    /**
     * Replaces the agent's skills (queues of its gateway with levels). While the agent is signed in the change is
     * applied to Asterisk first (QueueAdd / QueuePenalty / QueueRemove), all or nothing.
     */
    @Transactional
    public AgentViews.AgentView setSkills(long id, AgentRequests.Skills req) {
        CurrentUser me = SecurityContext.require();
        scoped(id);
        Agent a = agents.selectForUpdate(id);
        writeSkills(a, req.skills(), me);
        return get(id);
    }

    @Transactional
    public void delete(long id) {
        CurrentUser me = SecurityContext.require();
        Agent a = scoped(id);
        if (a.state().signedIn()) {
            throw BizException.conflict("工号" + a.getJobNo() + "正在签入，请先签出再删除");
        }
        if (a.getPhoneId() != null) {
            requireGroup(me);
        }
        skills.deleteByAgent(id);
        agents.delete(id);
        AfterCommit.run(lookup::invalidate);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private void bindPhone(Agent a, long phoneId, CurrentUser me) {
        requireGroup(me);
        if (a.getPhoneId() != null) {
            if (a.getPhoneId() == phoneId) {
                throw BizException.conflict("工号" + a.getJobNo() + "已绑定该话机");
            }
            throw BizException.conflict("工号" + a.getJobNo() + "已绑定其他话机，请先解除绑定再重新绑定");
        }
        if (a.state().signedIn()) {
            throw BizException.conflict("工号" + a.getJobNo() + "正在签入，不能绑定话机");
        }
        Phone p = phones.selectByIdUnscoped(phoneId);
        if (p == null) {
            throw BizException.invalid("phoneId", "话机不存在");
        }
        if (!p.enabledNow()) {
            throw BizException.invalid("phoneId", "话机（分机 " + p.getExtension() + "）已停用");
        }
        Agent holder = agents.selectByPhoneId(phoneId);
        if (holder != null) {
            throw new BizException(ErrorCode.DUPLICATE, "话机（分机 " + p.getExtension() + "）已绑定工号" + holder.getJobNo()
                    + "（" + holder.getAgentName() + "），请先解除该绑定", "phoneId");
        }
        List<AgentSkill> current = skills.selectByAgent(a.getId());
        if (!current.isEmpty()) {
            // an unbound agent may carry no skills of another gateway: queues are per gateway
            Map<Long, CallQueue> qs = support.queuesById(current.stream().map(AgentSkill::getQueueId).toList());
            boolean foreign = qs.values().stream().anyMatch(q -> !q.getGatewayId().equals(p.getGatewayId()));
            if (foreign) {
                skills.deleteByAgent(a.getId());
            }
        }
        try {
            if (agents.updateBinding(a.getId(), p.getId(), p.getGatewayId(), a.getRowVersion(), me.userId(),
                    LocalDateTime.now()) != 1) {
                throw BizException.conflict("坐席已被他人修改，请刷新后重试");
            }
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // two binds of the same phone at once: the unique key decides
            throw new BizException(ErrorCode.DUPLICATE, "话机（分机 " + p.getExtension() + "）刚被其他工号绑定", "phoneId");
        }
        AfterCommit.run(lookup::invalidate);
    }

    private void writeSkills(Agent a, List<AgentRequests.SkillAssign> wanted, CurrentUser me) {
        Phone phone = support.phone(a);
        if (phone == null && !wanted.isEmpty()) {
            throw BizException.invalid("skills", "工号" + a.getJobNo() + "尚未绑定话机；技能是话机所在网关的队列，请先绑定话机");
        }
        Map<Long, Integer> want = new LinkedHashMap<>();
        for (AgentRequests.SkillAssign s : wanted) {
            if (want.put(s.queueId(), s.level()) != null) {
                throw BizException.invalid("skills", "同一技能队列只能出现一次");
            }
        }
        Map<Long, CallQueue> queues = support.queuesById(new ArrayList<>(want.keySet()));
        for (Long qid : want.keySet()) {
            CallQueue q = queues.get(qid);
            if (q == null) {
                throw BizException.invalid("skills", "技能队列不存在");
            }
            if (!q.getGatewayId().equals(phone.getGatewayId())) {
                Gateway g = gateways.selectByIdUnscoped(phone.getGatewayId());
                throw BizException.invalid("skills", "队列“" + q.getDisplayName() + "”不属于话机所在网关“"
                        + (g == null ? "" : g.getGatewayName()) + "”");
            }
        }
        Map<Long, AgentSkill> have = new HashMap<>();
        skills.selectByAgent(a.getId()).forEach(s -> have.put(s.getQueueId(), s));
        if (a.state().signedIn() && phone != null) {
            mirrorSkills(a, phone, have, want, queues);
        }
        LocalDateTime now = LocalDateTime.now();
        Set<Long> all = new LinkedHashSet<>(have.keySet());
        all.addAll(want.keySet());
        for (Long qid : all) {
            AgentSkill old = have.get(qid);
            Integer level = want.get(qid);
            if (old != null && level == null) {
                skills.deleteOne(a.getId(), qid);
            } else if (old == null && level != null) {
                AgentSkill s = new AgentSkill();
                s.setId(ids.nextId());
                s.setAgentId(a.getId());
                s.setQueueId(qid);
                s.setPenalty(level);
                s.setCreatedBy(me.userId());
                s.setCreatedAt(now);
                skills.insert(s);
            } else if (old != null && !old.getPenalty().equals(level)) {
                skills.updatePenalty(a.getId(), qid, level);
            }
        }
    }

    /** a signed-in agent's skill change, applied to Asterisk first (all or nothing) */
    private void mirrorSkills(Agent a, Phone phone, Map<Long, AgentSkill> have, Map<Long, Integer> want,
                              Map<Long, CallQueue> wantQueues) {
        if (want.isEmpty()) {
            throw BizException.invalid("skills", "坐席签入中至少要保留一个技能队列；要移除全部技能请先签出");
        }
        boolean paused = AgentService.pausedInAsterisk(a, a.state());
        AgentState pauseState = a.state() == AgentState.RINGING || a.state() == AgentState.TALKING
                ? Objects.requireNonNullElse(a.resume(), AgentState.IDLE) : a.state();
        String reasonCode = a.state() == AgentState.RINGING || a.state() == AgentState.TALKING ? a.getResumeReason() : a.getStateReason();
        String reason = paused ? QueueMembers.pauseReason(pauseState, reasonCode) : null;
        Map<Long, CallQueue> haveQueues = support.queuesById(new ArrayList<>(have.keySet()));
        QueueMembers.Batch batch = members.batch(phone.getGatewayId());
        String memberName = AgentSupport.memberName(a);
        for (Map.Entry<Long, Integer> w : want.entrySet()) {
            CallQueue q = wantQueues.get(w.getKey());
            QueueMembers.Member m = new QueueMembers.Member(q.getQueueName(), phone.iface(), memberName, w.getValue());
            AgentSkill old = have.get(w.getKey());
            if (old == null) {
                if (q.enabledNow()) {
                    batch.add(m, paused, reason);
                }
            } else if (!old.getPenalty().equals(w.getValue()) && q.enabledNow()) {
                batch.penalty(m, w.getValue(), old.getPenalty());
            }
        }
        for (AgentSkill old : have.values()) {
            CallQueue q = haveQueues.get(old.getQueueId());
            if (!want.containsKey(old.getQueueId()) && q != null && q.enabledNow()) {
                batch.remove(new QueueMembers.Member(q.getQueueName(), phone.iface(), memberName, old.getPenalty()),
                        paused, reason);
            }
        }
    }

    private void requireFreeJobNo(String jobNo, Long self) {
        Agent other = agents.selectByJobNo(jobNo);
        if (other != null && !other.getId().equals(self)) {
            throw new BizException(ErrorCode.DUPLICATE, "工号" + jobNo + "已被“" + other.getAgentName() + "”使用", "jobNo");
        }
    }

    private static void requireGroup(CurrentUser me) {
        if (!CallcenterScope.isGroup(me)) {
            throw BizException.forbidden("坐席工号与 IP 话机的绑定由集团统一配置");
        }
    }
}
