package cn.heatdesk.callcenter.call;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * cc_call, cc_call_leg, cc_call_ticket. Reads for users are limited to their data scope (a call belongs to its
 * gateway's subsidiary / org); the tracker runs without a user and is never limited.
 */
@Mapper
public interface CallMapper {

    void insertCall(CallRow c);

    /** every mutable column; the tracker is the only writer of a live call, so no version check */
    int updateCall(CallRow c);

    @DataScoped(alias = "c")
    List<CallRow> search(@Param("f") CallFilter filter, @Param("orderBy") String orderBy);

    /** keyset batch for exports, newest first; wrap in Paging.limit */
    @DataScoped(alias = "c")
    List<CallRow> batchAfter(@Param("f") CallFilter filter, @Param("afterAt") LocalDateTime afterAt,
                             @Param("afterId") Long afterId);

    @DataScoped(alias = "c")
    CallRow selectById(@Param("id") long id);

    CallRow selectByIdUnscoped(@Param("id") long id);

    CallRow selectByLinkedid(@Param("gatewayId") long gatewayId, @Param("linkedid") String linkedid);

    List<CallRow> selectLive(@Param("gatewayId") long gatewayId);

    /** per direction / result / queued: count and summed wait of the calls started since {@code from} */
    @DataScoped(alias = "c")
    List<Map<String, Object>> figuresSince(@Param("from") LocalDateTime from);

    void insertLeg(CallLegRow l);

    int updateLeg(CallLegRow l);

    List<CallLegRow> selectLegs(@Param("callId") long callId);

    void insertTicket(@Param("id") long id, @Param("callId") long callId, @Param("ticketId") long ticketId,
                      @Param("ticketNo") String ticketNo, @Param("kind") String kind, @Param("by") Long by,
                      @Param("byName") String byName, @Param("at") LocalDateTime at,
                      @Param("subsidiaryId") long subsidiaryId, @Param("orgPath") String orgPath);

    int countTicket(@Param("callId") long callId, @Param("ticketId") long ticketId);

    List<Map<String, Object>> selectTickets(@Param("callId") long callId);

    /** callbacks (cc_call.callback_of) of a missed call */
    List<CallRow> selectCallbacks(@Param("callId") long callId);
}
