package cn.heatdesk.baseinfo.sync;

import cn.heatdesk.baseinfo.api.BillingHouseholdRecord;
import cn.heatdesk.baseinfo.api.BillingPaymentRecord;
import cn.heatdesk.baseinfo.api.ChangePage;
import cn.heatdesk.baseinfo.api.HeatNetReading;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.signing.ApiClient;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Entry of incoming records from both channels: pulled pages and pushed requests. Applies them
 * ({@link RecordApplier}), files every rejected record as a sync failure for retry and raises an alert.
 */
@Service
public class SyncIntake {

    public static final int MAX_PUSH = 1000;
    public static final String PULL = "PULL";
    public static final String PUSH = "PUSH";
    /** code of the group's root org (settings bootstrap); failures of unknown subsidiaries are filed under it */
    static final String ROOT_ORG_CODE = "GROUP";

    private final RecordApplier applier;
    private final SyncStore store;
    private final SyncAlerts alerts;
    private final OrgApi orgs;
    private final ObjectMapper json;

    public SyncIntake(RecordApplier applier, SyncStore store, SyncAlerts alerts, OrgApi orgs, ObjectMapper json) {
        this.applier = applier;
        this.store = store;
        this.alerts = alerts;
        this.orgs = orgs;
        this.json = json;
    }

    // ---- pull ------------------------------------------------------------------------------------------------

    public List<RecordApplier.Applied> pulledHouseholds(ChangePage<BillingHouseholdRecord> page) {
        List<RecordJson.Parsed<BillingHouseholdRecord>> in = pulled(page,
                r -> RecordJson.Parsed.of(r, r.householdCode(), r.subsidiaryCode()));
        return file(SyncSource.BILLING, SyncEntity.HOUSEHOLD, PULL, applier.households(in, null), 0L, null);
    }

    public List<RecordApplier.Applied> pulledPayments(ChangePage<BillingPaymentRecord> page) {
        List<RecordJson.Parsed<BillingPaymentRecord>> in = pulled(page,
                r -> RecordJson.Parsed.of(r, r.paymentId(), r.subsidiaryCode()));
        return file(SyncSource.BILLING, SyncEntity.PAYMENT, PULL, applier.payments(in, null), 0L, null);
    }

    public List<RecordApplier.Applied> pulledTemperatures(ChangePage<HeatNetReading> page) {
        List<RecordJson.Parsed<HeatNetReading>> in = pulled(page,
                r -> RecordJson.Parsed.of(r, r.readingId(), r.subsidiaryCode()));
        return file(SyncSource.HEATNET, SyncEntity.TEMPERATURE, PULL, applier.temperatures(in, null), 0L, null);
    }

    private <T> List<RecordJson.Parsed<T>> pulled(ChangePage<T> page, Function<T, RecordJson.Parsed<T>> of) {
        List<RecordJson.Parsed<T>> in = new ArrayList<>(page.size());
        for (T r : page.records()) {
            in.add(of.apply(r));
        }
        for (ChangePage.Unreadable u : page.unreadable()) {
            in.add(new RecordJson.Parsed<>(null, u.key(), subsidiaryCodeOf(u.payload()), u.payload(), u.field(),
                    u.reason() == null ? "记录格式不正确" : u.reason()));
        }
        return in;
    }

    private String subsidiaryCodeOf(String payload) {
        try {
            JsonNode n = json.readTree(payload == null ? "null" : payload);
            JsonNode v = n == null ? null : n.path("subsidiaryCode");
            return v != null && v.isValueNode() && !v.isNull() ? v.asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    // ---- push ------------------------------------------------------------------------------------------------

    public List<PushResult> pushedHouseholds(JsonNode body, ApiClient app) {
        List<RecordJson.Parsed<BillingHouseholdRecord>> in = pushed(body, BillingHouseholdRecord.class, "householdCode");
        return results(file(SyncSource.BILLING, SyncEntity.HOUSEHOLD, PUSH, applier.households(in, app.subsidiaryId()),
                app.appId(), app.orgPath()));
    }

    public List<PushResult> pushedPayments(JsonNode body, ApiClient app) {
        List<RecordJson.Parsed<BillingPaymentRecord>> in = pushed(body, BillingPaymentRecord.class, "paymentId");
        return results(file(SyncSource.BILLING, SyncEntity.PAYMENT, PUSH, applier.payments(in, app.subsidiaryId()),
                app.appId(), app.orgPath()));
    }

    public List<PushResult> pushedTemperatures(JsonNode body, ApiClient app) {
        List<RecordJson.Parsed<HeatNetReading>> in = pushed(body, HeatNetReading.class, "readingId");
        return results(file(SyncSource.HEATNET, SyncEntity.TEMPERATURE, PUSH, applier.temperatures(in, app.subsidiaryId()),
                app.appId(), app.orgPath()));
    }

    private <T> List<RecordJson.Parsed<T>> pushed(JsonNode body, Class<T> type, String keyField) {
        if (body == null || !body.isArray()) {
            throw BizException.invalid("records", "请求体须为 JSON 数组（每个元素一条记录）");
        }
        if (body.size() == 0) {
            throw BizException.invalid("records", "请求体是空数组，至少需要一条记录");
        }
        if (body.size() > MAX_PUSH) {
            throw BizException.invalid("records", "单次最多推送" + MAX_PUSH + "条记录，本次为" + body.size() + "条，请分批推送");
        }
        List<RecordJson.Parsed<T>> in = new ArrayList<>(body.size());
        for (JsonNode n : body) {
            in.add(RecordJson.read(json, n, type, keyField));
        }
        return in;
    }

    private static List<PushResult> results(List<RecordApplier.Applied> applied) {
        return applied.stream().map(PushResult::of).toList();
    }

    // ---- shared ----------------------------------------------------------------------------------------------

    /** files the retryable rejections as failures and raises one alert for them */
    private List<RecordApplier.Applied> file(SyncSource source, SyncEntity entity, String channel,
                                             List<RecordApplier.Applied> applied, long createdBy, String callerOrgPath) {
        List<RecordApplier.Applied> rejected = applied.stream().filter(a -> a.rejected() && a.retryable()).toList();
        if (!rejected.isEmpty()) {
            String fallback = callerOrgPath != null ? callerOrgPath : rootOrgPath();
            int n = store.recordFailures(source, entity, channel, rejected, createdBy, fallback);
            alerts.recordsFailed(source, entity, channel, n);
        }
        return applied;
    }

    String rootOrgPath() {
        return orgs.findByCode(ROOT_ORG_CODE).map(OrgInfo::orgPath).orElse("/");
    }
}
