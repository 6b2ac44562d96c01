package cn.heatdesk.kernel.security;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The current user of this thread. Set per request by {@link CurrentUserInterceptor}; background jobs run
 * with no user, which means "system" and no data-scope restriction.
 */
public final class SecurityContext {

    private static final ThreadLocal<CurrentUser> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<String> CLIENT_IP = new ThreadLocal<>();

    private SecurityContext() {
    }

    public static Optional<CurrentUser> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static CurrentUser require() {
        CurrentUser u = CURRENT.get();
        if (u == null) {
            throw new BizException(ErrorCode.UNAUTHENTICATED, null);
        }
        return u;
    }

    /** The acting user's id, or 0 for the system itself (jobs, integrations). */
    public static long userIdOrSystem() {
        CurrentUser u = CURRENT.get();
        return u == null ? 0L : u.userId();
    }

    public static String usernameOrSystem() {
        CurrentUser u = CURRENT.get();
        return u == null ? "system" : u.username();
    }

    public static String clientIp() {
        return CLIENT_IP.get();
    }

    static void set(CurrentUser user, String ip) {
        CURRENT.set(user);
        CLIENT_IP.set(ip);
    }

    static void clear() {
        CURRENT.remove();
        CLIENT_IP.remove();
    }

    /** Runs {@code work} as {@code user} (login itself, tests, jobs acting for someone), restoring the previous user. */
    public static <T> T callAs(CurrentUser user, Supplier<T> work) {
        CurrentUser previous = CURRENT.get();
        CURRENT.set(user);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
