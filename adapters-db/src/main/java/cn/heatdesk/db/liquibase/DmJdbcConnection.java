package cn.heatdesk.db.liquibase;

import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Map;

/**
 * JdbcConnection for DM that repairs metadata name patterns.
 *
 * <p>Liquibase's snapshot escapes '_' and '%' with a backslash before calling DatabaseMetaData, ignoring
 * {@link DatabaseMetaData#getSearchStringEscape()}. The DM driver (8.1.x) declares '!' as its escape and builds
 * {@code LIKE ? ESCAPE '!'}, so {@code SYS\_USER} would never match table {@code SYS_USER}. This wrapper rewrites
 * pattern arguments to DM's escape and unescapes arguments that JDBC defines as exact names.</p>
 */
final class DmJdbcConnection extends JdbcConnection {

    static final char DM_ESCAPE = '!';

    /** Argument positions that JDBC defines as LIKE patterns. */
    private static final Map<String, int[]> PATTERN_ARGS = Map.ofEntries(
            Map.entry("getTables", new int[]{1, 2}),
            Map.entry("getColumns", new int[]{1, 2, 3}),
            Map.entry("getSchemas", new int[]{1}),
            Map.entry("getProcedures", new int[]{1, 2}),
            Map.entry("getProcedureColumns", new int[]{1, 2, 3}),
            Map.entry("getFunctions", new int[]{1, 2}),
            Map.entry("getFunctionColumns", new int[]{1, 2, 3}),
            Map.entry("getTablePrivileges", new int[]{1, 2}),
            Map.entry("getColumnPrivileges", new int[]{3}),
            Map.entry("getUDTs", new int[]{1, 2}),
            Map.entry("getSuperTypes", new int[]{1, 2}),
            Map.entry("getSuperTables", new int[]{1, 2}),
            Map.entry("getAttributes", new int[]{1, 2, 3}),
            Map.entry("getPseudoColumns", new int[]{1, 2, 3}));

    /** Argument positions that JDBC defines as exact names (Liquibase still escapes some of them). */
    private static final Map<String, int[]> EXACT_ARGS = Map.ofEntries(
            Map.entry("getColumnPrivileges", new int[]{1, 2}),
            Map.entry("getPrimaryKeys", new int[]{1, 2}),
            Map.entry("getImportedKeys", new int[]{1, 2}),
            Map.entry("getExportedKeys", new int[]{1, 2}),
            Map.entry("getIndexInfo", new int[]{1, 2}),
            Map.entry("getBestRowIdentifier", new int[]{1, 2}),
            Map.entry("getVersionColumns", new int[]{1, 2}),
            Map.entry("getCrossReference", new int[]{1, 2, 4, 5}));

    private final Connection proxy;

    DmJdbcConnection(Connection raw) {
        super(raw);
        this.proxy = (Connection) Proxy.newProxyInstance(DmJdbcConnection.class.getClassLoader(),
                new Class<?>[]{Connection.class}, new ConnectionHandler(raw));
    }

    @Override
    public Connection getUnderlyingConnection() {
        return proxy;
    }

    @Override
    public DatabaseMetaData getMetaData() throws DatabaseException {
        try {
            return proxy.getMetaData();
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** Liquibase pattern ({@code \_}, {@code \%}) to DM pattern ({@code !_}, {@code !%}). */
    static String toDmPattern(String pattern) {
        if (pattern == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length() && (pattern.charAt(i + 1) == '_' || pattern.charAt(i + 1) == '%')) {
                out.append(DM_ESCAPE).append(pattern.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Drops Liquibase's backslash escapes from an argument that must be an exact name. */
    static String toExactName(String name) {
        return name == null ? null : name.replace("\\_", "_").replace("\\%", "%");
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private record ConnectionHandler(Connection target) implements InvocationHandler {
        @Override
        public Object invoke(Object self, Method method, Object[] args) throws Throwable {
            Object result = DmJdbcConnection.invoke(target, method, args);
            if ("getMetaData".equals(method.getName()) && result instanceof DatabaseMetaData meta) {
                return Proxy.newProxyInstance(DmJdbcConnection.class.getClassLoader(),
                        new Class<?>[]{DatabaseMetaData.class}, new MetaDataHandler(meta, (Connection) self));
            }
            return result;
        }
    }

    private record MetaDataHandler(DatabaseMetaData target, Connection connection) implements InvocationHandler {
        @Override
        public Object invoke(Object self, Method method, Object[] args) throws Throwable {
            if ("getConnection".equals(method.getName()) && method.getParameterCount() == 0) {
                return connection;
            }
            if (args != null) {
                rewrite(args, PATTERN_ARGS.get(method.getName()), true);
                rewrite(args, EXACT_ARGS.get(method.getName()), false);
            }
            return DmJdbcConnection.invoke(target, method, args);
        }

        private static void rewrite(Object[] args, int[] positions, boolean pattern) {
            if (positions == null) {
                return;
            }
            for (int p : positions) {
                if (p < args.length && args[p] instanceof String s) {
                    args[p] = pattern ? toDmPattern(s) : toExactName(s);
                }
            }
        }
    }
}
