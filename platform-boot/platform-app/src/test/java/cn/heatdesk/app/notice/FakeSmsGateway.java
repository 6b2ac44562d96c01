package cn.heatdesk.app.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in SMS gateway on a random local port: {@code POST /sms/send} records each request (headers and body)
 * and answers per mode — fail the first request of each requestId with HTTP 500 then accept, always fail, or
 * answer 200 with a non-zero code.
 */
final class FakeSmsGateway implements AutoCloseable {

    enum Mode { FAIL_FIRST, ALWAYS_500, OK, CODE_NOT_ZERO }

    record Received(String requestId, Map<String, String> headers, byte[] body, JsonNode json) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> perRequestId = new ConcurrentHashMap<>();
    volatile Mode mode = Mode.FAIL_FIRST;

    FakeSmsGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms/send", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms/send";
    }

    List<Received> received(String requestId) {
        return received.stream().filter(r -> requestId.equals(r.requestId())).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        JsonNode json = JSON.readTree(body);
        String requestId = json.path("requestId").asText();
        Map<String, String> headers = new ConcurrentHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
        received.add(new Received(requestId, headers, body, json));
        int n = perRequestId.computeIfAbsent(requestId, k -> new AtomicInteger()).incrementAndGet();
        switch (mode) {
            case FAIL_FIRST -> {
                if (n == 1) {
                    reply(ex, 500, "{\"code\":500,\"msg\":\"gateway busy\"}");
                } else {
                    reply(ex, 200, "{\"code\":0,\"msg\":\"ok\",\"messageId\":\"M" + requestId + "\"}");
                }
            }
            case ALWAYS_500 -> reply(ex, 500, "{\"code\":500,\"msg\":\"down\"}");
            case CODE_NOT_ZERO -> reply(ex, 200, "{\"code\":\"E17\",\"msg\":\"余额不足\"}");
            case OK -> reply(ex, 200, "{\"code\":\"0\",\"msg\":\"ok\"}");
        }
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
