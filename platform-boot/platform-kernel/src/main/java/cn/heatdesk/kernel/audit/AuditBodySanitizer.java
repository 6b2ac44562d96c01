package cn.heatdesk.kernel.audit;

import cn.heatdesk.kernel.crypto.MaskType;
import cn.heatdesk.kernel.crypto.Masking;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a request body into the audit {@code detail}: secrets masked, binary and multipart bodies omitted,
 * cut to {@link #MAX_LENGTH} characters. JSON fields named {@code password}, {@code oldPassword},
 * {@code newPassword}, {@code secret}, or ending in {@code Password}/{@code Secret}/{@code Token}/{@code Pwd}/
 * {@code PrivateKey}/{@code Credential} are replaced by {@value #MASK}, at any depth. Bodies that cannot be parsed
 * (including JSON cut off by the cache limit) are masked by pattern instead.
 */
public final class AuditBodySanitizer {

    public static final int MAX_LENGTH = 4000;
    public static final String MASK = "******";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SENSITIVE_NAME = "[A-Za-z0-9_\\-]*(?i:password|passwd|pwd|secret|token|privatekey|private_key|credential)";
    private static final Pattern JSON_PAIR = Pattern.compile(
            "(\"" + SENSITIVE_NAME + "\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*(?:\"|$)|[^,}\\]\\s]+)");
    private static final Pattern FORM_PAIR = Pattern.compile("(^|&)(" + SENSITIVE_NAME + ")=([^&]*)");

    private AuditBodySanitizer() {
    }

    public static boolean isSensitiveName(String name) {
        if (name == null) {
            return false;
        }
        String n = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return n.endsWith("password") || n.endsWith("passwd") || n.endsWith("pwd") || n.endsWith("secret")
                || n.endsWith("token") || n.endsWith("privatekey") || n.endsWith("credential");
    }

    /**
     * @param body        raw bytes (may be a prefix of the real body when it was larger than the cache)
     * @param contentType request content type, may be null
     * @param charset     body charset, null means UTF-8
     * @return the detail text, or null when there is nothing to record
     */
    public static String sanitize(byte[] body, String contentType, Charset charset) {
        if (body == null || body.length == 0) {
            return null;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/")) {
            return "[multipart 请求体未记录，" + body.length + " 字节]";
        }
        if (!type.isEmpty() && !isTextual(type)) {
            return "[二进制请求体未记录，" + body.length + " 字节]";
        }
        String text = new String(body, charset == null ? StandardCharsets.UTF_8 : charset);
        String result;
        if (type.contains("x-www-form-urlencoded")) {
            result = sanitizeForm(text);
        } else {
            String trimmed = text.stripLeading();
            if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                result = sanitizeJson(text);
            } else {
                result = sanitizeText(text);
            }
        }
        return truncate(result);
    }

    /** Masks sensitive JSON fields; unparseable text falls back to pattern masking. */
    public static String sanitizeJson(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null) {
                return sanitizeText(json);
            }
            mask(root);
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            return sanitizeText(json);
        }
    }

    static String sanitizeForm(String form) {
        StringBuilder out = new StringBuilder(form.length());
        for (String pair : form.split("&", -1)) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String decodedName;
            try {
                decodedName = URLDecoder.decode(name, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decodedName = name;
            }
            if (eq >= 0 && isSensitiveName(decodedName)) {
                out.append(name).append('=').append(MASK);
            } else {
                out.append(pair);
            }
        }
        return out.toString();
    }

    /** Pattern-based masking for anything that is not well-formed JSON or a form. */
    static String sanitizeText(String text) {
        Matcher m = JSON_PAIR.matcher(text);
        String s = m.replaceAll(mr -> Matcher.quoteReplacement(mr.group(1) + "\"" + MASK + "\""));
        Matcher f = FORM_PAIR.matcher(s);
        return f.replaceAll(mr -> Matcher.quoteReplacement(mr.group(1) + mr.group(2) + "=" + MASK));
    }

    /**
     * Personal data in audit details keeps only what identifies it to an auditor (138****1234): fields named
     * phone/phones/mobile/tel or ending in Phone/Phones, and idNumber or ending in IdNumber.
     */
    static MaskType personalData(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        if (n.endsWith("phone") || n.endsWith("phones") || n.equals("mobile") || n.equals("tel")) {
            return MaskType.PHONE;
        }
        if (n.endsWith("idnumber") || n.endsWith("idno") || n.endsWith("idcard")) {
            return MaskType.ID_NUMBER;
        }
        return null;
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                MaskType personal = personalData(e.getKey());
                if (isSensitiveName(e.getKey()) && !e.getValue().isNull()) {
                    e.setValue(TextNode.valueOf(MASK));
                } else if (personal != null && e.getValue().isTextual()) {
                    e.setValue(TextNode.valueOf(Masking.mask(e.getValue().asText(), personal)));
                } else if (personal != null && e.getValue() instanceof ArrayNode items) {
                    for (int i = 0; i < items.size(); i++) {
                        if (items.get(i).isTextual()) {
                            items.set(i, TextNode.valueOf(Masking.mask(items.get(i).asText(), personal)));
                        }
                    }
                } else {
                    mask(e.getValue());
                }
            }
        } else if (node instanceof ArrayNode arr) {
            arr.forEach(AuditBodySanitizer::mask);
        }
    }

    private static boolean isTextual(String type) {
        return type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.contains("x-www-form-urlencoded") || type.contains("javascript");
    }

    static String truncate(String s) {
        if (s == null || s.length() <= MAX_LENGTH) {
            return s;
        }
        int end = MAX_LENGTH;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…(已截断)";
    }
}
