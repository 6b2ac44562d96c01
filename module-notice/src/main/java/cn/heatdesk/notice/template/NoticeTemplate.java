package cn.heatdesk.notice.template;

import java.time.LocalDateTime;

/** nt_template: the text of one event on one channel. */
public class NoticeTemplate {

    private Long id;
    private String eventCode;
    private String eventName;
    private String channel;
    private String titleTpl;
    private String contentTpl;
    private String extTemplateId;
    private Integer enabled;
    private String remark;
    private Integer rowVersion;
    private Long updatedBy;
    private String updatedByName;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;

    public boolean enabledFlag() { return enabled != null && enabled == 1; }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getEventCode() { return eventCode; }
    public void setEventCode(String eventCode) { this.eventCode = eventCode; }
    public String getEventName() { return eventName; }
    public void setEventName(String eventName) { this.eventName = eventName; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
    public String getTitleTpl() { return titleTpl; }
    public void setTitleTpl(String titleTpl) { this.titleTpl = titleTpl; }
    public String getContentTpl() { return contentTpl; }
    public void setContentTpl(String contentTpl) { this.contentTpl = contentTpl; }
    public String getExtTemplateId() { return extTemplateId; }
    public void setExtTemplateId(String extTemplateId) { this.extTemplateId = extTemplateId; }
    public Integer getEnabled() { return enabled; }
    public void setEnabled(Integer enabled) { this.enabled = enabled; }
    public String getRemark() { return remark; }
    public void setRemark(String remark) { this.remark = remark; }
    public Integer getRowVersion() { return rowVersion; }
    public void setRowVersion(Integer rowVersion) { this.rowVersion = rowVersion; }
    public Long getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(Long updatedBy) { this.updatedBy = updatedBy; }
    public String getUpdatedByName() { return updatedByName; }
    public void setUpdatedByName(String updatedByName) { this.updatedByName = updatedByName; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(LocalDateTime updatedAt) { this.updatedAt = updatedAt; }
}
