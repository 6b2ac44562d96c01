package cn.heatdesk.monitor.api;

import java.time.LocalDateTime;

/**
 * One approval in short, for other modules (a ticket's approvals, the result of a submit).
 *
 * @param overdue pending and past the current level's deadline
 */
public record ApprovalSummary(Long id, String approvalNo, String bizType, Long bizId, String bizNo, String action,
                              String actionLabel, String reason, ApprovalStatus status, String statusLabel,
                              int currentLevel, int totalLevels, String applicantName, LocalDateTime currentDueAt,
                              boolean overdue, LocalDateTime createdAt, LocalDateTime decidedAt) {
}
