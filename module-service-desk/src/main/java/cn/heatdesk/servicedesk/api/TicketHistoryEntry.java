package cn.heatdesk.servicedesk.api;

import java.time.LocalDateTime;

/** One timeline line: who did what, when, why and from where. */
public record TicketHistoryEntry(Long id, TicketAction action, String actionLabel, TicketStatus fromStatus,
                                 TicketStatus toStatus, String fromNode, String toNode, String reason, String note,
                                 String detail, Long operatorId, String operatorName, TicketOrigin origin,
                                 String clientIp, Long approvalId, LocalDateTime createdAt) {
}
