package cn.heatdesk.servicedesk.ticket;

import java.time.LocalDateTime;

/**
 * Values the list SQL needs besides the filter: the clock (timing colours), the visit near-due horizon, the
 * phone's blind index, the trimmed keyword and the whole LIKE patterns (bound whole so PostgreSQL can use its
 * indexes; wildcards escaped with '!', the escape every supported database accepts in ESCAPE '!').
 *
 * @param noLike        ticket-number prefix from the ticketNo filter, null when that filter is blank
 * @param keywordNoLike ticket-number prefix from a code-like keyword, null otherwise
 */
public record TicketQueryContext(LocalDateTime now, LocalDateTime visitNearBefore, String phoneIdx, String noLike,
                                 String keyword, String keywordLike, String keywordNoLike, String orgPathLike) {
}
