package cn.heatdesk.servicedesk.config;

import java.time.LocalDateTime;

/** A deadline rule: type x urgency x source (null = any) -> minutes; subsidiary 0 = group default. */
public class DeadlineRule {

    private Long id;
    private String ticketType;
    private String urgency;
    private String source;
    private Integer limitMinutes;
    private Integer warnMinutes;
    private Integer escalateMinutes;
    private Integer enabled;
    private String remark;
    private Long subsidiaryId;
    private String orgPath;
    private Integer rowVersion;
    private Long createdBy;
    private LocalDateTime createdAt;
    private Long updatedBy;
    private LocalDateTime updatedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getTicketType() { return ticketType; }
    public void setTicketType(String ticketType) { this.ticketType = ticketType; }
    public String getUrgency() { return urgency; }
    public void setUrgency(String urgency) { this.urgency = urgency; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public Integer getLimitMinutes() { return limitMinutes; }
    public void setLimitMinutes(Integer limitMinutes) { this.limitMinutes = limitMinutes; }
    public Integer getWarnMinutes() { return warnMinutes; }
    public void setWarnMinutes(Integer warnMinutes) { this.warnMinutes = warnMinutes; }
    public Integer getEscalateMinutes() { return escalateMinutes; }
    public void setEscalateMinutes(Integer escalateMinutes) { this.escalateMinutes = escalateMinutes; }
    public Integer getEnabled() { return enabled; }
    public void setEnabled(Integer enabled) { this.enabled = enabled; }
    public String getRemark() { return remark; }
    public void setRemark(String remark) { this.remark = remark; }
    public Long getSubsidiaryId() { return subsidiaryId; }
    public void setSubsidiaryId(Long subsidiaryId) { this.subsidiaryId = subsidiaryId; }
    public String getOrgPath() { return orgPath; }
    public void setOrgPath(String orgPath) { this.orgPath = orgPath; }
    public Integer getRowVersion() { return rowVersion; }
    public void setRowVersion(Integer rowVersion) { this.rowVersion = rowVersion; }
    public Long getCreatedBy() { return createdBy; }
    public void setCreatedBy(Long createdBy) { this.createdBy = createdBy; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    public Long getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(Long updatedBy) { this.updatedBy = updatedBy; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(LocalDateTime updatedAt) { this.updatedAt = updatedAt; }
}
