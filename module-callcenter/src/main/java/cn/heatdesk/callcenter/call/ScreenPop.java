package cn.heatdesk.callcenter.call;

import cn.heatdesk.baseinfo.api.CallerPanel;
import cn.heatdesk.baseinfo.api.HouseholdApi;
import cn.heatdesk.kernel.crypto.Masking;
import cn.heatdesk.notice.api.LivePush;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 来电弹屏. The caller panel is fetched when the call joins a queue (QueueCallerJoin), on a small pool of its own
 * so the call's event thread goes on at once; when AgentCalled arrives (typically a few ms later) the panel is
 * normally ready and the push costs only the serialisation. Timer {@code heatdesk.callcenter.screenpop}: from the
 * AgentCalled event's arrival at HeatDesk to the hand-over to the live push.
 */
@Component
public class ScreenPop {

    public static final String TOPIC = "screenpop";
    static final Duration WAIT_FOR_PANEL = Duration.ofMillis(800);
    static final Duration CACHE_TTL = Duration.ofMinutes(30);
    private static final Logger log = LoggerFactory.getLogger(ScreenPop.class);

    private final HouseholdApi households;
    private final LivePush push;
    private final NumberVisibility numbers;
    private final Timer timer;
    private final ThreadPoolExecutor pool;
    private final Map<LiveCall.Key, Entry> cache = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** per call: its latest pop, which the next pop of the call waits for (one call's events come on one lane) */
    private final Map<LiveCall.Key, CompletableFuture<ScreenPopMessage>> lastPops = new ConcurrentHashMap<>();

    private record Entry(String number, CompletableFuture<CallerPanel> panel, Instant at) {
    }

    public ScreenPop(HouseholdApi households, LivePush push, NumberVisibility numbers, MeterRegistry meters) {
        this.households = households;
        this.push = push;
        this.numbers = numbers;
        this.timer = Timer.builder("heatdesk.callcenter.screenpop")
                .description("AgentCalled received -> screen pop handed to the live push")
                .publishPercentiles(0.5, 0.99).register(meters);
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(2, 8, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2000), r -> {
            Thread t = new Thread(r, "screenpop-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** starts fetching the panel of the caller's number (no-op for anonymous callers) */
    void prefetch(LiveCall.Key key, String number) {
        if (number == null || cache.containsKey(key)) {
            return;
        }
        CompletableFuture<CallerPanel> f;
        try {
            f = CompletableFuture.supplyAsync(() -> households.panelForCaller(number), pool);
        } catch (RejectedExecutionException e) {
            return; // overloaded: AgentCalled fetches it itself
        }
        cache.put(key, new Entry(number, f, Instant.now()));
    }

    /**
     * The panel of the call's number: the prefetched one, or fetched now on the pool; completes with null when the
     * number is unknown, the lookup failed or took longer than {@link #WAIT_FOR_PANEL}.
     */
    private CompletableFuture<CallerPanel> panel(LiveCall.Key key, String number) {
        if (number == null) {
            return CompletableFuture.completedFuture(null);
        }
        Entry e = cache.get(key);
        CompletableFuture<CallerPanel> f;
        if (e != null && number.equals(e.number())) {
            f = e.panel();
        } else {
            try {
                f = CompletableFuture.supplyAsync(() -> households.panelForCaller(number), pool);
            } catch (RejectedExecutionException ex) {
                f = CompletableFuture.failedFuture(ex);
            }
            cache.put(key, new Entry(number, f, Instant.now()));
        }
        return f.copy().completeOnTimeout(null, WAIT_FOR_PANEL.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(ex -> {
                    log.warn("来电弹屏查询客户信息失败 / panel lookup for call {} failed: {}", key, ex.toString());
                    return null;
                });
    }

    /**
     * Pushes the pop for {@code call} to {@code agent} as soon as the caller's panel is there (at once when it was
     * prefetched). The event lane only registers it: it never waits for base information, so a slow lookup delays
     * this pop alone, not the events of other calls. The returned future completes with what was sent.
     */
    CompletableFuture<ScreenPopMessage> pushTo(LiveCall call, AgentRef agent, Instant receivedAt) {
        return pushTo(call, agent, receivedAt, id -> { });
    }

    /**
     * As above; {@code household} gets the first household of the caller's panel (null when unknown) before the pop
     * counts as done, so {@link #awaitIdle} also covers what the caller does with it.
     */
    CompletableFuture<ScreenPopMessage> pushTo(LiveCall call, AgentRef agent, Instant receivedAt,
                                               java.util.function.Consumer<Long> household) {
        LiveCall.Key key = new LiveCall.Key(call.row.gatewayId, call.row.linkedid);
        String number = call.callerNumber;
        String callId = String.valueOf(call.row.id);
        String linkedid = call.row.linkedid;
        String gatewayId = String.valueOf(call.row.gatewayId);
        String queue = call.row.queueName;
        String did = call.row.did;
        boolean unmasked = numbers.mayView(agent.userId());
        inFlight.incrementAndGet();
        CompletableFuture<CallerPanel> lookup = panel(key, number);
        // the pops of one call go out in the order the agents were rung, also when they wait for the same lookup
        CompletableFuture<CallerPanel> ready = Optional.ofNullable(lastPops.get(key))
                .map(prev -> prev.handle((m, ex) -> null).thenCompose(x -> lookup)).orElse(lookup);
        CompletableFuture<ScreenPopMessage> pop = ready.thenApply(panel -> {
            boolean unknown = panel == null || panel.households() == null || panel.households().isEmpty();
            try {
                household.accept(unknown ? null : panel.households().get(0).id());
            } catch (RuntimeException ex) {
                log.warn("来电弹屏关联住户失败 / household of call {} not kept", key, ex);
            }
            boolean blacklisted = panel != null && panel.blacklist() != null && !panel.blacklist().isEmpty();
            ScreenPopMessage m = new ScreenPopMessage(callId, linkedid, gatewayId, queue, did,
                    number == null ? null : unmasked ? number : Masking.phone(number), !unmasked && number != null,
                    unknown, blacklisted, unknown ? null : unmasked ? panel : PanelMasking.masked(panel), agent.jobNo(),
                    LocalDateTime.now());
            try {
                push.toUsers(List.of(agent.userId()), TOPIC, m);
            } catch (RuntimeException ex) {
                log.warn("来电弹屏推送失败 / screen pop push for call {} failed", key, ex);
            }
            timer.record(Duration.between(receivedAt, Instant.now()));
            return m;
        }).whenComplete((m, ex) -> inFlight.decrementAndGet());
        lastPops.put(key, pop);
        return pop;
    }

    /** waits until every pop handed over so far is pushed (tests, benchmarks); false on timeout */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() > until) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    Long firstHouseholdId(LiveCall call) {
        Entry e = cache.get(new LiveCall.Key(call.row.gatewayId, call.row.linkedid));
        if (e == null || !e.panel().isDone() || e.panel().isCompletedExceptionally()) {
            return null;
        }
        CallerPanel p = e.panel().getNow(null);
        return p == null || p.households() == null || p.households().isEmpty() ? null : p.households().get(0).id();
    }

    void evict(LiveCall.Key key) {
        cache.remove(key);
        lastPops.remove(key);
    }

    /** calls whose end was never seen (gateway gone for good) must not pin panels forever */
    @Scheduled(fixedDelay = 60_000)
    void purge() {
        Instant limit = Instant.now().minus(CACHE_TTL);
        cache.entrySet().removeIf(en -> en.getValue().at().isBefore(limit));
        // calls whose end was never seen: their last pop is long done
        lastPops.keySet().retainAll(cache.keySet());
    }

    @PreDestroy
    void shutdown() {
        pool.shutdownNow();
    }
}
