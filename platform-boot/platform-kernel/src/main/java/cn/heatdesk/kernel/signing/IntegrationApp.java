package cn.heatdesk.kernel.signing;

import java.time.LocalDateTime;

/** An integration app as shown by the management API (never carries the secret). */
public record IntegrationApp(Long id, String appKey, String appName, boolean enabled, String remark,
                             Long subsidiaryId, String orgPath, LocalDateTime createdAt, Long createdBy,
                             LocalDateTime updatedAt, Long updatedBy) {
}
