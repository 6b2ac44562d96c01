package cn.heatdesk.settings.permission;

import java.util.Objects;

/** A row of sys_permission. */
public class SysPermission {

    private Long id;
    private String permCode;
    private String permName;
    private String permKind;
    private String parentCode;
    private String routePath;
    private String icon;
    private String moduleName;
    private Integer sortNo;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getPermCode() { return permCode; }
    public void setPermCode(String permCode) { this.permCode = permCode; }
    public String getPermName() { return permName; }
    public void setPermName(String permName) { this.permName = permName; }
    public String getPermKind() { return permKind; }
    public void setPermKind(String permKind) { this.permKind = permKind; }
    public String getParentCode() { return parentCode; }
    public void setParentCode(String parentCode) { this.parentCode = parentCode; }
    public String getRoutePath() { return routePath; }
    public void setRoutePath(String routePath) { this.routePath = routePath; }
    public String getIcon() { return icon; }
    public void setIcon(String icon) { this.icon = icon; }
    public String getModuleName() { return moduleName; }
    public void setModuleName(String moduleName) { this.moduleName = moduleName; }
    public Integer getSortNo() { return sortNo; }
    public void setSortNo(Integer sortNo) { this.sortNo = sortNo; }

    /** same declared content (the id aside) */
    boolean sameAs(SysPermission o) {
        return Objects.equals(permName, o.permName) && Objects.equals(permKind, o.permKind)
                && Objects.equals(parentCode, o.parentCode) && Objects.equals(routePath, o.routePath)
                && Objects.equals(icon, o.icon) && Objects.equals(moduleName, o.moduleName)
                && Objects.equals(sortNo, o.sortNo);
    }
}
