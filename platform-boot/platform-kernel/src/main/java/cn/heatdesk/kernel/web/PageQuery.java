package cn.heatdesk.kernel.web;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;

import java.util.Map;

/**
 * Paging and sorting request parameters ({@code page} is 1-based). Sort keys are never spliced into SQL
 * as given: {@link #orderBy(Map, String)} maps them through a whitelist of column names.
 */
public class PageQuery {

    public static final int MAX_SIZE = 1000;

    private int page = 1;
    private int size = 20;
    private String sort;
    private String order = "asc";

    public int getPage() { return page; }
    public void setPage(int page) { this.page = page; }
    public int getSize() { return size; }
    public void setSize(int size) { this.size = size; }
    public String getSort() { return sort; }
    public void setSort(String sort) { this.sort = sort; }
    public String getOrder() { return order; }
    public void setOrder(String order) { this.order = order; }

    public PageQuery validated() {
        if (page < 1) {
            throw BizException.invalid("page", "页码必须大于等于 1");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw BizException.invalid("size", "每页条数必须在 1 到 " + MAX_SIZE + " 之间");
        }
        if (order != null && !order.equalsIgnoreCase("asc") && !order.equalsIgnoreCase("desc")) {
            throw BizException.invalid("order", "排序方向只能是 asc 或 desc");
        }
        return this;
    }

    public long offset() {
        return (long) (page - 1) * size;
    }

    /**
     * The ORDER BY clause body for this query, or the default when no sort key is given.
     *
     * @param allowed sort key → column expression
     */
    public String orderBy(Map<String, String> allowed, String defaultOrder) {
        if (sort == null || sort.isBlank()) {
            return defaultOrder;
        }
        String column = allowed.get(sort);
        if (column == null) {
            throw new BizException(ErrorCode.VALIDATION, "不支持按“" + sort + "”排序", "sort");
        }
        return column + ("desc".equalsIgnoreCase(order) ? " DESC" : " ASC");
    }
}
