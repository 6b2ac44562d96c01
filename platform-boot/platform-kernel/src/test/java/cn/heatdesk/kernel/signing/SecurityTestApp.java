package cn.heatdesk.kernel.signing;

import cn.heatdesk.kernel.audit.AuditInterceptorContributor;
import cn.heatdesk.kernel.error.GlobalExceptionHandler;
import cn.heatdesk.db.mybatis.HeatDeskDatabaseIdProvider;
import cn.heatdesk.kernel.datascope.DataScopeInterceptor;
import cn.heatdesk.kernel.id.IdGenerator;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.mapping.DatabaseIdProvider;
import org.mybatis.spring.annotation.MapperScan;
import cn.heatdesk.kernel.id.SnowflakeIdGenerator;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import cn.heatdesk.kernel.security.SecurityContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.boot.autoconfigure.data.redis.RedisRepositoriesAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A narrow application for the security integration tests: only the crypto, audit and signing packages, the
 * kernel's exception handler, a fixed snowflake worker, and a stand-in for the login: header {@code X-Test-User}
 * (with {@code X-Test-Perms}, {@code X-Test-Subsidiary}) runs the request as that user.
 *
 * <p>Deliberately not a {@code @Configuration}/{@code @SpringBootApplication}, and the test components it scans are
 * conditional on {@code heatdesk.test.security-app=true}: this module's test-jar is on other modules' test class
 * paths, and their component scans of {@code cn.heatdesk} must not pick any of this up.
 */
@EnableAutoConfiguration(exclude = {RedisAutoConfiguration.class, RedisRepositoriesAutoConfiguration.class})
@ComponentScan(basePackages = {"cn.heatdesk.kernel.crypto", "cn.heatdesk.kernel.audit", "cn.heatdesk.kernel.signing"})
@Import(GlobalExceptionHandler.class)
@PropertySource("classpath:sec-test.properties")
@MapperScan(basePackages = {"cn.heatdesk.kernel.audit", "cn.heatdesk.kernel.signing"}, annotationClass = Mapper.class)
public class SecurityTestApp implements WebMvcConfigurer {

    private final ObjectProvider<AuditInterceptorContributor> audit;

    public SecurityTestApp(ObjectProvider<AuditInterceptorContributor> audit) {
        this.audit = audit;
    }

    /** the kernel's central data scope and paging, as in the application */
    @Bean
    public static DataScopeInterceptor dataScopeInterceptor() {
        return new DataScopeInterceptor();
    }

    @Bean
    public static DatabaseIdProvider databaseIdProvider() {
        return new HeatDeskDatabaseIdProvider();
    }

    @Bean
    public static IdGenerator idGenerator() {
        return new SnowflakeIdGenerator(1);
    }

    /** Same position as in the kernel: after the current user is known, for /api/**. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(audit.getObject().interceptor()).addPathPatterns("/api/**").order(10);
    }

    @Bean
    public FilterRegistrationBean<TestUserFilter> testUserFilter() {
        FilterRegistrationBean<TestUserFilter> bean = new FilterRegistrationBean<>(new TestUserFilter());
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 70); // after the body caching and signature filters
        return bean;
    }

    /** Runs the request as the user named in X-Test-User (the tests' replacement for Sa-Token login). */
    static class TestUserFilter extends OncePerRequestFilter {
        static final AtomicReference<CurrentUser> LAST = new AtomicReference<>();

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String name = request.getHeader("X-Test-User");
            if (name == null) {
                chain.doFilter(request, response);
                return;
            }
            Set<String> perms = new HashSet<>();
            String p = request.getHeader("X-Test-Perms");
            if (p != null) {
                perms.addAll(Arrays.asList(p.split(",")));
            }
            String sub = request.getHeader("X-Test-Subsidiary");
            CurrentUser user = new CurrentUser(name.hashCode() & 0xffffL, name, name, sub == null ? null : Long.valueOf(sub),
                    3L, "/1/3/", sub == null ? DataScope.ALL : DataScope.SUBSIDIARY, List.of(), perms, Set.of());
            LAST.set(user);
            try {
                SecurityContext.callAs(user, () -> {
                    try {
                        chain.doFilter(request, response);
                    } catch (IOException | ServletException e) {
                        throw new WrappedException(e);
                    }
                    return null;
                });
            } catch (WrappedException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw (ServletException) e.getCause();
            }
        }
    }

    static final class WrappedException extends RuntimeException {
        WrappedException(Exception cause) {
            super(cause);
        }
    }
}
