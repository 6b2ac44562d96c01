package cn.heatdesk.kernel.datascope;

import cn.heatdesk.db.dialect.SqlDialect;
import cn.heatdesk.db.dialect.SqlDialects;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place data scope is enforced: SELECTs of {@link DataScoped} mappers get the current user's scope
 * condition; then, inside {@link Paging#page}, the query is counted and limited with the database's dialect.
 * No user in context (jobs, integrations, login) means the system itself and no restriction.
 */
@Intercepts({
        @Signature(type = Executor.class, method = "query",
                args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
        @Signature(type = Executor.class, method = "query",
                args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class, CacheKey.class, BoundSql.class})
})
public class DataScopeInterceptor implements Interceptor {

    private final DataScopeSqlRewriter rewriter = new DataScopeSqlRewriter();
    private final Map<String, Optional<DataScoped>> specs = new ConcurrentHashMap<>();
    private final Map<String, MappedStatement> countStatements = new ConcurrentHashMap<>();

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        Object[] args = invocation.getArgs();
        MappedStatement ms = (MappedStatement) args[0];
        if (ms.getSqlCommandType() != SqlCommandType.SELECT) {
            return invocation.proceed();
        }
        Object param = args[1];
        RowBounds rowBounds = (RowBounds) args[2];
        @SuppressWarnings("rawtypes") ResultHandler handler = (ResultHandler) args[3];
        BoundSql boundSql = args.length == 6 ? (BoundSql) args[5] : ms.getBoundSql(param);

        String sql = boundSql.getSql();
        Optional<DataScoped> spec = specOf(ms.getId());
        Optional<CurrentUser> user = SecurityContext.current();
        if (spec.isPresent() && user.isPresent()) {
            DataScoped ds = spec.get();
            sql = rewriter.rewrite(sql, ds.alias(), q -> DataScopeCondition.of(user.get(), q, ds));
        }
        Paging.Request page = Paging.take();
        if (sql.equals(boundSql.getSql()) && page == null) {
            return invocation.proceed();
        }
        Executor executor = (Executor) invocation.getTarget();
        if (page != null) {
            SqlDialect dialect = SqlDialects.forDatabaseId(ms.getConfiguration().getDatabaseId());
            if (page.count) {
                String listSql = sql;
                String countSql = page.countCap > 0
                        ? dialect.count(dialect.paginate(CountSql.selectingOne(listSql)
                                .orElseGet(() -> CountSql.withoutOrderBy(listSql)), 0, page.countCap + 1))
                        : CountSql.direct(listSql).orElseGet(() -> dialect.count(CountSql.withoutOrderBy(listSql)));
                page.total = count(executor, ms, param, boundSql, countSql);
                if (page.total == 0 || page.offset >= page.total || page.countCap > 0 && page.offset >= page.countCap) {
                    return List.of();
                }
            }
            sql = dialect.paginate(sql, page.offset, page.limit);
        }
        BoundSql rewritten = copy(ms, boundSql, sql, param);
        CacheKey key = executor.createCacheKey(ms, param, rowBounds, rewritten);
        return executor.query(ms, param, rowBounds, handler, key, rewritten);
    }

    private long count(Executor executor, MappedStatement ms, Object param, BoundSql original, String countSql)
            throws SQLException {
        MappedStatement countMs = countStatements.computeIfAbsent(ms.getId(), id -> countStatement(ms));
        BoundSql countBound = copy(ms, original, countSql, param);
        CacheKey key = executor.createCacheKey(countMs, param, RowBounds.DEFAULT, countBound);
        List<Object> result = executor.query(countMs, param, RowBounds.DEFAULT, Executor.NO_RESULT_HANDLER, key, countBound);
        return result.isEmpty() || result.get(0) == null ? 0 : ((Number) result.get(0)).longValue();
    }

    private static MappedStatement countStatement(MappedStatement ms) {
        String id = ms.getId() + "__count";
        ResultMap resultMap = new ResultMap.Builder(ms.getConfiguration(), id, Long.class, List.of()).build();
        return new MappedStatement.Builder(ms.getConfiguration(), id, ms.getSqlSource(), SqlCommandType.SELECT)
                .resource(ms.getResource())
                .statementType(ms.getStatementType())
                .timeout(ms.getTimeout())
                .parameterMap(ms.getParameterMap())
                .resultMaps(List.of(resultMap))
                .useCache(false)
                .databaseId(ms.getDatabaseId())
                .build();
    }

    private static BoundSql copy(MappedStatement ms, BoundSql original, String sql, Object param) {
        BoundSql copy = new BoundSql(ms.getConfiguration(), sql, original.getParameterMappings(), param);
        original.getParameterMappings().forEach(pm -> {
            String prop = pm.getProperty();
            String root = prop.contains(".") ? prop.substring(0, prop.indexOf('.')) : prop;
            if (original.hasAdditionalParameter(root)) {
                copy.setAdditionalParameter(root, original.getAdditionalParameter(root));
            }
        });
        return copy;
    }

    private Optional<DataScoped> specOf(String statementId) {
        return specs.computeIfAbsent(statementId, DataScopeInterceptor::resolve);
    }

    private static Optional<DataScoped> resolve(String statementId) {
        int dot = statementId.lastIndexOf('.');
        String className = statementId.substring(0, dot);
        String methodName = statementId.substring(dot + 1);
        Class<?> mapper;
        try {
            mapper = Class.forName(className, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            return Optional.empty(); // XML-only namespaces and internal statements are unscoped
        }
        for (Method m : mapper.getMethods()) {
            if (m.getName().equals(methodName)) {
                DataScoped onMethod = m.getAnnotation(DataScoped.class);
                if (onMethod != null) {
                    return onMethod.ignore() ? Optional.empty() : Optional.of(onMethod);
                }
            }
        }
        return Optional.ofNullable(mapper.getAnnotation(DataScoped.class));
    }
}
