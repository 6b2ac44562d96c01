package cn.heatdesk.callcenter.call;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** What the REST API returns. Ids are boxed / strings so JSON carries them exactly. */
public final class CallViews {

    private CallViews() {
    }

    /**
     * A call in a list. Numbers are masked unless the user holds callcenter:number:view
     * ({@code numbersMasked} says which).
     */
    public record CallView(Long id, Long gatewayId, String linkedid, String direction, String directionLabel,
                           String callerNumber, String calledNumber, boolean numbersMasked, String did,
                           String queueName, Long agentId, Long agentUserId, String agentJobNo, String agentName,
                           LocalDateTime startedAt, LocalDateTime queuedAt, LocalDateTime firstRingAt,
                           LocalDateTime answeredAt, LocalDateTime endedAt, Long waitMs, Long ringMs, Long talkMs,
                           Long holdMs, int ringAttempts, String hangupBy, String hangupByLabel, String result,
                           String resultLabel, Long recordingId, Long householdId, Integer surveyScore,
                           Integer surveyScore2, String status, String statusLabel, boolean adopted,
                           boolean reconciled, Long hangupAgentId, String hangupAgentName, Long callbackOf) {
    }

    public record LegView(Long id, String channel, String uniqueid, String party, String partyLabel, String number,
                          Long agentUserId, String agentName, LocalDateTime startedAt, LocalDateTime answeredAt,
                          LocalDateTime endedAt, Integer hangupCause, String hangupText, Long holdMs) {
    }

    /** a callback of a missed call (已回拨): who, when, with what result */
    public record CallbackView(Long id, String linkedid, Long agentId, String agentJobNo, String agentName,
                               LocalDateTime startedAt, LocalDateTime answeredAt, LocalDateTime endedAt, Long talkMs,
                               String status, String statusLabel, String result, String resultLabel) {
    }

    public record TicketLinkView(Long ticketId, String ticketNo, String kind, String linkedByName,
                                 LocalDateTime linkedAt) {
    }

    public record RecordingView(Long id, Long callId, String fileName, Long fileSize, Long durationMs,
                                LocalDateTime startedAt, LocalDateTime endedAt, LocalDate retainUntil,
                                boolean deleted, String audioUrl) {
    }

    /** {@code callbacks}: the calls that returned this one (empty when none; only missed inbound calls have any) */
    public record CallDetail(CallView call, List<LegView> legs, List<TicketLinkView> tickets,
                             List<RecordingView> recordings, List<CallbackView> callbacks) {
    }

    public record LinkTicketRequest(Long ticketId) {
    }
}
