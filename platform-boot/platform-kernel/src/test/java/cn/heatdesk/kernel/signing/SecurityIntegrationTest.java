package cn.heatdesk.kernel.signing;

import cn.heatdesk.db.testsupport.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Base of the audit and signing integration tests: one Spring context (real HTTP on a random port) on one fresh
 * database from {@link TestDatabases} (H2 by default, PostgreSQL/MariaDB with HEATDESK_TEST_DB), tables
 * created by Liquibase from sec-test-changelog.xml. Each test starts with empty security tables.
 */
@SpringBootTest(classes = SecurityTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "heatdesk.test.security-app=true")
public abstract class SecurityIntegrationTest {

    private static TestDatabases.Db db;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        synchronized (SecurityIntegrationTest.class) {
            if (db == null) {
                db = TestDatabases.create();
            }
        }
        db.springProperties().forEach((k, v) -> registry.add(k, () -> "h2".equals(db.kind()) && k.endsWith(".url")
                ? v + ";LOCK_TIMEOUT=10000" : v));
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void cleanSecurityTables() {
        jdbc.update("DELETE FROM audit_log");
        jdbc.update("UPDATE audit_chain_head SET last_seq = 0, last_hash = ? WHERE id = 1", "0".repeat(64));
        jdbc.update("DELETE FROM api_nonce");
        jdbc.update("DELETE FROM integration_app");
    }

    protected HttpResponse<String> send(String method, String pathWithQuery, String body, String contentType,
                                        Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathWithQuery))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    protected HttpResponse<byte[]> sendForBytes(String pathWithQuery, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathWithQuery))
                .timeout(Duration.ofSeconds(20)).GET();
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
