package cn.heatdesk.callcenter.agent;

import java.time.LocalDateTime;

/** cc_agent: a user's agent profile, its phone binding and its live state (the source of truth for Asterisk). */
public class Agent {

    private Long id;
    private Long userId;
    private String jobNo;
    private String agentName;
    private Long phoneId;
    private Long gatewayId;
    private String state;
    private String stateReason;
    private LocalDateTime stateSince;
    private LocalDateTime stateUntil;
    private String resumeState;
    private String resumeReason;
    private String currentCall;
    private String currentQueue;
    private Long sessionId;
    private String remark;
    private Long subsidiaryId;
    private String orgPath;
    private Integer rowVersion;
    private Long createdBy;
    private LocalDateTime createdAt;
    private Long updatedBy;
    private LocalDateTime updatedAt;

    public AgentState state() { return AgentState.parse(state).orElse(AgentState.SIGNED_OUT); }

    public AgentState resume() { return AgentState.parse(resumeState).orElse(null); }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getUserId() { return userId; }
    public void setUserId(Long userId) { this.userId = userId; }
    public String getJobNo() { return jobNo; }
    public void setJobNo(String jobNo) { this.jobNo = jobNo; }
    public String getAgentName() { return agentName; }
    public void setAgentName(String agentName) { this.agentName = agentName; }
    public Long getPhoneId() { return phoneId; }
    public void setPhoneId(Long phoneId) { this.phoneId = phoneId; }
    public Long getGatewayId() { return gatewayId; }
    public void setGatewayId(Long gatewayId) { this.gatewayId = gatewayId; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getStateReason() { return stateReason; }
    public void setStateReason(String stateReason) { this.stateReason = stateReason; }
    public LocalDateTime getStateSince() { return stateSince; }
    public void setStateSince(LocalDateTime stateSince) { this.stateSince = stateSince; }
    public LocalDateTime getStateUntil() { return stateUntil; }
    public void setStateUntil(LocalDateTime stateUntil) { this.stateUntil = stateUntil; }
    public String getResumeState() { return resumeState; }
    public void setResumeState(String resumeState) { this.resumeState = resumeState; }
    public String getResumeReason() { return resumeReason; }
    public void setResumeReason(String resumeReason) { this.resumeReason = resumeReason; }
    public String getCurrentCall() { return currentCall; }
    public void setCurrentCall(String currentCall) { this.currentCall = currentCall; }
    public String getCurrentQueue() { return currentQueue; }
    public void setCurrentQueue(String currentQueue) { this.currentQueue = currentQueue; }
    public Long getSessionId() { return sessionId; }
    public void setSessionId(Long sessionId) { this.sessionId = sessionId; }
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
