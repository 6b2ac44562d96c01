package cn.heatdesk.repair.mobile.sync;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The sync tables. The field app's own reads are by user id (unscoped: the user is the filter); the console's
 * review lists are scoped by the org path of the ticket's station.
 */
@Mapper
public interface SyncMapper {

    // ---- pushed commands
    SyncOp selectOp(@Param("opId") String opId);

    void insertOp(SyncOp op);

    @DataScoped(alias = "o", creatorColumn = "")
    List<SyncOp> listRejected(@Param("userId") Long userId, @Param("ticketId") Long ticketId,
                              @Param("ticketNo") String ticketNo, @Param("code") String code,
                              @Param("from") LocalDateTime from, @Param("to") LocalDateTime to,
                              @Param("resolved") Boolean resolved);

    @DataScoped(alias = "o", creatorColumn = "")
    SyncOp selectOpScoped(@Param("opId") String opId);

    int resolve(@Param("opId") String opId, @Param("by") long by, @Param("byName") String byName,
                @Param("at") LocalDateTime at, @Param("note") String note);

    // ---- check-ins and fill-backs
    void insertCheckIn(CheckIn c);

    @DataScoped(alias = "c", creatorColumn = "")
    List<CheckIn> listCheckIns(@Param("userId") Long userId, @Param("checkType") String checkType,
                               @Param("ticketId") Long ticketId, @Param("from") LocalDateTime from,
                               @Param("to") LocalDateTime to, @Param("beforeTime") LocalDateTime beforeTime,
                               @Param("beforeId") Long beforeId);

    int countSiteCheckIns(@Param("ticketId") long ticketId, @Param("userId") long userId);

    void insertFillBack(FillBack f);

    /** newest first; the caller limits */
    List<FillBack> selectFillBacks(@Param("ticketId") long ticketId);

    /** the tickets among {@code ticketIds} where the user checked in on site */
    List<Long> selectSiteCheckedIn(@Param("ticketIds") List<Long> ticketIds, @Param("userId") long userId);

    /** the fill-backs of several tickets, unordered (no ORDER BY: H2 would then scan the whole ticket index) */
    List<FillBack> selectFillBacksOf(@Param("ticketIds") List<Long> ticketIds);

    /** the tickets among {@code ticketIds} that carry the customer's signature (rp_signature, one per ticket) */
    List<Long> selectSignedTickets(@Param("ticketIds") List<Long> ticketIds);

    // ---- change feed
    Long selectFeedSeq(@Param("userId") long userId);

    int insertFeedSeq(@Param("userId") long userId, @Param("at") LocalDateTime at);

    int bumpFeedSeq(@Param("userId") long userId, @Param("at") LocalDateTime at);

    void insertChange(FeedChange c);

    /** ascending by seq, after {@code afterSeq}; the caller limits with Paging.limit */
    List<FeedChange> selectChanges(@Param("userId") long userId, @Param("afterSeq") long afterSeq);

    // ---- reference data
    List<ReferenceRows.Reason> selectReasons();

    List<ReferenceRows.Field> selectTemplateFields();
}
