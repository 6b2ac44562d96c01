package cn.heatdesk.notice.outbox;

import java.time.LocalDateTime;

/** nt_delivery_log: one delivery attempt of an outbox row. */
public class DeliveryLog {

    private Long id;
    private Long outboxId;
    private Integer attemptNo;
    private String channel;
    private String adapter;
    private Integer success;
    private String respText;
    private String errorText;
    private Integer durationMs;
    private LocalDateTime attemptedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getOutboxId() { return outboxId; }
    public void setOutboxId(Long outboxId) { this.outboxId = outboxId; }
    public Integer getAttemptNo() { return attemptNo; }
    public void setAttemptNo(Integer attemptNo) { this.attemptNo = attemptNo; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
    public String getAdapter() { return adapter; }
    public void setAdapter(String adapter) { this.adapter = adapter; }
    public Integer getSuccess() { return success; }
    public void setSuccess(Integer success) { this.success = success; }
    public String getRespText() { return respText; }
    public void setRespText(String respText) { this.respText = respText; }
    public String getErrorText() { return errorText; }
    public void setErrorText(String errorText) { this.errorText = errorText; }
    public Integer getDurationMs() { return durationMs; }
    public void setDurationMs(Integer durationMs) { this.durationMs = durationMs; }
    public LocalDateTime getAttemptedAt() { return attemptedAt; }
    public void setAttemptedAt(LocalDateTime attemptedAt) { this.attemptedAt = attemptedAt; }
}
