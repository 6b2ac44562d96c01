package cn.heatdesk.notice.channel;

import cn.heatdesk.kernel.signing.ApiSigner;
import cn.heatdesk.notice.api.DeliveryResult;
import cn.heatdesk.notice.api.NoticeChannel;
import cn.heatdesk.notice.api.NoticeChannelAdapter;
import cn.heatdesk.notice.api.OutboxMessage;
import cn.heatdesk.notice.config.NoticeProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SMS through an HTTP gateway ({@code heatdesk.notice.sms.adapter=http}): one JSON POST per message to
 * {@code heatdesk.notice.sms.http.url}, signed like HeatDesk's open API ({@link ApiSigner}: X-App-Key,
 * X-Timestamp, X-Nonce, X-Signature = HMAC-SM3 over method, path, query, time, nonce and SM3 of the body), so
 * the gateway can reject forged or replayed requests. Body:
 * {@code {"requestId": "<outbox id>", "phone", "content", "signName", "eventCode", "bizNo"}}; requestId is the
 * same on every retry of a message, so the gateway can drop duplicates.
 * <p>Success = HTTP 2xx with {@code code} 0 (number or string) in the JSON answer. 5xx, 408, 429, timeouts,
 * connection errors and a non-zero code are retried; other 4xx answers (bad number, refused credentials) fail
 * the message for good (an administrator retries by hand after fixing it).
 */
public class HttpSmsGatewayAdapter implements NoticeChannelAdapter {

    private final URI uri;
    private final String pathWithQuery;
    private final ApiSigner signer;
    private final NoticeProperties.Http config;
    private final ObjectMapper json;
    private final HttpClient http;

    public HttpSmsGatewayAdapter(NoticeProperties.Http config, ObjectMapper json) {
        if (config.getUrl() == null || config.getUrl().isBlank()) {
            throw new IllegalStateException("heatdesk.notice.sms.adapter=http needs heatdesk.notice.sms.http.url");
        }
        if (config.getSecret() == null || config.getSecret().isEmpty()) {
            throw new IllegalStateException("heatdesk.notice.sms.adapter=http needs heatdesk.notice.sms.http.secret");
        }
        this.uri = URI.create(config.getUrl().strip());
        if (uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
            throw new IllegalStateException("heatdesk.notice.sms.http.url must be an http(s) URL: " + config.getUrl());
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        this.pathWithQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        this.signer = new ApiSigner(config.getAppKey(), config.getSecret());
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.getConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public NoticeChannel channel() {
        return NoticeChannel.SMS;
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public DeliveryResult send(OutboxMessage m) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", String.valueOf(m.id()));
        body.put("phone", m.address());
        body.put("content", m.content());
        body.put("signName", config.getSignName());
        body.put("eventCode", m.eventCode());
        body.put("bizNo", m.bizNo());
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            return DeliveryResult.failed("短信内容无法编码：" + e.getOriginalMessage(), null);
        }
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(config.getReadTimeout())
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        signer.sign("POST", pathWithQuery, bytes).forEach(req::header);
        HttpResponse<byte[]> resp;
        try {
            resp = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return DeliveryResult.retry("短信网关响应超时（" + config.getReadTimeout().toSeconds() + " 秒）", null);
        } catch (IOException e) {
            return DeliveryResult.retry("无法连接短信网关：" + describe(e), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.retry("发送被中断（应用正在停止）", null);
        }
        return interpret(resp.statusCode(), new String(resp.body(), StandardCharsets.UTF_8), json);
    }

    static DeliveryResult interpret(int status, String text, ObjectMapper json) {
        String shown = Texts.abbreviate(text == null ? "" : text.strip(), 500);
        if (status < 200 || status >= 300) {
            String error = "短信网关返回 HTTP " + status;
            boolean retryable = status >= 500 || status == 408 || status == 429;
            return retryable ? DeliveryResult.retry(error, shown) : DeliveryResult.failed(error + "（请求被拒绝，请检查配置或号码）", shown);
        }
        JsonNode node;
        try {
            node = text == null || text.isBlank() ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (node == null || !node.isObject() || !node.has("code")) {
            return DeliveryResult.retry("短信网关应答不是约定的 JSON（缺少 code）", shown);
        }
        String code = node.path("code").asText();
        if (!"0".equals(code)) {
            String msg = node.path("msg").asText(node.path("message").asText(""));
            return DeliveryResult.retry("短信网关返回错误 code=" + code + (msg.isBlank() ? "" : "：" + msg), shown);
        }
        return DeliveryResult.sent(shown);
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
