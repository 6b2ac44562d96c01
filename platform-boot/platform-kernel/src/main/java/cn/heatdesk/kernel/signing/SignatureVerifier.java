package cn.heatdesk.kernel.signing;

import cn.heatdesk.kernel.crypto.HmacSm3;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the signature headers of one request. Order: header format → timestamp window → app → signature →
 * nonce (last, so that requests with a bad signature cannot use up nonces).
 */
@Component
public class SignatureVerifier {

    static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_\\-]{8,64}");
    static final Pattern APP_KEY = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");
    static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");
    /** Extra lifetime of a stored nonce beyond the skew window, so clocks a little apart never reopen it. */
    static final Duration NONCE_MARGIN = Duration.ofMinutes(1);

    private final IntegrationAppService apps;
    private final NonceStore nonces;
    private final Duration maxSkew;
    private Clock clock = Clock.systemUTC();

    public SignatureVerifier(IntegrationAppService apps, NonceStore nonces,
                             @Value("${heatdesk.security.signing.max-skew-seconds:300}") long maxSkewSeconds) {
        this.apps = apps;
        this.nonces = nonces;
        this.maxSkew = Duration.ofSeconds(maxSkewSeconds);
    }

    void setClock(Clock clock) {
        this.clock = clock;
    }

    public Duration maxSkew() {
        return maxSkew;
    }

    /**
     * @param rawPath  request URI as sent (no query)
     * @param rawQuery query string as sent, may be null
     */
    public Result verify(String method, String rawPath, String rawQuery, byte[] body,
                         String appKey, String timestamp, String nonce, String signature) {
        if (blank(appKey) || blank(timestamp) || blank(nonce) || blank(signature)) {
            return Result.fail("缺少签名请求头（需要 X-App-Key、X-Timestamp、X-Nonce、X-Signature）");
        }
        if (!APP_KEY.matcher(appKey).matches()) {
            return Result.fail("应用标识 X-App-Key 格式不正确");
        }
        if (!NONCE.matcher(nonce).matches()) {
            return Result.fail("随机串 X-Nonce 须为 8–64 位字母、数字、下划线或连字符");
        }
        if (!HEX64.matcher(signature).matches()) {
            return Result.fail("签名 X-Signature 须为 64 位十六进制字符串");
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Result.fail("时间戳 X-Timestamp 须为毫秒数");
        }
        Instant now = clock.instant();
        Instant sent = Instant.ofEpochMilli(ts);
        if (Duration.between(sent, now).abs().compareTo(maxSkew) > 0) {
            return Result.fail("请求时间戳已过期或与服务器时间相差超过 " + maxSkew.toSeconds() + " 秒，请校准时钟");
        }
        Optional<IntegrationAppService.Credential> credential = apps.findCredential(appKey);
        if (credential.isEmpty()) {
            return Result.fail("应用标识无效：" + appKey);
        }
        IntegrationApp app = credential.get().app();
        if (!app.enabled()) {
            return Result.fail("应用已停用：" + appKey);
        }
        String canonical = ApiSigner.canonicalRequest(method, rawPath, rawQuery, ts, nonce, body);
        String expected = ApiSigner.signature(credential.get().secret(), canonical);
        if (!HmacSm3.constantTimeEqualsHex(expected, signature)) {
            return Result.fail("签名不正确，请检查签名算法与密钥");
        }
        Instant expires = (sent.isAfter(now) ? sent : now).plus(maxSkew).plus(NONCE_MARGIN);
        if (!nonces.tryUse(appKey, nonce, expires)) {
            return Result.fail("请求随机串已使用过，疑似重放请求");
        }
        return Result.ok(new ApiClient(app.id(), app.appKey(), app.appName(), app.subsidiaryId(), app.orgPath()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Verification outcome: the client on success, a Chinese reason on failure. */
    public record Result(ApiClient client, String reason) {
        static Result ok(ApiClient client) {
            return new Result(client, null);
        }

        static Result fail(String reason) {
            return new Result(null, reason);
        }

        public boolean ok() {
            return client != null;
        }
    }
}
