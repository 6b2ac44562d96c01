package cn.heatdesk.baseinfo.imports;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.routing.RoutingProperties;
import cn.heatdesk.kernel.routing.SubsidiaryRouting;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import com.alibaba.excel.EasyExcel;
import com.alibaba.excel.context.AnalysisContext;
import com.alibaba.excel.event.AnalysisEventListener;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs import jobs in the background on a small dedicated pool (heatdesk.import.threads, default 1; further jobs
 * queue). A job is read with EasyExcel's streaming listener and written in batches of heatdesk.import.batch-size
 * (500) rows, one transaction per batch: the rows, their failures (bi_import_error) and the job's progress
 * (counts, checkpoint_row = last Excel row committed, heartbeat, rows/s) commit together. So progress is exact,
 * and a job whose process died is continued from its checkpoint without a row written twice or skipped.
 *
 * <p>Claiming is a conditional UPDATE (QUEUED, or RUNNING with a heartbeat older than heatdesk.import.stale-after,
 * default 60 s), and every later write of the worker requires its own runner id and status RUNNING: a cancelled
 * job, or one another instance took over, fails the worker's next batch write, which rolls back and stops it.
 * Waiting and orphaned jobs are picked up at start-up and every heatdesk.import.resume-interval (30 s, ShedLock).
 *
 * <p>A batch that fails with an unexpected error (a database constraint, a concurrent edit) is rolled back and
 * redone row by row, so only the offending rows fail.
 */
@Component
public class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    private static final Duration BEAT_EVERY = Duration.ofSeconds(5);
    private static final Duration LOST_FILE_AFTER = Duration.ofDays(1);

    private final ImportJobMapper jobs;
    private final ImportErrorMapper errors;
    private final Map<ImportKind, RowImporter> importers = new EnumMap<>(ImportKind.class);
    private final OrgApi orgs;
    private final IdGenerator ids;
    private final ObjectMapper json;
    private final TransactionTemplate tx;
    private final RoutingProperties routing;
    private final StatisticsRefresher statistics;
    private final ThreadPoolExecutor executor;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    /** jobs whose file is not in this instance's data directory → when to look again (left to the instance that has it) */
    private final Map<Long, Long> notHere = new ConcurrentHashMap<>();
    private final String runnerId;
    private final Duration staleAfter;
    private final int batchSize;
    private final AtomicInteger haltNextJobAfterBatches = new AtomicInteger();
    private volatile boolean stopping;

    public ImportRunner(ImportJobMapper jobs, ImportErrorMapper errors, List<RowImporter> rowImporters, OrgApi orgs,
                        IdGenerator ids, ObjectMapper json, PlatformTransactionManager transactionManager,
                        RoutingProperties routing, StatisticsRefresher statistics,
                        @Value("${heatdesk.import.threads:1}") int threads,
                        @Value("${heatdesk.import.batch-size:500}") int batchSize,
                        @Value("${heatdesk.import.stale-after:PT60S}") Duration staleAfter) {
        this.jobs = jobs;
        this.errors = errors;
        rowImporters.forEach(i -> importers.put(i.kind(), i));
        this.orgs = orgs;
        this.ids = ids;
        this.json = json;
        this.tx = new TransactionTemplate(transactionManager);
        this.routing = routing;
        this.statistics = statistics;
        // PostgreSQL allows 65 535 bind parameters a statement: 500 household rows × 26 columns stays well below
        this.batchSize = Math.max(1, Math.min(batchSize, 500));
        this.staleAfter = staleAfter;
        int n = Math.max(1, Math.min(threads, 4));
        AtomicInteger seq = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(n, n, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "heatdesk-import-" + seq.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.runnerId = host() + "#" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** this process's claim token (host#random), stored in bi_import_job.runner while it runs a job */
    public String runnerId() {
        return runnerId;
    }

    public Duration staleAfter() {
        return staleAfter;
    }

    /** Queues a job on this instance unless it is already queued or running here. */
    public void submit(long jobId, long targetSubsidiaryId) {
        if (stopping || !inFlight.add(jobId)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    SubsidiaryRouting.callFor(targetSubsidiaryId, () -> {
                        runClaimed(jobId);
                        return null;
                    });
                } catch (RuntimeException | Error e) {
                    log.error("import job {} crashed", jobId, e);
                } finally {
                    inFlight.remove(jobId);
                }
            });
        } catch (RejectedExecutionException e) {
            // shutting down: the job stays QUEUED and is picked up by another instance or the next start
            inFlight.remove(jobId);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    public void resumeAtStartup() {
        int n = resumeWaitingJobs();
        if (n > 0) {
            log.info("queued {} waiting or orphaned import job(s) at start-up", n);
        }
    }

    @Scheduled(fixedDelayString = "${heatdesk.import.resume-interval:PT30S}",
            initialDelayString = "${heatdesk.import.resume-interval:PT30S}")
    @SchedulerLock(name = "baseinfo-import-resume", lockAtMostFor = "PT5M")
    public void resumeOrphanedJobs() {
        int n = resumeWaitingJobs();
        if (n > 0) {
            log.info("queued {} waiting or orphaned import job(s)", n);
        }
    }

    /**
     * Queues every job that waits (QUEUED) or whose runner stopped beating (RUNNING, heartbeat older than
     * stale-after), in the shared database and in every subsidiary database configured for routing.
     *
     * @return the number of jobs queued here
     */
    public int resumeWaitingJobs() {
        LocalDateTime staleBefore = LocalDateTime.now().minus(staleAfter);
        long nowMillis = System.currentTimeMillis();
        notHere.values().removeIf(t -> t <= nowMillis);
        List<ImportJob> found = new ArrayList<>(jobs.selectRunnable(staleBefore));
        for (Long sub : routing.getSubsidiaries().keySet()) {
            found.addAll(SubsidiaryRouting.callFor(sub, () -> jobs.selectRunnable(staleBefore)));
        }
        int n = 0;
        for (ImportJob j : found) {
            if (notHere.containsKey(j.getId())) {
                continue;
            }
            if (j.getTargetSubsidiaryId() != null && !inFlight.contains(j.getId())) {
                submit(j.getId(), j.getTargetSubsidiaryId());
                n++;
            }
        }
        return n;
    }

    /**
     * Test support: the next job that starts stops dead after this many committed batches, leaving its row RUNNING
     * with its checkpoint, exactly as if the process had been killed at that point.
     */
    public void haltNextJobAfterBatches(int batches) {
        haltNextJobAfterBatches.set(batches);
    }

    /** true while a job is queued or running on this instance */
    public boolean isBusyWith(long jobId) {
        return inFlight.contains(jobId);
    }

    @PreDestroy
    public void shutdown() {
        stopping = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void runClaimed(long jobId) {
        LocalDateTime now = LocalDateTime.now();
        if (jobs.claim(jobId, runnerId, now, now.minus(staleAfter)) == 0) {
            return; // finished, cancelled, or another instance has it
        }
        ImportJob job = jobs.selectByIdUnscoped(jobId);
        if (job == null) {
            return;
        }
        int haltAfter = haltNextJobAfterBatches.getAndSet(0);
        SecurityContext.callAs(actor(job), () -> {
            execute(job, haltAfter);
            return null;
        });
    }

    /**
     * The job's creator, limited to the target subsidiary: created_by and change logs name them, and routing goes to
     * the subsidiary's database. The writers' lookups are unscoped, so the scope only narrows what they may read.
     */
    private CurrentUser actor(ImportJob job) {
        long sub = job.getTargetSubsidiaryId();
        String path = orgs.find(sub).map(OrgInfo::orgPath).orElse(job.getOrgPath());
        String name = job.getCreatedByName() == null ? "导入任务" : job.getCreatedByName();
        return new CurrentUser(job.getCreatedBy() == null ? 0L : job.getCreatedBy(), name, name, sub, sub, path,
                DataScope.SUBSIDIARY, List.of(), Set.of(), Set.of());
    }

    private void execute(ImportJob job, int haltAfter) {
        Worker w = null;
        try {
            ImportKind kind = ImportKind.valueOf(job.getJobKind());
            RowImporter importer = Objects.requireNonNull(importers.get(kind), "no importer for " + kind);
            OrgInfo sub = orgs.find(job.getTargetSubsidiaryId())
                    .orElseThrow(() -> BizException.invalid("subsidiaryId", "导入的目标分公司已不存在"));
            ImportContext ctx = new ImportContext(job.getId(), sub.id(), sub.orgCode(), sub.orgPath());
            w = new Worker(job, kind, importer, ctx, haltAfter);
            Path file = Path.of(job.getStoredFile());
            if (!Files.isRegularFile(file)) {
                // the file lives in the data directory of the instance that took the upload: unless that is shared,
                // another instance must run it; only a file missing for a day counts as lost
                if (job.getCreatedAt() != null && job.getCreatedAt().isAfter(LocalDateTime.now().minus(LOST_FILE_AFTER))) {
                    notHere.put(job.getId(), System.currentTimeMillis() + Duration.ofMinutes(10).toMillis());
                    throw new JobStopped("导入文件不在本实例的数据目录中，交由上传所在的实例处理", true);
                }
                throw BizException.invalid("file", "导入文件已不存在，请重新上传");
            }
            ExcelFiles.Format format = ExcelFiles.sniff(file);
            if (job.getTotalRows() == null || job.getTotalRows() == 0) {
                w.countRows(file, format);
            }
            EasyExcel.read(file.toFile(), w).excelType(format.type()).headRowNumber(1).ignoreEmptyRow(true)
                    .sheet(0).doRead();
            w.finish();
        } catch (Throwable t) {
            JobStopped stop = cause(t, JobStopped.class);
            if (stop != null) {
                log.info("import job {} stopped: {}", job.getId(), stop.getMessage());
                if (stop.release) {
                    jobs.release(job.getId(), runnerId);
                }
                return;
            }
            if (connectionLost(t)) {
                // the database is away, not the data wrong: hand the job back; the resume scan continues it later
                log.warn("import job {} paused, database unavailable: {}", job.getId(), describe(t));
                try {
                    jobs.release(job.getId(), runnerId);
                } catch (RuntimeException e) {
                    log.debug("release of import job {} failed too; its heartbeat will go stale", job.getId());
                }
                return;
            }
            BizException biz = cause(t, BizException.class);
            String message;
            if (biz != null) {
                message = "导入失败：" + biz.getMessage();
            } else {
                log.error("import job {} failed", job.getId(), t);
                message = "导入中断：" + describe(t);
            }
            int processed = w == null ? 0 : w.processed;
            jobs.finish(job.getId(), runnerId, ImportStatus.FAILED.name(),
                    cut(message + (processed > 0 ? "（已处理 " + processed + " 行，可下载失败行）" : ""), 1000), null,
                    LocalDateTime.now());
            if (t instanceof Error e && !(t instanceof OutOfMemoryError)) {
                throw e;
            }
        }
    }

    /** Reads one job's sheet: rows are buffered, checked for duplicate codes, and committed batch by batch. */
    final class Worker extends AnalysisEventListener<Map<Integer, String>> {

        private final ImportJob job;
        private final ImportKind kind;
        private final RowImporter importer;
        private final ImportContext ctx;
        private final int haltAfter;
        private final int checkpoint;
        private final CodeRegistry seen = new CodeRegistry();
        private HeaderMapping mapping;
        private List<SourceRow> buffer = new ArrayList<>();
        private Map<Integer, Integer> duplicateOf = new HashMap<>();
        private int processed;
        private int ok;
        private int failed;
        private int processedThisRun;
        private long nextAnalyzeAt = StatisticsRefresher.FIRST_AT;
        private long runStartNanos;
        private long lastBeatNanos = System.nanoTime();
        private int batches;

        Worker(ImportJob job, ImportKind kind, RowImporter importer, ImportContext ctx, int haltAfter) {
            this.job = job;
            this.kind = kind;
            this.importer = importer;
            this.ctx = ctx;
            this.haltAfter = haltAfter;
            this.checkpoint = nz(job.getCheckpointRow());
            this.processed = nz(job.getProcessedRows());
            this.ok = nz(job.getOkRows());
            this.failed = nz(job.getFailedRows());
        }

        /** an exact row count for the progress bar when the file did not state its size */
        void countRows(Path file, ExcelFiles.Format format) {
            int[] count = {0};
            EasyExcel.read(file.toFile(), new AnalysisEventListener<Map<Integer, String>>() {
                @Override
                public void invoke(Map<Integer, String> row, AnalysisContext context) {
                    if (row.values().stream().anyMatch(v -> v != null && !v.isBlank())) {
                        count[0]++;
                    }
                    beatIfDue();
                }

                @Override
                public void doAfterAllAnalysed(AnalysisContext context) {
                }
            }).excelType(format.type()).headRowNumber(1).sheet(0).doRead();
            if (jobs.saveTotal(job.getId(), runnerId, count[0], LocalDateTime.now()) == 0) {
                throw new JobStopped("任务已取消或已由其他实例接管", false);
            }
        }

        @Override
        public void invokeHeadMap(Map<Integer, String> headMap, AnalysisContext context) {
            mapping = HeaderMapping.of(kind, headMap);
        }

        @Override
        public void invoke(Map<Integer, String> cells, AnalysisContext context) {
            if (stopping) {
                throw new JobStopped("应用正在停止，任务交由其他实例或下次启动继续", true);
            }
            if (mapping == null) {
                throw BizException.invalid("file", "第一行应为表头");
            }
            int rowNo = context.readRowHolder().getRowIndex() + 1;
            SourceRow row = mapping.row(rowNo, cells);
            if (row.blank()) {
                return;
            }
            String code = row.get(kind.codeIndex());
            int first = code == null ? 0 : seen.firstRowOrRegister(code, rowNo);
            if (rowNo <= checkpoint) {
                // committed by an earlier run: only its code is remembered, for duplicate checks further down
                beatIfDue();
                return;
            }
            if (runStartNanos == 0) {
                runStartNanos = System.nanoTime();
            }
            if (first != 0) {
                duplicateOf.put(rowNo, first);
            }
            buffer.add(row);
            if (buffer.size() >= batchSize) {
                flush();
            }
        }

        @Override
        public void doAfterAllAnalysed(AnalysisContext context) {
            flush();
        }

        void finish() {
            String message = "导入完成：共 " + processed + " 行，成功 " + ok + " 行，失败 " + failed + " 行";
            jobs.finish(job.getId(), runnerId, ImportStatus.SUCCEEDED.name(), message, processed, LocalDateTime.now());
        }

        private void flush() {
            if (buffer.isEmpty()) {
                return;
            }
            List<SourceRow> rows = buffer;
            Map<Integer, Integer> dups = duplicateOf;
            buffer = new ArrayList<>(batchSize);
            duplicateOf = new HashMap<>();
            try {
                apply(tx.execute(s -> writeBatch(rows, dups)), rows.size());
            } catch (RuntimeException e) {
                if (cause(e, JobStopped.class) != null || connectionLost(e)) {
                    throw e;
                }
                log.warn("import job {}: batch of rows {}-{} failed ({}), retrying row by row", job.getId(),
                        rows.get(0).rowNo(), rows.get(rows.size() - 1).rowNo(), describe(e));
                for (SourceRow r : rows) {
                    writeSingle(r, dups.get(r.rowNo()));
                }
            }
            batches++;
            if (processedThisRun >= nextAnalyzeAt) {
                statistics.refresh(kind);
                nextAnalyzeAt = StatisticsRefresher.nextThreshold(processedThisRun);
            }
            if (haltAfter > 0 && batches >= haltAfter) {
                throw new JobStopped("测试：模拟进程在第 " + batches + " 批后终止", false);
            }
        }

        private void writeSingle(SourceRow r, Integer duplicateOfRow) {
            Map<Integer, Integer> dups = duplicateOfRow == null ? Map.of() : Map.of(r.rowNo(), duplicateOfRow);
            try {
                apply(tx.execute(s -> writeBatch(List.of(r), dups)), 1);
            } catch (RuntimeException e) {
                if (cause(e, JobStopped.class) != null || connectionLost(e)) {
                    throw e;
                }
                RowFailure f = failureOf(r, e);
                apply(tx.execute(s -> record(List.of(r), List.of(f))), 1);
            }
        }

        /** one transaction: the rows, their failures and the job's progress */
        private int writeBatch(List<SourceRow> rows, Map<Integer, Integer> dups) {
            List<RowFailure> failures = new ArrayList<>();
            List<SourceRow> todo = new ArrayList<>(rows.size());
            String codeTitle = kind.columns().get(kind.codeIndex()).title();
            for (SourceRow r : rows) {
                Integer first = dups.get(r.rowNo());
                if (first != null) {
                    failures.add(new RowFailure(r.rowNo(), codeTitle, codeTitle + "“" + Cells.abbreviate(r.get(kind.codeIndex()))
                            + "”与第" + first + "行重复"));
                } else {
                    todo.add(r);
                }
            }
            if (!todo.isEmpty()) {
                failures.addAll(importer.importRows(ctx, todo));
            }
            return record(rows, failures);
        }

        /** stores failures and progress for {@code rows}; returns the number of failed rows */
        private int record(List<SourceRow> rows, List<RowFailure> failures) {
            Map<Integer, RowFailure> byRow = new LinkedHashMap<>();
            failures.forEach(f -> byRow.putIfAbsent(f.rowNo(), f));
            if (!byRow.isEmpty()) {
                Map<Integer, SourceRow> source = new HashMap<>();
                rows.forEach(r -> source.put(r.rowNo(), r));
                List<ImportError> list = new ArrayList<>(byRow.size());
                for (RowFailure f : byRow.values()) {
                    SourceRow r = source.get(f.rowNo());
                    list.add(new ImportError(ids.nextId(), job.getId(), f.rowNo(), cut(f.field(), 64),
                            cut(f.reason() == null ? "导入失败" : f.reason(), 500), r == null ? null : toJson(r.raw())));
                }
                errors.insertBatch(list);
            }
            int nFailed = byRow.size();
            int done = processedThisRun + rows.size();
            if (jobs.saveProgress(job.getId(), runnerId, processed + rows.size(), ok + rows.size() - nFailed,
                    failed + nFailed, rows.get(rows.size() - 1).rowNo(), rate(done), LocalDateTime.now()) == 0) {
                throw new JobStopped("任务已取消或已由其他实例接管", false);
            }
            return nFailed;
        }

        /** counters follow only what was committed */
        private void apply(Integer nFailed, int rowCount) {
            int f = nFailed == null ? 0 : nFailed;
            processed += rowCount;
            processedThisRun += rowCount;
            failed += f;
            ok += rowCount - f;
            lastBeatNanos = System.nanoTime();
        }

        private BigDecimal rate(int done) {
            long nanos = System.nanoTime() - runStartNanos;
            if (runStartNanos == 0 || nanos <= 0) {
                return null;
            }
            return BigDecimal.valueOf(done * 1_000_000_000.0 / nanos).setScale(1, RoundingMode.HALF_UP);
        }

        private void beatIfDue() {
            long now = System.nanoTime();
            if (now - lastBeatNanos >= BEAT_EVERY.toNanos()) {
                lastBeatNanos = now;
                if (jobs.heartbeat(job.getId(), runnerId, LocalDateTime.now()) == 0) {
                    throw new JobStopped("任务已取消或已由其他实例接管", false);
                }
            }
        }

        private RowFailure failureOf(SourceRow r, RuntimeException e) {
            BizException biz = cause(e, BizException.class);
            if (biz != null) {
                return new RowFailure(r.rowNo(), kind.titleOf(biz.field()), biz.getMessage());
            }
            if (e instanceof DuplicateKeyException) {
                return new RowFailure(r.rowNo(), null, "与已有数据重复（唯一约束冲突），请检查编码");
            }
            log.warn("import job {}: row {} failed", job.getId(), r.rowNo(), e);
            return new RowFailure(r.rowNo(), null, (e instanceof DataAccessException ? "数据库写入失败：" : "导入失败：")
                    + describe(e));
        }
    }

    /** the worker must stop without finishing the job (cancelled, taken over, shutting down, or a test halt) */
    static final class JobStopped extends RuntimeException {
        final boolean release;

        JobStopped(String message, boolean release) {
            super(message, null, false, false);
            this.release = release;
        }
    }

    private String toJson(List<String> raw) {
        try {
            return json.writeValueAsString(raw);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** no connection to the database (as opposed to a statement the database refused) */
    static boolean connectionLost(Throwable t) {
        return cause(t, DataAccessResourceFailureException.class) != null
                || cause(t, CannotCreateTransactionException.class) != null
                || cause(t, SQLTransientConnectionException.class) != null
                || cause(t, SQLNonTransientConnectionException.class) != null;
    }

    static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return cut(msg.replaceAll("\\s+", " "), 300);
    }

    static String cut(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, max - 1) + "…";
    }

    private static int nz(Integer v) {
        return v == null ? 0 : v;
    }

    private static String host() {
        try {
            String h = InetAddress.getLocalHost().getHostName();
            return h.length() > 100 ? h.substring(0, 100) : h;
        } catch (Exception e) {
            return "localhost";
        }
    }
}
