package cn.heatdesk.kernel.signing;

import cn.heatdesk.kernel.crypto.HmacSm3;
import cn.heatdesk.kernel.crypto.Sm3;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Computes the signature headers of the HeatDesk open API (see docs/security.md, "接口签名"):
 * <pre>
 * canonical = METHOD + "\n" + PATH + "\n" + QUERY + "\n" + TIMESTAMP + "\n" + NONCE + "\n" + hex(SM3(body))
 * X-Signature = hex(HMAC-SM3(key = UTF-8(secret), canonical))
 * </pre>
 * METHOD upper case; PATH the request path exactly as sent (percent-encoding kept, no query); QUERY the raw
 * query parameters sorted by name then value ("a=1&amp;b=2"; empty when there is none); TIMESTAMP epoch millis;
 * hex is lower case. Used by the tests and by HeatDesk's own outbound calls.
 */
public final class ApiSigner {

    public static final String HEADER_APP_KEY = "X-App-Key";
    public static final String HEADER_TIMESTAMP = "X-Timestamp";
    public static final String HEADER_NONCE = "X-Nonce";
    public static final String HEADER_SIGNATURE = "X-Signature";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] NONCE_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

    private final String appKey;
    private final String secret;

    public ApiSigner(String appKey, String secret) {
        if (appKey == null || appKey.isBlank() || secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("appKey and secret are required");
        }
        this.appKey = appKey;
        this.secret = secret;
    }

    /** Headers for a request sent now with a fresh nonce. {@code pathWithQuery} as in the request line. */
    public Map<String, String> sign(String method, String pathWithQuery, byte[] body) {
        return sign(method, pathWithQuery, body, System.currentTimeMillis(), newNonce());
    }

    public Map<String, String> sign(String method, String pathWithQuery, byte[] body, long timestampMillis, String nonce) {
        int q = pathWithQuery.indexOf('?');
        String path = q < 0 ? pathWithQuery : pathWithQuery.substring(0, q);
        String query = q < 0 ? null : pathWithQuery.substring(q + 1);
        String canonical = canonicalRequest(method, path, query, timestampMillis, nonce, body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(HEADER_APP_KEY, appKey);
        headers.put(HEADER_TIMESTAMP, Long.toString(timestampMillis));
        headers.put(HEADER_NONCE, nonce);
        headers.put(HEADER_SIGNATURE, signature(secret, canonical));
        return headers;
    }

    public static String canonicalRequest(String method, String path, String rawQuery, long timestampMillis,
                                          String nonce, byte[] body) {
        return method.toUpperCase(Locale.ROOT) + "\n"
                + path + "\n"
                + canonicalQuery(rawQuery) + "\n"
                + timestampMillis + "\n"
                + nonce + "\n"
                + Sm3.hashHex(body == null ? new byte[0] : body);
    }

    /** Lower-case hex HMAC-SM3 with the UTF-8 bytes of {@code secret} as key. */
    public static String signature(String secret, String canonical) {
        return HmacSm3.macHex(secret.getBytes(StandardCharsets.UTF_8), canonical);
    }

    /**
     * Raw query (still percent-encoded, as sent) → parameters sorted by name, then value, joined with '&amp;'.
     * A parameter without '=' is written as "name="; empty pieces ("a=1&amp;&amp;b=2") are dropped.
     */
    public static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String piece : rawQuery.split("&")) {
            if (piece.isEmpty()) {
                continue;
            }
            int eq = piece.indexOf('=');
            pairs.add(eq < 0 ? new String[]{piece, ""} : new String[]{piece.substring(0, eq), piece.substring(eq + 1)});
        }
        pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        StringBuilder sb = new StringBuilder(rawQuery.length() + 4);
        for (String[] p : pairs) {
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(p[0]).append('=').append(p[1]);
        }
        return sb.toString();
    }

    /** 32 random letters and digits. */
    public static String newNonce() {
        char[] c = new char[32];
        for (int i = 0; i < c.length; i++) {
            c[i] = NONCE_CHARS[RANDOM.nextInt(NONCE_CHARS.length)];
        }
        return new String(c);
    }

    public String appKey() {
        return appKey;
    }

    @Override
    public String toString() {
        return "ApiSigner[appKey=" + appKey + "]";
    }
}
