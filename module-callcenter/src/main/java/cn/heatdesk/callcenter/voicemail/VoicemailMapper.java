package cn.heatdesk.callcenter.voicemail;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * cc_voicemail and cc_voicemail_log. Reads for users are limited to their data scope (a message belongs to its
 * gateway's subsidiary / org); the recorder and the ticket job run without a user.
 */
@Mapper
public interface VoicemailMapper {

    void insert(VoicemailRow v);

    VoicemailRow selectByCall(@Param("gatewayId") long gatewayId, @Param("linkedid") String linkedid);

    @DataScoped(alias = "v")
    VoicemailRow selectById(@Param("id") long id);

    VoicemailRow selectByIdUnscoped(@Param("id") long id);

    @DataScoped(alias = "v")
    List<VoicemailRow> search(@Param("f") VoicemailFilter filter, @Param("orderBy") String orderBy);

    /** PENDING messages whose next attempt is due, oldest first; wrap in Paging.limit */
    List<Long> selectDue(@Param("now") LocalDateTime now);

    /**
     * Takes the message for one attempt: counts it and locks the row until the transaction ends, so a second
     * worker (another node, a retry click) waits and then finds the attempt count moved on. 0 = someone else has it.
     */
    int claim(@Param("id") long id, @Param("attempts") int attempts, @Param("now") LocalDateTime now);

    int markTicketed(@Param("id") long id, @Param("ticketId") long ticketId, @Param("ticketNo") String ticketNo,
                     @Param("callId") Long callId, @Param("householdId") Long householdId,
                     @Param("fileId") Long fileId, @Param("fileSize") Long fileSize,
                     @Param("durationMs") Long durationMs, @Param("now") LocalDateTime now);

    /** an attempt failed: counted, next attempt (PENDING) or given up (FAILED) */
    int markFailed(@Param("id") long id, @Param("attempts") int attempts, @Param("status") String status,
                   @Param("nextAttemptAt") LocalDateTime nextAttemptAt, @Param("error") String error,
                   @Param("now") LocalDateTime now);

    /** a user's retry: back to PENDING, due now, with a fresh set of attempts */
    int resetForRetry(@Param("id") long id, @Param("now") LocalDateTime now);

    void insertLog(@Param("id") long id, @Param("voicemailId") long voicemailId, @Param("action") String action,
                   @Param("fromStatus") String fromStatus, @Param("toStatus") String toStatus,
                   @Param("detail") String detail, @Param("operatorId") Long operatorId,
                   @Param("operatorName") String operatorName, @Param("at") LocalDateTime at,
                   @Param("subsidiaryId") long subsidiaryId, @Param("orgPath") String orgPath);

    List<Map<String, Object>> selectLog(@Param("voicemailId") long voicemailId);
}
