package cn.heatdesk.servicedesk.api;

/**
 * Where a work order stands. The group template's core nodes 受理 → 派单 → 处理 → 回访 → 办结 map onto these;
 * {@link #EXTRA_NODE} is a subsidiary's own node (审核, 材料申领 …) inserted after a core node as data.
 */
public enum TicketStatus {
    PENDING_DISPATCH("待派单", FlowNode.ACCEPT),
    DISPATCHED("待站点确认", FlowNode.DISPATCH),
    CONFIRMED("待分派", FlowNode.DISPATCH),
    ASSIGNED("待接单", FlowNode.HANDLE),
    ACCEPTED("已接单", FlowNode.HANDLE),
    IN_PROGRESS("处理中", FlowNode.HANDLE),
    RETURNED("已退回", FlowNode.DISPATCH),
    COMPLETED("待回访", FlowNode.VISIT),
    EXTRA_NODE("扩展节点", null),
    CLOSED("已办结", FlowNode.CLOSE),
    VOIDED("已作废", FlowNode.CLOSE),
    CANCELLED("已取消", FlowNode.CLOSE);

    private final String label;
    private final FlowNode node;

    TicketStatus(String label, FlowNode node) {
        this.label = label;
        this.node = node;
    }

    public String label() { return label; }

    /** the core node this status belongs to; null for an extra node (the ticket's node code says which) */
    public FlowNode node() { return node; }

    public boolean isOpen() {
        return this != CLOSED && this != VOIDED && this != CANCELLED;
    }

    /** still with the station (dispatched, not yet handled): what the station's pools and load counts show */
    public boolean isWithStation() {
        return this == DISPATCHED || this == CONFIRMED || this == ASSIGNED || this == ACCEPTED || this == IN_PROGRESS;
    }
}
