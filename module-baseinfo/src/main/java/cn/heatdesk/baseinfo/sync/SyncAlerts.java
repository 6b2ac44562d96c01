package cn.heatdesk.baseinfo.sync;

import cn.heatdesk.baseinfo.api.BillingSystemClient;
import cn.heatdesk.baseinfo.api.HeatNetClient;
import cn.heatdesk.baseinfo.api.SyncAlertApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * Alerts of the integration: counts for the console badge and Spring events for whoever wants to notify people
 * (the notice module later). A failed feed counts only while its system is configured, so removing a system's
 * configuration clears its alert.
 */
@Service
public class SyncAlerts implements SyncAlertApi {

    private static final Logger log = LoggerFactory.getLogger(SyncAlerts.class);

    private final SyncStore store;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<BillingSystemClient> billing;
    private final ObjectProvider<HeatNetClient> heatNet;

    public SyncAlerts(SyncStore store, ApplicationEventPublisher events, ObjectProvider<BillingSystemClient> billing,
                      ObjectProvider<HeatNetClient> heatNet) {
        this.store = store;
        this.events = events;
        this.billing = billing;
        this.heatNet = heatNet;
    }

    @Override
    public Summary summary() {
        Map<String, Long> open = store.openCounts();
        long pending = open.getOrDefault(SyncStore.PENDING, 0L);
        long abandoned = open.getOrDefault(SyncStore.ABANDONED, 0L);
        long failedCursors = store.cursors().stream()
                .filter(c -> SyncStore.FAILED.equals(c.getLastStatus()))
                .filter(c -> configured(c.getSourceSystem()))
                .count();
        return new Summary(pending + abandoned, abandoned, failedCursors);
    }

    boolean configured(String source) {
        return switch (source) {
            case "BILLING" -> billing.getIfAvailable() != null;
            case "HEATNET" -> heatNet.getIfAvailable() != null;
            default -> false;
        };
    }

    void pullFailed(SyncSource source, SyncEntity entity, String message) {
        log.warn("同步失败 / pull failed: {} {}: {}", source, entity, message);
        publish(new SyncAlert(SyncAlert.CURSOR_FAILED, source.name(), entity.name(), 0,
                source.label() + "的" + entity.label() + "数据同步失败：" + message, LocalDateTime.now()));
    }

    void recordsFailed(SyncSource source, SyncEntity entity, String channel, int count) {
        log.warn("同步记录失败 / {} records rejected: {} {} via {}", count, source, entity, channel);
        publish(new SyncAlert(SyncAlert.RECORD_FAILED, source.name(), entity.name(), count,
                source.label() + "的" + count + "条" + entity.label() + "记录未能写入，已转入失败记录等待重试",
                LocalDateTime.now()));
    }

    private void publish(SyncAlert alert) {
        try {
            events.publishEvent(alert);
        } catch (RuntimeException e) {
            // a failing listener must not undo the sync work already done
            log.error("sync alert listener failed", e);
        }
    }
}
