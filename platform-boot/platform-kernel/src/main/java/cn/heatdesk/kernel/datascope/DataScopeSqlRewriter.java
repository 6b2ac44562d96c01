package cn.heatdesk.kernel.datascope;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Inserts a data-scope condition into the WHERE clause of a SELECT. Parsing happens once per distinct SQL
 * text: the parsed statement is cached with a marker predicate that is replaced by each user's condition.
 */
public class DataScopeSqlRewriter {

    static final String MARKER = "HD_DS_MARK = 1";
    private static final int CACHE_LIMIT = 5000;

    private final Map<String, Template> cache = new ConcurrentHashMap<>();

    /** @param condition builds the condition for the qualifier (alias) found in the SQL */
    public String rewrite(String sql, String alias, java.util.function.Function<String, String> condition) {
        Template t = cache.get(key(sql, alias));
        if (t == null) {
            t = parse(sql, alias);
            if (cache.size() < CACHE_LIMIT) {
                cache.put(key(sql, alias), t);
            }
        }
        String cond = condition.apply(t.qualifier());
        return t.sql().replace(MARKER, cond == null ? "1 = 1" : "(" + cond + ")");
    }

    private static String key(String sql, String alias) {
        return alias + '\u0000' + sql;
    }

    private Template parse(String sql, String alias) {
        try {
            Statement st = CCJSqlParserUtil.parse(sql);
            if (!(st instanceof Select select)) {
                throw new IllegalStateException("data scope applies to SELECT statements only: " + sql);
            }
            String[] qualifier = new String[1];
            apply(select, alias, qualifier);
            String out = select.toString();
            if (!out.contains(MARKER)) {
                throw new IllegalStateException("could not place the data-scope condition in: " + sql);
            }
            return new Template(out, qualifier[0]);
        } catch (JSQLParserException e) {
            throw new IllegalStateException("cannot parse SQL for data scope: " + sql, e);
        }
    }

    private void apply(Select select, String alias, String[] qualifier) throws JSQLParserException {
        if (select instanceof PlainSelect plain) {
            String q = findQualifier(plain, alias);
            if (qualifier[0] != null && !qualifier[0].equals(q)) {
                throw new IllegalStateException("UNION branches must use the same alias for the scoped table");
            }
            qualifier[0] = q;
            Expression where = plain.getWhere();
            String combined = where == null ? MARKER : "(" + where + ") AND " + MARKER;
            plain.setWhere(CCJSqlParserUtil.parseCondExpression(combined));
        } else if (select instanceof SetOperationList set) {
            for (Select branch : set.getSelects()) {
                apply(branch, alias, qualifier);
            }
        } else if (select instanceof ParenthesedSelect p) {
            apply(p.getSelect(), alias, qualifier);
        } else {
            throw new IllegalStateException("unsupported SELECT form for data scope: " + select.getClass().getSimpleName());
        }
    }

    private static String findQualifier(PlainSelect plain, String alias) {
        if (matches(plain.getFromItem(), alias)) {
            return nameOf(plain.getFromItem());
        }
        if (plain.getJoins() != null) {
            for (Join j : plain.getJoins()) {
                if (matches(j.getRightItem(), alias)) {
                    return nameOf(j.getRightItem());
                }
            }
        }
        throw new IllegalStateException("scoped table '" + alias + "' not found in: " + plain);
    }

    private static boolean matches(FromItem item, String alias) {
        if (item == null) {
            return false;
        }
        if (alias.isEmpty()) {
            return true;
        }
        if (item.getAlias() != null) {
            return item.getAlias().getName().equalsIgnoreCase(alias);
        }
        return item instanceof Table t && t.getName().equalsIgnoreCase(alias);
    }

    private static String nameOf(FromItem item) {
        if (item.getAlias() != null) {
            return item.getAlias().getName();
        }
        if (item instanceof Table t) {
            return t.getName();
        }
        throw new IllegalStateException("a derived table needs an alias to be scoped");
    }

    private record Template(String sql, String qualifier) {
    }
}
