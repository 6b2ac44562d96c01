package cn.heatdesk.app;

import cn.heatdesk.db.testsupport.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs the whole application on a fresh database of the kind chosen by HEATDESK_TEST_DB (h2, postgresql,
 * mariadb) with demo data; all subclasses share one application context and database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "heatdesk.demo=true",
        "heatdesk.data-dir=target/it-data",
        "heatdesk.security.keys.generate-if-missing=true",
        // several application contexts run in one JVM: no fixed FastAGI port
        "heatdesk.callcenter.agi.port=0"})
public abstract class AbstractApiIT {

    protected static final String DEMO_PASSWORD = "HeatDesk@2026";
    static final TestDatabases.Db DB = TestDatabases.create();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.springProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    /**
     * Counts rows until at least {@code expected} exist (10 s at most): audit rows are written as the request
     * completes, which for a streamed download can be just after the client already has the whole response.
     */
    protected int awaitCount(int expected, String sql, Object... args) {
        long until = System.currentTimeMillis() + 10_000;
        int n = jdbc.queryForObject(sql, Integer.class, args);
        while (n < expected && System.currentTimeMillis() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            n = jdbc.queryForObject(sql, Integer.class, args);
        }
        return n;
    }

    protected ApiClient client() {
        return new ApiClient("http://localhost:" + port);
    }

    protected ApiClient admin() {
        return client().loggedIn("admin", DEMO_PASSWORD);
    }

    protected long orgId(String code) {
        return jdbc.queryForObject("SELECT id FROM org_unit WHERE org_code = ?", Long.class, code);
    }
}
