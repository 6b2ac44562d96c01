package cn.heatdesk.kernel.datascope;

import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statement a page count wraps: the list query without its outermost ORDER BY. Counting a sorted derived
 * table makes PostgreSQL sort the whole result first (seconds at a million rows) for a number that does not
 * depend on order. An ORDER BY carrying bind parameters is kept, so parameter positions never shift; anything
 * the parser cannot read is counted as it is.
 */
final class CountSql {

    private static final int CACHE_LIMIT = 2000;
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Optional<String>> DIRECT = new ConcurrentHashMap<>();
    private static final Map<String, Optional<String>> ONES = new ConcurrentHashMap<>();

    private CountSql() {
    }

    static String withoutOrderBy(String sql) {
        String cached = CACHE.get(sql);
        if (cached != null) {
            return cached;
        }
        String result = strip(sql);
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.put(sql, result);
        }
        return result;
    }

    /**
     * {@code SELECT COUNT(*) FROM … WHERE …} for a plain list query (only columns selected; no DISTINCT, GROUP BY,
     * HAVING, LIMIT or set operation): counting without a derived table lets every database count from an index,
     * where H2 otherwise copies all matching rows into a temporary result first (seconds at a million rows).
     * Empty when the statement is anything else; the caller then wraps it.
     */
    static Optional<String> direct(String sql) {
        Optional<String> cached = DIRECT.get(sql);
        if (cached != null) {
            return cached;
        }
        Optional<String> result = Optional.ofNullable(toDirect(sql));
        if (DIRECT.size() < CACHE_LIMIT) {
            DIRECT.put(sql, result);
        }
        return result;
    }

    /**
     * {@code SELECT 1 FROM … WHERE …} for a plain list query, the rows a capped count limits and counts: no columns
     * to read, so an index can answer. Empty when the statement is anything else.
     */
    static Optional<String> selectingOne(String sql) {
        Optional<String> cached = ONES.get(sql);
        if (cached != null) {
            return cached;
        }
        Optional<String> result = Optional.ofNullable(plain(sql, "1"));
        if (ONES.size() < CACHE_LIMIT) {
            ONES.put(sql, result);
        }
        return result;
    }

    private static String toDirect(String sql) {
        return plain(sql, "COUNT(*)");
    }

    /** the plain list query with its select list replaced and its ORDER BY dropped; null when not plain */
    private static String plain(String sql, String selectItem) {
        try {
            Statement st = CCJSqlParserUtil.parse(sql);
            if (!(st instanceof PlainSelect ps) || ps.getDistinct() != null || ps.getGroupBy() != null
                    || ps.getHaving() != null || ps.getLimit() != null || ps.getOffset() != null || ps.getFetch() != null
                    || ps.getWithItemsList() != null && !ps.getWithItemsList().isEmpty()) {
                return null;
            }
            for (SelectItem<?> item : ps.getSelectItems()) {
                Expression e = item.getExpression();
                if (!(e instanceof Column) && !(e instanceof AllColumns)) {
                    return null;
                }
            }
            if (ps.getOrderByElements() != null && ps.getOrderByElements().stream().anyMatch(o -> o.toString().contains("?"))) {
                return null;
            }
            ps.setOrderByElements(null);
            ps.setSelectItems(List.of(SelectItem.from(CCJSqlParserUtil.parseExpression(selectItem))));
            return ps.toString();
        } catch (Exception e) {
            return null;
        }
    }

    private static String strip(String sql) {
        try {
            Statement st = CCJSqlParserUtil.parse(sql);
            if (!(st instanceof Select select) || select.getOrderByElements() == null
                    || select.getOrderByElements().isEmpty()
                    || select.getOrderByElements().stream().anyMatch(o -> o.toString().contains("?"))) {
                return sql;
            }
            select.setOrderByElements(null);
            return select.toString();
        } catch (Exception e) {
            return sql;
        }
    }
}
