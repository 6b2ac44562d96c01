package cn.heatdesk.kernel.audit;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Map;

/** Endpoints exercising {@link AuditWebInterceptor}. */
@RestController
@ConditionalOnProperty(name = "heatdesk.test.security-app", havingValue = "true")
@RequestMapping("/api/test/audit")
class AuditTestController {

    private final AuditService auditService;

    AuditTestController(AuditService auditService) {
        this.auditService = auditService;
    }

    @PostMapping("/users")
    @AuditAction("新增测试用户")
    Map<String, Object> create(@RequestBody Map<String, Object> body) {
        return Map.of("ok", true);
    }

    @PostMapping("/fail")
    @AuditAction("会失败的操作")
    Map<String, Object> fail(@RequestBody Map<String, Object> body) {
        throw BizException.invalid("name", "名称不能为空");
    }

    @PostMapping("/boom")
    Map<String, Object> boom() {
        throw new IllegalStateException("unexpected");
    }

    @PostMapping("/plain/{id}")
    Map<String, Object> plain(@PathVariable long id) {
        return Map.of("id", id);
    }

    @PostMapping("/manual")
    @AuditAction(value = "手工审计", manual = true)
    Map<String, Object> manual(@RequestBody Map<String, Object> body) {
        auditService.record(AuditEntry.fromContext("手工审计").username("attempted:" + body.get("username"))
                .failure().httpStatus(401).detail("密码错误").build());
        return Map.of("ok", true);
    }

    @PostMapping(value = "/form", consumes = "application/x-www-form-urlencoded")
    @AuditAction("表单提交")
    Map<String, Object> form(@RequestParam Map<String, String> params) {
        return Map.of("ok", true);
    }

    @PostMapping("/refused")
    @AuditAction("被拒绝的写操作")
    Map<String, Object> refused(@RequestBody Map<String, Object> body) {
        return Map.of("ok", true);
    }

    @GetMapping("/read")
    Map<String, Object> read() {
        return Map.of("ok", true);
    }

    @GetMapping("/sensitive-read")
    @AuditAction(value = "查看明文手机号", includeRead = true)
    Map<String, Object> sensitiveRead(@RequestParam String id) {
        return Map.of("ok", true);
    }

    /** Refuses /refused before the handler runs, like the login check does. */
    @Configuration
    @ConditionalOnProperty(name = "heatdesk.test.security-app", havingValue = "true")
    static class RefusingConfig implements WebMvcConfigurer {
        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new HandlerInterceptor() {
                @Override
                public boolean preHandle(jakarta.servlet.http.HttpServletRequest request,
                                         jakarta.servlet.http.HttpServletResponse response, Object handler) {
                    throw new BizException(ErrorCode.UNAUTHENTICATED, null);
                }
            }).addPathPatterns("/api/test/audit/refused").order(20);
        }
    }
}
