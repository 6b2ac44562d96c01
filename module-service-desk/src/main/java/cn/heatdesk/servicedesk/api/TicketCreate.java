package cn.heatdesk.servicedesk.api;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * A new work order. Household, phone and call id come pre-filled from the caller panel; {@code kbArticleId}
 * is the knowledge-base pick hook (the knowledge base comes later, the id is kept on the ticket).
 *
 * @param deadline       a manual deadline instead of the rule's; needs {@code deadlineReason}
 * @param attachmentIds  files already uploaded through the attachment endpoint
 */
public record TicketCreate(String ticketType, String source, String urgency, Long householdId, String callerPhone,
                           String contactName, String address, String title, String content,
                           Map<String, Object> formFields, LocalDateTime deadline, String deadlineReason,
                           Long stationOrgId, boolean dispatchNow, Long subsidiaryId, String callId, Long kbArticleId,
                           List<Long> attachmentIds) {
}
