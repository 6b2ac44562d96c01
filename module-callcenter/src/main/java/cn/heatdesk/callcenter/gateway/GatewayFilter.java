package cn.heatdesk.callcenter.gateway;

/** Filters of the gateway list; empty values mean "any". */
public class GatewayFilter {

    /** part of the code or name */
    private String keyword;
    /** HQ / STATION */
    private String kind;
    private Boolean enabled;
    private Long stationOrgId;
    /** set by the service from {@link #keyword} */
    private String keywordLike;

    public String getKeyword() { return keyword; }
    public void setKeyword(String keyword) { this.keyword = keyword; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public Boolean getEnabled() { return enabled; }
    public void setEnabled(Boolean enabled) { this.enabled = enabled; }
    public Long getStationOrgId() { return stationOrgId; }
    public void setStationOrgId(Long stationOrgId) { this.stationOrgId = stationOrgId; }
    public String getKeywordLike() { return keywordLike; }
    public void setKeywordLike(String keywordLike) { this.keywordLike = keywordLike; }
}
