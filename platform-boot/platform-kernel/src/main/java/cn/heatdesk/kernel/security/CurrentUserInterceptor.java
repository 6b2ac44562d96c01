package cn.heatdesk.kernel.security;

import cn.dev33.satoken.stp.StpUtil;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/** Loads the signed-in user from the Sa-Token session into {@link SecurityContext} for this request. */
public class CurrentUserInterceptor implements HandlerInterceptor {

    public static final String SESSION_KEY = "heatdesk.currentUser";
    /** group users may narrow a request to one subsidiary (the console's subsidiary switcher) */
    public static final String SUBSIDIARY_HEADER = "X-HeatDesk-Subsidiary";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        CurrentUser user = null;
        if (StpUtil.isLogin()) {
            Object stored = StpUtil.getSession().get(SESSION_KEY);
            if (stored instanceof CurrentUser cu) {
                user = narrowed(cu, request.getHeader(SUBSIDIARY_HEADER));
            }
        }
        SecurityContext.set(user, ClientIp.of(request));
        return true;
    }

    /**
     * A user who sees every subsidiary may look at just one: the request then runs with that subsidiary's
     * scope. Anyone else keeps their own scope whatever the header says (it can only narrow, never widen).
     */
    static CurrentUser narrowed(CurrentUser user, String header) {
        if (header == null || header.isBlank() || user.dataScope() != DataScope.ALL) {
            return user;
        }
        long subsidiaryId;
        try {
            subsidiaryId = Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return user;
        }
        return new CurrentUser(user.userId(), user.username(), user.realName(), subsidiaryId, user.orgId(),
                user.orgPath(), DataScope.SUBSIDIARY, user.customOrgPaths(), user.permissions(), user.roles());
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        SecurityContext.clear();
    }
}
