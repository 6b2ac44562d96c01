package cn.heatdesk.kernel.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list plus the total row count, as returned by every paged endpoint. */
public record PageResult<T>(List<T> records, long total, int page, int size) {

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(records.stream().map(mapper).toList(), total, page, size);
    }
}
