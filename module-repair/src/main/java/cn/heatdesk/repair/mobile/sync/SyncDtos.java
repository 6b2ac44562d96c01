package cn.heatdesk.repair.mobile.sync;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** Request and response bodies of the field app's sync API (contract in docs/mobile-sync.md). */
public final class SyncDtos {

    private SyncDtos() {
    }

    public record PushRequest(String deviceId, List<Command> commands) {
    }

    /** @param ticketId a string or a number in JSON (ids travel as strings) */
    public record Command(String opId, Long seq, LocalDateTime clientTime, String type, Long ticketId,
                          Map<String, Object> payload) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CommandResult(String opId, Long seq, String status, String code, String message, Long ticketId,
                                Integer ticketVersion, boolean replayed) {
    }

    public record PushResult(List<CommandResult> results, long lastSeq, LocalDateTime serverTime) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(long seq, String kind, Long ticketId, Map<String, Object> ticket, String reason) {
    }

    public record PullResult(List<Change> changes, String cursor, boolean hasMore, String refVersion,
                             LocalDateTime serverTime) {
    }

    public record Option(String code, String label) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TemplateField(String code, String label, String type, boolean required, List<String> options) {
    }

    public record Template(List<TemplateField> fields) {
    }

    public record Satisfaction(int value, String label) {
    }

    public record Reference(String refVersion, Map<String, List<Option>> dicts, Template fillBackTemplate,
                            List<Satisfaction> satisfaction) {
    }
}
