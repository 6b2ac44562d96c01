package cn.heatdesk.baseinfo.sync;

import cn.heatdesk.baseinfo.api.BillingHouseholdRecord;
import cn.heatdesk.baseinfo.api.BillingPaymentRecord;
import cn.heatdesk.baseinfo.api.BillingSystemClient;
import cn.heatdesk.baseinfo.api.ChangeCursor;
import cn.heatdesk.baseinfo.api.ChangePage;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reference adapter of the billing system over HTTP (contract: docs/integrations/billing.md):
 * {@code GET {base}/households/changes?since=&after=&limit=} and {@code GET {base}/payments/changes?…}, each
 * answering {@code {records, nextCursor:{updatedAt, lastKey}, hasMore}}. Requests are signed with HMAC-SM3 when an
 * app key and secret are configured.
 */
public class HttpBillingClient implements BillingSystemClient {

    static final String NAME = "经营计费系统";
    private final IntegrationHttp http;
    private final ObjectMapper json;

    public HttpBillingClient(IntegrationProperties.Endpoint endpoint, ObjectMapper json) {
        this.json = json;
        this.http = new IntegrationHttp(NAME, endpoint, json);
    }

    @Override
    public ChangePage<BillingHouseholdRecord> householdsChangedSince(ChangeCursor since, int limit) {
        return RecordJson.page(json, NAME, http.get("/households/changes", query(since, limit)),
                BillingHouseholdRecord.class, "householdCode", since);
    }

    @Override
    public ChangePage<BillingPaymentRecord> paymentsChangedSince(ChangeCursor since, int limit) {
        return RecordJson.page(json, NAME, http.get("/payments/changes", query(since, limit)),
                BillingPaymentRecord.class, "paymentId", since);
    }

    static Map<String, String> query(ChangeCursor since, int limit) {
        Map<String, String> q = new LinkedHashMap<>();
        ChangeCursor c = since == null ? ChangeCursor.START : since;
        // ISO with seconds always written (LocalDateTime.toString drops ":00")
        q.put("since", c.updatedAt() == null ? null : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(c.updatedAt()));
        q.put("after", c.lastKey());
        q.put("limit", Integer.toString(limit));
        return q;
    }

    public String baseUrl() {
        return http.base();
    }

    @Override
    public String toString() {
        return "HttpBillingClient[" + http.base() + "]";
    }
}
