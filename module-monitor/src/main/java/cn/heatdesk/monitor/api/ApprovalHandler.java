package cn.heatdesk.monitor.api;

/**
 * What a business type does around its approvals (SPI; implement it as a Spring bean, one per {@link #bizType()}).
 * Every method runs inside the approval's transaction, so a handler that throws undoes the whole step (a
 * {@link cn.heatdesk.kernel.error.BizException} reaches the user with its message). The work-order handler lives in
 * module-monitor; the call center and the field app add theirs for their own types.
 */
public interface ApprovalHandler {

    /** e.g. {@link ApprovalBizTypes#CALLCENTER_PERMISSION} */
    String bizType();

    /** the Chinese name of an action of this type, for lists and messages */
    default String actionLabel(String action) {
        return action;
    }

    /**
     * Checks the request before anything is written: the object exists and the applicant may see it, the action is
     * legal now, the payload is complete. Returns what the approval is bound to.
     */
    ApprovalTarget validate(ApprovalRequest request);

    /**
     * 404 ({@link cn.heatdesk.kernel.error.BizException#notFound}) when the current user may not see the object:
     * the approvals of an object are shown only to those who see the object itself.
     */
    void requireVisible(long bizId);

    /** the approval row has been written (its id and number are fixed): mark the object as waiting */
    default void onSubmitted(ApprovalInfo approval) {
    }

    /** the last level approved: carry the action out as requested */
    void onApproved(ApprovalInfo approval, String approverName);

    /** a level rejected it (reason given): release the object, record why */
    void onRejected(ApprovalInfo approval, String reason);

    /** the applicant withdrew it while pending; by default treated like a rejection with the withdrawal reason */
    default void onWithdrawn(ApprovalInfo approval, String reason) {
        onRejected(approval, reason);
    }
}
