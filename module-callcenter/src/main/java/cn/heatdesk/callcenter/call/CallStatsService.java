package cn.heatdesk.callcenter.call;

import cn.heatdesk.callcenter.agent.AgentState;
import cn.heatdesk.callcenter.gateway.CallcenterPermissions;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.notice.api.LivePush;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * 实时话务指标: waiting calls and longest wait per queue from the tracker's live state, today's counts and rates
 * from today's call rows, and per agent in scope the state and today's counts. Pushed on topic {@code callstats}
 * every {@link #PUSH_INTERVAL_MS} ms when they changed (and at least every 30 s), so the console is never more than
 * 3 s behind; also served by GET.
 * <p>
 * Rates count inbound calls that reached a queue and ended today: answer rate = answered / offered, loss rate
 * (呼损率) = (abandoned + not answered) / offered; average wait over the answered ones.
 * <p>
 * The figures are per station (gateway / org), so they are never broadcast: each signed-in user holding one of
 * {@link #PERMISSIONS} gets the figures of their own data scope, computed once per distinct scope.
 */
@Service
public class CallStatsService {

    public static final String TOPIC = "callstats";
    /** who sees the live figures: call records, the agent workbench, agent management (supervisors) */
    public static final Set<String> PERMISSIONS = Set.of("callcenter:call", CallcenterPermissions.WORKBENCH,
            CallcenterPermissions.AGENT);
    static final long PUSH_INTERVAL_MS = 2000;
    private static final Logger log = LoggerFactory.getLogger(CallStatsService.class);

    private final CallTracker tracker;
    private final CallMapper calls;
    private final AgentFiguresMapper agentFigures;
    private final LivePush push;
    private final StatsAudience audience;
    /** per scope (see {@link #scopeKey}): what was pushed last and when */
    private final Map<String, Pushed> lastPushed = new ConcurrentHashMap<>();

    public CallStatsService(CallTracker tracker, CallMapper calls, AgentFiguresMapper agentFigures, LivePush push,
                            StatsAudience audience) {
        this.tracker = tracker;
        this.calls = calls;
        this.agentFigures = agentFigures;
        this.push = push;
        this.audience = audience;
    }

    private record Pushed(CallStats stats, Instant at) {
    }

    public record QueueFigures(Long gatewayId, String queue, int waiting, long longestWaitMs) {
    }

    /**
     * One agent's live state and today's counts: inbound calls answered, rings not answered (振铃未接), outbound
     * calls (attempts), talk seconds of the calls the agent took (hold excluded).
     */
    public record AgentFigures(Long agentId, String jobNo, String agentName, String extension, String state,
                               String stateLabel, String stateReason, LocalDateTime stateSince, long answeredToday,
                               long missedToday, long outboundToday, long talkSecondsToday) {
    }

    public record CallStats(LocalDateTime at, List<QueueFigures> queues, int liveCalls, int waitingTotal,
                            long inboundToday, long outboundToday, long internalToday, long offeredToday,
                            long answeredToday, long abandonedToday, long noAnswerToday, Double answerRate,
                            Double lossRate, Long averageWaitMs, List<AgentFigures> agents) {

        /** equal apart from the time of computing (live waits grow every second, they are compared too) */
        boolean sameFigures(CallStats o) {
            return o != null && o.queues.equals(queues) && o.liveCalls == liveCalls && o.inboundToday == inboundToday
                    && o.outboundToday == outboundToday && o.internalToday == internalToday
                    && o.offeredToday == offeredToday && o.answeredToday == answeredToday
                    && o.abandonedToday == abandonedToday && o.noAnswerToday == noAnswerToday
                    && Objects.equals(o.averageWaitMs, averageWaitMs) && o.agents.equals(agents);
        }
    }

    /** figures for the current user's scope: rows through the data-scope interceptor, live calls by their gateway */
    public CallStats current() {
        CurrentUser u = SecurityContext.current().orElse(null);
        return compute(Instant.now(), LocalDate.now().atStartOfDay(), c -> u == null || visible(u, c.row.subsidiaryId,
                c.row.orgPath));
    }

    /** unscoped (no user: the system's view); tests */
    CallStats compute(Instant now, LocalDateTime dayStart) {
        return compute(now, dayStart, c -> true);
    }

    CallStats compute(Instant now, LocalDateTime dayStart, Predicate<LiveCall> liveInScope) {
        Map<String, long[]> perQueue = new TreeMap<>();
        int liveCalls = 0;
        for (LiveCall c : tracker.liveCalls()) {
            if (!liveInScope.test(c)) {
                continue;
            }
            liveCalls++;
            Instant q = c.queuedAt;
            if (q != null && !c.leftQueue && !c.answered && c.queueName != null) {
                long[] f = perQueue.computeIfAbsent(c.row.gatewayId + "\u0000" + c.queueName, k -> new long[2]);
                f[0]++;
                f[1] = Math.max(f[1], Math.max(0, Duration.between(q, now).toMillis()));
            }
        }
        List<QueueFigures> queues = new ArrayList<>();
        int waitingTotal = 0;
        for (Map.Entry<String, long[]> en : perQueue.entrySet()) {
            String[] k = en.getKey().split("\u0000", 2);
            // wait rounded to whole seconds: the push fires on a changed figure, not on every millisecond
            queues.add(new QueueFigures(Long.valueOf(k[0]), k[1], (int) en.getValue()[0], en.getValue()[1] / 1000 * 1000));
            waitingTotal += (int) en.getValue()[0];
        }
        queues.sort(Comparator.comparing(QueueFigures::longestWaitMs).reversed());

        long in = 0, out = 0, internal = 0, offered = 0, answered = 0, abandoned = 0, noAnswer = 0, waitSum = 0, waitCnt = 0;
        for (Map<String, Object> m : calls.figuresSince(dayStart)) {
            String dir = (String) CallQueryService.get(m, "dir");
            String res = (String) CallQueryService.get(m, "res");
            String st = (String) CallQueryService.get(m, "st");
            boolean queued = ((Number) CallQueryService.get(m, "queued")).intValue() == 1;
            long cnt = ((Number) CallQueryService.get(m, "cnt")).longValue();
            if (CallCodes.IN.equals(dir)) {
                in += cnt;
            } else if (CallCodes.OUT.equals(dir)) {
                out += cnt;
            } else {
                internal += cnt;
            }
            if (CallCodes.IN.equals(dir) && queued && CallCodes.ENDED.equals(st)) {
                offered += cnt;
                if (CallCodes.ANSWERED.equals(res)) {
                    answered += cnt;
                    Object ws = CallQueryService.get(m, "wait_sum");
                    Object wc = CallQueryService.get(m, "wait_cnt");
                    waitSum += ws == null ? 0 : ((Number) ws).longValue();
                    waitCnt += wc == null ? 0 : ((Number) wc).longValue();
                } else if (CallCodes.ABANDONED.equals(res)) {
                    abandoned += cnt;
                } else if (CallCodes.NO_ANSWER.equals(res)) {
                    noAnswer += cnt;
                }
            }
        }
        Double answerRate = offered == 0 ? null : round(answered * 100.0 / offered);
        Double lossRate = offered == 0 ? null : round((abandoned + noAnswer) * 100.0 / offered);
        Long avgWait = waitCnt == 0 ? null : waitSum / waitCnt;
        return new CallStats(LocalDateTime.now(), queues, liveCalls, waitingTotal, in, out, internal, offered,
                answered, abandoned, noAnswer, answerRate, lossRate, avgWait, agents(dayStart));
    }

    /**
     * The agents of the reader's scope: everyone signed in, and those signed out who worked today (their counts are
     * still of interest), signed-in ones first.
     */
    List<AgentFigures> agents(LocalDateTime dayStart) {
        List<AgentFiguresMapper.AgentFigureRow> rows = agentFigures.agentsInScope();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, long[]> counts = new HashMap<>();
        List<Long> ids = rows.stream().map(r -> r.id).toList();
        // IN lists stay well below every database's limit
        for (int i = 0; i < ids.size(); i += 500) {
            List<Long> part = ids.subList(i, Math.min(ids.size(), i + 500));
            for (Map<String, Object> m : agentFigures.callCountsSince(dayStart, part)) {
                long[] c = counts.computeIfAbsent(num(m, "agent_id"), k -> new long[4]);
                c[0] = num(m, "answered");
                c[2] = num(m, "outbound");
                c[3] = num(m, "talk_ms") / 1000;
            }
            for (Map<String, Object> m : agentFigures.missedSince(dayStart, part)) {
                counts.computeIfAbsent(num(m, "agent_id"), k -> new long[4])[1] = num(m, "missed");
            }
        }
        List<AgentFigures> list = new ArrayList<>();
        for (AgentFiguresMapper.AgentFigureRow r : rows) {
            long[] c = counts.getOrDefault(r.id, new long[4]);
            AgentState st = AgentState.parse(r.state).orElse(AgentState.SIGNED_OUT);
            if (!st.signedIn() && c[0] + c[1] + c[2] + c[3] == 0) {
                continue;
            }
            list.add(new AgentFigures(r.id, r.jobNo, r.agentName, r.extension, st.name(), st.label(), r.stateReason,
                    r.stateSince, c[0], c[1], c[2], c[3]));
        }
        list.sort(Comparator.comparing((AgentFigures a) -> AgentState.SIGNED_OUT.name().equals(a.state()))
                .thenComparing(AgentFigures::jobNo, Comparator.nullsLast(Comparator.naturalOrder())));
        return List.copyOf(list);
    }

    private static long num(Map<String, Object> m, String key) {
        Object v = CallQueryService.get(m, key);
        return v == null ? 0 : ((Number) v).longValue();
    }

    /** whether a user may receive the figures at all */
    public static boolean mayReceive(CurrentUser u) {
        // SELF scope sees only rows it created; figures of a station are not that
        return u.dataScope() != null && u.dataScope() != DataScope.SELF
                && PERMISSIONS.stream().anyMatch(u::hasPermission);
    }

    /** the data-scope rule (DataScopeCondition) applied to a live call's gateway columns */
    public static boolean visible(CurrentUser u, long subsidiaryId, String orgPath) {
        DataScope scope = u.dataScope() == null ? DataScope.SELF : u.dataScope();
        return switch (scope) {
            case ALL -> true;
            case SUBSIDIARY -> u.subsidiaryId() != null ? u.subsidiaryId() == subsidiaryId : under(orgPath, u.orgPath());
            case ORG_AND_CHILDREN -> under(orgPath, u.orgPath());
            case CUSTOM -> u.customOrgPaths() != null && u.customOrgPaths().stream().anyMatch(p -> under(orgPath, p));
            case SELF -> false;
        };
    }

    private static boolean under(String orgPath, String prefix) {
        return orgPath != null && prefix != null && prefix.matches("^/(\\d+/)*$") && orgPath.startsWith(prefix);
    }

    /** users with the same key see the same figures */
    static String scopeKey(CurrentUser u) {
        DataScope scope = u.dataScope();
        return switch (scope) {
            case ALL -> "ALL";
            case SUBSIDIARY -> u.subsidiaryId() != null ? "S" + u.subsidiaryId() : "P" + u.orgPath();
            case ORG_AND_CHILDREN -> "P" + u.orgPath();
            case CUSTOM -> "C" + (u.customOrgPaths() == null ? List.of() : u.customOrgPaths().stream().sorted().toList());
            case SELF -> "U" + u.userId();
        };
    }

    @Scheduled(fixedDelay = PUSH_INTERVAL_MS, initialDelay = 5000)
    void pushIfChanged() {
        try {
            Instant now = Instant.now();
            LocalDateTime day = LocalDate.now().atStartOfDay();
            Map<String, List<CurrentUser>> groups = new LinkedHashMap<>();
            for (CurrentUser u : audience.recipients()) {
                if (mayReceive(u)) {
                    groups.computeIfAbsent(scopeKey(u), k -> new ArrayList<>()).add(u);
                }
            }
            for (Map.Entry<String, List<CurrentUser>> g : groups.entrySet()) {
                CurrentUser first = g.getValue().get(0);
                // computed as one of the group, so the rows go through the same data scope as that user's GET
                CallStats s = SecurityContext.callAs(first, () -> compute(now, day,
                        c -> visible(first, c.row.subsidiaryId, c.row.orgPath)));
                Pushed last = lastPushed.get(g.getKey());
                if (last == null || !s.sameFigures(last.stats()) || Duration.between(last.at(), now).toSeconds() >= 30) {
                    push.toUsers(g.getValue().stream().map(CurrentUser::userId).distinct().toList(), TOPIC, s);
                    lastPushed.put(g.getKey(), new Pushed(s, now));
                }
            }
            lastPushed.keySet().retainAll(groups.keySet());
        } catch (RuntimeException e) {
            log.warn("实时话务指标推送失败 / call stats push failed: {}", e.toString());
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
