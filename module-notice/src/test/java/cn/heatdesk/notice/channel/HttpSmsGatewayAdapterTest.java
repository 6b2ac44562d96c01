package cn.heatdesk.notice.channel;

import cn.heatdesk.kernel.signing.ApiSigner;
import cn.heatdesk.notice.api.DeliveryResult;
import cn.heatdesk.notice.api.NoticeChannel;
import cn.heatdesk.notice.api.OutboxMessage;
import cn.heatdesk.notice.config.NoticeProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpSmsGatewayAdapterTest {

    static final ObjectMapper JSON = new ObjectMapper();
    HttpServer server;
    volatile int status = 200;
    volatile String answer = "{\"code\":0}";
    volatile long delayMs;
    final List<Map<String, String>> headers = new ArrayList<>();
    final List<byte[]> bodies = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/gw/sms", ex -> {
            Map<String, String> h = new ConcurrentHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> h.put(k.toLowerCase(), v.get(0)));
            h.put(":query", String.valueOf(ex.getRequestURI().getRawQuery()));
            headers.add(h);
            bodies.add(ex.getRequestBody().readAllBytes());
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            byte[] b = answer.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    HttpSmsGatewayAdapter adapter() {
        return adapter(Duration.ofSeconds(10));
    }

    HttpSmsGatewayAdapter adapter(Duration readTimeout) {
        NoticeProperties.Http c = new NoticeProperties.Http();
        c.setUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/gw/sms?tenant=a b".replace(" ", "%20"));
        c.setSecret("s3cret");
        c.setAppKey("hd");
        c.setReadTimeout(readTimeout);
        return new HttpSmsGatewayAdapter(c, JSON);
    }

    static OutboxMessage msg() {
        return new OutboxMessage(42L, NoticeChannel.SMS, 7L, "孙师傅", "13800138000", "TICKET_URGED", null,
                "工单GD1被催办", null, "TICKET", 1L, "GD1", 1);
    }

    @Test
    void postsSignedJsonAndAcceptsCodeZero() throws Exception {
        DeliveryResult r = adapter().send(msg());
        assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.SENT);
        JsonNode body = JSON.readTree(bodies.get(0));
        assertThat(body.path("requestId").asText()).isEqualTo("42");
        assertThat(body.path("phone").asText()).isEqualTo("13800138000");
        assertThat(body.path("content").asText()).isEqualTo("工单GD1被催办");
        Map<String, String> h = headers.get(0);
        assertThat(h.get("content-type")).startsWith("application/json");
        String canonical = ApiSigner.canonicalRequest("POST", "/gw/sms", h.get(":query"),
                Long.parseLong(h.get("x-timestamp")), h.get("x-nonce"), bodies.get(0));
        assertThat(h.get("x-signature")).isEqualTo(ApiSigner.signature("s3cret", canonical));
        assertThat(h.get("x-app-key")).isEqualTo("hd");
        // string "0" is accepted too
        answer = "{\"code\":\"0\",\"msg\":\"ok\"}";
        assertThat(adapter().send(msg()).outcome()).isEqualTo(DeliveryResult.Outcome.SENT);
    }

    @Test
    void classifiesFailures() {
        status = 500;
        assertThat(adapter().send(msg())).satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
            assertThat(r.error()).contains("HTTP 500");
        });
        status = 429;
        assertThat(adapter().send(msg()).outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
        status = 400;
        assertThat(adapter().send(msg()).outcome()).isEqualTo(DeliveryResult.Outcome.FAILED);
        status = 200;
        answer = "{\"code\":7,\"msg\":\"余额不足\"}";
        assertThat(adapter().send(msg())).satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
            assertThat(r.error()).contains("code=7", "余额不足");
        });
        answer = "<html>ok</html>";
        assertThat(adapter().send(msg()).outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
        answer = "{\"code\":0}";
        delayMs = 1500;
        assertThat(adapter(Duration.ofMillis(500)).send(msg())).satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
            assertThat(r.error()).contains("超时");
        });
    }

    @Test
    void unreachableGatewayIsRetried() {
        HttpSmsGatewayAdapter a = adapter();
        server.stop(0);
        DeliveryResult r = a.send(msg());
        assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
        assertThat(r.error()).contains("无法连接短信网关");
    }

    @Test
    void refusesToStartWithoutUrlOrSecret() {
        NoticeProperties.Http c = new NoticeProperties.Http();
        assertThatThrownBy(() -> new HttpSmsGatewayAdapter(c, JSON)).hasMessageContaining("url");
        c.setUrl("ftp://x");
        c.setSecret("s");
        assertThatThrownBy(() -> new HttpSmsGatewayAdapter(c, JSON)).hasMessageContaining("http(s)");
        c.setUrl("http://x/sms");
        c.setSecret(null);
        assertThatThrownBy(() -> new HttpSmsGatewayAdapter(c, JSON)).hasMessageContaining("secret");
    }
}
