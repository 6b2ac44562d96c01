package cn.heatdesk.callcenter.agent;

import cn.heatdesk.callcenter.call.CallStatsService;
import cn.heatdesk.callcenter.call.StatsAudience;
import cn.heatdesk.callcenter.gateway.AfterCommit;
import cn.heatdesk.callcenter.gateway.Gateway;
import cn.heatdesk.callcenter.gateway.GatewayMapper;
import cn.heatdesk.callcenter.gateway.Phone;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.notice.api.LivePush;
import cn.heatdesk.settings.api.DictionaryApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Agent state changes: the agent's commands, a supervisor's forced changes, AMI events and HeatDesk's own timers
 * all go through {@link #transition}, which asks {@link AgentStateMachine}, mirrors the change into Asterisk's queue
 * members (QueueAdd / QueuePause / QueueRemove), writes the row, the state log and the login log, and pushes the
 * new state live on topic {@value #TOPIC} after commit.
 * <p>
 * The database is the source of truth. Each change locks the agent's row first, so a command and the AMI events it
 * causes apply one after the other. For commands the AMI actions run before anything is written: if Asterisk
 * refuses or the gateway is unreachable the actions done so far are undone, the transaction rolls back and the user
 * gets the reason. Changes driven by AMI events or timers are facts: they are written even when the follow-up pause
 * cannot be sent (the next resynchronisation repairs Asterisk).
 */
@Service
public class AgentService {

    private static final Logger log = LoggerFactory.getLogger(AgentService.class);
    public static final String TOPIC = "agent";
    /** a QueueMemberPause this soon after HeatDesk changed the member is taken for the echo of its own action */
    static final Duration PAUSE_ECHO_WINDOW = Duration.ofSeconds(5);

    private final AgentMapper agents;
    private final AgentLogMapper logs;
    private final GatewayMapper gateways;
    private final AgentSupport support;
    private final QueueMembers members;
    private final DictionaryApi dictionaries;
    private final IdGenerator ids;
    private final ObjectProvider<LivePush> live;
    private final ObjectProvider<StatsAudience> audience;

    public AgentService(AgentMapper agents, AgentLogMapper logs, GatewayMapper gateways, AgentSupport support,
                        QueueMembers members, DictionaryApi dictionaries, IdGenerator ids, ObjectProvider<LivePush> live,
                        ObjectProvider<StatsAudience> audience) {
        this.agents = agents;
        this.logs = logs;
        this.gateways = gateways;
        this.support = support;
        this.members = members;
        this.dictionaries = dictionaries;
        this.ids = ids;
        this.live = live;
        this.audience = audience;
    }

    /** who caused a change, for the state log */
    record Actor(Long id, String name, StateSource source) {
        static Actor of(CurrentUser u, StateSource source) {
            return new Actor(u.userId(), u.realName(), source);
        }

        static Actor system(StateSource source) {
            return new Actor(null, source == StateSource.AMI ? "网关事件" : "系统", source);
        }
    }

    /** the call an AMI input is about */
    record CallRef(String linkedid, String queue) {
        static final CallRef NONE = new CallRef(null, null);
    }

    // ---- the signed-in user's own agent ----------------------------------------------------------------------

    @Transactional(readOnly = true)
    public AgentViews.AgentView me() {
        return support.views(List.of(myAgent())).get(0);
    }

    /**
     * 签入 on the phone in front of the agent. Rigid binding: only the bound phone is accepted; a phone known to be
     * unregistered is refused too (calls could not reach it).
     */
    @Transactional
    public AgentViews.AgentView signIn(AgentRequests.SignIn req) {
        CurrentUser me = SecurityContext.require();
        Agent a = agents.selectForUpdate(myAgent().getId());
        Phone phone = support.phone(a);
        if (phone == null) {
            throw BizException.invalid("extension", "您的工号" + a.getJobNo() + "尚未绑定 IP 话机，请联系管理员绑定后再签入");
        }
        String ext = req.extension().strip();
        boolean samePhone = ext.equals(phone.getExtension())
                && (req.gatewayId() == null || req.gatewayId().equals(phone.getGatewayId()));
        if (!samePhone) {
            throw new BizException(ErrorCode.FORBIDDEN, "工号" + a.getJobNo() + "只能在绑定的话机（分机 " + phone.getExtension()
                    + "）上签入，不能在分机 " + ext + " 上签入", "extension");
        }
        if (!phone.enabledNow()) {
            throw BizException.invalid("extension", "话机（分机 " + ext + "）已停用，不能签入");
        }
        Gateway g = gateways.selectByIdUnscoped(phone.getGatewayId());
        if (g == null || !g.enabledNow()) {
            throw BizException.invalid("extension", "话机所在网关已停用，不能签入");
        }
        if (phone.getRegistered() != null && phone.getRegistered() == 0) {
            throw BizException.invalid("extension", "话机（分机 " + ext + "）未注册到网关，请检查话机网络和电源后再签入");
        }
        if (support.members(a, phone).isEmpty()) {
            throw BizException.invalid("extension", "工号" + a.getJobNo() + "还没有分配技能队列，请联系管理员分配后再签入");
        }
        transition(a, AgentInput.SIGN_IN, null, Actor.of(me, StateSource.COMMAND), CallRef.NONE);
        return support.views(List.of(agents.selectByIdUnscoped(a.getId()))).get(0);
    }

    /** the agent's own SIGN_OUT, SET_BUSY, SET_IDLE, TAKE_BREAK, END_WRAP_UP */
    @Transactional
    public AgentViews.AgentView command(AgentRequests.Command req) {
        CurrentUser me = SecurityContext.require();
        AgentInput input = AgentInput.parse(req.action())
                .filter(i -> i.kind() == AgentInput.Kind.COMMAND && i != AgentInput.SIGN_IN)
                .orElseThrow(() -> BizException.invalid("action", "不支持的坐席操作“" + req.action() + "”"));
        Agent a = agents.selectForUpdate(myAgent().getId());
        transition(a, input, req.reason(), Actor.of(me, StateSource.COMMAND), CallRef.NONE);
        return support.views(List.of(agents.selectByIdUnscoped(a.getId()))).get(0);
    }

    /** a supervisor's FORCE_BUSY, FORCE_IDLE, FORCE_SIGN_OUT on an agent in their data scope */
    @Transactional
    public AgentViews.AgentView force(long agentId, AgentRequests.Force req) {
        CurrentUser me = SecurityContext.require();
        AgentInput input = AgentInput.parse(req.action()).filter(i -> i.kind() == AgentInput.Kind.SUPERVISOR)
                .orElseThrow(() -> BizException.invalid("action", "不支持的班长操作“" + req.action() + "”"));
        if (agents.selectById(agentId) == null) {
            throw BizException.notFound("坐席");
        }
        Agent a = agents.selectForUpdate(agentId);
        transition(a, input, req.reason(), Actor.of(me, StateSource.SUPERVISOR), CallRef.NONE);
        return support.views(List.of(agents.selectByIdUnscoped(agentId))).get(0);
    }

    // ---- AMI events and timers ------------------------------------------------------------------------------

    /**
     * Applies an AMI-driven input; an input the state machine does not allow in the agent's state (a duplicate,
     * a late event) is ignored and reported as false.
     */
    @Transactional
    public boolean onAmi(long agentId, AgentInput input, String linkedid, String queue) {
        Agent a = agents.selectForUpdate(agentId);
        if (a == null) {
            return false;
        }
        AgentState from = a.state();
        if (AgentStateMachine.next(from, input, a.resume()).isEmpty()) {
            log.debug("agent {} in {} ignores {} (call {})", a.getJobNo(), from, input, linkedid);
            return false;
        }
        transition(a, input, queue == null ? null : "队列 " + queue, Actor.system(StateSource.AMI), new CallRef(linkedid, queue));
        return true;
    }

    /** the wrap-up timer: ends the wrap-up when it is (still) due */
    @Transactional
    public boolean endWrapUpIfDue(long agentId) {
        Agent a = agents.selectForUpdate(agentId);
        if (a == null || a.state() != AgentState.WRAP_UP || a.getStateUntil() == null
                || a.getStateUntil().isAfter(LocalDateTime.now())) {
            return false;
        }
        transition(a, AgentInput.END_WRAP_UP, "整理时间到", Actor.system(StateSource.SYSTEM), CallRef.NONE);
        return true;
    }

    /**
     * HeatDesk-side reconciliation of one agent whose call is gone (Asterisk restarted, or the call ended while the
     * link was down): a ring goes back, a talk completes into wrap-up.
     */
    @Transactional
    public boolean callGone(long agentId, String why) {
        Agent a = agents.selectForUpdate(agentId);
        if (a == null) {
            return false;
        }
        AgentInput input = switch (a.state()) {
            case RINGING -> AgentInput.HANGUP;
            case TALKING -> AgentInput.COMPLETE;
            default -> null;
        };
        if (input == null) {
            return false;
        }
        transition(a, input, why, Actor.system(StateSource.SYSTEM), new CallRef(a.getCurrentCall(), a.getCurrentQueue()));
        return true;
    }

    // ---- the transition ---------------------------------------------------------------------------------------

    /** @param a the agent row, locked by the caller's transaction */
    void transition(Agent a, AgentInput input, String reasonIn, Actor actor, CallRef call) {
        AgentState from = a.state();
        AgentState to = AgentStateMachine.require(from, input, a.resume());
        String reasonCode = reason(input, reasonIn);
        LocalDateTime now = LocalDateTime.now();
        boolean strict = actor.source() == StateSource.COMMAND || actor.source() == StateSource.SUPERVISOR;
        Phone phone = strict ? support.phone(a) : support.phoneCached(a);

        // 1. Asterisk first: a refused command leaves nothing written
        String stateReason = switch (to) {
            case BUSY, BREAK -> reasonCode;
            default -> null;
        };
        if (from == AgentState.RINGING && to.resumable()) {
            stateReason = a.getResumeReason();
        }
        mirror(a, phone, from, to, stateReason, strict);

        // 2. the row
        long durationMs = a.getStateSince() == null ? 0 : Math.max(0, Duration.between(a.getStateSince(), now).toMillis());
        Long sessionId = a.getSessionId();
        if (input == AgentInput.SIGN_IN) {
            sessionId = openSession(a, phone, now);
        } else if (to == AgentState.SIGNED_OUT && sessionId != null) {
            logs.closeSession(sessionId, now, actor.source().name(), actor.id());
            sessionId = null;
        }
        String resumeState = a.getResumeState();
        String resumeReason = a.getResumeReason();
        String currentCall = a.getCurrentCall();
        String currentQueue = a.getCurrentQueue();
        if (to == AgentState.RINGING || to == AgentState.TALKING) {
            if (from.resumable()) {
                // the state the call interrupted: where an unanswered ring goes back to, and Asterisk's pause meanwhile
                resumeState = from.name();
                resumeReason = a.getStateReason();
            }
            currentCall = call.linkedid() != null ? call.linkedid() : currentCall;
            currentQueue = call.queue() != null ? call.queue() : currentQueue;
        } else {
            resumeState = null;
            resumeReason = null;
            currentCall = null;
            currentQueue = to == AgentState.WRAP_UP ? currentQueue : null;
        }
        a.setState(to.name());
        a.setStateReason(stateReason);
        a.setStateSince(now);
        a.setStateUntil(to == AgentState.WRAP_UP
                ? now.plusSeconds(support.wrapupSeconds(a.getGatewayId(), call.queue() != null ? call.queue() : a.getCurrentQueue()))
                : null);
        a.setResumeState(resumeState);
        a.setResumeReason(resumeReason);
        a.setCurrentCall(currentCall);
        a.setCurrentQueue(currentQueue);
        a.setSessionId(sessionId);
        agents.updateState(a);

        // 3. the state log
        AgentStateLog l = new AgentStateLog();
        l.setId(ids.nextId());
        l.setAgentId(a.getId());
        l.setUserId(a.getUserId());
        l.setJobNo(a.getJobNo());
        l.setFromState(from.name());
        l.setToState(to.name());
        l.setInput(input.name());
        l.setReason(reasonCode != null ? reasonCode : reasonIn == null ? null : truncate(reasonIn.strip(), 128));
        l.setSource(actor.source().name());
        l.setActorId(actor.id());
        l.setActorName(actor.name());
        l.setCallId(call.linkedid());
        l.setGatewayId(a.getGatewayId());
        l.setChangedAt(now);
        l.setDurationMs(durationMs);
        l.setSubsidiaryId(a.getSubsidiaryId());
        l.setOrgPath(a.getOrgPath());
        logs.insertStateLog(l);

        // 4. live, after commit
        AgentViews.AgentStateEvent event = new AgentViews.AgentStateEvent("AGENT_STATE", a.getId(), a.getUserId(),
                a.getJobNo(), a.getAgentName(), a.getGatewayId(), phone == null ? null : phone.getExtension(),
                from.name(), to.name(), to.label(), stateReason, support.reasonLabel(to, stateReason), now,
                a.getStateUntil(), a.getCurrentCall(), actor.source().name(), input.name());
        long subsidiaryId = a.getSubsidiaryId() == null ? 0L : a.getSubsidiaryId();
        String orgPath = a.getOrgPath();
        AfterCommit.run(() -> push(event, a.getUserId(), subsidiaryId, orgPath));
        log.info("agent {} {} -> {} by {} ({}){}", a.getJobNo(), from, to, actor.name(), input,
                call.linkedid() == null ? "" : " call " + call.linkedid());

        // a queue without wrap-up time: the wrap-up ends at once
        if (to == AgentState.WRAP_UP && !a.getStateUntil().isAfter(now)) {
            transition(a, AgentInput.END_WRAP_UP, "队列未设整理时间", Actor.system(StateSource.SYSTEM), CallRef.NONE);
        }
    }

    /** the AMI actions that bring Asterisk's queue members to the new state */
    private void mirror(Agent a, Phone phone, AgentState from, AgentState to, String stateReason, boolean strict) {
        if (to == AgentState.RINGING || to == AgentState.TALKING || (from == AgentState.RINGING && to.resumable())) {
            return; // Asterisk drives these itself; the pause did not change
        }
        if (phone == null) {
            if (strict && (to.signedIn() || from.signedIn())) {
                throw BizException.invalid("phoneId", "工号" + a.getJobNo() + "未绑定话机");
            }
            return;
        }
        java.util.function.BiConsumer<QueueMembers.Batch, List<QueueMembers.Member>> plan;
        if (!from.signedIn() && to.signedIn()) {
            boolean paused = to.paused();
            String reason = QueueMembers.pauseReason(to, stateReason);
            plan = (batch, list) -> list.forEach(m -> batch.add(m, paused, reason));
        } else if (to == AgentState.SIGNED_OUT) {
            boolean wasPaused = pausedInAsterisk(a, from);
            String wasReason = QueueMembers.pauseReason(from == AgentState.RINGING || from == AgentState.TALKING
                    ? a.resume() == null ? AgentState.IDLE : a.resume() : from, a.getStateReason());
            plan = (batch, list) -> list.forEach(m -> batch.remove(m, wasPaused, wasReason));
        } else {
            boolean paused = to.paused();
            String reason = QueueMembers.pauseReason(to, stateReason);
            plan = (batch, list) -> list.forEach(m -> batch.pause(m, paused, reason));
        }
        if (!strict) {
            // driven by Asterisk or a timer: nobody waits for an answer, so the actions go out after the commit, in
            // order per gateway, off the AMI event lane (a slow gateway must not hold up the events of other calls);
            // a refusal is logged and the pause drift is corrected by the next QueueMemberPause or resync
            long gatewayId = phone.getGatewayId();
            String jobNo = a.getJobNo();
            AfterCommit.run(() -> members.later(gatewayId, () -> {
                try {
                    // the memberships are read here too, off the lane (by the agent's id and name, which a
                    // transition does not change)
                    plan.accept(members.batch(gatewayId), support.members(a, phone));
                } catch (BizException e) {
                    log.warn("agent {}: Asterisk not updated for {} -> {} ({}); the next resync repairs it", jobNo, from,
                            to, e.getMessage());
                }
            }));
            return;
        }
        plan.accept(members.batch(phone.getGatewayId()), support.members(a, phone));
    }

    /** whether Asterisk has the agent paused in its current state */
    static boolean pausedInAsterisk(Agent a, AgentState state) {
        if (state == AgentState.RINGING || state == AgentState.TALKING) {
            AgentState r = a.resume();
            return r != null && r.paused();
        }
        return state.paused();
    }

    private Long openSession(Agent a, Phone phone, LocalDateTime now) {
        AgentSession s = new AgentSession();
        s.setId(ids.nextId());
        s.setAgentId(a.getId());
        s.setUserId(a.getUserId());
        s.setJobNo(a.getJobNo());
        s.setPhoneId(phone.getId());
        s.setExtension(phone.getExtension());
        s.setGatewayId(phone.getGatewayId());
        s.setSignedInAt(now);
        s.setClientIp(SecurityContext.clientIp());
        s.setSubsidiaryId(a.getSubsidiaryId());
        s.setOrgPath(a.getOrgPath());
        logs.insertSession(s);
        return s.getId();
    }

    /** the reason code for inputs that need one (checked against the busy/break dictionaries) */
    private String reason(AgentInput input, String reason) {
        if (!input.needsReason()) {
            return null;
        }
        String dict = input == AgentInput.TAKE_BREAK ? AgentSupport.BREAK_REASON_DICT : AgentSupport.BUSY_REASON_DICT;
        if (reason == null || reason.isBlank()) {
            throw BizException.invalid("reason", input == AgentInput.TAKE_BREAK ? "小休须选择原因" : "示忙须选择原因");
        }
        dictionaries.requireValid(dict, reason.strip(), "reason");
        return reason.strip();
    }

    private Agent myAgent() {
        CurrentUser me = SecurityContext.require();
        Agent a = agents.selectByUserId(me.userId());
        if (a == null) {
            throw BizException.notFound("您的坐席工号");
        }
        return a;
    }

    /**
     * The agent's own consoles, and the signed-in users with a call-center permission whose data scope covers the
     * agent's organisation (supervisors' agent board, the workbench's colleagues, the phone page): never broadcast,
     * a station must not watch another station's agents.
     */
    private void push(AgentViews.AgentStateEvent e, Long ownUserId, long subsidiaryId, String orgPath) {
        LivePush p = live.getIfAvailable();
        if (p != null) {
            p.toUsers(watchers(ownUserId, subsidiaryId, orgPath), TOPIC, e);
        }
    }

    /** a phone's registration, to the same watchers as its gateway's agents */
    void pushPhone(AgentViews.PhoneStateEvent e, Long agentUserId, long subsidiaryId, String orgPath) {
        LivePush p = live.getIfAvailable();
        if (p != null) {
            p.toUsers(watchers(agentUserId, subsidiaryId, orgPath), TOPIC, e);
        }
    }

    private List<Long> watchers(Long ownUserId, long subsidiaryId, String orgPath) {
        java.util.LinkedHashSet<Long> to = new java.util.LinkedHashSet<>();
        if (ownUserId != null) {
            to.add(ownUserId);
        }
        StatsAudience a = audience.getIfAvailable();
        if (a != null) {
            for (CurrentUser u : a.recipients()) {
                // the audience holds users with a live call-center permission only (StatsAudience)
                if (CallStatsService.visible(u, subsidiaryId, orgPath)) {
                    to.add(u.userId());
                }
            }
        }
        return List.copyOf(to);
    }

    /** the agents of a gateway that are signed in, for resynchronisation */
    @Transactional(readOnly = true)
    public List<Agent> signedIn(long gatewayId) {
        return agents.selectSignedInByGateway(gatewayId);
    }

    /**
     * Pushes one signed-in agent's memberships and pause back into Asterisk (after a reconnect or a restart);
     * returns how many memberships could not be brought in line.
     */
    @Transactional(readOnly = true)
    public int resyncMembers(long agentId) {
        Agent a = agents.selectByIdUnscoped(agentId);
        if (a == null || !a.state().signedIn()) {
            return 0;
        }
        Phone phone = support.phone(a);
        boolean paused = pausedInAsterisk(a, a.state());
        AgentState pauseState = a.state() == AgentState.RINGING || a.state() == AgentState.TALKING
                ? Objects.requireNonNullElse(a.resume(), AgentState.IDLE) : a.state();
        String reasonCode = a.state() == AgentState.RINGING || a.state() == AgentState.TALKING ? a.getResumeReason() : a.getStateReason();
        int failed = 0;
        for (QueueMembers.Member m : support.members(a, phone)) {
            if (!members.ensure(phone.getGatewayId(), m, paused, paused ? QueueMembers.pauseReason(pauseState, reasonCode) : null)) {
                failed++;
            }
        }
        return failed;
    }

    /**
     * When an event shows Asterisk's pause of a member differing from the database, puts the database's back.
     * Returns true when a correction was sent.
     */
    @Transactional
    public boolean correctPause(long agentId, String queue, boolean pausedInAsterisk) {
        Agent a = agents.selectForUpdate(agentId);
        if (a == null || !a.state().signedIn()) {
            return false;
        }
        boolean want = pausedInAsterisk(a, a.state());
        if (want == pausedInAsterisk) {
            return false;
        }
        Phone phone = support.phone(a);
        AgentState pauseState = a.state() == AgentState.RINGING || a.state() == AgentState.TALKING
                ? Objects.requireNonNullElse(a.resume(), AgentState.IDLE) : a.state();
        String reasonCode = a.state() == AgentState.RINGING || a.state() == AgentState.TALKING ? a.getResumeReason() : a.getStateReason();
        for (QueueMembers.Member m : support.members(a, phone)) {
            if (m.queue().equals(queue)) {
                long gw = phone.getGatewayId();
                if (members.setRecently(gw, queue, m.iface(), pausedInAsterisk, PAUSE_ECHO_WINDOW)) {
                    // most likely the echo of our own earlier pause (wrap-up, then idle): the latest one follows
                    log.debug("agent {}: queue {} pause echo ignored", a.getJobNo(), queue);
                    return false;
                }
                log.info("agent {}: Asterisk shows queue {} {}, database says {}; correcting", a.getJobNo(), queue,
                        pausedInAsterisk ? "paused" : "unpaused", a.state());
                String reason = want ? QueueMembers.pauseReason(pauseState, reasonCode) : null;
                // sent off the event lane, after the commit, in order with the other actions of the gateway
                AfterCommit.run(() -> members.later(gw, () -> members.repause(gw, m, want, reason)));
                return true;
            }
        }
        return false;
    }

    /**
     * A member Asterisk removed although the database has the agent signed in: add it back. Locks the row, so the
     * removal a sign-out itself caused is seen after that sign-out committed (and then left alone).
     */
    @Transactional
    public boolean restoreMember(long agentId, String queue) {
        Agent a = agents.selectForUpdate(agentId);
        if (a == null || !a.state().signedIn()) {
            return false;
        }
        Phone phone = support.phone(a);
        boolean paused = pausedInAsterisk(a, a.state());
        AgentState pauseState = a.state() == AgentState.RINGING || a.state() == AgentState.TALKING
                ? Objects.requireNonNullElse(a.resume(), AgentState.IDLE) : a.state();
        for (QueueMembers.Member m : support.members(a, phone)) {
            if (m.queue().equals(queue)) {
                return members.ensure(phone.getGatewayId(), m, paused,
                        paused ? QueueMembers.pauseReason(pauseState, a.getStateReason()) : null);
            }
        }
        return false;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
