package cn.heatdesk.callcenter.lost;

import cn.heatdesk.baseinfo.api.HouseholdApi;
import cn.heatdesk.baseinfo.api.HouseholdSummary;
import cn.heatdesk.callcenter.call.CallQueryService;
import cn.heatdesk.kernel.crypto.FieldCipher;
import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static cn.heatdesk.callcenter.call.CallQueryService.get;
import static cn.heatdesk.callcenter.call.CallQueryService.timeOf;

/**
 * 呼损管理: inbound calls that ended abandoned or unanswered, with cause, handling state (callbacks, the caller's own
 * later call), repeat flag, and the report by day, queue and cause. Reads are limited to the user's data scope.
 */
@Service
public class LostCallService {

    // a call lost in the IVR waited in no queue: 0, so it sorts the same on every database (PostgreSQL puts NULLs first)
    static final Map<String, String> SORTS = Map.of("startedAt", "c.started_at", "waitMs", "COALESCE(c.wait_ms, 0)",
            "queue", "COALESCE(c.queue_name, '')", "ringAttempts", "c.ring_attempts");
    static final int PAGE_COUNT_CAP = 10_000;
    /** longest range of one list or report: a year of lost calls */
    static final Duration MAX_RANGE = Duration.ofDays(366);

    private final LostCallMapper mapper;
    private final FieldCipher cipher;
    private final HouseholdApi households;
    private final int repeatThreshold;
    private final double targetRate;

    public LostCallService(LostCallMapper mapper, FieldCipher cipher, HouseholdApi households,
                           @Value("${heatdesk.callcenter.lost.repeat-threshold:2}") int repeatThreshold,
                           @Value("${heatdesk.callcenter.lost.target-rate:3}") double targetRate) {
        this.mapper = mapper;
        this.cipher = cipher;
        this.households = households;
        this.repeatThreshold = Math.max(2, repeatThreshold);
        this.targetRate = targetRate;
    }

    public int repeatThreshold() {
        return repeatThreshold;
    }

    public PageResult<LostCallViews.LostCallView> search(LostCallFilter filter, PageQuery query) {
        LostCallFilter f = prepare(filter, true);
        String order = query.orderBy(SORTS, "c.started_at DESC") + ", c.id DESC";
        PageResult<LostCallRow> page = Paging.page(query, PAGE_COUNT_CAP, () -> mapper.search(f, order));
        return new PageResult<>(views(page.records(), f), page.total(), page.page(), page.size(), page.totalCapped());
    }

    /** newest first, at most {@code max} rows, in keyset batches (export) */
    public void stream(LostCallFilter filter, int max, Consumer<LostCallViews.LostCallView> sink) {
        LostCallFilter f = prepare(filter, true);
        LocalDateTime afterAt = null;
        Long afterId = null;
        int sent = 0;
        while (sent < max) {
            int batch = Math.min(1000, max - sent);
            LocalDateTime a = afterAt;
            Long b = afterId;
            List<LostCallRow> list = Paging.limit(batch, () -> mapper.batchAfter(f, a, b));
            views(list, f).forEach(sink);
            sent += list.size();
            if (list.size() < batch) {
                break;
            }
            LostCallRow last = list.get(list.size() - 1);
            afterAt = last.startedAt;
            afterId = last.id;
        }
    }

    public LostCallViews.Report report(LostCallFilter filter) {
        LostCallFilter f = prepare(filter, false);
        Map<LocalDate, Acc> days = new TreeMap<>();
        Map<String, Acc> queues = new TreeMap<>();
        Acc total = new Acc();
        for (Map<String, Object> m : mapper.report(f)) {
            LocalDate d = LostCallViews.day(get(m, "d"));
            String q = (String) get(m, "q");
            String res = (String) get(m, "res");
            String cause = (String) get(m, "cause");
            long cnt = num(get(m, "cnt"));
            long waitSum = num(get(m, "wait_sum"));
            long waitCnt = num(get(m, "wait_cnt"));
            for (Acc a : new Acc[]{days.computeIfAbsent(d, k -> new Acc()), total,
                    q == null ? null : queues.computeIfAbsent(q, k -> new Acc())}) {
                if (a != null) {
                    a.add(q != null, res, cause, cnt, waitSum, waitCnt);
                }
            }
        }
        // every day of the range appears, also the quiet ones, so the chart's axis has no gaps
        for (LocalDate d = f.getFrom().toLocalDate(); d.isBefore(f.getTo().toLocalDate())
                || (d.equals(f.getTo().toLocalDate()) && f.getTo().isAfter(d.atStartOfDay())); d = d.plusDays(1)) {
            days.computeIfAbsent(d, k -> new Acc());
        }
        List<LostCallViews.Figures> dayFigures = days.entrySet().stream()
                .map(e -> e.getValue().figures(e.getKey().toString(), e.getKey().toString())).toList();
        List<LostCallViews.Figures> queueFigures = queues.entrySet().stream()
                .map(e -> e.getValue().figures(e.getKey(), e.getKey())).toList();
        List<LostCallViews.CauseCount> causes = LostCallCodes.CAUSE_LABELS.entrySet().stream()
                .map(e -> new LostCallViews.CauseCount(e.getKey(), e.getValue(), total.byCause(e.getKey()))).toList();
        return new LostCallViews.Report(f.getFrom(), f.getTo(), targetRate, dayFigures, queueFigures, causes,
                total.figures("TOTAL", "合计"));
    }

    private List<LostCallViews.LostCallView> views(List<LostCallRow> rows, LostCallFilter f) {
        if (rows.isEmpty()) {
            return List.of();
        }
        boolean unmask = CallQueryService.mayViewNumbers();
        Set<String> idxs = rows.stream().map(r -> r.callerIdx).filter(x -> x != null).collect(Collectors.toSet());
        Map<String, Integer> repeats = new HashMap<>();
        if (!idxs.isEmpty()) {
            for (Map<String, Object> m : mapper.repeatCounts(idxs, f.getFrom(), f.getTo())) {
                repeats.put((String) get(m, "idx"), (int) num(get(m, "cnt")));
            }
        }
        Map<Long, List<Map<String, Object>>> callbacks = new HashMap<>();
        for (Map<String, Object> m : mapper.callbacksOf(rows.stream().map(r -> r.id).toList())) {
            callbacks.computeIfAbsent(num(get(m, "of_id")), k -> new ArrayList<>()).add(m);
        }
        Map<Long, Optional<HouseholdSummary>> homes = new HashMap<>();
        for (Long h : rows.stream().map(r -> r.householdId).filter(x -> x != null)
                .collect(Collectors.toCollection(LinkedHashSet::new))) {
            homes.put(h, households.find(h));
        }
        List<LostCallViews.LostCallView> out = new ArrayList<>(rows.size());
        for (LostCallRow r : rows) {
            int repeat = r.callerIdx == null ? 1 : repeats.getOrDefault(r.callerIdx, 1);
            List<Map<String, Object>> cbs = callbacks.getOrDefault(r.id, List.of());
            Map<String, Object> last = cbs.isEmpty() ? null : cbs.get(cbs.size() - 1);
            String lastBy = last == null ? null : join((String) get(last, "agent_name"), (String) get(last, "job_no"));
            Optional<HouseholdSummary> home = r.householdId == null ? Optional.empty() : homes.get(r.householdId);
            String number = unmask ? CallQueryService.decryptNumber(cipher, r.callerEnc, r.callerMask) : r.callerMask;
            out.add(new LostCallViews.LostCallView(r.id, r.gatewayId, r.linkedid, number, !unmask, r.did, r.queueName,
                    r.cause, LostCallCodes.label(LostCallCodes.CAUSE_LABELS, r.cause), r.callResult, r.startedAt,
                    r.endedAt, r.waitMs, r.ringAttempts == null ? 0 : r.ringAttempts, r.householdId,
                    home.map(HouseholdSummary::householdCode).orElse(null),
                    home.map(HouseholdSummary::address).orElse(null), r.lostState,
                    LostCallCodes.label(LostCallCodes.STATE_LABELS, r.lostState), repeat, repeat >= repeatThreshold,
                    cbs.size(), last == null ? null : timeOf(get(last, "started_at")), lastBy,
                    last == null ? null : resultLabel((String) get(last, "res"))));
        }
        return out;
    }

    private LostCallFilter prepare(LostCallFilter filter, boolean list) {
        LostCallFilter f = filter == null ? new LostCallFilter() : filter;
        LocalDateTime now = LocalDateTime.now();
        if (f.getTo() == null) {
            f.setTo(f.getFrom() != null ? now.plusMinutes(1) : now.toLocalDate().plusDays(1).atStartOfDay());
        }
        if (f.getFrom() == null) {
            f.setFrom(f.getTo().toLocalDate().minusDays(6).atStartOfDay());
        }
        if (!f.getFrom().isBefore(f.getTo())) {
            throw BizException.invalid("to", "结束时间必须晚于开始时间");
        }
        if (Duration.between(f.getFrom(), f.getTo()).compareTo(MAX_RANGE) > 0) {
            throw BizException.invalid("from", "查询时间范围不能超过 366 天");
        }
        if (f.getNumber() != null && !f.getNumber().isBlank()) {
            String idx = cipher.blindIndexPhone(f.getNumber().trim());
            f.setNumberIdx(idx == null ? "-" : idx);
        } else {
            f.setNumberIdx(null);
        }
        if (f.getCause() != null && f.getCause().isBlank()) {
            f.setCause(null);
        }
        if (f.getCause() != null && !LostCallCodes.CAUSE_LABELS.containsKey(f.getCause())) {
            throw BizException.invalid("cause", "不支持的呼损原因：" + f.getCause());
        }
        if (f.getState() != null && f.getState().isBlank()) {
            f.setState(null);
        }
        if (list && f.getState() != null && !LostCallCodes.STATE_LABELS.containsKey(f.getState())
                && !LostCallCodes.OPEN.equals(f.getState())) {
            throw BizException.invalid("state", "处理状态只能是 PENDING、TRIED、DONE、MESSAGE、RECALLED 或 OPEN");
        }
        f.setRepeatThreshold(repeatThreshold);
        return f;
    }

    private static String join(String name, String jobNo) {
        if (name == null) {
            return jobNo;
        }
        return jobNo == null ? name : name + "（" + jobNo + "）";
    }

    private static String resultLabel(String res) {
        return switch (res == null ? "" : res) {
            case "ANSWERED" -> "已接通";
            case "REJECTED" -> "拒接";
            case "FAILED" -> "呼叫失败";
            case "" -> "进行中";
            default -> "未接通";
        };
    }

    static long num(Object v) {
        return v == null ? 0 : ((Number) v).longValue();
    }

    /** counts of one report row */
    private static final class Acc {
        long inbound;
        long offered;
        long answered;
        long lost;
        long lostQueued;
        final Map<String, Long> causes = new HashMap<>();
        long waitSum;
        long waitCnt;

        void add(boolean queued, String res, String cause, long cnt, long ws, long wc) {
            inbound += cnt;
            boolean isLost = "ABANDONED".equals(res) || "NO_ANSWER".equals(res);
            if (queued) {
                offered += cnt;
                waitSum += ws;
                waitCnt += wc;
                if (isLost) {
                    lostQueued += cnt;
                }
            }
            if ("ANSWERED".equals(res)) {
                answered += cnt;
            }
            if (isLost) {
                lost += cnt;
                causes.merge(cause, cnt, Long::sum);
            }
        }

        long byCause(String c) {
            return causes.getOrDefault(c, 0L);
        }

        LostCallViews.Figures figures(String key, String label) {
            Double rate = offered == 0 ? null : Math.round(lostQueued * 10000.0 / offered) / 100.0;
            return new LostCallViews.Figures(key, label, inbound, offered, answered, lost, lostQueued,
                    byCause(LostCallCodes.IVR), byCause(LostCallCodes.QUEUE_ABANDON),
                    byCause(LostCallCodes.RING_ABANDON), byCause(LostCallCodes.NO_ANSWER), rate,
                    waitCnt == 0 ? null : waitSum / waitCnt);
        }
    }
}
