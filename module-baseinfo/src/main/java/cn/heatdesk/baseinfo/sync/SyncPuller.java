package cn.heatdesk.baseinfo.sync;

import cn.heatdesk.baseinfo.api.BillingSystemClient;
import cn.heatdesk.baseinfo.api.ChangeCursor;
import cn.heatdesk.baseinfo.api.ChangePage;
import cn.heatdesk.baseinfo.api.HeatNetClient;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.routing.SubsidiaryRouting;
import jakarta.annotation.PreDestroy;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Incremental pull of the change feeds. Per feed: read the cursor, fetch pages until the feed says there is no more
 * (or the time budget is used up), apply each page and move the cursor past it — past rejected records too, which
 * live on in the failure table. When the system cannot be read (unreachable, HTTP error, broken answer) the cursor
 * stays where it is, is marked FAILED with the message and an alert is raised; the next run starts again from it.
 *
 * <p>Scheduled runs ({@link SyncJobs}) and "立即同步" share one ShedLock lock per source, so a feed is never
 * pulled twice at once, on any instance.
 */
@Service
public class SyncPuller {

    public static final String LOCK_BILLING = "baseinfo-sync-pull-billing";
    public static final String LOCK_HEATNET = "baseinfo-sync-pull-heatnet";
    static final Duration LOCK_AT_MOST = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(SyncPuller.class);

    /** how one feed went in one run */
    public record FeedReport(SyncEntity entity, boolean ok, int pages, long records, long rejected, String message) {
    }

    public record PullReport(SyncSource source, List<FeedReport> feeds) {
        public boolean ok() {
            return feeds.stream().allMatch(FeedReport::ok);
        }
    }

    /** answer of "立即同步": the run was started in the background */
    public record RunTicket(SyncSource source, boolean started, LocalDateTime at, String message) {
    }

    private final SyncStore store;
    private final SyncIntake intake;
    private final SyncAlerts alerts;
    private final IntegrationProperties props;
    private final ObjectProvider<BillingSystemClient> billing;
    private final ObjectProvider<HeatNetClient> heatNet;
    private final LockProvider locks;
    private final ExecutorService background;

    public SyncPuller(SyncStore store, SyncIntake intake, SyncAlerts alerts, IntegrationProperties props,
                      ObjectProvider<BillingSystemClient> billing, ObjectProvider<HeatNetClient> heatNet,
                      LockProvider locks) {
        this.store = store;
        this.intake = intake;
        this.alerts = alerts;
        this.props = props;
        this.billing = billing;
        this.heatNet = heatNet;
        this.locks = locks;
        AtomicInteger n = new AtomicInteger();
        this.background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "heatdesk-sync-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** the scheduled run: nothing when the source is not configured or paused */
    public Optional<PullReport> scheduled(SyncSource source) {
        if (!props.endpoint(source).isEnabled()) {
            return Optional.empty();
        }
        if (source == SyncSource.BILLING) {
            BillingSystemClient c = billing.getIfAvailable();
            return c == null ? Optional.empty() : Optional.of(pullBilling(c));
        }
        HeatNetClient c = heatNet.getIfAvailable();
        return c == null ? Optional.empty() : Optional.of(pullHeatNet(c));
    }

    /** "立即同步": takes the source's lock now and pulls in the background; refused while a run is going on */
    public RunTicket runNow(SyncSource source) {
        Runnable work;
        if (source == SyncSource.BILLING) {
            BillingSystemClient c = billing.getIfAvailable();
            if (c == null) {
                throw notConfigured(source);
            }
            work = () -> pullBilling(c);
        } else {
            HeatNetClient c = heatNet.getIfAvailable();
            if (c == null) {
                throw notConfigured(source);
            }
            work = () -> pullHeatNet(c);
        }
        String name = source == SyncSource.BILLING ? LOCK_BILLING : LOCK_HEATNET;
        Optional<SimpleLock> lock = lock(name);
        if (lock.isEmpty()) {
            throw new BizException(ErrorCode.CONFLICT, source.label() + "正在同步中，请稍后刷新查看结果");
        }
        try {
            background.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("manual sync of {} failed", source, e);
                } finally {
                    unlock(lock.get());
                }
            });
        } catch (RuntimeException e) {
            unlock(lock.get());
            throw e;
        }
        return new RunTicket(source, true, LocalDateTime.now(), "已开始同步" + source.label() + "，稍后刷新查看结果");
    }

    private static BizException notConfigured(SyncSource source) {
        return new BizException(ErrorCode.BAD_REQUEST, source.label() + "未配置（heatdesk.integrations."
                + source.name().toLowerCase(Locale.ROOT) + ".base-url），无法同步", "source");
    }

    /** the lock table is group-wide: always in the shared database, whoever asks */
    private Optional<SimpleLock> lock(String name) {
        try {
            return SubsidiaryRouting.callShared(() -> locks.lock(
                    new LockConfiguration(Instant.now(), name, LOCK_AT_MOST, Duration.ZERO)));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static void unlock(SimpleLock lock) {
        try {
            SubsidiaryRouting.callShared(() -> {
                lock.unlock();
                return null;
            });
        } catch (Throwable t) {
            log.warn("could not release sync lock: {}", t.toString());
        }
    }

    // ---- the pull --------------------------------------------------------------------------------------------

    /** households first (payments refer to them), then payments */
    public PullReport pullBilling(BillingSystemClient client) {
        IntegrationProperties.Endpoint ep = props.getBilling();
        Instant deadline = Instant.now().plus(ep.getTimeBudget());
        int size = pageSize(ep);
        List<FeedReport> feeds = new ArrayList<>();
        feeds.add(pull(SyncSource.BILLING, SyncEntity.HOUSEHOLD, client::householdsChangedSince,
                intake::pulledHouseholds, size, deadline));
        feeds.add(pull(SyncSource.BILLING, SyncEntity.PAYMENT, client::paymentsChangedSince,
                intake::pulledPayments, size, deadline));
        return new PullReport(SyncSource.BILLING, feeds);
    }

    public PullReport pullHeatNet(HeatNetClient client) {
        IntegrationProperties.Endpoint ep = props.getHeatnet();
        Instant deadline = Instant.now().plus(ep.getTimeBudget());
        return new PullReport(SyncSource.HEATNET, List.of(pull(SyncSource.HEATNET, SyncEntity.TEMPERATURE,
                client::temperaturesSince, intake::pulledTemperatures, pageSize(ep), deadline)));
    }

    private static int pageSize(IntegrationProperties.Endpoint ep) {
        return Math.max(1, Math.min(1000, ep.getPageSize()));
    }

    <T> FeedReport pull(SyncSource source, SyncEntity entity, BiFunction<ChangeCursor, Integer, ChangePage<T>> fetch,
                        Function<ChangePage<T>, List<RecordApplier.Applied>> apply, int pageSize, Instant deadline) {
        SyncCursor row = store.cursor(source, entity);
        ChangeCursor at = new ChangeCursor(row.getCursorTime(), row.getCursorKey());
        LocalDateTime runAt = LocalDateTime.now();
        store.started(row, runAt);
        int pages = 0;
        long records = 0;
        long rejected = 0;
        String note = null;
        try {
            while (true) {
                ChangePage<T> page = fetch.apply(at, pageSize);
                ChangeCursor next = checkPage(source, page, at);
                List<RecordApplier.Applied> applied = apply.apply(page);
                rejected += applied.stream().filter(RecordApplier.Applied::rejected).count();
                store.advanced(row, next, page.size());
                pages++;
                records += page.size();
                at = next;
                if (!page.hasMore()) {
                    break;
                }
                if (Instant.now().isAfter(deadline)) {
                    note = "本次同步已达时间上限，其余变更下次继续";
                    break;
                }
            }
            String msg = "拉取" + records + "条" + (rejected > 0 ? "，其中" + rejected + "条未能写入（见失败记录）" : "")
                    + (note == null ? "" : "；" + note);
            store.finished(row, true, msg, runAt);
            return new FeedReport(entity, true, pages, records, rejected, msg);
        } catch (RuntimeException e) {
            String msg = e instanceof IntegrationCallException ? e.getMessage() : "同步出错：" + describe(e);
            log.warn("pull {} {} failed after {} pages: {}", source, entity, pages, msg, e instanceof IntegrationCallException ? null : e);
            store.finished(row, false, msg, runAt);
            alerts.pullFailed(source, entity, msg);
            return new FeedReport(entity, false, pages, records, rejected, msg);
        }
    }

    /** guards against answers that would make the loop spin or go backwards */
    static <T> ChangeCursor checkPage(SyncSource source, ChangePage<T> page, ChangeCursor requested) {
        if (page == null) {
            throw new IntegrationCallException(source.label() + "没有返回任何数据");
        }
        ChangeCursor next = page.nextCursor() == null ? requested : page.nextCursor();
        if (page.size() == 0) {
            if (page.hasMore()) {
                throw new IntegrationCallException(source.label() + "的应答不符合约定：hasMore 为 true 但本页没有记录");
            }
            // an empty page never moves the cursor
            return requested;
        }
        if (next.equals(requested)) {
            throw new IntegrationCallException(source.label() + "的应答不符合约定：返回了记录但 nextCursor 没有前进");
        }
        if (requested.updatedAt() != null && (next.updatedAt() == null || next.updatedAt().isBefore(requested.updatedAt()))) {
            throw new IntegrationCallException(source.label() + "的应答不符合约定：nextCursor.updatedAt（" + next.updatedAt()
                    + "）早于请求的 since（" + requested.updatedAt() + "）");
        }
        return next;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return SyncStore.truncate(root.getClass().getSimpleName() + (m == null ? "" : "：" + m), 500);
    }
}
