package cn.heatdesk.callcenter.call;

import cn.dev33.satoken.stp.StpUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the permission from the user's login session (the same source {@code @SaCheckPermission} uses): screen
 * pops only go to signed-in agents, and a user without a session gets masked numbers (fail closed).
 */
@Component
public class SessionNumberVisibility implements NumberVisibility {

    private static final Logger log = LoggerFactory.getLogger(SessionNumberVisibility.class);

    @Override
    public boolean mayView(long userId) {
        try {
            return StpUtil.hasPermission(userId, PERMISSION);
        } catch (RuntimeException e) {
            log.debug("permission lookup for user {} failed; number stays masked", userId, e);
            return false;
        }
    }
}
