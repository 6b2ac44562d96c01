package cn.heatdesk.db.testsupport;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The database the integration tests run on: {@code HEATDESK_TEST_DB} = h2 (default), postgresql or mariadb.
 * Each call of {@link #create()} makes a fresh, empty database on that server, so test runs never share state.
 * Server addresses default to this machine's services and can be moved with HEATDESK_TEST_PG_URL /
 * HEATDESK_TEST_PG_USER and HEATDESK_TEST_MARIADB_URL / HEATDESK_TEST_MARIADB_USER.
 */
public final class TestDatabases {

    private static final String PREFIX = "hd_it_";

    private TestDatabases() {
    }

    public static String kind() {
        String v = System.getenv("HEATDESK_TEST_DB");
        if (v == null || v.isBlank() || v.startsWith("${")) {
            v = System.getProperty("heatdesk.test.db", "h2");
        }
        return v.trim().toLowerCase(Locale.ROOT);
    }

    /** H2 in memory, plus a fresh database on the server chosen by HEATDESK_TEST_DB when it is not h2. */
    public static List<Db> targets() {
        List<Db> out = new ArrayList<>();
        out.add(h2());
        if (!kind().equals("h2")) {
            out.add(create());
        }
        return out;
    }

    public static Db h2() {
        return new Db("h2", "jdbc:h2:mem:" + PREFIX + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    public record Db(String kind, String url, String username, String password) {
        public Map<String, String> springProperties() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("spring.datasource.url", url);
            p.put("spring.datasource.username", username);
            p.put("spring.datasource.password", password);
            return p;
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, username, password);
        }

        /** Same as {@link #connect()}. */
        public Connection open() throws SQLException {
            return connect();
        }

        public String name() {
            return kind;
        }

        /** A minimal non-pooling DataSource over DriverManager. */
        public DataSource dataSource() {
            return (DataSource) Proxy.newProxyInstance(TestDatabases.class.getClassLoader(),
                    new Class<?>[]{DataSource.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getConnection" -> connect();
                        case "getLogWriter" -> (PrintWriter) null;
                        case "getLoginTimeout" -> 0;
                        case "isWrapperFor" -> false;
                        case "toString" -> "DataSource[" + kind + "]";
                        default -> null;
                    });
        }

        @Override
        public String toString() {
            return kind;
        }
    }

    public static Db create() {
        String name = PREFIX + (System.currentTimeMillis() / 1000) + "_" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        try {
            return switch (kind()) {
                case "h2" -> new Db("h2", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
                case "postgresql" -> postgres(name);
                case "mariadb" -> mariadb(name);
                default -> throw new IllegalArgumentException("HEATDESK_TEST_DB must be h2, postgresql or mariadb, not " + kind());
            };
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + kind() + ": " + e.getMessage(), e);
        }
    }

    private static Db postgres(String name) throws SQLException {
        String admin = env("HEATDESK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = env("HEATDESK_TEST_PG_USER", "postgres");
        try (Connection c = DriverManager.getConnection(admin, user, ""); Statement st = c.createStatement()) {
            dropStale(st, "SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'", "DROP DATABASE IF EXISTS %s WITH (FORCE)");
            st.execute("CREATE DATABASE " + name + " ENCODING 'UTF8'");
        }
        return new Db("postgresql", admin.substring(0, admin.lastIndexOf('/') + 1) + name, user, "");
    }

    private static Db mariadb(String name) throws SQLException {
        String admin = env("HEATDESK_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test");
        String user = env("HEATDESK_TEST_MARIADB_USER", "root");
        try (Connection c = DriverManager.getConnection(admin, user, ""); Statement st = c.createStatement()) {
            dropStale(st, "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE '" + PREFIX + "%'", "DROP DATABASE IF EXISTS %s");
            st.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        return new Db("mariadb", admin.substring(0, admin.lastIndexOf('/') + 1) + name, user, "");
    }

    /** Drops databases left by test runs that started more than two hours ago. */
    private static void dropStale(Statement st, String listSql, String dropSql) throws SQLException {
        long cutoff = System.currentTimeMillis() / 1000 - 7200;
        List<String> stale = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(listSql)) {
            while (rs.next()) {
                String db = rs.getString(1);
                String[] parts = db.substring(PREFIX.length()).split("_");
                try {
                    if (Long.parseLong(parts[0]) < cutoff) {
                        stale.add(db);
                    }
                } catch (NumberFormatException ignored) {
                    // not ours
                }
            }
        }
        for (String db : stale) {
            try {
                st.execute(String.format(dropSql, db));
            } catch (SQLException ignored) {
                // still in use by a concurrent run: leave it
            }
        }
    }

    private static String env(String key, String def) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? def : v;
    }
}
