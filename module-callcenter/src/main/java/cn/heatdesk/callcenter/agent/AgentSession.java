package cn.heatdesk.callcenter.agent;

import java.time.LocalDateTime;

/** cc_agent_session: one sign-in (login log), closed at sign-out. */
public class AgentSession {

    private Long id;
    private Long agentId;
    private Long userId;
    private String jobNo;
    private Long phoneId;
    private String extension;
    private Long gatewayId;
    private LocalDateTime signedInAt;
    private LocalDateTime signedOutAt;
    private String signOutHow;
    private Long signedOutBy;
    private String clientIp;
    private Long subsidiaryId;
    private String orgPath;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getAgentId() { return agentId; }
    public void setAgentId(Long agentId) { this.agentId = agentId; }
    public Long getUserId() { return userId; }
    public void setUserId(Long userId) { this.userId = userId; }
    public String getJobNo() { return jobNo; }
    public void setJobNo(String jobNo) { this.jobNo = jobNo; }
    public Long getPhoneId() { return phoneId; }
    public void setPhoneId(Long phoneId) { this.phoneId = phoneId; }
    public String getExtension() { return extension; }
    public void setExtension(String extension) { this.extension = extension; }
    public Long getGatewayId() { return gatewayId; }
    public void setGatewayId(Long gatewayId) { this.gatewayId = gatewayId; }
    public LocalDateTime getSignedInAt() { return signedInAt; }
    public void setSignedInAt(LocalDateTime signedInAt) { this.signedInAt = signedInAt; }
    public LocalDateTime getSignedOutAt() { return signedOutAt; }
    public void setSignedOutAt(LocalDateTime signedOutAt) { this.signedOutAt = signedOutAt; }
    public String getSignOutHow() { return signOutHow; }
    public void setSignOutHow(String signOutHow) { this.signOutHow = signOutHow; }
    public Long getSignedOutBy() { return signedOutBy; }
    public void setSignedOutBy(Long signedOutBy) { this.signedOutBy = signedOutBy; }
    public String getClientIp() { return clientIp; }
    public void setClientIp(String clientIp) { this.clientIp = clientIp; }
    public Long getSubsidiaryId() { return subsidiaryId; }
    public void setSubsidiaryId(Long subsidiaryId) { this.subsidiaryId = subsidiaryId; }
    public String getOrgPath() { return orgPath; }
    public void setOrgPath(String orgPath) { this.orgPath = orgPath; }
}
