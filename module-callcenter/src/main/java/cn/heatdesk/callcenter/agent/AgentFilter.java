package cn.heatdesk.callcenter.agent;

/** Filters of the agent list; empty values mean "any". */
public class AgentFilter {

    /** part of the job number or name */
    private String keyword;
    private Long gatewayId;
    /** an AgentState name */
    private String state;
    /** true = bound to a phone */
    private Boolean bound;
    private String keywordLike;

    public String getKeyword() { return keyword; }
    public void setKeyword(String keyword) { this.keyword = keyword; }
    public Long getGatewayId() { return gatewayId; }
    public void setGatewayId(Long gatewayId) { this.gatewayId = gatewayId; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public Boolean getBound() { return bound; }
    public void setBound(Boolean bound) { this.bound = bound; }
    public String getKeywordLike() { return keywordLike; }
    public void setKeywordLike(String keywordLike) { this.keywordLike = keywordLike; }
}
