package cn.heatdesk.kernel.audit;

import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.signing.ApiClient;
import cn.heatdesk.kernel.signing.ApiClientContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.WebUtils;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Records every non-GET /api/** request in the audit log once it has completed — including requests that were
 * refused (not logged in, no permission, validation errors) or failed.
 *
 * <ul>
 *   <li>user: {@link SecurityContext} (snapshotted in {@code preHandle} in case it is cleared before
 *       completion); an integration app calling /api/open/** is recorded as {@code app:<appKey>};
 *       nobody signed in is {@code anonymous};</li>
 *   <li>action: {@link AuditAction#value()} of the handler method (or its class), else "METHOD /path/{pattern}";</li>
 *   <li>result: SUCCESS for HTTP status &lt; 400 without an unhandled exception, FAILURE otherwise;</li>
 *   <li>target: "METHOD /actual/path"; detail: the request body sanitised by {@link AuditBodySanitizer}
 *       (needs {@link AuditBodyCachingFilter}).</li>
 * </ul>
 * Handlers annotated {@code @AuditAction(manual = true)} audit themselves and are skipped. GET/HEAD/OPTIONS are
 * skipped unless the handler says {@code @AuditAction(includeRead = true)}.
 *
 * <p>Register it for /api/** after the interceptor that fills {@link SecurityContext} (the kernel's
 * {@link AuditInterceptorContributor} does this).
 */
public class AuditWebInterceptor implements HandlerInterceptor {

    static final String USER_SNAPSHOT = AuditWebInterceptor.class.getName() + ".user";
    static final String IP_SNAPSHOT = AuditWebInterceptor.class.getName() + ".ip";
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Logger log = LoggerFactory.getLogger(AuditWebInterceptor.class);

    private final AuditService auditService;

    public AuditWebInterceptor(AuditService auditService) {
        this.auditService = auditService;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        SecurityContext.current().ifPresent(u -> request.setAttribute(USER_SNAPSHOT, u));
        String ip = SecurityContext.clientIp();
        if (ip != null) {
            request.setAttribute(IP_SNAPSHOT, ip);
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        try {
            AuditEntry entry = toEntry(request, response, handler, ex);
            if (entry != null) {
                auditService.record(entry);
            }
        } catch (RuntimeException e) {
            // the response is already out; losing an audit row must at least be loud in the log
            log.error("审计日志写入失败 / audit write failed for {} {}", request.getMethod(), request.getRequestURI(), e);
        }
    }

    AuditEntry toEntry(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        AuditAction annotation = annotationOf(handler);
        if (annotation != null && annotation.manual()) {
            return null;
        }
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (READ_METHODS.contains(method) && (annotation == null || !annotation.includeRead())) {
            return null;
        }
        String path = request.getRequestURI();
        String action = annotation != null && !annotation.value().isBlank()
                ? annotation.value()
                : method + " " + patternOrPath(request);
        int status = response.getStatus();
        if (ex != null && status < 400) {
            status = 500;
        }

        AuditEntry.Builder b = AuditEntry.builder(action)
                .target(method + " " + path)
                .result(AuditResult.ofHttpStatus(status))
                .httpStatus(status)
                .detail(body(request));
        String ip = SecurityContext.clientIp();
        if (ip == null) {
            ip = (String) request.getAttribute(IP_SNAPSHOT);
        }
        b.clientIp(ip == null ? request.getRemoteAddr() : ip);

        CurrentUser user = SecurityContext.current().orElse(null);
        if (user == null && request.getAttribute(USER_SNAPSHOT) instanceof CurrentUser snap) {
            user = snap;
        }
        ApiClient client = ApiClientContext.current()
                .orElseGet(() -> request.getAttribute(ApiClientContext.REQUEST_ATTRIBUTE) instanceof ApiClient c ? c : null);
        if (user != null) {
            b.userId(user.userId()).username(user.username()).subsidiaryId(user.subsidiaryId()).orgPath(user.orgPath());
        } else if (client != null) {
            b.userId(0L).username("app:" + client.appKey()).subsidiaryId(client.subsidiaryId()).orgPath(client.orgPath());
        } else {
            b.username("anonymous");
        }
        return b.build();
    }

    private static AuditAction annotationOf(Object handler) {
        if (handler instanceof HandlerMethod hm) {
            AuditAction a = hm.getMethodAnnotation(AuditAction.class);
            return a != null ? a : hm.getBeanType().getAnnotation(AuditAction.class);
        }
        return null;
    }

    private static String patternOrPath(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern != null ? pattern.toString() : request.getRequestURI();
    }

    private static String body(HttpServletRequest request) {
        ContentCachingRequestWrapper wrapper = WebUtils.getNativeRequest(request, ContentCachingRequestWrapper.class);
        if (wrapper == null) {
            return null;
        }
        byte[] content = wrapper.getContentAsByteArray();
        if (content.length == 0 && request.getContentLengthLong() != 0) {
            content = readUnconsumed(wrapper);
        }
        Charset charset;
        try {
            charset = request.getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(request.getCharacterEncoding());
        } catch (RuntimeException e) {
            charset = StandardCharsets.UTF_8;
        }
        return AuditBodySanitizer.sanitize(content, request.getContentType(), charset);
    }

    /** The handler never read the body (refused before it ran): read up to the cache limit ourselves. */
    private static byte[] readUnconsumed(ContentCachingRequestWrapper wrapper) {
        try {
            InputStream in = wrapper.getInputStream();
            return in.readNBytes(AuditBodyCachingFilter.CACHE_LIMIT);
        } catch (IOException | IllegalStateException e) {
            return new byte[0];
        }
    }
}
