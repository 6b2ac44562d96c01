package cn.heatdesk.settings.api;

import cn.heatdesk.kernel.security.CurrentUser;

import java.util.function.Consumer;

/**
 * The console's password login for other front ends (the field app): the same SM2 password check, lockout,
 * expiry, forced initial change and audit, on a Sa-Token login device of the caller's choosing.
 */
public interface LoginApi {

    /**
     * Verifies the credentials like {@code POST /api/auth/login}. {@code admit} sees the user after the password
     * was accepted and before a session is opened; a runtime exception it throws refuses the login, is audited as
     * a failed login with its message and is rethrown unchanged.
     *
     * @param deviceType Sa-Token login device (e.g. {@code APP-<deviceId>}); the token only counts for it
     */
    default Grant login(String username, String encryptedPassword, String deviceType, Consumer<CurrentUser> admit) {
        return login(username, encryptedPassword, deviceType, null, admit);
    }

    /**
     * As above, with the session's own lifetime instead of the console's ({@code terms} null: the console's idle
     * timeout {@code security.session.idle-minutes} and the absolute {@code sa-token.timeout}).
     */
    Grant login(String username, String encryptedPassword, String deviceType, SessionTerms terms,
                Consumer<CurrentUser> admit);

    /**
     * Lifetime of one login, in seconds: {@code idleSeconds} without a request ends it, {@code timeoutSeconds}
     * after the login it ends anyway.
     */
    record SessionTerms(long idleSeconds, long timeoutSeconds) {
        public SessionTerms {
            if (idleSeconds < 1 || timeoutSeconds < idleSeconds) {
                throw new IllegalArgumentException("need 0 < idleSeconds <= timeoutSeconds, got " + idleSeconds
                        + " / " + timeoutSeconds);
            }
        }
    }

    /** @param user the session user; {@code passwordExpiresInDays} null when passwords do not expire */
    record Grant(String token, CurrentUser user, Integer passwordExpiresInDays) {
    }
}
