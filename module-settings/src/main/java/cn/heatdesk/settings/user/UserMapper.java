package cn.heatdesk.settings.user;

import cn.heatdesk.kernel.datascope.DataScoped;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

/** sys_user and its password history. Reads are limited to the caller's data scope unless marked. */
@Mapper
@DataScoped(alias = "u")
public interface UserMapper {

    List<SysUser> selectPage(@Param("f") UserFilter filter, @Param("orderBy") String orderBy);

    SysUser selectById(@Param("id") long id);

    @DataScoped(ignore = true)
    SysUser selectByIdUnscoped(@Param("id") long id);

    @DataScoped(ignore = true)
    SysUser selectByUsername(@Param("username") String username);

    @DataScoped(ignore = true)
    List<Long> selectIdsByOrgPrefix(@Param("pathPrefix") String pathPrefix);

    @DataScoped(ignore = true)
    int countByJobNumber(@Param("jobNumber") String jobNumber, @Param("excludeId") Long excludeId);

    int insert(SysUser user);

    int updateProfile(SysUser user);

    int updatePassword(@Param("id") long id, @Param("hash") String hash, @Param("changedAt") LocalDateTime changedAt,
                       @Param("mustChange") int mustChange);

    int updateLoginFailure(@Param("id") long id, @Param("attempts") int attempts,
                           @Param("lockedUntil") LocalDateTime lockedUntil);

    int updateLoginSuccess(@Param("id") long id, @Param("ip") String ip, @Param("at") LocalDateTime at);

    int unlock(@Param("id") long id, @Param("now") LocalDateTime now);

    int updateEnabled(@Param("id") long id, @Param("enabled") int enabled, @Param("now") LocalDateTime now);

    /** rewrites org paths and subsidiary after an org move (prefix replacement) */
    int movePaths(@Param("oldPath") String oldPath, @Param("newPath") String newPath,
                  @Param("oldSubsidiaryId") Long oldSubsidiaryId, @Param("newSubsidiaryId") Long newSubsidiaryId);

    int insertPasswordHistory(@Param("id") long id, @Param("userId") long userId, @Param("hash") String hash,
                              @Param("at") LocalDateTime at);

    @DataScoped(ignore = true)
    List<String> selectPasswordHistory(@Param("userId") long userId);

    /** users with their org name, for other modules (UserApi) */
    @DataScoped(ignore = true)
    List<SysUser> selectInfoByIds(@Param("ids") Collection<Long> ids);

    /** enabled users holding a role, in one org or (pathPrefix given) anywhere under it */
    @DataScoped(ignore = true)
    List<SysUser> selectByRoleInOrg(@Param("roleCode") String roleCode, @Param("orgId") long orgId,
                                    @Param("pathPrefix") String pathPrefix);
}
