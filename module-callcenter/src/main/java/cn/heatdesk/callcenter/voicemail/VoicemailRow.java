package cn.heatdesk.callcenter.voicemail;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** cc_voicemail: one message, and the outbox state of its work order. */
public class VoicemailRow {
    public Long id;
    public long gatewayId;
    public String linkedid;
    public Long callId;
    public String channel;
    public String callerEnc;
    public String callerIdx;
    public String callerMask;
    public String filePath;
    public Long fileSize;
    public Long durationMs;
    public String recordStatus;
    public LocalDateTime receivedAt;
    public LocalDate retainUntil;
    public Long householdId;
    public Long fileId;
    public Long ticketId;
    public String ticketNo;
    public String status;
    public int attempts;
    public LocalDateTime nextAttemptAt;
    public String lastError;
    public LocalDateTime ticketedAt;
    public long subsidiaryId;
    public String orgPath;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
}
