package cn.heatdesk.kernel.config;

import cn.dev33.satoken.interceptor.SaInterceptor;
import cn.dev33.satoken.stp.StpUtil;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.security.CurrentUserInterceptor;
import cn.heatdesk.kernel.web.ApiResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Every /api/** endpoint requires login except the few public ones below; Sa-Token annotations
 * ({@code @SaCheckPermission}) are checked by the same interceptor. Interceptors that must see every
 * write, including refused ones (audit), register through {@link ApiInterceptorContributor} and run
 * before the login check.
 */
@Configuration(proxyBeanMethods = false)
public class WebSecurityConfig implements WebMvcConfigurer {

    /** reachable without a token */
    public static final List<String> PUBLIC_API = List.of(
            "/api/auth/public-key", "/api/auth/login", "/api/auth/password/initial", "/api/open/**",
            "/api/mobile/auth/login");
    static final String DOCS_COOKIE = "hd_token";

    private final HeatDeskProperties properties;
    private final ObjectProvider<ApiInterceptorContributor> contributors;
    private final ObjectMapper objectMapper;

    public WebSecurityConfig(HeatDeskProperties properties, ObjectProvider<ApiInterceptorContributor> contributors,
                             ObjectMapper objectMapper) {
        this.properties = properties;
        this.contributors = contributors;
        this.objectMapper = objectMapper;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new CurrentUserInterceptor()).addPathPatterns("/api/**").order(0);
        contributors.orderedStream().forEach(c ->
                registry.addInterceptor(c.interceptor()).addPathPatterns("/api/**").order(10));
        registry.addInterceptor(new SaInterceptor(handler -> StpUtil.checkLogin()))
                .addPathPatterns("/api/**")
                .excludePathPatterns(PUBLIC_API)
                .order(20);
        if (!properties.getSecurity().isDocsPublic()) {
            registry.addInterceptor(new DocsLoginInterceptor())
                    .addPathPatterns("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                    .order(20);
        }
    }

    /** A module's interceptor for /api/** that must run before the login check. */
    public interface ApiInterceptorContributor {
        HandlerInterceptor interceptor();
    }

    /**
     * API docs outside the demo need a login; a browser cannot send the Authorization header when it opens
     * Swagger UI, so the console's token is also accepted from the hd_token cookie here (and only here).
     */
    private final class DocsLoginInterceptor implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
            if (StpUtil.isLogin()) {
                return true;
            }
            if (request.getCookies() != null) {
                for (Cookie c : request.getCookies()) {
                    if (DOCS_COOKIE.equals(c.getName()) && StpUtil.getLoginIdByToken(c.getValue()) != null) {
                        return true;
                    }
                }
            }
            response.setStatus(401);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(objectMapper.writeValueAsString(ApiResponse.error(
                    ErrorCode.UNAUTHENTICATED.name(), "查看接口文档需要先登录", null, null)));
            return false;
        }
    }
}
