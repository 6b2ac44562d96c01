package cn.heatdesk.baseinfo.sync;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

/**
 * Failed records. Lists and counts for users are scoped by the target subsidiary's org path; the retry job and
 * the intake read unscoped.
 */
@Mapper
@DataScoped(alias = "f")
public interface SyncFailureMapper {

    List<SyncFailure> list(@Param("f") SyncFailureFilter filter, @Param("orderBy") String orderBy);

    SyncFailure selectById(@Param("id") long id);

    @DataScoped(ignore = true)
    SyncFailure selectByIdUnscoped(@Param("id") long id);

    /** PENDING rows whose next retry is due, oldest due first (limit with Paging.limit) */
    @DataScoped(ignore = true)
    List<SyncFailure> selectDue(@Param("now") LocalDateTime now);

    /** unresolved rows the user may retry by hand (limit with Paging.limit) */
    List<SyncFailure> selectOpen(@Param("f") SyncFailureFilter filter);

    /** unresolved rows of these records, if any (a newer version of a record replaces its payload) */
    @DataScoped(ignore = true)
    List<SyncFailure> selectOpenByKeys(@Param("source") String source, @Param("entity") String entity,
                                       @Param("keys") Collection<String> keys);

    /** unresolved rows per status, in the user's scope */
    List<StatusCount> countOpen();

    void insert(SyncFailure f);

    /** every mutable column; optimistic lock on row_version */
    int update(SyncFailure f);

    /** a status with its row count */
    class StatusCount {
        private String status;
        private Long cnt;

        public String getStatus() {
            return status;
        }

        public void setStatus(String status) {
            this.status = status;
        }

        public Long getCnt() {
            return cnt;
        }

        public void setCnt(Long cnt) {
            this.cnt = cnt;
        }
    }
}
