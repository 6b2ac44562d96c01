package cn.heatdesk.callcenter.ami;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How HeatDesk talks to its gateways' AMI ({@code heatdesk.callcenter.ami.*}).
 *
 * @param enabled          false: no connections at all (installations without a call center)
 * @param actionTimeout    how long an action waits for its response before the caller gets "网关无响应"
 * @param listTimeout      how long an event-generating action (QueueStatus …) waits for its complete event
 * @param actionPoolSize   extra connections per gateway for actions, logged in with events off, so a slow action
 *                         never delays the event stream
 * @param reconnectMin     first wait before reconnecting; doubled after each failure up to reconnectMax
 * @param reconnectMax     longest wait between reconnect attempts
 * @param pingInterval     a Ping on the event connection this often; no answer within actionTimeout = dead link
 * @param lanes            threads that process events (default twice the cores, at least 4); one call's events
 *                         always go to the same lane, in order
 * @param backlogWarn      events waiting in all lanes above which a warning is logged (once per minute)
 */
@ConfigurationProperties(prefix = "heatdesk.callcenter.ami")
public record AmiProperties(Boolean enabled, Duration actionTimeout, Duration listTimeout, Integer actionPoolSize,
                           Duration reconnectMin, Duration reconnectMax, Duration pingInterval, Integer lanes,
                           Integer backlogWarn) {

    public AmiProperties {
        enabled = enabled == null || enabled;
        actionTimeout = actionTimeout == null ? Duration.ofSeconds(5) : actionTimeout;
        listTimeout = listTimeout == null ? Duration.ofSeconds(10) : listTimeout;
        actionPoolSize = actionPoolSize == null ? 2 : Math.max(1, actionPoolSize);
        reconnectMin = reconnectMin == null ? Duration.ofMillis(500) : reconnectMin;
        reconnectMax = reconnectMax == null ? Duration.ofSeconds(30) : reconnectMax;
        pingInterval = pingInterval == null ? Duration.ofSeconds(20) : pingInterval;
        // twice the cores: a lane also waits for the database (commits, row locks), and more lanes overlap the waits
        lanes = lanes == null ? Math.max(4, 2 * Runtime.getRuntime().availableProcessors()) : Math.max(1, lanes);
        backlogWarn = backlogWarn == null ? 10_000 : backlogWarn;
    }

    /** the wait before reconnect attempt {@code attempt} (0-based): exponential with ±20 % jitter, capped */
    public long backoffMillis(int attempt, double random) {
        double base = reconnectMin.toMillis() * Math.pow(2, Math.min(attempt, 20));
        double capped = Math.min(base, reconnectMax.toMillis());
        return Math.max(1, Math.round(capped * (0.8 + 0.4 * random)));
    }
}
