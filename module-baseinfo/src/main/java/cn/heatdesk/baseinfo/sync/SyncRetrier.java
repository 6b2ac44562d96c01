package cn.heatdesk.baseinfo.sync;

import cn.heatdesk.baseinfo.api.BillingHouseholdRecord;
import cn.heatdesk.baseinfo.api.BillingPaymentRecord;
import cn.heatdesk.baseinfo.api.HeatNetReading;
import cn.heatdesk.kernel.security.SecurityContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Retries failed records: re-reads the stored payload and applies it again. Success (including "stale": a newer
 * version already arrived, and "duplicate": it is already there) resolves the row; another failure counts the
 * attempt and schedules the next one ({@link Backoff}); after {@link Backoff#MAX_ATTEMPTS} attempts the row is
 * ABANDONED — still listed, and a person can retry it by hand.
 */
@Service
public class SyncRetrier {

    /** rows retried by one "全部重试" request; the rest stay for the next click or the job */
    public static final int RETRY_ALL_LIMIT = 200;
    private static final Logger log = LoggerFactory.getLogger(SyncRetrier.class);

    /** answer of "全部重试" */
    public record RetryAllResult(int tried, int resolved, int failed, boolean more) {
    }

    private final SyncStore store;
    private final RecordApplier applier;
    private final SyncAlerts alerts;
    private final IntegrationProperties props;
    private final ObjectMapper json;

    public SyncRetrier(SyncStore store, RecordApplier applier, SyncAlerts alerts, IntegrationProperties props,
                       ObjectMapper json) {
        this.store = store;
        this.applier = applier;
        this.alerts = alerts;
        this.props = props;
        this.json = json;
    }

    /** the job: every due PENDING row, oldest first; stops when the database itself fails */
    public int retryDue() {
        List<SyncFailure> due = store.due(LocalDateTime.now(), Math.max(1, props.getRetry().getBatchSize()));
        int resolved = 0;
        for (SyncFailure f : due) {
            try {
                if (SyncStore.RESOLVED.equals(retryOne(f).getStatus())) {
                    resolved++;
                }
            } catch (RuntimeException e) {
                if (RecordApplier.systemic(e)) {
                    log.warn("sync retry stopped: database unavailable: {}", e.toString());
                    break;
                }
                log.error("sync retry of failure {} failed", f.getId(), e);
            }
        }
        if (!due.isEmpty()) {
            log.info("sync retry: {} of {} due records resolved", resolved, due.size());
        }
        return resolved;
    }

    /** a person's retry of one row in their data scope; a resolved row is returned as it is */
    public SyncFailure retry(long id) {
        SyncFailure f = store.get(id);
        if (SyncStore.RESOLVED.equals(f.getStatus())) {
            return f;
        }
        return retryOne(f);
    }

    /** a person's retry of every unresolved row in their scope matching the filter, up to {@link #RETRY_ALL_LIMIT} */
    public RetryAllResult retryAll(SyncFailureFilter filter) {
        List<SyncFailure> open = store.open(filter, RETRY_ALL_LIMIT + 1);
        boolean more = open.size() > RETRY_ALL_LIMIT;
        int tried = 0;
        int resolved = 0;
        for (SyncFailure f : open.subList(0, Math.min(open.size(), RETRY_ALL_LIMIT))) {
            tried++;
            if (SyncStore.RESOLVED.equals(retryOne(f).getStatus())) {
                resolved++;
            }
        }
        return new RetryAllResult(tried, resolved, tried - resolved, more);
    }

    /** applies the row's payload again and records the outcome; returns the row as it is afterwards */
    SyncFailure retryOne(SyncFailure f) {
        RecordApplier.Applied a = apply(f);
        LocalDateTime now = LocalDateTime.now();
        int attempts = (f.getAttempts() == null ? 0 : f.getAttempts()) + 1;
        f.setAttempts(attempts);
        f.setLastTriedAt(now);
        if (!a.rejected()) {
            f.setStatus(SyncStore.RESOLVED);
            f.setResolvedAt(now);
            f.setResolvedBy(SecurityContext.userIdOrSystem());
            f.setNextRetryAt(null);
        } else {
            f.setReason(SyncStore.truncate(a.reasonWithField(), 1000));
            if (Backoff.exhausted(attempts)) {
                f.setStatus(SyncStore.ABANDONED);
                f.setNextRetryAt(null);
            } else {
                f.setStatus(SyncStore.PENDING);
                f.setNextRetryAt(now.plus(Backoff.delayAfter(attempts)));
            }
            if (a.subsidiaryId() != null) {
                f.setSubsidiaryId(a.subsidiaryId());
                f.setOrgPath(a.orgPath());
            }
        }
        if (!store.update(f)) {
            // the job and a person retried the same row at once: the other one's result stands
            SyncFailure current = store.getUnscoped(f.getId());
            return current == null ? f : current;
        }
        if (a.rejected() && SyncStore.ABANDONED.equals(f.getStatus()) && attempts == Backoff.MAX_ATTEMPTS) {
            alerts.recordsFailed(SyncSource.valueOf(f.getSourceSystem()), SyncEntity.valueOf(f.getEntity()), "RETRY", 1);
        }
        return f;
    }

    private RecordApplier.Applied apply(SyncFailure f) {
        String payload = store.payload(f);
        if (payload == null) {
            return failed("载荷无法解密（加密密钥可能已停用），无法重试");
        }
        JsonNode node;
        try {
            node = json.readTree(payload);
        } catch (JsonProcessingException e) {
            return failed("载荷不是有效的 JSON，无法重试");
        }
        return switch (SyncEntity.valueOf(f.getEntity())) {
            case HOUSEHOLD -> applier.households(
                    List.of(RecordJson.read(json, node, BillingHouseholdRecord.class, "householdCode")), null).get(0);
            case PAYMENT -> applier.payments(
                    List.of(RecordJson.read(json, node, BillingPaymentRecord.class, "paymentId")), null).get(0);
            case TEMPERATURE -> applier.temperatures(
                    List.of(RecordJson.read(json, node, HeatNetReading.class, "readingId")), null).get(0);
        };
    }

    private static RecordApplier.Applied failed(String reason) {
        return new RecordApplier.Applied(0, null, SyncOutcome.REJECTED, null, reason, null, null, true, null, null);
    }
}
