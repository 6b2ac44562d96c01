package cn.heatdesk.notice.live;

import cn.heatdesk.kernel.security.SecurityContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;

/**
 * Servlet plumbing of the event stream {@code /api/notice/stream} (this path only):
 * <ul>
 * <li>EventSource cannot send headers, so the token is also taken from {@code ?token=} and handed on as the
 *     {@code Authorization: Bearer} header the login check reads (a real header wins). The parameter must never be
 *     logged: HeatDesk writes no access log with query strings; a site that enables one should prefer the header.</li>
 * <li>When the stream ends, Spring MVC re-dispatches the request (ASYNC) through the API interceptors. Sa-Token has
 *     no context on that dispatch and the login may have ended (logout closes the stream), and the events were
 *     already written, so the dispatch is ended here instead.</li>
 * <li>The request thread that opened the stream never sees the interceptors' afterCompletion (it comes on the
 *     skipped ASYNC dispatch), so the signed-in user is cleared from the thread here when the handler returns.</li>
 * </ul>
 */
public class LiveStreamFilter implements Filter {

    static final String HEADER = "Authorization";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (req.getDispatcherType() == DispatcherType.ASYNC) {
            return;
        }
        ServletRequest effective = withTokenHeader((HttpServletRequest) req);
        try {
            // callAs(null) runs the chain with no user and removes whatever the interceptors set afterwards
            SecurityContext.callAs(null, () -> {
                try {
                    chain.doFilter(effective, res);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (ServletException e) {
                    throw new WrappedServletException(e);
                }
                return null;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (WrappedServletException e) {
            throw (ServletException) e.getCause();
        }
    }

    static HttpServletRequest withTokenHeader(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        String token = request.getParameter("token");
        if ((header != null && !header.isBlank()) || token == null || token.isBlank()) {
            return request;
        }
        String value = "Bearer " + token.strip();
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return HEADER.equalsIgnoreCase(name) ? value : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return HEADER.equalsIgnoreCase(name) ? Collections.enumeration(List.of(value)) : super.getHeaders(name);
            }

            @Override
            public Enumeration<String> getHeaderNames() {
                List<String> names = Collections.list(super.getHeaderNames());
                names.add(HEADER);
                return Collections.enumeration(names);
            }
        };
    }

    private static final class WrappedServletException extends RuntimeException {
        WrappedServletException(ServletException cause) {
            super(cause);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<LiveStreamFilter> liveStreamFilter() {
            FilterRegistrationBean<LiveStreamFilter> bean = new FilterRegistrationBean<>(new LiveStreamFilter());
            bean.addUrlPatterns("/api/notice/stream");
            bean.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
            // before Sa-Token's context filter, which captures the request the token is read from
            bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
            return bean;
        }
    }
}
