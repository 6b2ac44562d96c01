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
    Grant login(String username, String encryptedPassword, String deviceType, Consumer<CurrentUser> admit);

    /** @param user the session user; {@code passwordExpiresInDays} null when passwords do not expire */
    record Grant(String token, CurrentUser user, Integer passwordExpiresInDays) {
    }
}
