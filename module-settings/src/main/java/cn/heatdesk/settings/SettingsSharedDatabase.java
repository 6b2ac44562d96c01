package cn.heatdesk.settings;

import cn.heatdesk.kernel.routing.SubsidiaryRouting;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The org tree, users, roles, dictionaries and parameters are group master data: every entry into this module
 * (controllers, services, published api beans) runs against the shared database even for a subsidiary that has
 * a database of its own. Runs before the transaction interceptor, which takes the connection.
 */
@Aspect
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SettingsSharedDatabase {

    @Around("within(cn.heatdesk.settings..*) && !within(cn.heatdesk.settings.SettingsSharedDatabase)"
            + " && (@within(org.springframework.stereotype.Service)"
            + " || @within(org.springframework.web.bind.annotation.RestController))")
    public Object pin(ProceedingJoinPoint call) throws Throwable {
        return SubsidiaryRouting.callShared(call::proceed);
    }
}
