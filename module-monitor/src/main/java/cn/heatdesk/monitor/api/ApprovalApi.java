package cn.heatdesk.monitor.api;

import java.util.List;

/** Approvals for other modules. */
public interface ApprovalApi {

    /**
     * Submits an approval as the current user, in the caller's transaction: the type's {@link ApprovalHandler}
     * validates it, the chain configured for (bizType, action) and the object's subsidiary decides the levels, the
     * first level's approvers are notified. 400 when the reason is missing or no chain is configured, 409 when the
     * object already waits for an approval of that action.
     */
    ApprovalSummary submit(ApprovalRequest request);

    /** whether an enabled chain exists for (bizType, action) for this subsidiary (or the group default) */
    boolean requiresApproval(String bizType, String action, Long subsidiaryId);

    /** every approval ever made for the object, newest first (they are kept forever) */
    List<ApprovalSummary> ofBiz(String bizType, long bizId);
}
