package cn.heatdesk.settings.user;

import java.time.LocalDateTime;

/** List filters for users. */
public class UserFilter {

    private String keyword;
    private Long orgId;
    private String orgPath;
    private Integer enabled;
    private Boolean locked;
    private String phoneIdx;
    private java.time.LocalDateTime now;

    public String getKeyword() { return keyword; }
    public void setKeyword(String keyword) { this.keyword = keyword; }
    public Long getOrgId() { return orgId; }
    public void setOrgId(Long orgId) { this.orgId = orgId; }
    public String getOrgPath() { return orgPath; }
    public void setOrgPath(String orgPath) { this.orgPath = orgPath; }
    public Integer getEnabled() { return enabled; }
    public void setEnabled(Integer enabled) { this.enabled = enabled; }
    public Boolean getLocked() { return locked; }
    public void setLocked(Boolean locked) { this.locked = locked; }
    public String getPhoneIdx() { return phoneIdx; }
    public void setPhoneIdx(String phoneIdx) { this.phoneIdx = phoneIdx; }
    public java.time.LocalDateTime getNow() { return now; }
    public void setNow(java.time.LocalDateTime now) { this.now = now; }
}
