package cn.heatdesk.callcenter.voicemail;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** What the REST API returns about messages; numbers are masked unless the user may see them. */
public final class VoicemailViews {

    private VoicemailViews() {
    }

    public record VoicemailView(Long id, long gatewayId, String linkedid, Long callId, String caller,
                                boolean callerMasked, Long durationMs, Long fileSize, String recordStatus,
                                LocalDateTime receivedAt, LocalDate retainUntil, Long householdId, Long ticketId,
                                String ticketNo, String status, String statusLabel, int attempts,
                                LocalDateTime nextAttemptAt, String lastError, LocalDateTime ticketedAt) {
    }

    public record LogEntry(String action, String fromStatus, String toStatus, String detail, Long operatorId,
                           String operatorName, LocalDateTime at) {
    }

    public record VoicemailDetail(VoicemailView voicemail, boolean audioAvailable, List<LogEntry> log) {
    }
}
