package cn.heatdesk.baseinfo.sync;

import cn.heatdesk.kernel.signing.ApiSigner;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * JSON over HTTP to one external system, with timeouts, optional HMAC-SM3 request signing (the same recipe
 * HeatDesk's own open API checks, {@link ApiSigner}) and Chinese error messages. Thread-safe.
 */
final class IntegrationHttp {

    private final String systemName;
    private final String base;
    private final String basePath;
    private final IntegrationProperties.Endpoint endpoint;
    private final ObjectMapper json;
    private final ApiSigner signer;
    private final HttpClient http;

    IntegrationHttp(String systemName, IntegrationProperties.Endpoint endpoint, ObjectMapper json) {
        if (!endpoint.configured()) {
            throw new IllegalArgumentException(systemName + ": base-url is not configured");
        }
        String b = endpoint.getBaseUrl().strip();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        URI uri = URI.create(b);
        if (uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException(systemName + ": base-url must be an http(s) URL: " + b);
        }
        this.systemName = systemName;
        this.base = b;
        this.basePath = uri.getRawPath() == null ? "" : uri.getRawPath();
        this.endpoint = endpoint;
        this.json = json;
        this.signer = endpoint.signing() ? new ApiSigner(endpoint.getAppKey().strip(), endpoint.getAppSecret()) : null;
        this.http = HttpClient.newBuilder()
                .connectTimeout(endpoint.getConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    String base() {
        return base;
    }

    /** GET {base}{path}?query; null query values are left out */
    JsonNode get(String path, Map<String, String> query) {
        StringJoiner q = new StringJoiner("&");
        query.forEach((k, v) -> {
            if (v != null) {
                q.add(encode(k) + "=" + encode(v));
            }
        });
        String pathWithQuery = basePath + path + (q.length() == 0 ? "" : "?" + q);
        HttpRequest.Builder req = request(pathWithQuery).GET();
        sign(req, "GET", pathWithQuery, new byte[0]);
        return send(req, pathWithQuery);
    }

    /** POST {base}{path} with a JSON body */
    JsonNode post(String path, Object body) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise request body", e);
        }
        String pathWithQuery = basePath + path;
        HttpRequest.Builder req = request(pathWithQuery)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        sign(req, "POST", pathWithQuery, bytes);
        return send(req, pathWithQuery);
    }

    private HttpRequest.Builder request(String pathWithQuery) {
        URI origin = URI.create(base);
        String authority = origin.getRawAuthority();
        return HttpRequest.newBuilder(URI.create(origin.getScheme() + "://" + authority + pathWithQuery))
                .timeout(endpoint.getReadTimeout())
                .header("Accept", "application/json");
    }

    private void sign(HttpRequest.Builder req, String method, String pathWithQuery, byte[] body) {
        if (signer != null) {
            signer.sign(method, pathWithQuery, body).forEach(req::header);
        }
    }

    private JsonNode send(HttpRequest.Builder req, String pathWithQuery) {
        HttpResponse<byte[]> resp;
        try {
            resp = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new IntegrationCallException(systemName + "响应超时（" + pathWithQuery + "）：" + e.getMessage(), 0, e);
        } catch (IOException e) {
            throw new IntegrationCallException("无法连接" + systemName + "（" + base + "）：" + describe(e), 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntegrationCallException("调用" + systemName + "时被中断", 0, e);
        }
        int status = resp.statusCode();
        String text = new String(resp.body(), StandardCharsets.UTF_8);
        if (status < 200 || status >= 300) {
            throw new IntegrationCallException(systemName + "返回错误 HTTP " + status + "（" + pathWithQuery + "）"
                    + (text.isBlank() ? "" : "：" + abbreviate(text.strip(), 300)), status, null);
        }
        if (text.isBlank()) {
            return json.nullNode();
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IntegrationCallException(systemName + "的应答不是有效的 JSON（" + pathWithQuery + "）："
                    + abbreviate(text.strip(), 200), status, e);
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    private static String encode(String s) {
        // URLEncoder writes form encoding; a space must travel as %20 in a query the signature covers
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
