package cn.heatdesk.monitor.approval;

import java.time.LocalDateTime;

/** A row of mo_approval: one approval request, bound to its business object forever. */
public class Approval {

    private Long id;
    private String approvalNo;
    private String bizType;
    private Long bizId;
    private String bizNo;
    private String bizAction;
    private String payloadJson;
    private String reason;
    private String status;
    private Integer currentLevel;
    private Integer totalLevels;
    private Long chainId;
    private Long applicantId;
    private String applicantName;
    private Long stationOrgId;
    private LocalDateTime currentDueAt;
    private Integer overdueLevel;
    private Integer urgeCount;
    private LocalDateTime lastUrgedAt;
    private LocalDateTime decidedAt;
    private Long subsidiaryId;
    private String orgPath;
    private Integer rowVersion;
    private Long createdBy;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getApprovalNo() { return approvalNo; }
    public void setApprovalNo(String approvalNo) { this.approvalNo = approvalNo; }
    public String getBizType() { return bizType; }
    public void setBizType(String bizType) { this.bizType = bizType; }
    public Long getBizId() { return bizId; }
    public void setBizId(Long bizId) { this.bizId = bizId; }
    public String getBizNo() { return bizNo; }
    public void setBizNo(String bizNo) { this.bizNo = bizNo; }
    public String getBizAction() { return bizAction; }
    public void setBizAction(String bizAction) { this.bizAction = bizAction; }
    public String getPayloadJson() { return payloadJson; }
    public void setPayloadJson(String payloadJson) { this.payloadJson = payloadJson; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Integer getCurrentLevel() { return currentLevel; }
    public void setCurrentLevel(Integer currentLevel) { this.currentLevel = currentLevel; }
    public Integer getTotalLevels() { return totalLevels; }
    public void setTotalLevels(Integer totalLevels) { this.totalLevels = totalLevels; }
    public Long getChainId() { return chainId; }
    public void setChainId(Long chainId) { this.chainId = chainId; }
    public Long getApplicantId() { return applicantId; }
    public void setApplicantId(Long applicantId) { this.applicantId = applicantId; }
    public String getApplicantName() { return applicantName; }
    public void setApplicantName(String applicantName) { this.applicantName = applicantName; }
    public Long getStationOrgId() { return stationOrgId; }
    public void setStationOrgId(Long stationOrgId) { this.stationOrgId = stationOrgId; }
    public LocalDateTime getCurrentDueAt() { return currentDueAt; }
    public void setCurrentDueAt(LocalDateTime currentDueAt) { this.currentDueAt = currentDueAt; }
    public Integer getOverdueLevel() { return overdueLevel; }
    public void setOverdueLevel(Integer overdueLevel) { this.overdueLevel = overdueLevel; }
    public Integer getUrgeCount() { return urgeCount; }
    public void setUrgeCount(Integer urgeCount) { this.urgeCount = urgeCount; }
    public LocalDateTime getLastUrgedAt() { return lastUrgedAt; }
    public void setLastUrgedAt(LocalDateTime lastUrgedAt) { this.lastUrgedAt = lastUrgedAt; }
    public LocalDateTime getDecidedAt() { return decidedAt; }
    public void setDecidedAt(LocalDateTime decidedAt) { this.decidedAt = decidedAt; }
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
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(LocalDateTime updatedAt) { this.updatedAt = updatedAt; }
}
