package cn.heatdesk.monitor.approval;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** What the approval endpoints return. Ids are boxed (JSON strings). */
public final class ApprovalViews {

    private ApprovalViews() {
    }

    /**
     * One approval in a list.
     *
     * @param currentApprover who decides the current level, e.g. "第一维修站 · 维修站负责人（赵站长）"
     * @param overdue         pending and past the current level's deadline (shown red)
     * @param canDecide       the current user may approve or reject it now
     */
    public record Row(Long id, String approvalNo, String bizType, String bizTypeLabel, Long bizId, String bizNo,
                      String action, String actionLabel, String reason, String status, String statusLabel,
                      int currentLevel, int totalLevels, String currentApprover, Long applicantId,
                      String applicantName, Long subsidiaryId, LocalDateTime currentDueAt, boolean overdue,
                      int urgeCount, LocalDateTime lastUrgedAt, LocalDateTime createdAt, LocalDateTime decidedAt,
                      int rowVersion, boolean canDecide, boolean canWithdraw, boolean canUrge) {
    }

    /**
     * One level.
     *
     * @param decision WAITING (未开始), PENDING (审批中), APPROVED, REJECTED, WITHDRAWN
     * @param escalated nobody could decide at the configured level, so a higher level does
     */
    public record Step(Long id, int levelNo, String chainLevel, String approverLevel, String approverLevelLabel,
                       String approverRole, String approverRoleLabel, Long approverOrgId, String approverOrgName,
                       String approverNames, boolean escalated, Integer timeoutMinutes, String decision,
                       String decisionLabel, String decisionReason, String decidedByName, LocalDateTime decidedAt,
                       LocalDateTime startedAt, LocalDateTime dueAt, boolean overdue) {
    }

    /** @param payload the stored request (for tickets: the TicketCommand fields) */
    public record Detail(Row approval, Map<String, Object> payload, List<Step> steps) {
    }

    /** POST /approvals body: for tickets {@code payload} carries the TicketCommand fields (expectedVersion …) */
    public record Submit(String bizType, Long bizId, String action, String reason, Map<String, Object> payload) {
    }

    /** approve: comment optional; reject: reason (in {@code comment} or {@code reason}) mandatory */
    public record Decide(String comment, String reason, Integer expectedVersion) {
    }
}
