package cn.heatdesk.baseinfo.node;

/** One row of the grouped child count: a parent and how many children it has. */
public class ChildCount {

    private Long parentId;
    private Integer cnt;

    public Long getParentId() {
        return parentId;
    }

    public void setParentId(Long parentId) {
        this.parentId = parentId;
    }

    public Integer getCnt() {
        return cnt;
    }

    public void setCnt(Integer cnt) {
        this.cnt = cnt;
    }
}
