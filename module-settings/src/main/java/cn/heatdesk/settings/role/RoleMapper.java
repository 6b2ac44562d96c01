package cn.heatdesk.settings.role;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.Collection;
import java.util.List;

/** sys_role with its permissions, custom data orgs and user links. */
@Mapper
@DataScoped(alias = "r")
public interface RoleMapper {

    List<SysRole> selectPage(@Param("keyword") String keyword, @Param("enabled") Integer enabled,
                             @Param("orderBy") String orderBy);

    SysRole selectById(@Param("id") long id);

    /** roles an admin of {@code subsidiaryId} may give: the group's shared roles plus the subsidiary's own */
    @DataScoped(ignore = true)
    List<SysRole> selectAssignable(@Param("subsidiaryId") Long subsidiaryId, @Param("all") boolean all);

    @DataScoped(ignore = true)
    SysRole selectByIdUnscoped(@Param("id") long id);

    @DataScoped(ignore = true)
    SysRole selectByCode(@Param("roleCode") String roleCode);

    @DataScoped(ignore = true)
    List<SysRole> selectByUser(@Param("userId") long userId);

    /** roles of many users at once (list pages and exports), ordered by user then role name */
    @DataScoped(ignore = true)
    List<UserRoleRow> selectRolesOfUsers(@Param("userIds") Collection<Long> userIds);

    @DataScoped(ignore = true)
    List<String> selectPermissions(@Param("roleId") long roleId);

    @DataScoped(ignore = true)
    List<String> selectPermissionsOfRoles(@Param("roleIds") Collection<Long> roleIds);

    @DataScoped(ignore = true)
    List<Long> selectDataOrgs(@Param("roleId") long roleId);

    @DataScoped(ignore = true)
    List<String> selectDataOrgPaths(@Param("roleIds") Collection<Long> roleIds);

    @DataScoped(ignore = true)
    List<Long> selectUserIds(@Param("roleId") long roleId);

    @DataScoped(ignore = true)
    int countUsers(@Param("roleId") long roleId);

    /** rewrites org paths and owner subsidiary after an org move (prefix replacement) */
    int movePaths(@Param("oldPath") String oldPath, @Param("newPath") String newPath,
                  @Param("oldSubsidiaryId") Long oldSubsidiaryId, @Param("newSubsidiaryId") Long newSubsidiaryId);

    int insert(SysRole role);

    int update(SysRole role);

    int delete(@Param("id") long id);

    int deletePermissions(@Param("roleId") long roleId);

    int insertPermission(@Param("roleId") long roleId, @Param("permCode") String permCode);

    int deleteDataOrgs(@Param("roleId") long roleId);

    int insertDataOrg(@Param("roleId") long roleId, @Param("orgId") long orgId);

    int deleteUserRoles(@Param("userId") long userId);

    int insertUserRole(@Param("userId") long userId, @Param("roleId") long roleId);
}
