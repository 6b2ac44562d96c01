package cn.heatdesk.kernel.storage;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * AWS Signature Version 4, header-based, payload in a single chunk — what an S3-compatible object store (MinIO,
 * Ceph RGW, the S3 modes of domestic clouds) checks on every request. Written from the AWS documentation so that
 * the kernel needs neither the AWS SDK nor the MinIO client; {@code SigV4SignerTest} holds it to the worked
 * examples AWS publishes.
 *
 * <p>Thread-safe and immutable apart from a cache of the day's signing key.
 */
public final class SigV4Signer {

    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    /** SHA-256 of the empty string: the payload hash of GET/HEAD/DELETE. */
    public static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private final String accessKey;
    private final String secretKey;
    private final String region;
    private final String service;
    private volatile CachedKey cachedKey;

    private record CachedKey(String date, byte[] key) {
    }

    /** What was signed and the header values to send. */
    public record Signed(String amzDate, String authorization, String signedHeaders, String signature,
                         String canonicalRequest, String stringToSign) {
    }

    public SigV4Signer(String accessKey, String secretKey, String region, String service) {
        if (blank(accessKey) || blank(secretKey) || blank(region) || blank(service)) {
            throw new IllegalArgumentException("access key, secret key, region and service are required");
        }
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
        this.service = service;
    }

    /**
     * Signs a request.
     *
     * @param method       HTTP method, upper case
     * @param canonicalUri the path exactly as sent on the wire, already URI-encoded ({@link #uriEncode}); "/" for none
     * @param query        decoded query parameters (empty map for none)
     * @param headers      the headers to sign, including {@code host}; {@code x-amz-date} is added from {@code time}
     *                     when absent. Names are case-insensitive.
     * @param payloadHash  hex SHA-256 of the body, or {@code UNSIGNED-PAYLOAD}
     */
    public Signed sign(String method, String canonicalUri, Map<String, String> query, Map<String, String> headers,
                       String payloadHash, Instant time) {
        String amzDate = AMZ_DATE.format(time);
        String date = amzDate.substring(0, 8);
        TreeMap<String, String> canonicalHeaders = new TreeMap<>();
        headers.forEach((name, value) -> canonicalHeaders.merge(name.toLowerCase(Locale.ROOT).strip(),
                normaliseHeaderValue(value), (a, b) -> a + "," + b));
        canonicalHeaders.putIfAbsent("x-amz-date", amzDate);
        if (!canonicalHeaders.containsKey("host")) {
            throw new IllegalArgumentException("the host header must be signed");
        }
        StringBuilder headerBlock = new StringBuilder();
        canonicalHeaders.forEach((n, v) -> headerBlock.append(n).append(':').append(v).append('\n'));
        String signedHeaders = String.join(";", canonicalHeaders.keySet());

        String canonicalRequest = method + '\n'
                + (canonicalUri == null || canonicalUri.isEmpty() ? "/" : canonicalUri) + '\n'
                + canonicalQuery(query) + '\n'
                + headerBlock + '\n'
                + signedHeaders + '\n'
                + payloadHash;
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = ALGORITHM + '\n' + canonicalHeaders.get("x-amz-date") + '\n' + scope + '\n'
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        String signature = HEX.formatHex(hmac(signingKey(date), stringToSign));
        String authorization = ALGORITHM + " Credential=" + accessKey + "/" + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
        return new Signed(canonicalHeaders.get("x-amz-date"), authorization, signedHeaders, signature,
                canonicalRequest, stringToSign);
    }

    /** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
    public byte[] signingKey(String yyyymmdd) {
        CachedKey c = cachedKey;
        if (c != null && c.date().equals(yyyymmdd)) {
            return c.key();
        }
        byte[] kDate = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), yyyymmdd);
        byte[] kRegion = hmac(kDate, region);
        byte[] kService = hmac(kRegion, service);
        byte[] kSigning = hmac(kService, "aws4_request");
        cachedKey = new CachedKey(yyyymmdd, kSigning);
        return kSigning;
    }

    public String accessKey() {
        return accessKey;
    }

    public String region() {
        return region;
    }

    /**
     * URI-encodes per the SigV4 rules: unreserved characters (A–Z, a–z, 0–9, '-', '.', '_', '~') stay, every other
     * UTF-8 byte becomes %XX in upper case; '/' stays when {@code encodeSlash} is false (object key paths).
     */
    public static String uriEncode(CharSequence input, boolean encodeSlash) {
        byte[] bytes = input.toString().getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || (c == '/' && !encodeSlash)) {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    /** Parameters sorted by encoded name (then value), each name and value encoded, "name=" for an empty value. */
    static String canonicalQuery(Map<String, String> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        query.forEach((k, v) -> sorted.put(uriEncode(k, true), uriEncode(v == null ? "" : v, true)));
        StringBuilder sb = new StringBuilder();
        sorted.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "&").append(k).append('=').append(v));
        return sb.toString();
    }

    /** Trimmed, runs of spaces collapsed to one (the canonical header value). */
    static String normaliseHeaderValue(String value) {
        return value == null ? "" : value.strip().replaceAll(" {2,}", " ");
    }

    public static String sha256Hex(byte[] data) {
        return HEX.formatHex(sha256().digest(data));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "SigV4Signer[accessKey=" + accessKey + ", region=" + region + ", service=" + service + ", secret=<redacted>]";
    }
}
