package cn.heatdesk.callcenter.call;

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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * 实时话务指标: waiting calls and longest wait per queue from the tracker's live state, today's counts and rates
 * from today's call rows. Pushed on topic {@code callstats} every {@link #PUSH_INTERVAL_MS} ms when they changed
 * (and at least every 30 s), so the console is never more than 3 s behind; also served by GET.
 * <p>
 * Rates count inbound calls that reached a queue and ended today: answer rate = answered / offered, loss rate
 * (呼损率) = (abandoned + not answered) / offered; average wait over the answered ones.
 */
@Service
public class CallStatsService {

    public static final String TOPIC = "callstats";
    static final long PUSH_INTERVAL_MS = 2000;
    private static final Logger log = LoggerFactory.getLogger(CallStatsService.class);

    private final CallTracker tracker;
    private final CallMapper calls;
    private final LivePush push;
    private volatile CallStats lastPushed;
    private volatile Instant lastPushAt = Instant.EPOCH;

    public CallStatsService(CallTracker tracker, CallMapper calls, LivePush push) {
        this.tracker = tracker;
        this.calls = calls;
        this.push = push;
    }

    public record QueueFigures(Long gatewayId, String queue, int waiting, long longestWaitMs) {
    }

    public record CallStats(LocalDateTime at, List<QueueFigures> queues, int liveCalls, int waitingTotal,
                            long inboundToday, long outboundToday, long internalToday, long offeredToday,
                            long answeredToday, long abandonedToday, long noAnswerToday, Double answerRate,
                            Double lossRate, Long averageWaitMs) {

        /** equal apart from the time of computing (live waits grow every second, they are compared too) */
        boolean sameFigures(CallStats o) {
            return o != null && o.queues.equals(queues) && o.liveCalls == liveCalls && o.inboundToday == inboundToday
                    && o.outboundToday == outboundToday && o.internalToday == internalToday
                    && o.offeredToday == offeredToday && o.answeredToday == answeredToday
                    && o.abandonedToday == abandonedToday && o.noAnswerToday == noAnswerToday
                    && Objects.equals(o.averageWaitMs, averageWaitMs);
        }
    }

    /** figures for the current user's scope (today's rows are data-scoped; live queues are not personal data) */
    public CallStats current() {
        return compute(Instant.now(), LocalDate.now().atStartOfDay());
    }

    CallStats compute(Instant now, LocalDateTime dayStart) {
        Map<String, long[]> perQueue = new TreeMap<>();
        int liveCalls = 0;
        for (LiveCall c : tracker.liveCalls()) {
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
                answered, abandoned, noAnswer, answerRate, lossRate, avgWait);
    }

    @Scheduled(fixedDelay = PUSH_INTERVAL_MS, initialDelay = 5000)
    void pushIfChanged() {
        try {
            Instant now = Instant.now();
            // the push is group-wide: computed without a user, so unscoped
            CallStats s = compute(now, LocalDate.now().atStartOfDay());
            if (!s.sameFigures(lastPushed) || Duration.between(lastPushAt, now).toSeconds() >= 30) {
                push.broadcast(TOPIC, s);
                lastPushed = s;
                lastPushAt = now;
            }
        } catch (RuntimeException e) {
            log.warn("实时话务指标推送失败 / call stats push failed: {}", e.toString());
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
