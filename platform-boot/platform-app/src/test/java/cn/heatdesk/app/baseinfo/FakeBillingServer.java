package cn.heatdesk.app.baseinfo;

import cn.heatdesk.baseinfo.api.BillingHouseholdRecord;
import cn.heatdesk.baseinfo.api.BillingPaymentRecord;
import cn.heatdesk.baseinfo.api.HeatNetReading;
import cn.heatdesk.kernel.signing.ApiSigner;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A stand-in for the billing system (经营计费) and the smart heat network (智慧热网) for the tests: a real HTTP server
 * on a random local port serving the documented contract (docs/integrations/billing.md, heatnet.md) from
 * in-memory data, with switchable failure modes.
 *
 * <ul>
 *   <li>{@code GET /billing/households/changes?since=&after=&limit=} and {@code /billing/payments/changes},
 *       {@code GET /heatnet/temperatures/changes}: records with (updatedAt, key) after (since, after), ascending,
 *       at most min(limit, {@link #maxPageSize}), with {@code nextCursor} and {@code hasMore};</li>
 *   <li>{@code POST /heatnet/readings}: readings sent by HeatDesk, kept in {@link #receivedReadings()};</li>
 *   <li>with {@link #requireSignature} set, requests must carry a valid HMAC-SM3 signature (else 401), proving that
 *       HeatDesk signs its calls;</li>
 *   <li>{@link Mode#SERVER_ERROR} answers 500, {@link Mode#GARBAGE} answers 200 with a non-JSON body.</li>
 * </ul>
 */
public final class FakeBillingServer implements AutoCloseable {

    public enum Mode { OK, SERVER_ERROR, GARBAGE }

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final HttpServer server;
    private final Map<String, BillingHouseholdRecord> households = new HashMap<>();
    private final Map<String, BillingPaymentRecord> payments = new HashMap<>();
    private final Map<String, HeatNetReading> readings = new HashMap<>();
    /** raw JSON entries served in addition to the records (to test malformed entries), by feed */
    private final Map<String, List<ObjectNode>> rawEntries = new HashMap<>();
    private final List<HeatNetReading> received = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusedSignatures = new AtomicInteger();
    private volatile Mode mode = Mode.OK;
    private volatile int maxPageSize = 1000;
    private volatile String appKey;
    private volatile String secret;

    public FakeBillingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String billingUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/billing";
    }

    public String heatNetUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/heatnet";
    }

    public FakeBillingServer mode(Mode m) {
        this.mode = m;
        return this;
    }

    public FakeBillingServer maxPageSize(int n) {
        this.maxPageSize = n;
        return this;
    }

    /** from now on only requests signed with this key and secret are served */
    public FakeBillingServer requireSignature(String appKey, String secret) {
        this.appKey = appKey;
        this.secret = secret;
        return this;
    }

    public synchronized void put(BillingHouseholdRecord r) {
        households.put(r.subsidiaryCode() + ":" + r.householdCode(), r);
    }

    public synchronized void put(BillingPaymentRecord p) {
        payments.put(p.paymentId(), p);
    }

    public synchronized void put(HeatNetReading r) {
        readings.put(r.readingId(), r);
    }

    /** an entry served as is in the feed {@code households|payments|temperatures}, ordered by its updatedAt and key */
    public synchronized void putRaw(String feed, ObjectNode entry) {
        rawEntries.computeIfAbsent(feed, k -> new ArrayList<>()).add(entry);
    }

    public List<HeatNetReading> receivedReadings() {
        return List.copyOf(received);
    }

    /** request lines seen, e.g. "GET /billing/households/changes?limit=4" */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public int refusedSignatures() {
        return refusedSignatures.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- serving ---------------------------------------------------------------------------------------------

    /** one entry of a feed: its sort position and JSON */
    private record Entry(LocalDateTime at, String key, ObjectNode json) {
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getRawPath();
            String query = ex.getRequestURI().getRawQuery();
            requests.add(ex.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
            if (secret != null && !signedCorrectly(ex, path, query, body)) {
                refusedSignatures.incrementAndGet();
                send(ex, 401, "{\"msg\":\"bad signature\"}");
                return;
            }
            if (mode == Mode.SERVER_ERROR) {
                send(ex, 500, "{\"msg\":\"计费数据库不可用\"}");
                return;
            }
            if (mode == Mode.GARBAGE) {
                send(ex, 200, "<html>maintenance</html>");
                return;
            }
            Map<String, String> q = parse(query);
            switch (ex.getRequestMethod() + " " + path) {
                case "GET /billing/households/changes" -> send(ex, 200, page("households", q));
                case "GET /billing/payments/changes" -> send(ex, 200, page("payments", q));
                case "GET /heatnet/temperatures/changes" -> send(ex, 200, page("temperatures", q));
                case "POST /heatnet/readings" -> {
                    received.add(JSON.readValue(body, HeatNetReading.class));
                    send(ex, 200, "{\"ok\":true}");
                }
                default -> send(ex, 404, "{\"msg\":\"no such path\"}");
            }
        }
    }

    private boolean signedCorrectly(HttpExchange ex, String path, String query, byte[] body) {
        String key = ex.getRequestHeaders().getFirst(ApiSigner.HEADER_APP_KEY);
        String ts = ex.getRequestHeaders().getFirst(ApiSigner.HEADER_TIMESTAMP);
        String nonce = ex.getRequestHeaders().getFirst(ApiSigner.HEADER_NONCE);
        String sig = ex.getRequestHeaders().getFirst(ApiSigner.HEADER_SIGNATURE);
        if (!appKey.equals(key) || ts == null || nonce == null || sig == null) {
            return false;
        }
        String canonical = ApiSigner.canonicalRequest(ex.getRequestMethod(), path, query, Long.parseLong(ts), nonce, body);
        return ApiSigner.signature(secret, canonical).equals(sig);
    }

    private synchronized String page(String feed, Map<String, String> q) throws IOException {
        List<Entry> all = new ArrayList<>();
        switch (feed) {
            case "households" -> households.forEach((k, r) -> all.add(new Entry(r.updatedAt(), k, JSON.valueToTree(r))));
            case "payments" -> payments.forEach((k, r) -> all.add(new Entry(r.updatedAt(), k, JSON.valueToTree(r))));
            default -> readings.forEach((k, r) -> all.add(new Entry(r.measuredAt(), k, JSON.valueToTree(r))));
        }
        Function<ObjectNode, String> keyOf = n -> switch (feed) {
            case "households" -> n.path("subsidiaryCode").asText() + ":" + n.path("householdCode").asText();
            case "payments" -> n.path("paymentId").asText();
            default -> n.path("readingId").asText();
        };
        for (ObjectNode raw : rawEntries.getOrDefault(feed, List.of())) {
            String at = raw.path(feed.equals("temperatures") ? "measuredAt" : "updatedAt").asText();
            all.add(new Entry(LocalDateTime.parse(at), keyOf.apply(raw), raw));
        }
        all.sort(Comparator.comparing(Entry::at).thenComparing(Entry::key));
        LocalDateTime since = q.get("since") == null ? null : LocalDateTime.parse(q.get("since"));
        String after = q.getOrDefault("after", "");
        int limit = Math.min(Integer.parseInt(q.getOrDefault("limit", "100")), maxPageSize);
        List<Entry> newer = all.stream()
                .filter(e -> since == null || e.at().isAfter(since) || (e.at().isEqual(since) && e.key().compareTo(after) > 0))
                .toList();
        List<Entry> page = newer.subList(0, Math.min(limit, newer.size()));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode records = out.putArray("records");
        page.forEach(e -> records.add(e.json()));
        if (!page.isEmpty()) {
            Entry last = page.get(page.size() - 1);
            out.putObject("nextCursor").put("updatedAt", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(last.at())).put("lastKey", last.key());
        }
        out.put("hasMore", newer.size() > page.size());
        return JSON.writeValueAsString(out);
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> m = new HashMap<>();
        if (query == null) {
            return m;
        }
        for (String p : query.split("&")) {
            int eq = p.indexOf('=');
            if (eq > 0) {
                m.put(URLDecoder.decode(p.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", body.startsWith("<") ? "text/html" : "application/json;charset=UTF-8");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }
}
