package cn.heatdesk.servicedesk.api;

/** The work pools of the service desk (客服中心) and the repair station (维修中心), plus the visit list. */
public enum TicketPool {
    /** 待安排: accepted, not dispatched (no repair area determined yet) */
    UNARRANGED("待安排"),
    /** 已安排: with a station, not yet completed */
    ARRANGED("已安排"),
    /** 退回: returned by the station, awaiting re-dispatch */
    RETURNED("退回"),
    /** 督办: supervised, open */
    SUPERVISED("督办"),
    /** 越级投诉: over-level complaints, open */
    OVER_LEVEL("越级投诉"),
    /** station: dispatched but not confirmed, or confirmed but not assigned (待分派) */
    STATION_PENDING("待分派"),
    /** station: assigned to a worker, not completed (已分派) */
    STATION_ASSIGNED("已分派"),
    /** completed, awaiting the return visit (待回访) */
    VISIT_DUE("待回访"),
    /** at a subsidiary's extra flow node */
    EXTRA_NODE("扩展节点");

    private final String label;

    TicketPool(String label) {
        this.label = label;
    }

    public String label() { return label; }
}
