package cn.heatdesk.kernel.audit;

import cn.heatdesk.kernel.config.WebSecurityConfig;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/** Hands {@link AuditWebInterceptor} to the kernel's web configuration (registered for /api/** before the login check). */
@Component
public class AuditInterceptorContributor implements WebSecurityConfig.ApiInterceptorContributor {

    private final AuditWebInterceptor interceptor;

    public AuditInterceptorContributor(AuditService auditService) {
        this.interceptor = new AuditWebInterceptor(auditService);
    }

    @Override
    public HandlerInterceptor interceptor() {
        return interceptor;
    }
}
