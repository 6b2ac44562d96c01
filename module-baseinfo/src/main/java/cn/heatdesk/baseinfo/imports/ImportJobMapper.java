package cn.heatdesk.baseinfo.imports;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Import jobs. The list and the by-id read for users are scoped (a job belongs to its target subsidiary); the
 * worker's writes are conditional on the claiming runner and status RUNNING, so a worker that lost its job (cancelled,
 * or taken over after its heartbeat went stale) changes nothing.
 */
@Mapper
@DataScoped(alias = "j")
public interface ImportJobMapper {

    void insert(ImportJob job);

    ImportJob selectById(@Param("id") long id);

    @DataScoped(ignore = true)
    ImportJob selectByIdUnscoped(@Param("id") long id);

    List<ImportJob> list(@Param("f") ImportJobFilter filter, @Param("orderBy") String orderBy);

    /** jobs waiting to run: QUEUED, or RUNNING with a heartbeat older than {@code staleBefore}, oldest first */
    @DataScoped(ignore = true)
    List<ImportJob> selectRunnable(@Param("staleBefore") LocalDateTime staleBefore);

    /** QUEUED (or stale RUNNING) → RUNNING for {@code runner}; 1 when claimed */
    int claim(@Param("id") long id, @Param("runner") String runner, @Param("now") LocalDateTime now,
              @Param("staleBefore") LocalDateTime staleBefore);

    /** progress after a committed batch, in that batch's transaction */
    int saveProgress(@Param("id") long id, @Param("runner") String runner, @Param("processed") int processed,
                     @Param("ok") int ok, @Param("failed") int failed, @Param("checkpoint") int checkpoint,
                     @Param("rowsPerSec") BigDecimal rowsPerSec, @Param("now") LocalDateTime now);

    int heartbeat(@Param("id") long id, @Param("runner") String runner, @Param("now") LocalDateTime now);

    int saveTotal(@Param("id") long id, @Param("runner") String runner, @Param("total") int total,
                  @Param("now") LocalDateTime now);

    /** RUNNING → SUCCEEDED/FAILED for the runner that holds it */
    int finish(@Param("id") long id, @Param("runner") String runner, @Param("status") String status,
               @Param("message") String message, @Param("total") Integer total, @Param("now") LocalDateTime now);

    /** gives a RUNNING job back (shutdown): heartbeat cleared, so it is claimable at once */
    int release(@Param("id") long id, @Param("runner") String runner);

    /** QUEUED/RUNNING → CANCELLED; the worker notices at its next batch and stops */
    int cancel(@Param("id") long id, @Param("message") String message, @Param("now") LocalDateTime now);
}
