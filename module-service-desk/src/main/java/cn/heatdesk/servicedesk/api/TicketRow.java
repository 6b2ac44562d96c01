package cn.heatdesk.servicedesk.api;

import java.time.LocalDateTime;

/**
 * A work order in a list. {@code timing} is NORMAL, NEAR (临期, shown yellow) or OVERDUE (超时, red).
 * Ids are boxed so JSON carries them as strings.
 */
public record TicketRow(Long id, String ticketNo, String ticketType, String ticketTypeLabel, String source,
                        String sourceLabel, String urgency, String urgencyLabel, int priority, TicketStatus status,
                        String statusLabel, String nodeCode, String nodeName, String title, String address,
                        String householdCode, String contactName, String callerPhone, Long subsidiaryId,
                        String subsidiaryName, Long stationOrgId, String stationName, Long workerId, String workerName,
                        LocalDateTime deadline, String timing, boolean supervised, boolean overLevel, int urgeCount,
                        int escalationLevel, int reworkCount, String pendingApproval, String visitResult,
                        Integer satisfaction, LocalDateTime createdAt, String createdByName,
                        LocalDateTime completedAt, LocalDateTime closedAt, int rowVersion) {
}
