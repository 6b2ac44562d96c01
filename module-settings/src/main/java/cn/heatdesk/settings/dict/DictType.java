package cn.heatdesk.settings.dict;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.LocalDateTime;

/** A row of dict_type; also the change-log snapshot of a type. */
public class DictType {

    private Long id;
    private String typeCode;
    private String typeName;
    private Integer builtin;
    private Integer enabled;
    private String remark;
    private Integer rowVersion;
    private Long createdBy;
    private LocalDateTime createdAt;
    private Long updatedBy;
    private LocalDateTime updatedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getTypeCode() { return typeCode; }
    public void setTypeCode(String typeCode) { this.typeCode = typeCode; }
    public String getTypeName() { return typeName; }
    public void setTypeName(String typeName) { this.typeName = typeName; }
    public Integer getBuiltin() { return builtin; }
    public void setBuiltin(Integer builtin) { this.builtin = builtin; }
    public Integer getEnabled() { return enabled; }
    public void setEnabled(Integer enabled) { this.enabled = enabled; }
    public String getRemark() { return remark; }
    public void setRemark(String remark) { this.remark = remark; }
    public Integer getRowVersion() { return rowVersion; }
    public void setRowVersion(Integer rowVersion) { this.rowVersion = rowVersion; }
    public Long getCreatedBy() { return createdBy; }
    public void setCreatedBy(Long createdBy) { this.createdBy = createdBy; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    public Long getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(Long updatedBy) { this.updatedBy = updatedBy; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(LocalDateTime updatedAt) { this.updatedAt = updatedAt; }

    /**
     * A detached copy. MyBatis hands out the same cached instance for a repeated select within one transaction,
     * so the "before" snapshot must never be the object that is then changed.
     */
    public DictType copy() {
        DictType c = new DictType();
        c.id = id;
        c.typeCode = typeCode;
        c.typeName = typeName;
        c.builtin = builtin;
        c.enabled = enabled;
        c.remark = remark;
        c.rowVersion = rowVersion;
        c.createdBy = createdBy;
        c.createdAt = createdAt;
        c.updatedBy = updatedBy;
        c.updatedAt = updatedAt;
        return c;
    }

    @JsonIgnore
    public boolean isBuiltinType() {
        return builtin != null && builtin != 0;
    }

    @JsonIgnore
    public boolean isEnabledType() {
        return enabled != null && enabled != 0;
    }

    @JsonIgnore
    public String label() {
        return typeName + "（" + typeCode + "）";
    }
}
