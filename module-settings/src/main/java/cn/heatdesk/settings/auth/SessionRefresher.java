package cn.heatdesk.settings.auth;

import cn.dev33.satoken.session.SaSession;
import cn.dev33.satoken.stp.StpUtil;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.CurrentUserInterceptor;
import cn.heatdesk.kernel.security.DataScope;
import cn.heatdesk.settings.role.RoleMapper;
import cn.heatdesk.settings.role.SysRole;
import cn.heatdesk.settings.user.SysUser;
import cn.heatdesk.settings.user.UserMapper;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the {@link CurrentUser} kept in a login session (permissions, roles, widest data scope) and rebuilds
 * it for signed-in users when their roles, org or permissions change, so a change applies without re-login.
 */
@Component
public class SessionRefresher {

    private final UserMapper users;
    private final RoleMapper roles;

    public SessionRefresher(UserMapper users, RoleMapper roles) {
        this.users = users;
        this.roles = roles;
    }

    public CurrentUser build(SysUser u) {
        List<SysRole> assigned = roles.selectByUser(u.getId()).stream().filter(r -> r.getEnabled() == 1).toList();
        List<Long> roleIds = assigned.stream().map(SysRole::getId).toList();
        Set<String> perms = new LinkedHashSet<>(roleIds.isEmpty() ? List.of() : roles.selectPermissionsOfRoles(roleIds));
        DataScope scope = null;
        List<Long> customRoleIds = new java.util.ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        for (SysRole r : assigned) {
            DataScope s = DataScope.valueOf(r.getDataScope());
            scope = DataScope.widest(scope, s);
            if (s == DataScope.CUSTOM) {
                customRoleIds.add(r.getId());
            }
            codes.add(r.getRoleCode());
        }
        List<String> customPaths = customRoleIds.isEmpty() ? List.of() : roles.selectDataOrgPaths(customRoleIds);
        return new CurrentUser(u.getId(), u.getUsername(), u.getRealName(), u.getSubsidiaryId(), u.getOrgId(),
                u.getOrgPath(), scope == null ? DataScope.SELF : scope, List.copyOf(customPaths),
                Set.copyOf(perms), Set.copyOf(codes));
    }

    /** Rewrites the session user of each signed-in account among {@code userIds}. */
    public void refreshUsers(Collection<Long> userIds) {
        for (Long id : userIds) {
            SaSession session = StpUtil.getSessionByLoginId(id, false);
            if (session == null) {
                continue;
            }
            SysUser u = users.selectByIdUnscoped(id);
            if (u == null || u.getEnabled() != 1) {
                StpUtil.logout(id);
            } else {
                session.set(CurrentUserInterceptor.SESSION_KEY, build(u));
            }
        }
    }
}
