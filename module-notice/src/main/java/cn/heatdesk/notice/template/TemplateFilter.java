package cn.heatdesk.notice.template;

/** 通知模板 filters: event code or name (contains), channel, enabled (1/0). */
public class TemplateFilter {

    private String keyword;
    private String channel;
    private Integer enabled;

    private String keywordLike;

    public String getKeyword() { return keyword; }
    public void setKeyword(String keyword) { this.keyword = keyword; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
    public Integer getEnabled() { return enabled; }
    public void setEnabled(Integer enabled) { this.enabled = enabled; }
    public String getKeywordLike() { return keywordLike; }
    public void setKeywordLike(String keywordLike) { this.keywordLike = keywordLike; }
}
