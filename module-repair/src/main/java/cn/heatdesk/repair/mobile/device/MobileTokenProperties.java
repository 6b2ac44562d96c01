package cn.heatdesk.repair.mobile.device;

import cn.heatdesk.settings.api.LoginApi;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Lifetime of field app tokens (Sa-Token device {@code APP-<deviceId>}). Workers are offline in basements for
 * hours, so the app gets its own idle timeout instead of the console's 30 minutes; console sessions are unchanged.
 * <pre>
 * heatdesk.mobile.token-idle-timeout: 7d   # no request for this long ends the app session
 * heatdesk.mobile.token-timeout: 30d       # absolute lifetime of an app login
 * </pre>
 */
@ConfigurationProperties(prefix = "heatdesk.mobile")
public class MobileTokenProperties {

    private Duration tokenIdleTimeout = Duration.ofDays(7);
    private Duration tokenTimeout = Duration.ofDays(30);

    public Duration getTokenIdleTimeout() {
        return tokenIdleTimeout;
    }

    public void setTokenIdleTimeout(Duration tokenIdleTimeout) {
        this.tokenIdleTimeout = tokenIdleTimeout;
    }

    public Duration getTokenTimeout() {
        return tokenTimeout;
    }

    public void setTokenTimeout(Duration tokenTimeout) {
        this.tokenTimeout = tokenTimeout;
    }

    /** @throws IllegalStateException unless 1 s ≤ idle timeout ≤ absolute lifetime (a start-up error) */
    public LoginApi.SessionTerms terms() {
        if (tokenIdleTimeout == null || tokenTimeout == null || tokenIdleTimeout.getSeconds() < 1
                || tokenTimeout.compareTo(tokenIdleTimeout) < 0) {
            throw new IllegalStateException("heatdesk.mobile.token-idle-timeout must be at least 1s and at most "
                    + "heatdesk.mobile.token-timeout, got " + tokenIdleTimeout + " / " + tokenTimeout);
        }
        return new LoginApi.SessionTerms(tokenIdleTimeout.getSeconds(), tokenTimeout.getSeconds());
    }
}
