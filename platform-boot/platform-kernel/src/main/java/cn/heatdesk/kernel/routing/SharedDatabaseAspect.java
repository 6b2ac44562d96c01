package cn.heatdesk.kernel.routing;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Pins {@link SharedDatabase} services to the shared database. It runs before the transaction interceptor,
 * because the routing key is read when the transaction takes its connection.
 */
@Aspect
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SharedDatabaseAspect {

    @Around("@within(cn.heatdesk.kernel.routing.SharedDatabase)")
    public Object pin(ProceedingJoinPoint call) throws Throwable {
        return SubsidiaryRouting.callShared(call::proceed);
    }
}
