package cn.heatdesk.settings.changelog;

import java.time.LocalDateTime;

/** A row of setting_change_log. */
public class SettingChangeLog {

    private Long id;
    private String entityKind;
    private Long entityId;
    private String entityLabel;
    private String changeKind;
    private String beforeJson;
    private String afterJson;
    private String reason;
    private Integer rolledBack;
    private Long rollbackOf;
    private Long subsidiaryId;
    private String orgPath;
    private Long createdBy;
    private String createdByName;
    private LocalDateTime createdAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getEntityKind() { return entityKind; }
    public void setEntityKind(String entityKind) { this.entityKind = entityKind; }
    public Long getEntityId() { return entityId; }
    public void setEntityId(Long entityId) { this.entityId = entityId; }
    public String getEntityLabel() { return entityLabel; }
    public void setEntityLabel(String entityLabel) { this.entityLabel = entityLabel; }
    public String getChangeKind() { return changeKind; }
    public void setChangeKind(String changeKind) { this.changeKind = changeKind; }
    public String getBeforeJson() { return beforeJson; }
    public void setBeforeJson(String beforeJson) { this.beforeJson = beforeJson; }
    public String getAfterJson() { return afterJson; }
    public void setAfterJson(String afterJson) { this.afterJson = afterJson; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public Integer getRolledBack() { return rolledBack; }
    public void setRolledBack(Integer rolledBack) { this.rolledBack = rolledBack; }
    public Long getRollbackOf() { return rollbackOf; }
    public void setRollbackOf(Long rollbackOf) { this.rollbackOf = rollbackOf; }
    public Long getSubsidiaryId() { return subsidiaryId; }
    public void setSubsidiaryId(Long subsidiaryId) { this.subsidiaryId = subsidiaryId; }
    public String getOrgPath() { return orgPath; }
    public void setOrgPath(String orgPath) { this.orgPath = orgPath; }
    public Long getCreatedBy() { return createdBy; }
    public void setCreatedBy(Long createdBy) { this.createdBy = createdBy; }
    public String getCreatedByName() { return createdByName; }
    public void setCreatedByName(String createdByName) { this.createdByName = createdByName; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }

    public boolean wasRolledBack() {
        return rolledBack != null && rolledBack != 0;
    }
}
