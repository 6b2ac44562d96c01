package cn.heatdesk.monitor.api;

/**
 * An approval as handlers see it when it is submitted, decided or withdrawn.
 *
 * @param payloadJson the stored payload (for tickets: the TicketCommand as JSON)
 */
public record ApprovalInfo(Long id, String approvalNo, String bizType, Long bizId, String bizNo, String action,
                           String payloadJson, String reason, ApprovalStatus status, Long applicantId,
                           String applicantName, Long subsidiaryId, String orgPath) {
}
