package cn.heatdesk.notice.outbox;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDateTime;
import java.util.List;

/**
 * nt_outbox. The console's list and single-row reads are scoped by the recipient's subsidiary/org (the row's
 * subsidiary_id/org_path); the dispatcher runs as the system and claims rows with conditional updates, so two
 * instances never send the same row twice.
 */
@Mapper
@DataScoped(alias = "o")
public interface OutboxMapper {

    void insert(OutboxRow row);

    List<OutboxRow> selectPage(@Param("f") OutboxFilter filter, @Param("orderBy") String orderBy);

    OutboxRow selectById(@Param("id") long id);

    /** rows per status in the caller's scope (the tabs of 发送记录); same filters as the list except status */
    List<StatusCount> countByStatus(@Param("f") OutboxFilter filter);

    record StatusCount(String status, long total) {
    }

    @DataScoped(ignore = true)
    OutboxRow selectByIdUnscoped(@Param("id") long id);

    /** due PENDING rows, oldest due first (ix_nt_outbox_due); limit with Paging.limit */
    @DataScoped(ignore = true)
    List<OutboxRow> selectDue(@Param("now") LocalDateTime now);

    /**
     * Claims a row for one try: counts the attempt and hides the row until leaseUntil. Succeeds (1) only if the
     * row is still PENDING, due and at the attempt count the caller saw, so of two dispatchers only one wins.
     */
    int claim(@Param("id") long id, @Param("seenAttempts") int seenAttempts, @Param("now") LocalDateTime now,
              @Param("leaseUntil") LocalDateTime leaseUntil);

    /**
     * The outcome of the claimed try; guarded by the claimed attempt count (a stale claimer changes nothing).
     * A phone number looked up at send time (address) is stored with it.
     */
    int finish(@Param("id") long id, @Param("claimedAttempts") int claimedAttempts, @Param("status") String status,
               @Param("nextAttemptAt") LocalDateTime nextAttemptAt, @Param("lastError") String lastError,
               @Param("sentAt") LocalDateTime sentAt, @Param("now") LocalDateTime now,
               @Param("address") String resolvedAddress);

    /** FAILED/DEAD → PENDING now, with a fresh round of automatic retries; the address may be re-resolved */
    int requeue(@Param("id") long id, @Param("now") LocalDateTime now, @Param("address") String address);
}
