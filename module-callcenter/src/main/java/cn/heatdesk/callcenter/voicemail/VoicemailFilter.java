package cn.heatdesk.callcenter.voicemail;

import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDateTime;

/**
 * Search conditions of the message list. {@code number} matches the caller exactly (any format) through the blind
 * index; {@code from} (inclusive) and {@code to} (exclusive) bound the time the message was left.
 */
public class VoicemailFilter {
    private String number;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime from;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime to;
    private String status;
    private Long gatewayId;
    /** set by the service from {@link #number} */
    private String numberIdx;

    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number; }
    public LocalDateTime getFrom() { return from; }
    public void setFrom(LocalDateTime from) { this.from = from; }
    public LocalDateTime getTo() { return to; }
    public void setTo(LocalDateTime to) { this.to = to; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Long getGatewayId() { return gatewayId; }
    public void setGatewayId(Long gatewayId) { this.gatewayId = gatewayId; }
    public String getNumberIdx() { return numberIdx; }
    public void setNumberIdx(String numberIdx) { this.numberIdx = numberIdx; }
}
