package cn.heatdesk.kernel.datascope;

import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;

import java.util.List;
import java.util.function.Supplier;

/**
 * Server-side paging for MyBatis list queries: the first SELECT run inside {@link #page} is counted and
 * limited by {@link DataScopeInterceptor} using the database's own pagination dialect.
 */
public final class Paging {

    static final ThreadLocal<Request> CURRENT = new ThreadLocal<>();

    private Paging() {
    }

    public static <T> PageResult<T> page(PageQuery query, Supplier<List<T>> select) {
        query.validated();
        Request req = new Request(query.offset(), query.getSize());
        CURRENT.set(req);
        try {
            List<T> rows = select.get();
            if (req.total < 0) {
                throw new IllegalStateException("Paging.page ran no SELECT");
            }
            return new PageResult<>(rows, req.total, query.getPage(), query.getSize());
        } finally {
            CURRENT.remove();
        }
    }

    /**
     * Like {@link #page(PageQuery, Supplier)}, but the count stops at {@code countCap + 1} rows: counting every
     * match of a broad filter over millions of rows takes seconds, while nobody pages past the first thousands.
     * Above the cap the result says {@code total = countCap, totalCapped = true}; pages beyond the cap are empty.
     */
    public static <T> PageResult<T> page(PageQuery query, int countCap, Supplier<List<T>> select) {
        if (countCap < 1) {
            throw new IllegalArgumentException("countCap must be positive");
        }
        query.validated();
        Request req = new Request(query.offset(), query.getSize());
        req.countCap = countCap;
        CURRENT.set(req);
        try {
            List<T> rows = select.get();
            if (req.total < 0) {
                throw new IllegalStateException("Paging.page ran no SELECT");
            }
            boolean capped = req.total > countCap;
            return new PageResult<>(rows, capped ? countCap : req.total, query.getPage(), query.getSize(), capped);
        } finally {
            CURRENT.remove();
        }
    }

    /** The first {@code limit} rows of the first SELECT run inside, without a count (keyset scans, exports). */
    public static <T> List<T> limit(int limit, Supplier<List<T>> select) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        Request req = new Request(0, limit);
        req.count = false;
        CURRENT.set(req);
        try {
            return select.get();
        } finally {
            CURRENT.remove();
        }
    }

    static Request take() {
        Request r = CURRENT.get();
        if (r != null && r.consumed) {
            return null;
        }
        if (r != null) {
            r.consumed = true;
        }
        return r;
    }

    static final class Request {
        final long offset;
        final int limit;
        long total = -1;
        boolean consumed;
        boolean count = true;
        /** 0 = exact count; otherwise count at most countCap + 1 rows */
        int countCap;

        Request(long offset, int limit) {
            this.offset = offset;
            this.limit = limit;
        }
    }
}
