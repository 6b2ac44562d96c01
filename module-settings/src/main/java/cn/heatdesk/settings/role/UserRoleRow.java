package cn.heatdesk.settings.role;

/** One role of one user, for listing many users' roles in one query. */
public class UserRoleRow {

    private Long userId;
    private Long roleId;
    private String roleCode;
    private String roleName;

    public Long getUserId() { return userId; }
    public void setUserId(Long userId) { this.userId = userId; }
    public Long getRoleId() { return roleId; }
    public void setRoleId(Long roleId) { this.roleId = roleId; }
    public String getRoleCode() { return roleCode; }
    public void setRoleCode(String roleCode) { this.roleCode = roleCode; }
    public String getRoleName() { return roleName; }
    public void setRoleName(String roleName) { this.roleName = roleName; }
}
