package cn.heatdesk.baseinfo.sync;

import cn.heatdesk.baseinfo.api.ChangeCursor;
import cn.heatdesk.baseinfo.api.ChangePage;
import cn.heatdesk.baseinfo.api.HeatNetClient;
import cn.heatdesk.baseinfo.api.HeatNetReading;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reference adapter of the smart heat network over HTTP (contract: docs/integrations/heatnet.md):
 * {@code GET {base}/temperatures/changes?since=&after=&limit=} for readings, {@code POST {base}/readings} for a
 * reading taken by HeatDesk.
 */
public class HttpHeatNetClient implements HeatNetClient {

    static final String NAME = "智慧热网";
    private final IntegrationHttp http;
    private final ObjectMapper json;

    public HttpHeatNetClient(IntegrationProperties.Endpoint endpoint, ObjectMapper json) {
        this.json = json;
        this.http = new IntegrationHttp(NAME, endpoint, json);
    }

    @Override
    public ChangePage<HeatNetReading> temperaturesSince(ChangeCursor since, int limit) {
        return RecordJson.page(json, NAME, http.get("/temperatures/changes", HttpBillingClient.query(since, limit)),
                HeatNetReading.class, "readingId", since);
    }

    @Override
    public void sendReading(HeatNetReading reading) {
        if (reading == null || reading.readingId() == null || reading.readingId().isBlank()) {
            throw new IllegalArgumentException("a reading needs its readingId");
        }
        http.post("/readings", reading);
    }

    public String baseUrl() {
        return http.base();
    }

    @Override
    public String toString() {
        return "HttpHeatNetClient[" + http.base() + "]";
    }
}
