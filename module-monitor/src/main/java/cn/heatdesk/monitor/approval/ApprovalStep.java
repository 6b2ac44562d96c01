package cn.heatdesk.monitor.approval;

import java.time.LocalDateTime;

/** A row of mo_approval_step: who decides one level of an approval, and what they decided. */
public class ApprovalStep {

    private Long id;
    private Long approvalId;
    private Integer levelNo;
    private String chainLevel;
    private String approverLevel;
    private String approverRole;
    private Long approverOrgId;
    private String approverOrgPath;
    private String approverOrgName;
    private String approverNames;
    private Integer timeoutMinutes;
    private String decision;
    private String decisionReason;
    private Long decidedBy;
    private String decidedByName;
    private LocalDateTime decidedAt;
    private LocalDateTime startedAt;
    private LocalDateTime dueAt;
    private Integer overdueFlag;
    private Long subsidiaryId;
    private String orgPath;
    private LocalDateTime createdAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getApprovalId() { return approvalId; }
    public void setApprovalId(Long approvalId) { this.approvalId = approvalId; }
    public Integer getLevelNo() { return levelNo; }
    public void setLevelNo(Integer levelNo) { this.levelNo = levelNo; }
    public String getChainLevel() { return chainLevel; }
    public void setChainLevel(String chainLevel) { this.chainLevel = chainLevel; }
    public String getApproverLevel() { return approverLevel; }
    public void setApproverLevel(String approverLevel) { this.approverLevel = approverLevel; }
    public String getApproverRole() { return approverRole; }
    public void setApproverRole(String approverRole) { this.approverRole = approverRole; }
    public Long getApproverOrgId() { return approverOrgId; }
    public void setApproverOrgId(Long approverOrgId) { this.approverOrgId = approverOrgId; }
    public String getApproverOrgPath() { return approverOrgPath; }
    public void setApproverOrgPath(String approverOrgPath) { this.approverOrgPath = approverOrgPath; }
    public String getApproverOrgName() { return approverOrgName; }
    public void setApproverOrgName(String approverOrgName) { this.approverOrgName = approverOrgName; }
    public String getApproverNames() { return approverNames; }
    public void setApproverNames(String approverNames) { this.approverNames = approverNames; }
    public Integer getTimeoutMinutes() { return timeoutMinutes; }
    public void setTimeoutMinutes(Integer timeoutMinutes) { this.timeoutMinutes = timeoutMinutes; }
    public String getDecision() { return decision; }
    public void setDecision(String decision) { this.decision = decision; }
    public String getDecisionReason() { return decisionReason; }
    public void setDecisionReason(String decisionReason) { this.decisionReason = decisionReason; }
    public Long getDecidedBy() { return decidedBy; }
    public void setDecidedBy(Long decidedBy) { this.decidedBy = decidedBy; }
    public String getDecidedByName() { return decidedByName; }
    public void setDecidedByName(String decidedByName) { this.decidedByName = decidedByName; }
    public LocalDateTime getDecidedAt() { return decidedAt; }
    public void setDecidedAt(LocalDateTime decidedAt) { this.decidedAt = decidedAt; }
    public LocalDateTime getStartedAt() { return startedAt; }
    public void setStartedAt(LocalDateTime startedAt) { this.startedAt = startedAt; }
    public LocalDateTime getDueAt() { return dueAt; }
    public void setDueAt(LocalDateTime dueAt) { this.dueAt = dueAt; }
    public Integer getOverdueFlag() { return overdueFlag; }
    public void setOverdueFlag(Integer overdueFlag) { this.overdueFlag = overdueFlag; }
    public Long getSubsidiaryId() { return subsidiaryId; }
    public void setSubsidiaryId(Long subsidiaryId) { this.subsidiaryId = subsidiaryId; }
    public String getOrgPath() { return orgPath; }
    public void setOrgPath(String orgPath) { this.orgPath = orgPath; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
}
