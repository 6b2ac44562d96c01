package cn.heatdesk.servicedesk.ticket;

import cn.heatdesk.kernel.datascope.DataScoped;
import cn.heatdesk.servicedesk.api.TicketFilter;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Work orders. User-facing reads are scoped by org path; system lookups and the state writes read unscoped. */
@Mapper
@DataScoped(alias = "t")
public interface TicketMapper {

    Ticket selectById(@Param("id") long id);

    @DataScoped(ignore = true)
    Ticket selectByIdUnscoped(@Param("id") long id);

    @DataScoped(ignore = true)
    List<Ticket> selectByIdsUnscoped(@Param("ids") java.util.Collection<Long> ids);

    /** the row for an update, locked (SELECT … FOR UPDATE) so concurrent actions queue instead of interleaving */
    @DataScoped(ignore = true)
    Ticket selectForUpdate(@Param("id") long id);

    List<Ticket> selectPage(@Param("f") TicketFilter filter, @Param("q") TicketQueryContext ctx,
                            @Param("orderBy") String orderBy);

    /** newest first, strictly after the given (created_at, id) keyset position; run inside Paging.limit */
    List<Ticket> selectBatchAfter(@Param("f") TicketFilter filter, @Param("q") TicketQueryContext ctx,
                                  @Param("afterCreatedAt") LocalDateTime afterCreatedAt, @Param("afterId") Long afterId);

    /** open-ticket counts per pool, one scoped pass */
    Map<String, Object> selectPoolCounts(@Param("q") TicketQueryContext ctx);

    int insert(Ticket ticket);

    /** writes every mutable column; 0 rows = someone else changed the ticket (row_version moved on) */
    int updateState(@Param("t") Ticket ticket, @Param("expectedVersion") int expectedVersion);

    @DataScoped(ignore = true)
    List<Ticket> selectRecentForHousehold(@Param("householdId") long householdId, @Param("limit") int limit);

    @DataScoped(ignore = true)
    List<Ticket> selectOpenInUnit(@Param("unitId") long unitId, @Param("excludeHouseholdId") long excludeHouseholdId,
                                  @Param("limit") int limit);

    @DataScoped(ignore = true)
    long countOpenUnder(@Param("pathLike") String pathLike);

    @DataScoped(ignore = true)
    List<Map<String, Object>> countOpenByWorker(@Param("ids") Collection<Long> workerIds);

    @DataScoped(ignore = true)
    List<Long> selectDueEscalation(@Param("now") LocalDateTime now, @Param("limit") int limit);

    @DataScoped(ignore = true)
    List<Long> selectDueNearWarning(@Param("now") LocalDateTime now, @Param("limit") int limit);

    @DataScoped(ignore = true)
    int markNearNotified(@Param("id") long id, @Param("now") LocalDateTime now);

    // ---- ticket numbers
    @DataScoped(ignore = true)
    int incrementSeq(@Param("subsidiaryId") long subsidiaryId, @Param("day") String day);

    @DataScoped(ignore = true)
    Integer selectSeq(@Param("subsidiaryId") long subsidiaryId, @Param("day") String day);

    @DataScoped(ignore = true)
    int insertSeq(@Param("subsidiaryId") long subsidiaryId, @Param("day") String day, @Param("orgPath") String orgPath);

    // ---- timeline, attachments, collaboration
    int insertHistory(TicketHistory h);

    @DataScoped(ignore = true)
    List<TicketHistory> selectHistory(@Param("ticketId") long ticketId);

    /**
     * The timelines of several tickets, unordered: an ORDER BY on the ticket index makes H2 walk the whole index
     * and test every row against the IN list; the caller sorts each ticket's entries.
     */
    @DataScoped(ignore = true)
    List<TicketHistory> selectHistoryOf(@Param("ids") java.util.Collection<Long> ticketIds);

    int insertFile(TicketFile f);

    @DataScoped(ignore = true)
    List<TicketFile> selectFiles(@Param("ticketId") long ticketId);

    int insertCollab(@Param("id") long id, @Param("ticketId") long ticketId, @Param("orgId") long orgId,
                     @Param("orgName") String orgName, @Param("note") String note, @Param("subsidiaryId") long subsidiaryId,
                     @Param("orgPath") String orgPath, @Param("by") Long by, @Param("at") LocalDateTime at);
}
