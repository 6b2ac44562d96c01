package cn.heatdesk.settings.auth;

import cn.heatdesk.kernel.crypto.PasswordHasher;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.settings.api.SystemParamApi;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/** Password, lockout and session rules from the system parameters (length, classes, history, age, idle timeout). */
@Component
public class PasswordPolicy {

    private final SystemParamApi params;
    private final PasswordHasher hasher;

    public PasswordPolicy(SystemParamApi params, PasswordHasher hasher) {
        this.params = params;
        this.hasher = hasher;
    }

    /**
     * @param history previous hashes, newest first (the current one included)
     */
    public void check(String field, String password, String username, List<String> history) {
        int minLength = params.getInt("security.password.min-length", 8);
        int minClasses = params.getInt("security.password.min-classes", 3);
        int keep = params.getInt("security.password.history", 5);
        if (password == null || password.length() < minLength) {
            throw BizException.invalid(field, "密码长度不能少于 " + minLength + " 位");
        }
        if (password.length() > 64) {
            throw BizException.invalid(field, "密码长度不能超过 64 位");
        }
        if (classes(password) < minClasses) {
            throw BizException.invalid(field, "密码须包含大写字母、小写字母、数字、特殊字符中的至少 " + minClasses + " 类");
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw BizException.invalid(field, "密码不能包含用户名");
        }
        for (int i = 0; i < Math.min(keep, history.size()); i++) {
            if (hasher.verify(password, history.get(i))) {
                throw BizException.invalid(field, "新密码不能与最近 " + keep + " 次使用过的密码相同");
            }
        }
    }

    public int maxAgeDays() {
        return params.getInt("security.password.max-age-days", 90);
    }

    public int maxAttempts() {
        return params.getInt("security.lockout.max-attempts", 5);
    }

    public int lockMinutes() {
        return params.getInt("security.lockout.minutes", 15);
    }

    /** idle session timeout (MLPS: automatic logout after inactivity) */
    public int idleMinutes() {
        return params.getInt("security.session.idle-minutes", 30);
    }

    public boolean forceInitialChange() {
        return params.getBool("security.password.force-initial-change", true);
    }

    static int classes(String p) {
        boolean upper = false, lower = false, digit = false, other = false;
        for (char c : p.toCharArray()) {
            if (Character.isUpperCase(c)) upper = true;
            else if (Character.isLowerCase(c)) lower = true;
            else if (Character.isDigit(c)) digit = true;
            else other = true;
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
