package cn.heatdesk.monitor.approval;

import java.time.LocalDateTime;

/**
 * Filters of the approval lists (all optional). {@code createdFrom}/{@code createdTo} arrive as text
 * (yyyy-MM-dd, yyyy-MM-dd HH:mm[:ss] or ISO) and are parsed by {@link ApprovalService}, which also fills the
 * derived values ({@code from}, {@code to}, {@code now}, {@code bizNoPrefix}).
 */
public class ApprovalFilter {

    private String status;
    private String action;
    private String bizType;
    private String bizNo;
    private Boolean overdue;
    private String createdFrom;
    private String createdTo;

    private LocalDateTime from;
    private LocalDateTime to;
    private LocalDateTime now;
    private String bizNoPrefix;

    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public String getBizType() { return bizType; }
    public void setBizType(String bizType) { this.bizType = bizType; }
    public String getBizNo() { return bizNo; }
    public void setBizNo(String bizNo) { this.bizNo = bizNo; }
    public Boolean getOverdue() { return overdue; }
    public void setOverdue(Boolean overdue) { this.overdue = overdue; }
    public String getCreatedFrom() { return createdFrom; }
    public void setCreatedFrom(String createdFrom) { this.createdFrom = createdFrom; }
    public String getCreatedTo() { return createdTo; }
    public void setCreatedTo(String createdTo) { this.createdTo = createdTo; }
    public LocalDateTime getFrom() { return from; }
    public void setFrom(LocalDateTime from) { this.from = from; }
    public LocalDateTime getTo() { return to; }
    public void setTo(LocalDateTime to) { this.to = to; }
    public LocalDateTime getNow() { return now; }
    public void setNow(LocalDateTime now) { this.now = now; }
    public String getBizNoPrefix() { return bizNoPrefix; }
    public void setBizNoPrefix(String bizNoPrefix) { this.bizNoPrefix = bizNoPrefix; }
}
