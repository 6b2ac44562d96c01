package cn.heatdesk.callcenter.gateway;

/** which agent a phone is bound to (read from cc_agent for the phone list) */
public class PhoneBinding {

    private Long phoneId;
    private Long agentId;
    private String jobNo;
    private String agentName;
    private String state;

    public Long getPhoneId() { return phoneId; }
    public void setPhoneId(Long phoneId) { this.phoneId = phoneId; }
    public Long getAgentId() { return agentId; }
    public void setAgentId(Long agentId) { this.agentId = agentId; }
    public String getJobNo() { return jobNo; }
    public void setJobNo(String jobNo) { this.jobNo = jobNo; }
    public String getAgentName() { return agentName; }
    public void setAgentName(String agentName) { this.agentName = agentName; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
}
