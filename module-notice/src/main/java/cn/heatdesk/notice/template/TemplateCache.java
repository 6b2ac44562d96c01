package cn.heatdesk.notice.template;

import cn.heatdesk.kernel.routing.SubsidiaryRouting;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The templates in memory, so sending a notice costs no template query. Templates are group-wide and live in
 * the shared database; a notice is usually sent inside a business transaction that may be bound to a
 * subsidiary's own database, so the load runs outside that transaction (NOT_SUPPORTED) on the shared database.
 * Reloaded every 30 seconds and at once after an edit on this instance (other instances follow within 30 s).
 */
@Component
public class TemplateCache {

    static final Duration TTL = Duration.ofSeconds(30);

    private final TemplateMapper mapper;
    private final TransactionTemplate outsideTx;
    private volatile Snapshot snapshot;

    private record Snapshot(Map<String, List<NoticeTemplate>> byEvent, long loadedAtNanos) {
    }

    public TemplateCache(TemplateMapper mapper, PlatformTransactionManager txManager) {
        this.mapper = mapper;
        this.outsideTx = new TransactionTemplate(txManager);
        this.outsideTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.outsideTx.setReadOnly(true);
    }

    /** the event's templates (enabled or not), empty when the event has none */
    public List<NoticeTemplate> forEvent(String eventCode) {
        Snapshot s = snapshot;
        if (s == null || System.nanoTime() - s.loadedAtNanos() > TTL.toNanos()) {
            s = load();
        }
        return s.byEvent().getOrDefault(eventCode, List.of());
    }

    public void invalidate() {
        snapshot = null;
    }

    private synchronized Snapshot load() {
        Snapshot current = snapshot;
        if (current != null && System.nanoTime() - current.loadedAtNanos() <= TTL.toNanos()) {
            return current;
        }
        List<NoticeTemplate> all;
        try {
            all = SubsidiaryRouting.callShared(() -> outsideTx.execute(status -> mapper.selectAll()));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        Snapshot fresh = new Snapshot(all.stream().collect(Collectors.groupingBy(NoticeTemplate::getEventCode)),
                System.nanoTime());
        snapshot = fresh;
        return fresh;
    }
}
