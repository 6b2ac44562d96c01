package cn.heatdesk.callcenter.supervisor;

import cn.heatdesk.baseinfo.api.HouseholdApi;
import cn.heatdesk.baseinfo.api.HouseholdSummary;
import cn.heatdesk.callcenter.agent.Agent;
import cn.heatdesk.callcenter.agent.AgentMapper;
import cn.heatdesk.callcenter.agent.AgentState;
import cn.heatdesk.callcenter.ami.GatewayActions;
import cn.heatdesk.callcenter.call.CallStatsService;
import cn.heatdesk.callcenter.call.NumberVisibility;
import cn.heatdesk.callcenter.call.WaitingCalls;
import cn.heatdesk.callcenter.cti.AsteriskMessages;
import cn.heatdesk.callcenter.cti.ChannelSnapshot;
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
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The supervisor's (班长) actions on the calls of their data scope (docs/supervisor.md): listen / whisper / barge
 * (ChanSpy from the supervisor's own phone), force release, intercept, and the queue board with 优先 (to the front)
 * and 指定坐席 (to a chosen free agent). Like the CTI, no call state is kept: the gateway's channels are read for every
 * action. Every action, done or refused, is written to cc_supervisor_action.
 */
@Service
public class SupervisorService {

    private static final Logger log = LoggerFactory.getLogger(SupervisorService.class);

    public static final String LISTEN = "LISTEN";
    public static final String WHISPER = "WHISPER";
    public static final String BARGE = "BARGE";
    public static final String RELEASE = "RELEASE";
    public static final String INTERCEPT = "INTERCEPT";
    public static final String TO_FRONT = "TO_FRONT";
    public static final String TO_AGENT = "TO_AGENT";
    static final Map<String, String> LABELS = Map.of(LISTEN, "监听", WHISPER, "耳语", BARGE, "强插", RELEASE, "强拆",
            INTERCEPT, "拦截", TO_FRONT, "优先", TO_AGENT, "指定坐席");

    private final AgentMapper agents;
    private final PhoneMapper phones;
    private final GatewayMapper gateways;
    private final GatewayActions actions;
    private final WaitingCalls waiting;
    private final CallStatsService stats;
    private final SupervisorActionMapper logs;
    private final NumberVisibility numbers;
    private final HouseholdApi households;
    private final IdGenerator ids;
    private final ZoneId zone = ZoneId.systemDefault();
    /** household of a waiting call, looked up once per call (linkedid -> summary or empty) */
    private final Map<String, Optional<HouseholdSummary>> householdCache = new ConcurrentHashMap<>();

    public SupervisorService(AgentMapper agents, PhoneMapper phones, GatewayMapper gateways, GatewayActions actions,
                             WaitingCalls waiting, CallStatsService stats, SupervisorActionMapper logs,
                             NumberVisibility numbers, HouseholdApi households, IdGenerator ids) {
        this.agents = agents;
        this.phones = phones;
        this.gateways = gateways;
        this.actions = actions;
        this.waiting = waiting;
        this.stats = stats;
        this.logs = logs;
        this.numbers = numbers;
        this.households = households;
        this.ids = ids;
    }

    /** what one action learnt on its way, written to the log whatever the outcome */
    static final class Entry {
        final String action;
        final CurrentUser user;
        Gateway gateway;
        String linkedid;
        String supervisorExtension;
        Agent target;
        String queue;

        Entry(String action, CurrentUser user) {
            this.action = action;
            this.user = user;
        }
    }

    /** the agent's call as Asterisk reports it right now */
    private record AgentCall(Agent agent, Phone phone, Gateway gateway, ChannelSnapshot snap, ChannelSnapshot.Chan leg,
                             ChannelSnapshot.Chan customer) {
    }

    // ---- listen / whisper / barge -----------------------------------------------------------------------------

    public SupervisorViews.Result spy(long agentId, SupervisorActions.SpyMode mode) {
        return run(mode.name(), e -> {
            // scope and the call first: someone outside the scope learns nothing about their own phone's fitness
            AgentCall call = agentCall(e, agentId);
            Phone mine = myPhone(e, mode.label);
            if (!mine.getGatewayId().equals(call.gateway().getId())) {
                throw new BizException(ErrorCode.ILLEGAL_TRANSITION, "您的话机（分机 " + mine.getExtension()
                        + "）与坐席（工号" + call.agent().getJobNo() + "）不在同一网关，无法" + mode.label);
            }
            if (call.agent().getPhoneId() != null && call.agent().getPhoneId().equals(mine.getId())) {
                throw BizException.invalid("agentId", "不能" + mode.label + "自己的通话");
            }
            if (!call.snap().ofEndpoint(endpoint(mine)).isEmpty()) {
                throw new BizException(ErrorCode.ILLEGAL_TRANSITION, "您的话机（分机 " + mine.getExtension()
                        + "）正在通话中，请先挂断再" + mode.label);
            }
            String channelId = "hd-spy-" + ids.nextId();
            Map<String, String> vars = new LinkedHashMap<>();
            vars.put("SUPERVISOR_ACTION", mode.name());
            vars.put("SUPERVISOR_TARGET", call.agent().getJobNo());
            send(e, SupervisorActions.spy(mode, endpoint(mine), mine.getExtension(), call.phone().getExtension(),
                    channelId, vars), mode.label);
            return new SupervisorViews.Result(mode.name(), "正在呼叫您的话机（分机 " + mine.getExtension() + "），摘机后即"
                    + mode.label + "坐席（工号" + call.agent().getJobNo() + "）的通话", e.linkedid, channelId,
                    call.agent().getJobNo());
        });
    }

    // ---- force release ----------------------------------------------------------------------------------------

    public SupervisorViews.Result release(long agentId) {
        return run(RELEASE, e -> {
            AgentCall call = agentCall(e, agentId);
            // the customer's leg: hanging up the agent's leg would send the customer on to the survey
            ChannelSnapshot.Chan victim = call.customer() != null ? call.customer() : call.leg();
            send(e, SupervisorActions.release(victim.name()), "强拆");
            return new SupervisorViews.Result(RELEASE, "已强拆坐席（工号" + call.agent().getJobNo() + "）的通话", e.linkedid,
                    victim.name(), call.agent().getJobNo());
        });
    }

    // ---- intercept --------------------------------------------------------------------------------------------

    public SupervisorViews.Result intercept(long agentId) {
        return run(INTERCEPT, e -> {
            AgentCall call = agentCall(e, agentId);
            Phone mine = myPhone(e, "拦截");
            if (!mine.getGatewayId().equals(call.gateway().getId())) {
                throw new BizException(ErrorCode.ILLEGAL_TRANSITION, "您的话机（分机 " + mine.getExtension()
                        + "）与坐席（工号" + call.agent().getJobNo() + "）不在同一网关，无法拦截");
            }
            if (call.agent().getPhoneId() != null && call.agent().getPhoneId().equals(mine.getId())) {
                throw BizException.invalid("agentId", "不能拦截自己的通话");
            }
            if (call.customer() == null) {
                throw new BizException(ErrorCode.ILLEGAL_TRANSITION, "坐席（工号" + call.agent().getJobNo()
                        + "）的通话还没有接通对方，不能拦截");
            }
            if (!call.snap().ofEndpoint(endpoint(mine)).isEmpty()) {
                throw new BizException(ErrorCode.ILLEGAL_TRANSITION, "您的话机（分机 " + mine.getExtension()
                        + "）正在通话中，请先挂断再拦截");
            }
            send(e, SupervisorActions.intercept(call.customer().name(), mine.getExtension()), "拦截");
            return new SupervisorViews.Result(INTERCEPT, "已拦截：客户正在转到您的话机（分机 " + mine.getExtension()
                    + "），坐席（工号" + call.agent().getJobNo() + "）已退出通话", e.linkedid, call.customer().name(),
                    call.agent().getJobNo());
        });
    }

    // ---- waiting callers: to the front / to an agent ----------------------------------------------------------

    public SupervisorViews.Result prioritize(SupervisorRequests.Prioritize req) {
        String mode = req.mode().strip().toUpperCase(Locale.ROOT);
        if (!mode.equals("FRONT") && !mode.equals("AGENT")) {
            throw BizException.invalid("mode", "优先方式只能是 FRONT（排到队首）或 AGENT（转给指定的空闲坐席）");
        }
        boolean front = mode.equals("FRONT");
        return run(front ? TO_FRONT : TO_AGENT, e -> {
            long gatewayId = parseId(req.gatewayId(), "gatewayId");
            gatewayInScope(e, gatewayId);
            e.linkedid = req.linkedid().strip();
            WaitingCalls.Waiting w = waiting.find(gatewayId, e.linkedid).orElseThrow(() ->
                    new BizException(ErrorCode.ILLEGAL_TRANSITION, "该来电已不在排队（已接通、已挂断或已离开队列）"));
            e.queue = w.queue();
            // Asterisk's view wins: the caller's channel must still be running Queue()
            ChannelSnapshot snap = channels(gatewayId);
            ChannelSnapshot.Chan ch = snap.channels().stream()
                    .filter(c -> c.uniqueid() != null && c.uniqueid().equals(w.uniqueid()))
                    .filter(c -> c.application() != null && c.application().equalsIgnoreCase("Queue"))
                    .findFirst().orElseThrow(() ->
                            new BizException(ErrorCode.ILLEGAL_TRANSITION, "该来电已不在排队（已接通、已挂断或已离开队列）"));
            if (front) {
                send(e, SupervisorActions.toFront(ch.name(), w.queue()), "优先");
                return new SupervisorViews.Result(TO_FRONT, "已将来电排到队列 " + w.queue() + " 的最前面", e.linkedid,
                        ch.name(), null);
            }
            if (req.agentId() == null || req.agentId().isBlank()) {
                throw BizException.invalid("agentId", "请选择要接听的坐席");
            }
            Agent a = agentInScope(e, parseId(req.agentId(), "agentId"));
            AgentState st = a.state();
            if (st != AgentState.IDLE || a.getPhoneId() == null) {
                throw new BizException(ErrorCode.ILLEGAL_TRANSITION, "目标坐席（工号" + a.getJobNo() + "）当前"
                        + (st == null ? "状态未知" : "为“" + st.label() + "”") + "，不是空闲状态，不能指定接听", "agentId");
            }
            Phone p = phones.selectByIdUnscoped(a.getPhoneId());
            if (p == null || !p.getGatewayId().equals(gatewayId)) {
                throw BizException.invalid("agentId", "目标坐席（工号" + a.getJobNo() + "）的话机不在该来电所在的网关");
            }
            if (!snap.ofEndpoint(endpoint(p)).isEmpty()) {
                throw new BizException(ErrorCode.ILLEGAL_TRANSITION, "目标坐席（工号" + a.getJobNo()
                        + "）的话机正在使用中，不是空闲状态，不能指定接听", "agentId");
            }
            send(e, SupervisorActions.toAgent(ch.name(), p.getExtension()), "指定坐席");
            return new SupervisorViews.Result(TO_AGENT, "已将来电转给坐席（工号" + a.getJobNo() + "，分机 "
                    + p.getExtension() + "），正在振铃", e.linkedid, ch.name(), a.getJobNo());
        });
    }

    // ---- queue board ------------------------------------------------------------------------------------------

    public SupervisorViews.Board board() {
        CurrentUser u = SecurityContext.require();
        boolean clear = numbers.mayView(u.userId());
        Instant now = Instant.now();
        List<WaitingCalls.Waiting> all = waiting.waiting().stream()
                .filter(w -> CallStatsService.visible(u, w.subsidiaryId(), w.orgPath())).toList();
        Set<String> live = new HashSet<>();
        Map<Long, Map<String, Integer>> positions = new HashMap<>();
        Map<Long, Gateway> gws = new HashMap<>();
        for (WaitingCalls.Waiting w : all) {
            live.add(w.linkedid());
            gws.computeIfAbsent(w.gatewayId(), gateways::selectByIdUnscoped);
            positions.computeIfAbsent(w.gatewayId(), this::positions);
        }
        householdCache.keySet().retainAll(live);
        Map<String, List<SupervisorViews.WaitingCaller>> byQueue = new LinkedHashMap<>();
        for (WaitingCalls.Waiting w : all) {
            Optional<HouseholdSummary> h = householdCache.computeIfAbsent(w.linkedid(), k -> household(w));
            Integer pos = w.uniqueid() == null ? null : positions.get(w.gatewayId()).get(w.uniqueid());
            Gateway g = gws.get(w.gatewayId());
            byQueue.computeIfAbsent(w.gatewayId() + "\u0000" + w.queue(), k -> new ArrayList<>())
                    .add(new SupervisorViews.WaitingCaller(String.valueOf(w.gatewayId()), g == null ? null
                            : g.getGatewayName(), w.queue(), w.linkedid(), pos,
                            clear && w.callerNumber() != null ? w.callerNumber() : w.callerMask(),
                            h.map(HouseholdSummary::id).map(String::valueOf).orElse(null),
                            h.map(HouseholdSummary::ownerName).orElse(null), h.map(HouseholdSummary::address).orElse(null),
                            Math.max(0, Duration.between(w.queuedAt(), now).toSeconds()),
                            LocalDateTime.ofInstant(w.queuedAt(), zone)));
        }
        List<SupervisorViews.QueueBoard> queues = new ArrayList<>();
        for (List<SupervisorViews.WaitingCaller> callers : byQueue.values()) {
            // Asterisk's position when it answered; otherwise (gateway slow) the longest waiting first
            callers.sort(Comparator.comparing((SupervisorViews.WaitingCaller c) -> c.position() == null ? Integer.MAX_VALUE
                    : c.position()).thenComparing(SupervisorViews.WaitingCaller::waitSeconds, Comparator.reverseOrder()));
            SupervisorViews.WaitingCaller f = callers.get(0);
            queues.add(new SupervisorViews.QueueBoard(f.gatewayId(), f.gatewayName(), f.queue(), callers.size(),
                    callers.stream().mapToLong(SupervisorViews.WaitingCaller::waitSeconds).max().orElse(0), callers));
        }
        queues.sort(Comparator.comparing(SupervisorViews.QueueBoard::longestWaitSeconds).reversed());
        return new SupervisorViews.Board(LocalDateTime.now(), queues, stats.current().agents());
    }

    /** QueueStatus: the waiting callers' positions by channel uniqueid (empty when the gateway does not answer) */
    private Map<String, Integer> positions(long gatewayId) {
        Map<String, Integer> out = new HashMap<>();
        try {
            for (ResponseEvent e : actions.sendList(gatewayId, new QueueStatusAction())) {
                if (e instanceof QueueEntryEvent q && q.getUniqueId() != null && q.getPosition() != null) {
                    out.put(q.getUniqueId(), q.getPosition());
                }
            }
        } catch (RuntimeException ex) {
            log.debug("queue status of gateway {} unavailable: {}", gatewayId, ex.toString());
        }
        return out;
    }

    private Optional<HouseholdSummary> household(WaitingCalls.Waiting w) {
        try {
            if (w.householdId() != null) {
                return households.find(w.householdId());
            }
            if (w.callerNumber() != null) {
                return households.findByPhone(w.callerNumber()).stream().findFirst();
            }
        } catch (RuntimeException ex) {
            log.debug("household of waiting call {} not found: {}", w.linkedid(), ex.toString());
        }
        return Optional.empty();
    }

    // ---- the log ----------------------------------------------------------------------------------------------

    public PageResult<SupervisorViews.LogView> log(String action, String result, String linkedid, LocalDateTime from,
                                                   LocalDateTime to, PageQuery query) {
        String a = blank(action) ? null : action.strip().toUpperCase(Locale.ROOT);
        if (a != null && !LABELS.containsKey(a)) {
            throw BizException.invalid("action", "操作类型只能是 " + String.join("、", LABELS.keySet()));
        }
        String r = blank(result) ? null : result.strip().toUpperCase(Locale.ROOT);
        if (r != null && !r.equals("OK") && !r.equals("FAILED")) {
            throw BizException.invalid("result", "结果只能是 OK（成功）或 FAILED（失败）");
        }
        PageResult<SupervisorActionRow> page = Paging.page(query, () -> logs.list(a, r, blank(linkedid) ? null
                : linkedid.strip(), from, to));
        return page.map(x -> new SupervisorViews.LogView(String.valueOf(x.id), x.action, LABELS.getOrDefault(x.action,
                x.action), x.gatewayId == null ? null : String.valueOf(x.gatewayId), x.linkedid,
                String.valueOf(x.supervisorId), x.supervisorName, x.supervisorExtension,
                x.targetAgentId == null ? null : String.valueOf(x.targetAgentId), x.targetJobNo, x.queueName, x.result,
                "OK".equals(x.result) ? "成功" : "失败", x.errorMessage, x.createdAt));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** runs one action and logs it, done or refused */
    private SupervisorViews.Result run(String action, Function<Entry, SupervisorViews.Result> body) {
        CurrentUser u = SecurityContext.require();
        Entry e = new Entry(action, u);
        try {
            SupervisorViews.Result r = body.apply(e);
            write(e, "OK", null);
            log.info("supervisor {} {} agent {} call {}: done", u.username(), action,
                    e.target == null ? "-" : e.target.getJobNo(), e.linkedid);
            return r;
        } catch (BizException ex) {
            write(e, "FAILED", ex.getMessage());
            throw ex;
        } catch (RuntimeException ex) {
            write(e, "FAILED", "系统错误：" + ex.getClass().getSimpleName());
            throw ex;
        }
    }

    private void write(Entry e, String result, String error) {
        SupervisorActionRow r = new SupervisorActionRow();
        r.id = ids.nextId();
        r.action = e.action;
        r.supervisorId = e.user.userId();
        r.supervisorName = e.user.realName() != null ? e.user.realName() : e.user.username();
        r.supervisorExtension = e.supervisorExtension;
        r.gatewayId = e.gateway == null ? null : e.gateway.getId();
        r.linkedid = e.linkedid;
        r.targetAgentId = e.target == null ? null : e.target.getId();
        r.targetJobNo = e.target == null ? null : e.target.getJobNo();
        r.queueName = e.queue;
        r.result = result;
        r.errorMessage = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
        // the gateway's columns, as the call's; else the target agent's; else the supervisor's own
        if (e.gateway != null && e.gateway.getSubsidiaryId() != null) {
            r.subsidiaryId = e.gateway.getSubsidiaryId();
            r.orgPath = e.gateway.getOrgPath();
        } else if (e.target != null && e.target.getSubsidiaryId() != null) {
            r.subsidiaryId = e.target.getSubsidiaryId();
            r.orgPath = e.target.getOrgPath();
        } else {
            r.subsidiaryId = e.user.subsidiaryId() == null ? 0L : e.user.subsidiaryId();
            r.orgPath = e.user.orgPath() == null ? "/" : e.user.orgPath();
        }
        r.createdAt = LocalDateTime.now();
        try {
            logs.insert(r);
        } catch (RuntimeException ex) {
            // the action itself has happened (or was refused); a lost log row must not hide that from the supervisor
            log.error("班长操作日志写入失败 / supervisor action log not written: {} {}", e.action, ex.toString());
        }
    }

    /** the supervisor's own bound phone (the cc_agent binding of their account) */
    private Phone myPhone(Entry e, String what) {
        Agent me = agents.selectByUserId(e.user.userId());
        if (me == null || me.getPhoneId() == null) {
            throw new BizException(ErrorCode.ILLEGAL_TRANSITION, "您的账号尚未绑定话机，无法" + what
                    + "：请在“坐席管理”中为您绑定一部话机");
        }
        Phone p = phones.selectByIdUnscoped(me.getPhoneId());
        if (p == null) {
            throw new BizException(ErrorCode.ILLEGAL_TRANSITION, "您绑定的话机已被删除，无法" + what);
        }
        e.supervisorExtension = p.getExtension();
        if (Integer.valueOf(0).equals(p.getRegistered())) {
            // an Originate to an offline phone fails only later, asynchronously: say it now
            throw new BizException(ErrorCode.ILLEGAL_TRANSITION, "您的话机（分机 " + p.getExtension() + "）未注册（离线），无法"
                    + what + "：请检查话机后重试");
        }
        return p;
    }

    private Agent agentInScope(Entry e, long agentId) {
        Agent a = agents.selectByIdUnscoped(agentId);
        if (a == null) {
            throw BizException.notFound("坐席");
        }
        e.target = a;
        if (agents.selectById(agentId) == null) {
            throw BizException.forbidden("坐席（工号" + a.getJobNo() + "）不在您的数据权限范围内，不能操作");
        }
        return a;
    }

    private Gateway gatewayInScope(Entry e, long gatewayId) {
        Gateway g = gateways.selectByIdUnscoped(gatewayId);
        if (g == null) {
            throw BizException.notFound("网关");
        }
        e.gateway = g;
        CurrentUser u = e.user;
        if (!CallStatsService.visible(u, g.getSubsidiaryId() == null ? 0 : g.getSubsidiaryId(), g.getOrgPath())) {
            throw BizException.forbidden("网关“" + g.getGatewayName() + "”不在您的数据权限范围内，不能操作");
        }
        return g;
    }

    private AgentCall agentCall(Entry e, long agentId) {
        Agent a = agentInScope(e, agentId);
        if (a.getPhoneId() == null) {
            throw new BizException(ErrorCode.ILLEGAL_TRANSITION, "坐席（工号" + a.getJobNo() + "）未绑定话机，当前没有通话");
        }
        Phone p = phones.selectByIdUnscoped(a.getPhoneId());
        if (p == null) {
            throw new BizException(ErrorCode.ILLEGAL_TRANSITION, "坐席（工号" + a.getJobNo() + "）绑定的话机已被删除");
        }
        Gateway g = gatewayInScope(e, p.getGatewayId());
        ChannelSnapshot snap = channels(g.getId());
        ChannelSnapshot.Chan leg = snap.myCall(endpoint(p)).filter(ChannelSnapshot.Chan::bridged).orElseThrow(() ->
                new BizException(ErrorCode.ILLEGAL_TRANSITION, "坐席（工号" + a.getJobNo() + "，分机 " + p.getExtension()
                        + "）当前没有通话（通话可能已结束）"));
        e.linkedid = leg.linkedid();
        ChannelSnapshot.Chan customer = snap.peerOf(leg).orElse(null);
        return new AgentCall(a, p, g, snap, leg, customer);
    }

    private ChannelSnapshot channels(long gatewayId) {
        return ChannelSnapshot.of(actions.sendList(gatewayId, new CoreShowChannelsAction()));
    }

    private ManagerResponse send(Entry e, ManagerAction action, String what) {
        ManagerResponse r = actions.send(e.gateway.getId(), action);
        if (r instanceof ManagerError || "Error".equalsIgnoreCase(r.getResponse())) {
            log.info("supervisor {}: {} refused by gateway {}: {}", e.user.username(), action.getAction(),
                    e.gateway.getId(), r.getMessage());
            throw new BizException(ErrorCode.ILLEGAL_TRANSITION, what + "失败：" + AsteriskMessages.translate(r.getMessage()));
        }
        return r;
    }

    private static String endpoint(Phone p) {
        return p.getEndpointName() != null && !p.getEndpointName().isBlank() ? p.getEndpointName() : p.getExtension();
    }

    private static long parseId(String v, String field) {
        try {
            return Long.parseLong(v == null ? "" : v.strip());
        } catch (NumberFormatException ex) {
            throw BizException.invalid(field, field + " 须为数字编号");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
