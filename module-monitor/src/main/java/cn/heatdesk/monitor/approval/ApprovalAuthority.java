package cn.heatdesk.monitor.approval;

import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.monitor.api.ApprovalStatus;

/**
 * Who may do what with an approval. Approvers are identified by role and org, not by name: whoever holds the
 * level's role at (or below) the level's org when deciding may decide — so a lead who joins the station later can
 * decide, and one who left cannot. Nobody decides their own request, except a group administrator, who may decide
 * any pending approval.
 */
public final class ApprovalAuthority {

    public static final String GROUP_ADMIN = "GROUP_ADMIN";
    public static final String ALL_PERMISSION = "monitor:approval:all";

    private ApprovalAuthority() {
    }

    public static boolean canDecide(CurrentUser u, Approval a, ApprovalStep current) {
        if (u == null || a == null || current == null || !ApprovalStatus.PENDING.name().equals(a.getStatus())
                || !current.getLevelNo().equals(a.getCurrentLevel())) {
            return false;
        }
        if (u.roles().contains(GROUP_ADMIN)) {
            return true;
        }
        if (a.getApplicantId() != null && a.getApplicantId() == u.userId()) {
            return false;
        }
        return isApproverOf(u, current);
    }

    /** holds the step's role at or below the step's org */
    public static boolean isApproverOf(CurrentUser u, ApprovalStep step) {
        return u.roles().contains(step.getApproverRole()) && u.orgPath() != null
                && step.getApproverOrgPath() != null && u.orgPath().startsWith(step.getApproverOrgPath());
    }

    public static boolean canWithdraw(CurrentUser u, Approval a) {
        return ApprovalStatus.PENDING.name().equals(a.getStatus()) && a.getApplicantId() != null
                && a.getApplicantId() == u.userId();
    }

    /** the applicant, or whoever watches all approvals (the caller checks the latter's data scope) */
    public static boolean canUrge(CurrentUser u, Approval a) {
        return ApprovalStatus.PENDING.name().equals(a.getStatus())
                && ((a.getApplicantId() != null && a.getApplicantId() == u.userId()) || u.hasPermission(ALL_PERMISSION));
    }
}
