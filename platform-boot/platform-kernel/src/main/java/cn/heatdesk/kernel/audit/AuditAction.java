package cn.heatdesk.kernel.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the audited operation of a controller method for {@link AuditWebInterceptor}:
 * <pre>{@code
 * @AuditAction("新增用户")
 * @PostMapping("/api/settings/users")
 * public ApiResponse<UserView> create(@RequestBody @Valid UserForm form) { ... }
 * }</pre>
 * Without the annotation a write request is still audited, named by method and path pattern.
 */
@Documented
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface AuditAction {

    /** Chinese name of the operation, e.g. "新增用户". */
    String value() default "";

    /**
     * The handler writes its own audit entry through {@link AuditService#record} (login does, to record the
     * attempted username and the reason of a failure); the interceptor skips it.
     */
    boolean manual() default false;

    /**
     * Audit this handler even for GET requests (by default only writes are audited), e.g. exporting personal
     * data or revealing an unmasked value.
     */
    boolean includeRead() default false;
}
