package cn.heatdesk.callcenter.ami;

/** live status of the gateways' AMI links */
public interface GatewayMonitor {

    GatewayStatusView status(long gatewayId);
}
