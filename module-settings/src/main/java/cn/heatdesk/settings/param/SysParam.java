package cn.heatdesk.settings.param;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.LocalDateTime;

/** A row of sys_param; also the change-log snapshot of a parameter. */
public class SysParam {

    private Long id;
    private String paramKey;
    private String paramName;
    private String paramValue;
    private String valueKind;
    private Long minValue;
    private Long maxValue;
    private String paramGroup;
    private Integer builtin;
    private String remark;
    private Integer rowVersion;
    private Long createdBy;
    private LocalDateTime createdAt;
    private Long updatedBy;
    private LocalDateTime updatedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getParamKey() { return paramKey; }
    public void setParamKey(String paramKey) { this.paramKey = paramKey; }
    public String getParamName() { return paramName; }
    public void setParamName(String paramName) { this.paramName = paramName; }
    public String getParamValue() { return paramValue; }
    public void setParamValue(String paramValue) { this.paramValue = paramValue; }
    public String getValueKind() { return valueKind; }
    public void setValueKind(String valueKind) { this.valueKind = valueKind; }
    public Long getMinValue() { return minValue; }
    public void setMinValue(Long minValue) { this.minValue = minValue; }
    public Long getMaxValue() { return maxValue; }
    public void setMaxValue(Long maxValue) { this.maxValue = maxValue; }
    public String getParamGroup() { return paramGroup; }
    public void setParamGroup(String paramGroup) { this.paramGroup = paramGroup; }
    public Integer getBuiltin() { return builtin; }
    public void setBuiltin(Integer builtin) { this.builtin = builtin; }
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
    public SysParam copy() {
        SysParam c = new SysParam();
        c.id = id;
        c.paramKey = paramKey;
        c.paramName = paramName;
        c.paramValue = paramValue;
        c.valueKind = valueKind;
        c.minValue = minValue;
        c.maxValue = maxValue;
        c.paramGroup = paramGroup;
        c.builtin = builtin;
        c.remark = remark;
        c.rowVersion = rowVersion;
        c.createdBy = createdBy;
        c.createdAt = createdAt;
        c.updatedBy = updatedBy;
        c.updatedAt = updatedAt;
        return c;
    }

    @JsonIgnore
    public boolean isBuiltinParam() {
        return builtin != null && builtin != 0;
    }

    @JsonIgnore
    public String label() {
        return paramName + "（" + paramKey + "）";
    }
}
