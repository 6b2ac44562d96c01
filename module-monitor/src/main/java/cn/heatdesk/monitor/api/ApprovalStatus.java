package cn.heatdesk.monitor.api;

/** Where an approval stands; everything but PENDING is final. */
public enum ApprovalStatus {
    PENDING("审批中"),
    APPROVED("已通过"),
    REJECTED("已驳回"),
    WITHDRAWN("已撤回");

    private final String label;

    ApprovalStatus(String label) {
        this.label = label;
    }

    public String label() { return label; }
}
