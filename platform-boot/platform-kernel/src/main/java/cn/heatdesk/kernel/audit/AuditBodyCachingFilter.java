package cn.heatdesk.kernel.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.WebUtils;

import java.io.IOException;

/**
 * Wraps /api/** requests in a {@link ContentCachingRequestWrapper} so that {@link AuditWebInterceptor} can put the
 * (sanitised) request body into the audit log after the handler has consumed it. Only the first
 * {@link #CACHE_LIMIT} bytes are kept; the request itself is not limited.
 *
 * <p>As a {@code @Component} Spring Boot registers it for every path; it filters itself to /api/**.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
public class AuditBodyCachingFilter extends OncePerRequestFilter {

    public static final int CACHE_LIMIT = 64 * 1024;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (WebUtils.getNativeRequest(request, ContentCachingRequestWrapper.class) != null) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new ContentCachingRequestWrapper(request, CACHE_LIMIT), response);
    }
}
