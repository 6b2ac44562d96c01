package cn.heatdesk.baseinfo.sync;

import cn.heatdesk.baseinfo.api.SyncAlertApi;

import java.time.LocalDateTime;
import java.util.List;

/** JSON shapes of the sync endpoints. Ids are boxed Longs, which travel as strings. */
public final class SyncViews {

    private SyncViews() {
    }

    /** one change feed's cursor and how its last run went (never run: times null, status null) */
    public record CursorView(String entity, String entityName, LocalDateTime cursorTime, String cursorKey,
                             LocalDateTime lastRunAt, LocalDateTime lastOkAt, String lastStatus, String lastMessage,
                             long pulledTotal) {
    }

    /**
     * One external system: whether it is configured (base-url set), whether the schedule is on, and its feeds.
     *
     * @param signing whether HeatDesk signs its requests to this system
     */
    public record SourceView(String source, String name, boolean configured, boolean enabled, String baseUrl,
                             boolean signing, String cron, int pageSize, List<CursorView> cursors) {
    }

    public record StatusView(List<SourceView> sources, SyncAlertApi.Summary alerts, int maxAttempts) {
    }

    /**
     * A failed record as listed; {@code payload} is pretty JSON, masked for users without data:unmask.
     */
    public record FailureView(Long id, String sourceSystem, String sourceName, String entity, String entityName,
                              String channel, String externalKey, String reason, int attempts, String status,
                              LocalDateTime nextRetryAt, LocalDateTime lastTriedAt, LocalDateTime resolvedAt,
                              LocalDateTime createdAt, Long subsidiaryId, String payload) {
    }
}
