package cn.heatdesk.servicedesk.api;

/** The group template's core nodes; they cannot be removed, subsidiaries add extra nodes after ACCEPT, HANDLE or VISIT. */
public enum FlowNode {
    ACCEPT("受理"),
    DISPATCH("派单"),
    HANDLE("处理"),
    VISIT("回访"),
    CLOSE("办结");

    private final String label;

    FlowNode(String label) {
        this.label = label;
    }

    public String label() { return label; }

    /** core nodes after which a subsidiary may insert its own nodes */
    public boolean acceptsExtraNodes() {
        return this == ACCEPT || this == HANDLE || this == VISIT;
    }
}
