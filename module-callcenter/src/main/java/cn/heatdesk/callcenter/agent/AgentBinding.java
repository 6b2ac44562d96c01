package cn.heatdesk.callcenter.agent;

/** an agent with its bound phone's gateway and PJSIP endpoint (for {@link AgentLookup}) */
public class AgentBinding {

    private Long agentId;
    private Long userId;
    private String jobNo;
    private String agentName;
    private Long gatewayId;
    private String endpointName;

    public Long getAgentId() { return agentId; }
    public void setAgentId(Long agentId) { this.agentId = agentId; }
    public Long getUserId() { return userId; }
    public void setUserId(Long userId) { this.userId = userId; }
    public String getJobNo() { return jobNo; }
    public void setJobNo(String jobNo) { this.jobNo = jobNo; }
    public String getAgentName() { return agentName; }
    public void setAgentName(String agentName) { this.agentName = agentName; }
    public Long getGatewayId() { return gatewayId; }
    public void setGatewayId(Long gatewayId) { this.gatewayId = gatewayId; }
    public String getEndpointName() { return endpointName; }
    public void setEndpointName(String endpointName) { this.endpointName = endpointName; }
}
