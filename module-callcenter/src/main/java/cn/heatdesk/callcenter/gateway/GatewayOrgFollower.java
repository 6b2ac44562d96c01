package cn.heatdesk.callcenter.gateway;

/**
 * Configuration that belongs to a gateway (IVR menus, …) and is scoped by the gateway's station: when a gateway is
 * given to another station its rows take the new subsidiary and org path, in the same transaction as the gateway.
 * (Phones and queues are handled by GatewayService itself; call history stays with the station it happened at.)
 */
public interface GatewayOrgFollower {

    void gatewayMoved(long gatewayId, long subsidiaryId, String orgPath);
}
