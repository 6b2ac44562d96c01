package cn.heatdesk.callcenter.call;

import cn.heatdesk.kernel.security.DataScope;
import cn.dev33.satoken.session.SaSession;
import cn.dev33.satoken.stp.StpUtil;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.CurrentUserInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The recipients from the login sessions (memory or Redis, whichever Sa-Token uses): the {@link CurrentUser} kept
 * there carries the permissions and the data scope, refreshed by the settings module when roles change. The list is
 * cached for a few seconds, so the 2-second push does not walk the session store every time.
 */
@Component
public class SessionStatsAudience implements StatsAudience {

    private static final Logger log = LoggerFactory.getLogger(SessionStatsAudience.class);
    static final Duration CACHE = Duration.ofSeconds(6);

    private volatile List<CurrentUser> cached = List.of();
    private volatile Instant cachedAt = Instant.EPOCH;

    @Override
    public List<CurrentUser> recipients() {
        Instant now = Instant.now();
        if (Duration.between(cachedAt, now).compareTo(CACHE) < 0) {
            return cached;
        }
        List<CurrentUser> list = new ArrayList<>();
        try {
            for (String id : StpUtil.searchSessionId("", 0, -1, false)) {
                SaSession s = StpUtil.getSessionBySessionId(id);
                Object u = s == null ? null : s.get(CurrentUserInterceptor.SESSION_KEY);
                if (u instanceof CurrentUser cu && cu.dataScope() != null && cu.dataScope() != DataScope.SELF
                        && LIVE_PERMISSIONS.stream().anyMatch(cu::hasPermission)) {
                    list.add(cu);
                }
            }
        } catch (RuntimeException e) {
            log.warn("读取登录会话失败，本轮不推送实时话务指标 / session scan failed: {}", e.toString());
            return List.of();
        }
        cached = List.copyOf(list);
        cachedAt = now;
        return cached;
    }
}
