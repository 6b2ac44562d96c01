package cn.heatdesk.db.testsupport;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * java.lang.reflect.Proxy JDBC objects whose metadata reports a chosen product, for exercising product detection
 * without a server. Every SQL text sent (statements, prepared, callable) and every rollback is recorded; running SQL
 * fails like a server that does not know the statement.
 */
public final class FakeJdbc {

    public final String productName;
    public final String productVersion;
    public final String url;
    public String identifierQuote = "\"";
    public int majorVersion = 8;
    public int minorVersion = 1;
    public String schema = null;
    public String userName = "HEATDESK";
    public boolean autoCommit = true;
    public final List<String> sqlSent = Collections.synchronizedList(new ArrayList<>());
    public int rollbacks;

    public FakeJdbc(String productName, String productVersion, String url) {
        this.productName = productName;
        this.productVersion = productVersion;
        this.url = url;
    }

    public Connection connection() {
        return (Connection) Proxy.newProxyInstance(FakeJdbc.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getMetaData" -> metaData((Connection) proxy);
                    case "getAutoCommit" -> autoCommit;
                    case "setAutoCommit" -> {
                        autoCommit = (Boolean) args[0];
                        yield null;
                    }
                    case "rollback" -> {
                        rollbacks++;
                        yield null;
                    }
                    case "getSchema" -> schema;
                    case "getCatalog" -> null;
                    case "isClosed" -> false;
                    case "createStatement" -> statement();
                    case "prepareStatement", "prepareCall" -> {
                        sqlSent.add((String) args[0]);
                        throw new SQLException("fake server: unknown statement " + args[0]);
                    }
                    case "unwrap" -> null;
                    case "isWrapperFor" -> false;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "FakeJdbc[" + productName + "]";
                    default -> defaultValue(method.getReturnType());
                });
    }

    public DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(FakeJdbc.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> "getConnection".equals(method.getName())
                        ? connection() : defaultValue(method.getReturnType()));
    }

    private Statement statement() {
        return (Statement) Proxy.newProxyInstance(FakeJdbc.class.getClassLoader(), new Class<?>[]{Statement.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("execute") && args != null && args.length > 0
                            && args[0] instanceof String sql) {
                        sqlSent.add(sql);
                        throw new SQLException("fake server: unknown statement " + sql);
                    }
                    return defaultValue(method.getReturnType());
                });
    }

    private DatabaseMetaData metaData(Connection owner) {
        return (DatabaseMetaData) Proxy.newProxyInstance(FakeJdbc.class.getClassLoader(),
                new Class<?>[]{DatabaseMetaData.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getDatabaseProductName" -> productName;
                    case "getDatabaseProductVersion" -> productVersion;
                    case "getDatabaseMajorVersion" -> majorVersion;
                    case "getDatabaseMinorVersion" -> minorVersion;
                    case "getURL" -> url;
                    case "getUserName" -> userName;
                    case "getIdentifierQuoteString" -> identifierQuote;
                    case "getSQLKeywords" -> "";
                    case "getSearchStringEscape" -> "\\";
                    case "getConnection" -> owner;
                    case "getDriverName" -> "fake";
                    case "getDriverVersion" -> "0";
                    default -> defaultValue(method.getReturnType());
                });
    }

    private static Object defaultValue(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == void.class) {
            return null;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        if (type == short.class) {
            return (short) 0;
        }
        return 0;
    }
}
