package cn.heatdesk.kernel.datascope;

import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.Select;

import java.util.Map;
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
