package cn.heatdesk.callcenter.agi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * HeatDesk's FastAGI server, which the gateways' dialplans call ({@code heatdesk.callcenter.agi.*}).
 *
 * @param enabled      false: no server (installations without a call center)
 * @param bindAddress  address to listen on; the gateways must reach it (null = all interfaces)
 * @param port         4573 by default as in Asterisk's agi:// URLs; 0 picks a free port (tests, several instances)
 * @param poolSize     threads kept for AGI sessions
 * @param maxPoolSize  most concurrent AGI sessions; each is one call in the IVR for a few hundred milliseconds
 */
@ConfigurationProperties(prefix = "heatdesk.callcenter.agi")
public record AgiProperties(Boolean enabled, String bindAddress, Integer port, Integer poolSize, Integer maxPoolSize) {

    public AgiProperties {
        enabled = enabled == null || enabled;
        port = port == null ? 4573 : port;
        poolSize = poolSize == null ? 10 : poolSize;
        maxPoolSize = maxPoolSize == null ? 200 : Math.max(maxPoolSize, poolSize);
    }
}
