package cn.heatdesk.servicedesk.api;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Combined filters for every ticket list (pools, station pools, global management, visits, export).
 *
 * @param keyword  fuzzy: ticket number prefix, title, address or contact
 * @param pool     a service-desk or station pool name (see {@link TicketPool}); null = no pool restriction
 * @param timing   NORMAL / NEAR / OVERDUE
 * @param orgId    tickets whose org path lies under this org (subsidiary or station)
 */
public record TicketFilter(String ticketNo, String keyword, List<TicketStatus> statuses, String ticketType,
                           String source, String urgency, Boolean supervised, Boolean overLevel, Long orgId,
                           Long subsidiaryId, Long stationOrgId, Long workerId, Long householdId, String phone,
                           TicketPool pool, String timing, String visitResult, LocalDateTime createdFrom,
                           LocalDateTime createdTo, LocalDateTime deadlineBefore) {

    public static TicketFilter empty() {
        return new TicketFilter(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    public static TicketFilter pool(TicketPool pool) {
        return new TicketFilter(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                pool, null, null, null, null, null);
    }
}
