package cn.heatdesk.settings.org;

import java.time.LocalDateTime;

/** A kind of org node; which kinds may be its parent is data, not code. */
public class OrgType {

    private Long id;
    private String typeCode;
    private String typeName;
    private String allowedParents;
    private Integer isSubsidiary;
    private Integer builtin;
    private Integer sortNo;
    private LocalDateTime createdAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getTypeCode() { return typeCode; }
    public void setTypeCode(String typeCode) { this.typeCode = typeCode; }
    public String getTypeName() { return typeName; }
    public void setTypeName(String typeName) { this.typeName = typeName; }
    public String getAllowedParents() { return allowedParents; }
    public void setAllowedParents(String allowedParents) { this.allowedParents = allowedParents; }
    public Integer getIsSubsidiary() { return isSubsidiary; }
    public void setIsSubsidiary(Integer isSubsidiary) { this.isSubsidiary = isSubsidiary; }
    public Integer getBuiltin() { return builtin; }
    public void setBuiltin(Integer builtin) { this.builtin = builtin; }
    public Integer getSortNo() { return sortNo; }
    public void setSortNo(Integer sortNo) { this.sortNo = sortNo; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
}
