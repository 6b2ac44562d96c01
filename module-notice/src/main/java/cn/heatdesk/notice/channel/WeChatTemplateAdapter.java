package cn.heatdesk.notice.channel;

import cn.heatdesk.notice.api.DeliveryResult;
import cn.heatdesk.notice.api.NoticeChannel;
import cn.heatdesk.notice.api.NoticeChannelAdapter;
import cn.heatdesk.notice.api.OutboxMessage;
import cn.heatdesk.notice.config.NoticeProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * WeChat official-account template messages, over the same HTTP API as WeChat itself: the access token from
 * {@code GET /cgi-bin/token?grant_type=client_credential&appid&secret} (cached until five minutes before it
 * expires), then {@code POST /cgi-bin/message/template/send?access_token=…} with
 * {@code {touser: openid, template_id, url, data: {first, keyword1 (number), keyword2 (content), remark}}}.
 * The base URL is configurable ({@code heatdesk.notice.wechat.base-url}) for a proxy or a test server.
 * <p>The openid comes from nt_wechat_binding. Unbound users, an unconfigured account, a template without a
 * WeChat template id and the WeChat answers "invalid openid" / "user unsubscribed" fail for good; network
 * errors and other error codes are retried. An expired token is renewed and the message sent once more.
 */
public class WeChatTemplateAdapter implements NoticeChannelAdapter {

    /** access token invalid or expired: fetch a new one */
    static final Set<Integer> TOKEN_ERRORS = Set.of(40001, 40014, 42001);
    /** invalid openid, user not following the account, user refused messages: retrying cannot help */
    static final Set<Integer> PERMANENT_ERRORS = Set.of(40003, 43004, 43101, 40037);

    private final NoticeProperties.Wechat config;
    private final WechatBindingMapper bindings;
    private final ObjectMapper json;
    private final HttpClient http;
    private final String base;
    private String token;
    private long tokenExpiresAtMillis;

    public WeChatTemplateAdapter(NoticeProperties.Wechat config, WechatBindingMapper bindings, ObjectMapper json) {
        this.config = config;
        this.bindings = bindings;
        this.json = json;
        String b = config.getBaseUrl() == null ? "" : config.getBaseUrl().strip();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        this.base = b;
        this.http = HttpClient.newBuilder().connectTimeout(config.getConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public NoticeChannel channel() {
        return NoticeChannel.WECHAT;
    }

    @Override
    public String name() {
        return "wechat";
    }

    boolean configured() {
        return !base.isEmpty() && notBlank(config.getAppId()) && notBlank(config.getAppSecret());
    }

    @Override
    public DeliveryResult send(OutboxMessage m) {
        if (!configured()) {
            return DeliveryResult.failed("未配置微信公众号（heatdesk.notice.wechat.app-id / app-secret）", null);
        }
        if (m.extTemplateId() == null || m.extTemplateId().isBlank()) {
            return DeliveryResult.failed("通知模板未填写微信模板ID", null);
        }
        String openid = bindings.selectOpenid(m.recipientId());
        if (openid == null || openid.isBlank()) {
            return DeliveryResult.failed("收件人未绑定微信，无法发送微信消息", null);
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(message(m, openid));
        } catch (JsonProcessingException e) {
            return DeliveryResult.failed("微信消息无法编码：" + e.getOriginalMessage(), null);
        }
        try {
            DeliveryResult first = post(body, false);
            return first != null ? first : post(body, true);
        } catch (HttpTimeoutException e) {
            return DeliveryResult.retry("微信接口响应超时", null);
        } catch (IOException e) {
            return DeliveryResult.retry("无法连接微信接口：" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.retry("发送被中断（应用正在停止）", null);
        } catch (TokenException e) {
            return DeliveryResult.retry(e.getMessage(), e.response);
        }
    }

    ObjectNode message(OutboxMessage m, String openid) {
        ObjectNode msg = json.createObjectNode();
        msg.put("touser", openid);
        msg.put("template_id", m.extTemplateId());
        if (notBlank(config.getLinkUrl())) {
            msg.put("url", config.getLinkUrl()
                    .replace("{bizType}", m.bizType() == null ? "" : m.bizType())
                    .replace("{bizId}", m.bizId() == null ? "" : String.valueOf(m.bizId())));
        }
        ObjectNode data = msg.putObject("data");
        data.putObject("first").put("value", m.title() == null ? "" : m.title());
        data.putObject("keyword1").put("value", m.bizNo() == null ? "" : m.bizNo());
        data.putObject("keyword2").put("value", m.content());
        data.putObject("remark").put("value", "请及时处理");
        return msg;
    }

    /** @return the result, or null when the token was refused and one more try with a fresh token is due */
    private DeliveryResult post(byte[] body, boolean retryWithFreshToken) throws IOException, InterruptedException {
        String accessToken = token(retryWithFreshToken);
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/cgi-bin/message/template/send?access_token="
                        + URLEncoder.encode(accessToken, StandardCharsets.UTF_8)))
                .timeout(config.getReadTimeout())
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String shown = Texts.abbreviate(resp.body() == null ? "" : resp.body().strip(), 500);
        if (resp.statusCode() < 200 || resp.statusCode() >= 300) {
            return DeliveryResult.retry("微信接口返回 HTTP " + resp.statusCode(), shown);
        }
        JsonNode node = parse(resp.body());
        if (node == null || !node.has("errcode")) {
            return DeliveryResult.retry("微信接口应答无法识别", shown);
        }
        int errcode = node.path("errcode").asInt(-1);
        if (errcode == 0) {
            return DeliveryResult.sent(shown);
        }
        String error = "微信接口返回错误 " + errcode + "：" + node.path("errmsg").asText("");
        if (TOKEN_ERRORS.contains(errcode)) {
            invalidateToken();
            return retryWithFreshToken ? DeliveryResult.retry(error, shown) : null;
        }
        return PERMANENT_ERRORS.contains(errcode) ? DeliveryResult.failed(error, shown) : DeliveryResult.retry(error, shown);
    }

    private synchronized void invalidateToken() {
        token = null;
    }

    private synchronized String token(boolean forceRefresh) throws IOException, InterruptedException {
        if (!forceRefresh && token != null && System.currentTimeMillis() < tokenExpiresAtMillis) {
            return token;
        }
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/cgi-bin/token?grant_type=client_credential&appid="
                        + URLEncoder.encode(config.getAppId().strip(), StandardCharsets.UTF_8)
                        + "&secret=" + URLEncoder.encode(config.getAppSecret(), StandardCharsets.UTF_8)))
                .timeout(config.getReadTimeout()).GET().build();
        HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode node = parse(resp.body());
        String shown = Texts.abbreviate(resp.body() == null ? "" : resp.body().strip(), 300);
        if (resp.statusCode() != 200 || node == null || !node.hasNonNull("access_token")) {
            String why = node != null && node.has("errcode")
                    ? node.path("errcode").asText() + " " + node.path("errmsg").asText("") : "HTTP " + resp.statusCode();
            throw new TokenException("获取微信 access_token 失败：" + why, shown);
        }
        token = node.path("access_token").asText();
        long expiresIn = node.path("expires_in").asLong(7200);
        // renew five minutes early so a token never expires between fetching and using it
        tokenExpiresAtMillis = System.currentTimeMillis() + Math.max(60, expiresIn - 300) * 1000L;
        return token;
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    static final class TokenException extends RuntimeException {
        final String response;

        TokenException(String message, String response) {
            super(message);
            this.response = response;
        }
    }
}
