package cn.heatdesk.callcenter.gateway;

/** published after a gateway is created, edited, enabled, disabled or deleted: the AMI layer reconnects it */
public record GatewayChanged(long gatewayId) {
}
