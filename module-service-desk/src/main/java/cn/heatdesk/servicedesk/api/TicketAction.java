package cn.heatdesk.servicedesk.api;

/**
 * Everything that can happen to a work order. Status-changing actions are checked by the state machine;
 * the rest (supervise, urge, note …) are recorded in the timeline on any open ticket. {@code approvable}
 * actions need an approval when the approval chain for it is configured (close-without-visit: always).
 */
public enum TicketAction {
    CREATE("受理", false),
    DISPATCH("派单", false),
    REDISPATCH("改派站点", false),
    CONFIRM("站点确认", false),
    ASSIGN("分派", false),
    REASSIGN("改派人员", false),
    WORKER_ACCEPT("接单", false),
    WORKER_REJECT("拒绝接单", false),
    CHECK_IN("现场签到", false),
    COMPLETE("处理完成", false),
    DESK_RESOLVE("坐席直接解答", false),
    CLOSE_DIRECT("直接处结", false),
    RETURN("退回", true),
    VISIT("回访", false),
    SECOND_DISPATCH("二次派单", true),
    CLOSE_WITHOUT_VISIT("免回访处结", true),
    VOID("作废", true),
    CANCEL("取消", true),
    DELAY("延期", true),
    PASS_NODE("办理扩展节点", false),
    TRANSFER("跨公司转办", false),
    COLLABORATE("协同办理", false),
    SUPERVISE("督办", false),
    URGE("催办", false),
    ESCALATE("超时升级", false),
    REPORT_PROGRESS("上报进度", false),
    FEEDBACK("集团反馈", false),
    EDIT("修改信息", false),
    NOTE("备注", false),
    APPROVAL_REQUESTED("提交审批", false),
    APPROVAL_REJECTED("审批驳回", false);

    private final String label;
    private final boolean approvable;

    TicketAction(String label, boolean approvable) {
        this.label = label;
        this.approvable = approvable;
    }

    public String label() { return label; }

    public boolean approvable() { return approvable; }
}
