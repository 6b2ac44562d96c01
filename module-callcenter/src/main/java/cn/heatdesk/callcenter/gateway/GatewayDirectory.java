package cn.heatdesk.callcenter.gateway;

import java.util.List;
import java.util.Optional;

/** The gateways the AMI layer connects to (the database is the source of truth). */
public interface GatewayDirectory {

    List<GatewayEndpoint> enabledGateways();

    Optional<GatewayEndpoint> find(long gatewayId);
}
