package cn.heatdesk.kernel.security;

import cn.dev33.satoken.session.SaSession;
import cn.dev33.satoken.stp.StpInterface;
import cn.dev33.satoken.stp.StpUtil;

import java.util.ArrayList;
import java.util.List;

/**
 * Sa-Token reads permissions and roles from the {@link CurrentUser} kept in the login session, so
 * {@code @SaCheckPermission} costs no query. The settings module refreshes the session when roles change.
 */
public class SessionPermissionSource implements StpInterface {

    @Override
    public List<String> getPermissionList(Object loginId, String loginType) {
        CurrentUser u = load(loginId);
        return u == null ? List.of() : new ArrayList<>(u.permissions());
    }

    @Override
    public List<String> getRoleList(Object loginId, String loginType) {
        CurrentUser u = load(loginId);
        return u == null ? List.of() : new ArrayList<>(u.roles());
    }

    private static CurrentUser load(Object loginId) {
        SaSession session = StpUtil.getSessionByLoginId(loginId, false);
        return session == null ? null : (CurrentUser) session.get(CurrentUserInterceptor.SESSION_KEY);
    }
}
