package cn.heatdesk.kernel.security;

import cn.dev33.satoken.stp.StpUtil;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/** Loads the signed-in user from the Sa-Token session into {@link SecurityContext} for this request. */
public class CurrentUserInterceptor implements HandlerInterceptor {

    public static final String SESSION_KEY = "heatdesk.currentUser";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        CurrentUser user = null;
        if (StpUtil.isLogin()) {
            Object stored = StpUtil.getSession().get(SESSION_KEY);
            if (stored instanceof CurrentUser cu) {
                user = cu;
            }
        }
        SecurityContext.set(user, ClientIp.of(request));
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        SecurityContext.clear();
    }
}
