package cn.heatdesk.callcenter.gateway;

/** Filters of the phone list; empty values mean "any". */
public class PhoneFilter {

    private Long gatewayId;
    /** part of the extension, model, MAC or remark */
    private String keyword;
    /** true = bound to an agent, false = free */
    private Boolean bound;
    private Boolean registered;
    private String keywordLike;

    public Long getGatewayId() { return gatewayId; }
    public void setGatewayId(Long gatewayId) { this.gatewayId = gatewayId; }
    public String getKeyword() { return keyword; }
    public void setKeyword(String keyword) { this.keyword = keyword; }
    public Boolean getBound() { return bound; }
    public void setBound(Boolean bound) { this.bound = bound; }
    public Boolean getRegistered() { return registered; }
    public void setRegistered(Boolean registered) { this.registered = registered; }
    public String getKeywordLike() { return keywordLike; }
    public void setKeywordLike(String keywordLike) { this.keywordLike = keywordLike; }
}
