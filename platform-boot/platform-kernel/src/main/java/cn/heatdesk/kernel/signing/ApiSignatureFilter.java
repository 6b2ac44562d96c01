package cn.heatdesk.kernel.signing;

import cn.heatdesk.kernel.audit.AuditEntry;
import cn.heatdesk.kernel.audit.AuditResult;
import cn.heatdesk.kernel.audit.AuditService;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.security.ClientIp;
import cn.heatdesk.kernel.web.ApiResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Verifies the HMAC-SM3 signature of every request under /api/open/** (see {@link ApiSigner} for the recipe).
 * Failures are answered here with HTTP 401 and {@code {"code":"SIGNATURE_INVALID","msg":"<原因>"}} and written to
 * the audit log; a verified request continues with its body replayable, the caller in {@link ApiClientContext}
 * and in request attribute {@link ApiClientContext#REQUEST_ATTRIBUTE}.
 *
 * <p>As a {@code @Component} Spring Boot registers it for every path; it filters itself to /api/open/**.
 * /api/open/** must be excluded from the login check (the kernel's WebSecurityConfig does).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 60)
public class ApiSignatureFilter extends OncePerRequestFilter {

    public static final String PATH_PREFIX = "/api/open/";
    private static final Logger log = LoggerFactory.getLogger(ApiSignatureFilter.class);

    private final SignatureVerifier verifier;
    private final ObjectMapper objectMapper;
    private final ObjectProvider<AuditService> auditService;
    private final long maxBodyBytes;
    private final boolean auditFailures;

    public ApiSignatureFilter(SignatureVerifier verifier, ObjectMapper objectMapper, ObjectProvider<AuditService> auditService,
                              @Value("${heatdesk.security.signing.max-body-bytes:10485760}") long maxBodyBytes,
                              @Value("${heatdesk.security.signing.audit-failures:true}") boolean auditFailures) {
        this.verifier = verifier;
        this.objectMapper = objectMapper;
        this.auditService = auditService;
        this.maxBodyBytes = maxBodyBytes;
        this.auditFailures = auditFailures;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().substring(request.getContextPath().length()).startsWith(PATH_PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            reject(request, response, ErrorCode.PAYLOAD_TOO_LARGE, "请求体超过 " + maxBodyBytes + " 字节的上限");
            return;
        }
        byte[] body = readBody(request.getInputStream());
        if (body == null) {
            reject(request, response, ErrorCode.PAYLOAD_TOO_LARGE, "请求体超过 " + maxBodyBytes + " 字节的上限");
            return;
        }
        SignatureVerifier.Result result = verifier.verify(request.getMethod(), request.getRequestURI(),
                request.getQueryString(), body,
                request.getHeader(ApiSigner.HEADER_APP_KEY), request.getHeader(ApiSigner.HEADER_TIMESTAMP),
                request.getHeader(ApiSigner.HEADER_NONCE), request.getHeader(ApiSigner.HEADER_SIGNATURE));
        if (!result.ok()) {
            reject(request, response, ErrorCode.SIGNATURE_INVALID, result.reason());
            return;
        }
        CachedBodyRequestWrapper wrapped = new CachedBodyRequestWrapper(request, body);
        wrapped.setAttribute(ApiClientContext.REQUEST_ATTRIBUTE, result.client());
        ApiClientContext.set(result.client());
        try {
            chain.doFilter(wrapped, response);
        } finally {
            ApiClientContext.clear();
        }
    }

    /** Reads the whole body, or returns null when it exceeds the limit. */
    private byte[] readBody(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buf)) != -1) {
            total += n;
            if (total > maxBodyBytes) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String reason)
            throws IOException {
        String appKey = request.getHeader(ApiSigner.HEADER_APP_KEY);
        log.info("open API request refused: {} {} app={} ip={}: {}", request.getMethod(), request.getRequestURI(),
                appKey, ClientIp.of(request), reason);
        if (auditFailures) {
            AuditService audit = auditService.getIfAvailable();
            if (audit != null) {
                try {
                    audit.record(AuditEntry.builder("开放接口签名校验失败")
                            .userId(0L)
                            .username(appKey == null || appKey.isBlank() ? "anonymous" : "app:" + appKey)
                            .clientIp(ClientIp.of(request))
                            .target(request.getMethod() + " " + request.getRequestURI())
                            .detail(reason)
                            .result(AuditResult.FAILURE)
                            .httpStatus(code.status().value())
                            .build());
                } catch (RuntimeException e) {
                    log.error("审计日志写入失败 / audit write failed for refused open API request", e);
                }
            }
        }
        response.setStatus(code.status().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(objectMapper.writeValueAsString(ApiResponse.error(code.name(), reason, null, null)));
    }
}
