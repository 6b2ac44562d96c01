package cn.heatdesk.callcenter.agi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * HeatDesk's FastAGI server, which the gateways' dialplans call ({@code heatdesk.callcenter.agi.*}).
 *
 * @param enabled      false: no server (installations without a call center)
 * @param bindAddress  address to listen on; the gateways must reach it (null = all interfaces)
 * @param port         4573 by default as in Asterisk's agi:// URLs; 0 picks a free port (tests, several instances)
 * @param poolSize     threads kept for AGI sessions
 * @param maxPoolSize  most concurrent AGI sessions (one thread each). The ivr script holds its caller's session for
 *                     the whole menu walk (prompts, key waits: typically 5-30 s), so the bound is sized for calls
 *                     in the menu, not for decisions per second: 40 new calls/s × up to 20 s in the menu ≈ 800. The
 *                     old 200 was exhausted by 300 simultaneous IVR calls in the bench; a refused session makes
 *                     Asterisk continue with AGISTATUS=FAILURE (static menu), see docs/asterisk.md
 */
@ConfigurationProperties(prefix = "heatdesk.callcenter.agi")
public record AgiProperties(Boolean enabled, String bindAddress, Integer port, Integer poolSize, Integer maxPoolSize) {

    public AgiProperties {
        enabled = enabled == null || enabled;
        port = port == null ? 4573 : port;
        poolSize = poolSize == null ? 20 : poolSize;
        maxPoolSize = maxPoolSize == null ? 1000 : Math.max(maxPoolSize, poolSize);
    }
}
