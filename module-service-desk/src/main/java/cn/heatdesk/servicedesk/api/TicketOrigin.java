package cn.heatdesk.servicedesk.api;

/** Where an action came from; recorded with every timeline entry. */
public enum TicketOrigin {
    WEB("电脑端"),
    APP("移动端"),
    CALL("呼叫中心"),
    API("接口"),
    APPROVAL("审批"),
    SYSTEM("系统");

    private final String label;

    TicketOrigin(String label) {
        this.label = label;
    }

    public String label() { return label; }
}
