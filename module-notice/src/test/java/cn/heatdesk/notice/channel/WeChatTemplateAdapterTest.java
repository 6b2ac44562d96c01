package cn.heatdesk.notice.channel;

import cn.heatdesk.notice.api.DeliveryResult;
import cn.heatdesk.notice.api.NoticeChannel;
import cn.heatdesk.notice.api.OutboxMessage;
import cn.heatdesk.notice.config.NoticeProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The WeChat adapter against a local server speaking the WeChat token and template-send API. */
class WeChatTemplateAdapterTest {

    static final ObjectMapper JSON = new ObjectMapper();
    HttpServer server;
    final AtomicInteger tokensIssued = new AtomicInteger();
    final List<String> sendQueries = new CopyOnWriteArrayList<>();
    final List<JsonNode> sendBodies = new CopyOnWriteArrayList<>();
    /** errcode the next send answers with (then back to 0) */
    volatile int nextErr;
    final Map<Long, String> openids = Map.of(7L, "oOPENID7");

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/cgi-bin/token", ex -> {
            String q = ex.getRequestURI().getRawQuery();
            if (!q.contains("appid=wxapp") || !q.contains("secret=wxsecret") || !q.contains("grant_type=client_credential")) {
                reply(ex, "{\"errcode\":40013,\"errmsg\":\"invalid appid\"}");
                return;
            }
            reply(ex, "{\"access_token\":\"TOKEN" + tokensIssued.incrementAndGet() + "\",\"expires_in\":7200}");
        });
        server.createContext("/cgi-bin/message/template/send", ex -> {
            sendQueries.add(ex.getRequestURI().getRawQuery());
            sendBodies.add(JSON.readTree(ex.getRequestBody().readAllBytes()));
            int err = nextErr;
            nextErr = 0;
            boolean stale = !ex.getRequestURI().getRawQuery().equals("access_token=TOKEN" + tokensIssued.get());
            if (stale) {
                err = 40001;
            }
            reply(ex, err == 0 ? "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":200228332}"
                    : "{\"errcode\":" + err + ",\"errmsg\":\"error " + err + "\"}");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static void reply(HttpExchange ex, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    WeChatTemplateAdapter adapter(String appId) {
        NoticeProperties.Wechat c = new NoticeProperties.Wechat();
        c.setBaseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        c.setAppId(appId);
        c.setAppSecret("wxsecret");
        c.setLinkUrl("https://m.example.com/#/{bizType}/{bizId}");
        return new WeChatTemplateAdapter(c, openids::get, JSON);
    }

    static OutboxMessage msg(long user, String templateId) {
        return new OutboxMessage(9L, NoticeChannel.WECHAT, user, "孙师傅", null, "TICKET_ASSIGNED", "新派工单：GD1",
                "您有新的工单GD1", templateId, "TICKET", 55L, "GD1", 1);
    }

    @Test
    void fetchesATokenOnceAndSendsTheTemplateMessage() {
        WeChatTemplateAdapter a = adapter("wxapp");
        assertThat(a.send(msg(7, "TPL1")).outcome()).isEqualTo(DeliveryResult.Outcome.SENT);
        assertThat(a.send(msg(7, "TPL1")).outcome()).isEqualTo(DeliveryResult.Outcome.SENT);
        assertThat(tokensIssued.get()).isEqualTo(1);
        JsonNode body = sendBodies.get(0);
        assertThat(body.path("touser").asText()).isEqualTo("oOPENID7");
        assertThat(body.path("template_id").asText()).isEqualTo("TPL1");
        assertThat(body.path("url").asText()).isEqualTo("https://m.example.com/#/TICKET/55");
        assertThat(body.path("data").path("first").path("value").asText()).isEqualTo("新派工单：GD1");
        assertThat(body.path("data").path("keyword1").path("value").asText()).isEqualTo("GD1");
        assertThat(body.path("data").path("keyword2").path("value").asText()).isEqualTo("您有新的工单GD1");
    }

    @Test
    void renewsAnExpiredTokenAndSendsOnceMore() {
        WeChatTemplateAdapter a = adapter("wxapp");
        assertThat(a.send(msg(7, "TPL1")).outcome()).isEqualTo(DeliveryResult.Outcome.SENT);
        nextErr = 42001;
        DeliveryResult r = a.send(msg(7, "TPL1"));
        assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.SENT);
        assertThat(tokensIssued.get()).isEqualTo(2);
        assertThat(sendQueries).last().isEqualTo("access_token=TOKEN2");
    }

    @Test
    void permanentAndRetryableErrors() {
        WeChatTemplateAdapter a = adapter("wxapp");
        nextErr = 43004;
        DeliveryResult unsubscribed = a.send(msg(7, "TPL1"));
        assertThat(unsubscribed.outcome()).isEqualTo(DeliveryResult.Outcome.FAILED);
        assertThat(unsubscribed.error()).contains("43004");
        nextErr = 45009;
        assertThat(a.send(msg(7, "TPL1")).outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
        // unbound user, missing template id: failed for good without calling WeChat
        int calls = sendQueries.size();
        assertThat(a.send(msg(8, "TPL1"))).satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.FAILED);
            assertThat(r.error()).contains("未绑定微信");
        });
        assertThat(a.send(msg(7, null)).error()).contains("模板ID");
        assertThat(sendQueries).hasSize(calls);
        // a wrong app id: the token call fails, retried later
        DeliveryResult badApp = adapter("other").send(msg(7, "TPL1"));
        assertThat(badApp.outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
        assertThat(badApp.error()).contains("access_token", "40013");
    }

    @Test
    void unconfiguredAccountFailsWithAClearReason() {
        NoticeProperties.Wechat c = new NoticeProperties.Wechat();
        DeliveryResult r = new WeChatTemplateAdapter(c, openids::get, JSON).send(msg(7, "TPL1"));
        assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.FAILED);
        assertThat(r.error()).contains("未配置微信公众号");
    }
}
