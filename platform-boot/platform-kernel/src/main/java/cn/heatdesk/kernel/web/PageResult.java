package cn.heatdesk.kernel.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list plus the total row count, as returned by every paged endpoint. When the count was capped
 * ({@link cn.heatdesk.kernel.datascope.Paging#page(PageQuery, int, java.util.function.Supplier)}), {@code total} is
 * the cap and {@code totalCapped} says there are more rows than that.
 */
public record PageResult<T>(List<T> records, long total, int page, int size, boolean totalCapped) {

    public PageResult(List<T> records, long total, int page, int size) {
        this(records, total, page, size, false);
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(records.stream().map(mapper).toList(), total, page, size, totalCapped);
    }
}
