package cn.heatdesk.kernel.audit;

import java.time.LocalDateTime;

/** One stored row of {@code audit_log}, exactly as hashed. */
public record AuditRecord(Long id, long seq, LocalDateTime occurredAt, Long userId, String username, String clientIp,
                          String action, String target, String detail, String result, Integer httpStatus,
                          Long subsidiaryId, String orgPath, String prevHash, String rowHash) {
}
