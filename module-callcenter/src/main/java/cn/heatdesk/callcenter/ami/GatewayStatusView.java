package cn.heatdesk.callcenter.ami;

import java.time.Instant;

/**
 * Live state of one gateway's AMI link, for the console.
 *
 * @param asteriskVersion from CoreSettings, null before the first login
 * @param startedAt       Asterisk's start time (CoreStatus), null before the first login
 * @param channels        live channels (CoreStatus CoreCurrentCalls at login, then tracked by events)
 */
public record GatewayStatusView(long gatewayId, boolean connected, String asteriskVersion, Instant startedAt,
                                Long uptimeSeconds, Integer channels, Instant lastEventAt, Instant connectedSince,
                                String lastError, long reconnects) {
}
