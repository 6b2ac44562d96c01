package cn.heatdesk.servicedesk.api;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** One work order with everything the detail page shows: fields, timeline, visits, attachments. */
public record TicketView(TicketRow ticket, String content, Long householdId, Long unitId, String customerName,
                         Map<String, Object> formFields, String callId, Long kbArticleId,
                         LocalDateTime dispatchedAt, LocalDateTime acceptedAt, LocalDateTime firstResponseAt,
                         String handlingResult, List<TicketHistoryEntry> timeline, List<VisitRecord> visits,
                         List<AttachmentInfo> attachments, List<String> allowedActions) {

    /** @param size bytes; {@code sm3} hex content hash */
    public record AttachmentInfo(Long id, Long fileId, String fileName, String contentType, long size, String sm3,
                                 String stage, String uploadedByName, LocalDateTime createdAt) {
    }

    public record VisitRecord(Long id, String visitResult, Integer satisfaction, String templateCode,
                              Map<String, Object> answers, String remark, String paymentNote, String visitorName,
                              LocalDateTime createdAt) {
    }
}
