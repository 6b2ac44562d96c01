package cn.heatdesk.servicedesk.ticket;

import java.time.LocalDateTime;

/** A row of sd_ticket. */
public class Ticket {

    private Long id;
    private String ticketNo;
    private String ticketType;
    private String source;
    private String urgency;
    private Integer priority;
    private String status;
    private String nodeCode;
    private String resumeStatus;
    private String title;
    private String content;
    private String formJson;
    private Long householdId;
    private String householdCode;
    private Long unitId;
    private String nodePath;
    private String address;
    private String customerName;
    private String contactName;
    private String phoneEnc;
    private String phoneIdx;
    private String phoneMask;
    private Long stationOrgId;
    private String stationName;
    private Long workerId;
    private String workerName;
    private LocalDateTime deadline;
    private LocalDateTime warnAt;
    private Long deadlineRuleId;
    private Integer nearNotified;
    private LocalDateTime visitDueAt;
    private Integer escalationLevel;
    private LocalDateTime nextEscalateAt;
    private Integer supervised;
    private Integer overLevel;
    private Integer urgeCount;
    private Integer reworkCount;
    private String pendingApproval;
    private Long pendingApprovalId;
    private String handlingResult;
    private String visitResult;
    private Integer satisfaction;
    private LocalDateTime dispatchedAt;
    private LocalDateTime acceptedAt;
    private LocalDateTime firstResponseAt;
    private LocalDateTime completedAt;
    private LocalDateTime visitedAt;
    private LocalDateTime closedAt;
    private String callId;
    private Long kbArticleId;
    private Long subsidiaryId;
    private String orgPath;
    private Integer rowVersion;
    private Long createdBy;
    private String createdByName;
    private LocalDateTime createdAt;
    private Long updatedBy;
    private LocalDateTime updatedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getTicketNo() { return ticketNo; }
    public void setTicketNo(String ticketNo) { this.ticketNo = ticketNo; }
    public String getTicketType() { return ticketType; }
    public void setTicketType(String ticketType) { this.ticketType = ticketType; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getUrgency() { return urgency; }
    public void setUrgency(String urgency) { this.urgency = urgency; }
    public Integer getPriority() { return priority; }
    public void setPriority(Integer priority) { this.priority = priority; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getNodeCode() { return nodeCode; }
    public void setNodeCode(String nodeCode) { this.nodeCode = nodeCode; }
    public String getResumeStatus() { return resumeStatus; }
    public void setResumeStatus(String resumeStatus) { this.resumeStatus = resumeStatus; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getContent() { return content; }
    public void setContent(String content) { this.content = content; }
    public String getFormJson() { return formJson; }
    public void setFormJson(String formJson) { this.formJson = formJson; }
    public Long getHouseholdId() { return householdId; }
    public void setHouseholdId(Long householdId) { this.householdId = householdId; }
    public String getHouseholdCode() { return householdCode; }
    public void setHouseholdCode(String householdCode) { this.householdCode = householdCode; }
    public Long getUnitId() { return unitId; }
    public void setUnitId(Long unitId) { this.unitId = unitId; }
    public String getNodePath() { return nodePath; }
    public void setNodePath(String nodePath) { this.nodePath = nodePath; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getCustomerName() { return customerName; }
    public void setCustomerName(String customerName) { this.customerName = customerName; }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getPhoneEnc() { return phoneEnc; }
    public void setPhoneEnc(String phoneEnc) { this.phoneEnc = phoneEnc; }
    public String getPhoneIdx() { return phoneIdx; }
    public void setPhoneIdx(String phoneIdx) { this.phoneIdx = phoneIdx; }
    public String getPhoneMask() { return phoneMask; }
    public void setPhoneMask(String phoneMask) { this.phoneMask = phoneMask; }
    public Long getStationOrgId() { return stationOrgId; }
    public void setStationOrgId(Long stationOrgId) { this.stationOrgId = stationOrgId; }
    public String getStationName() { return stationName; }
    public void setStationName(String stationName) { this.stationName = stationName; }
    public Long getWorkerId() { return workerId; }
    public void setWorkerId(Long workerId) { this.workerId = workerId; }
    public String getWorkerName() { return workerName; }
    public void setWorkerName(String workerName) { this.workerName = workerName; }
    public LocalDateTime getDeadline() { return deadline; }
    public void setDeadline(LocalDateTime deadline) { this.deadline = deadline; }
    public LocalDateTime getWarnAt() { return warnAt; }
    public void setWarnAt(LocalDateTime warnAt) { this.warnAt = warnAt; }
    public Long getDeadlineRuleId() { return deadlineRuleId; }
    public void setDeadlineRuleId(Long deadlineRuleId) { this.deadlineRuleId = deadlineRuleId; }
    public Integer getNearNotified() { return nearNotified; }
    public void setNearNotified(Integer nearNotified) { this.nearNotified = nearNotified; }
    public LocalDateTime getVisitDueAt() { return visitDueAt; }
    public void setVisitDueAt(LocalDateTime visitDueAt) { this.visitDueAt = visitDueAt; }
    public Integer getEscalationLevel() { return escalationLevel; }
    public void setEscalationLevel(Integer escalationLevel) { this.escalationLevel = escalationLevel; }
    public LocalDateTime getNextEscalateAt() { return nextEscalateAt; }
    public void setNextEscalateAt(LocalDateTime nextEscalateAt) { this.nextEscalateAt = nextEscalateAt; }
    public Integer getSupervised() { return supervised; }
    public void setSupervised(Integer supervised) { this.supervised = supervised; }
    public Integer getOverLevel() { return overLevel; }
    public void setOverLevel(Integer overLevel) { this.overLevel = overLevel; }
    public Integer getUrgeCount() { return urgeCount; }
    public void setUrgeCount(Integer urgeCount) { this.urgeCount = urgeCount; }
    public Integer getReworkCount() { return reworkCount; }
    public void setReworkCount(Integer reworkCount) { this.reworkCount = reworkCount; }
    public String getPendingApproval() { return pendingApproval; }
    public void setPendingApproval(String pendingApproval) { this.pendingApproval = pendingApproval; }
    public Long getPendingApprovalId() { return pendingApprovalId; }
    public void setPendingApprovalId(Long pendingApprovalId) { this.pendingApprovalId = pendingApprovalId; }
    public String getHandlingResult() { return handlingResult; }
    public void setHandlingResult(String handlingResult) { this.handlingResult = handlingResult; }
    public String getVisitResult() { return visitResult; }
    public void setVisitResult(String visitResult) { this.visitResult = visitResult; }
    public Integer getSatisfaction() { return satisfaction; }
    public void setSatisfaction(Integer satisfaction) { this.satisfaction = satisfaction; }
    public LocalDateTime getDispatchedAt() { return dispatchedAt; }
    public void setDispatchedAt(LocalDateTime dispatchedAt) { this.dispatchedAt = dispatchedAt; }
    public LocalDateTime getAcceptedAt() { return acceptedAt; }
    public void setAcceptedAt(LocalDateTime acceptedAt) { this.acceptedAt = acceptedAt; }
    public LocalDateTime getFirstResponseAt() { return firstResponseAt; }
    public void setFirstResponseAt(LocalDateTime firstResponseAt) { this.firstResponseAt = firstResponseAt; }
    public LocalDateTime getCompletedAt() { return completedAt; }
    public void setCompletedAt(LocalDateTime completedAt) { this.completedAt = completedAt; }
    public LocalDateTime getVisitedAt() { return visitedAt; }
    public void setVisitedAt(LocalDateTime visitedAt) { this.visitedAt = visitedAt; }
    public LocalDateTime getClosedAt() { return closedAt; }
    public void setClosedAt(LocalDateTime closedAt) { this.closedAt = closedAt; }
    public String getCallId() { return callId; }
    public void setCallId(String callId) { this.callId = callId; }
    public Long getKbArticleId() { return kbArticleId; }
    public void setKbArticleId(Long kbArticleId) { this.kbArticleId = kbArticleId; }
    public Long getSubsidiaryId() { return subsidiaryId; }
    public void setSubsidiaryId(Long subsidiaryId) { this.subsidiaryId = subsidiaryId; }
    public String getOrgPath() { return orgPath; }
    public void setOrgPath(String orgPath) { this.orgPath = orgPath; }
    public Integer getRowVersion() { return rowVersion; }
    public void setRowVersion(Integer rowVersion) { this.rowVersion = rowVersion; }
    public Long getCreatedBy() { return createdBy; }
    public void setCreatedBy(Long createdBy) { this.createdBy = createdBy; }
    public String getCreatedByName() { return createdByName; }
    public void setCreatedByName(String createdByName) { this.createdByName = createdByName; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    public Long getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(Long updatedBy) { this.updatedBy = updatedBy; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(LocalDateTime updatedAt) { this.updatedAt = updatedAt; }
}
