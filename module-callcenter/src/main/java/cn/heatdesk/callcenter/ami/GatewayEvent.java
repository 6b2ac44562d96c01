package cn.heatdesk.callcenter.ami;

import org.asteriskjava.manager.event.ManagerEvent;

import java.time.Instant;

/**
 * One AMI event of one gateway. Listeners see the events of one call (same linkedid) in the order the gateway sent
 * them, on HeatDesk's executor — never on asterisk-java's reader thread.
 */
public record GatewayEvent(long gatewayId, ManagerEvent event, Instant receivedAt) {
}
