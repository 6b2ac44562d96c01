package cn.heatdesk.baseinfo.sync;

import cn.heatdesk.baseinfo.api.BillingHouseholdRecord;
import cn.heatdesk.baseinfo.api.BillingPaymentRecord;
import cn.heatdesk.baseinfo.api.ChangeCursor;
import cn.heatdesk.baseinfo.api.ChangePage;
import cn.heatdesk.baseinfo.api.HeatNetReading;
import cn.heatdesk.kernel.signing.ApiSigner;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP reference adapters against a real local HTTP server: request shape, signing, mapping, errors. */
class HttpClientsTest {

    static final String SECRET = "5f3c9a0e7b2d4c61a8e9f0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1";
    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    record Seen(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {
    }

    HttpServer server;
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    volatile int status = 200;
    volatile String answer = "{}";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery(),
                Map.of("key", String.valueOf(ex.getRequestHeaders().getFirst("X-App-Key")),
                        "ts", String.valueOf(ex.getRequestHeaders().getFirst("X-Timestamp")),
                        "nonce", String.valueOf(ex.getRequestHeaders().getFirst("X-Nonce")),
                        "sig", String.valueOf(ex.getRequestHeaders().getFirst("X-Signature"))), body));
        byte[] out = answer.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            ex.getResponseBody().write(out);
        }
        ex.close();
    }

    IntegrationProperties.Endpoint endpoint(boolean signed) {
        IntegrationProperties.Endpoint ep = new IntegrationProperties.Endpoint();
        ep.setBaseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/bill/api/");
        ep.setReadTimeout(Duration.ofSeconds(5));
        if (signed) {
            ep.setAppKey("hdtestkey01");
            ep.setAppSecret(SECRET);
        }
        return ep;
    }

    @Test
    void readsAPageOfHouseholdsWithCursorAndSignsTheRequest() throws Exception {
        answer = """
                {"records":[
                  {"subsidiaryCode":"SUB01","householdCode":"HH-1","unitCode":"U1","floorNo":"5","roomNo":"501",
                   "area":88.50,"heatingStatus":"HEATING","arrears":"120.00","customerCode":"C1","ownerName":"张三",
                   "ownerIdNumber":"110101199003077777","ownerPhones":["13800138000","010-62345678"],
                   "meterNo":"M1","valveNo":"V1","updatedAt":"2026-01-05T10:00:00","extra":"ignored"},
                  {"subsidiaryCode":"SUB01","householdCode":"HH-2","roomNo":"502","area":"many","updatedAt":"2026-01-05T10:00:01"}
                 ],
                 "nextCursor":{"updatedAt":"2026-01-05T10:00:01","lastKey":"SUB01:HH-2"},"hasMore":true}
                """;
        HttpBillingClient client = new HttpBillingClient(endpoint(true), JSON);
        ChangePage<BillingHouseholdRecord> page = client.householdsChangedSince(
                new ChangeCursor(LocalDateTime.of(2026, 1, 5, 9, 59, 58), "SUB01:HH 0"), 2);

        assertThat(page.hasMore()).isTrue();
        assertThat(page.nextCursor()).isEqualTo(new ChangeCursor(LocalDateTime.of(2026, 1, 5, 10, 0, 1), "SUB01:HH-2"));
        assertThat(page.records()).hasSize(1);
        BillingHouseholdRecord r = page.records().get(0);
        assertThat(r.area()).isEqualByComparingTo("88.5");
        assertThat(r.arrears()).isEqualByComparingTo("120");
        assertThat(r.ownerPhones()).containsExactly("13800138000", "010-62345678");
        assertThat(r.updatedAt()).isEqualTo(LocalDateTime.of(2026, 1, 5, 10, 0));
        // the second entry has a malformed area: kept raw with the field named, not dropped and not fatal
        assertThat(page.unreadable()).singleElement().satisfies(u -> {
            assertThat(u.key()).isEqualTo("HH-2");
            assertThat(u.field()).isEqualTo("area");
            assertThat(u.reason()).contains("area");
            assertThat(u.payload()).contains("\"many\"");
        });

        Seen s = seen.get(0);
        assertThat(s.method()).isEqualTo("GET");
        assertThat(s.rawPath()).isEqualTo("/bill/api/households/changes");
        assertThat(s.rawQuery()).isEqualTo("since=2026-01-05T09%3A59%3A58&after=SUB01%3AHH%200&limit=2");
        String canonical = ApiSigner.canonicalRequest("GET", s.rawPath(), s.rawQuery(), Long.parseLong(s.headers().get("ts")),
                s.headers().get("nonce"), new byte[0]);
        assertThat(s.headers().get("key")).isEqualTo("hdtestkey01");
        assertThat(s.headers().get("sig")).isEqualTo(ApiSigner.signature(SECRET, canonical));
    }

    @Test
    void startOfFeedSendsNoCursorAndUnsignedWhenNoKey() {
        answer = "{\"records\":[],\"hasMore\":false}";
        HttpBillingClient client = new HttpBillingClient(endpoint(false), JSON);
        ChangePage<BillingPaymentRecord> page = client.paymentsChangedSince(ChangeCursor.START, 500);
        assertThat(page.records()).isEmpty();
        assertThat(page.nextCursor()).isEqualTo(ChangeCursor.START);
        assertThat(seen.get(0).rawPath()).isEqualTo("/bill/api/payments/changes");
        assertThat(seen.get(0).rawQuery()).isEqualTo("limit=500");
        assertThat(seen.get(0).headers().get("sig")).isEqualTo("null");
    }

    @Test
    void mapsPayments() {
        answer = """
                {"records":[{"paymentId":"P-9","subsidiaryCode":"SUB02","householdCode":"H9","kind":"REFUND",
                  "amount":35.5,"paidAt":"2025-12-01T08:30:00","season":"2025-2026","channel":"微信",
                  "updatedAt":"2025-12-01T08:30:05"}],
                 "nextCursor":{"updatedAt":"2025-12-01T08:30:05","lastKey":"P-9"},"hasMore":false}
                """;
        BillingPaymentRecord p = new HttpBillingClient(endpoint(false), JSON)
                .paymentsChangedSince(ChangeCursor.START, 10).records().get(0);
        assertThat(p).isEqualTo(new BillingPaymentRecord("P-9", "SUB02", "H9", "REFUND", new java.math.BigDecimal("35.5"),
                LocalDateTime.of(2025, 12, 1, 8, 30), "2025-2026", "微信", LocalDateTime.of(2025, 12, 1, 8, 30, 5)));
    }

    @Test
    void serverErrorsAndBrokenAnswersBecomeChineseErrors() {
        HttpBillingClient client = new HttpBillingClient(endpoint(false), JSON);
        status = 500;
        answer = "{\"error\":\"db down\"}";
        assertThatThrownBy(() -> client.householdsChangedSince(ChangeCursor.START, 10))
                .isInstanceOf(IntegrationCallException.class)
                .hasMessageContaining("HTTP 500").hasMessageContaining("db down")
                .satisfies(e -> assertThat(((IntegrationCallException) e).status()).isEqualTo(500));
        status = 200;
        answer = "<html>oops</html>";
        assertThatThrownBy(() -> client.householdsChangedSince(ChangeCursor.START, 10))
                .isInstanceOf(IntegrationCallException.class).hasMessageContaining("不是有效的 JSON");
        answer = "{\"records\":[{\"householdCode\":\"X\"}],\"hasMore\":false}";
        assertThatThrownBy(() -> client.householdsChangedSince(ChangeCursor.START, 10))
                .isInstanceOf(IntegrationCallException.class).hasMessageContaining("nextCursor");
        answer = "{\"items\":[]}";
        assertThatThrownBy(() -> client.householdsChangedSince(ChangeCursor.START, 10))
                .isInstanceOf(IntegrationCallException.class).hasMessageContaining("records");
    }

    @Test
    void unreachableServerIsAConnectionError() throws IOException {
        int freePort;
        try (ServerSocket s = new ServerSocket(0)) {
            freePort = s.getLocalPort();
        }
        IntegrationProperties.Endpoint ep = endpoint(false);
        ep.setBaseUrl("http://127.0.0.1:" + freePort);
        HttpBillingClient client = new HttpBillingClient(ep, JSON);
        assertThatThrownBy(() -> client.householdsChangedSince(ChangeCursor.START, 10))
                .isInstanceOf(IntegrationCallException.class).hasMessageContaining("无法连接经营计费系统");
    }

    @Test
    void heatNetFeedAndOutgoingReading() throws Exception {
        answer = """
                {"records":[{"readingId":"R1","subsidiaryCode":"SUB01","householdCode":"H1","temperature":19.6,
                  "measuredAt":"2026-01-06T07:00:00"}],"nextCursor":{"updatedAt":"2026-01-06T07:00:00","lastKey":"R1"},
                 "hasMore":false}
                """;
        HttpHeatNetClient client = new HttpHeatNetClient(endpoint(true), JSON);
        ChangePage<HeatNetReading> page = client.temperaturesSince(ChangeCursor.START, 100);
        assertThat(page.records().get(0).temperature()).isEqualByComparingTo("19.6");
        assertThat(seen.get(0).rawPath()).isEqualTo("/bill/api/temperatures/changes");

        answer = "";
        HeatNetReading mine = new HeatNetReading("HD-1", "SUB01", "H1", new java.math.BigDecimal("17.5"),
                LocalDateTime.of(2026, 1, 6, 9, 15));
        client.sendReading(mine);
        Seen s = seen.get(1);
        assertThat(s.method()).isEqualTo("POST");
        assertThat(s.rawPath()).isEqualTo("/bill/api/readings");
        assertThat(JSON.readValue(s.body(), HeatNetReading.class)).isEqualTo(mine);
        String canonical = ApiSigner.canonicalRequest("POST", s.rawPath(), null, Long.parseLong(s.headers().get("ts")),
                s.headers().get("nonce"), s.body());
        assertThat(s.headers().get("sig")).isEqualTo(ApiSigner.signature(SECRET, canonical));

        status = 409;
        answer = "{\"msg\":\"duplicate\"}";
        assertThatThrownBy(() -> client.sendReading(mine)).isInstanceOf(IntegrationCallException.class)
                .hasMessageContaining("智慧热网").hasMessageContaining("409");
    }

    @Test
    void refusesABaseUrlThatIsNotHttp() {
        IntegrationProperties.Endpoint ep = new IntegrationProperties.Endpoint();
        ep.setBaseUrl("ftp://billing");
        assertThatThrownBy(() -> new HttpBillingClient(ep, JSON)).isInstanceOf(IllegalArgumentException.class);
    }
}
