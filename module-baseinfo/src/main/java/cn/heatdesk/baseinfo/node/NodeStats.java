package cn.heatdesk.baseinfo.node;

/** Household counts under a node (one aggregate query). */
public class NodeStats {

    private Long total;
    private Long suspended;
    private Long stopped;
    private Long arrears;

    public long getTotal() {
        return total == null ? 0 : total;
    }

    public void setTotal(Long total) {
        this.total = total;
    }

    public long getSuspended() {
        return suspended == null ? 0 : suspended;
    }

    public void setSuspended(Long suspended) {
        this.suspended = suspended;
    }

    public long getStopped() {
        return stopped == null ? 0 : stopped;
    }

    public void setStopped(Long stopped) {
        this.stopped = stopped;
    }

    public long getArrears() {
        return arrears == null ? 0 : arrears;
    }

    public void setArrears(Long arrears) {
        this.arrears = arrears;
    }
}
