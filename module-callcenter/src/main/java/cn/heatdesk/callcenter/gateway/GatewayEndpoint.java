package cn.heatdesk.callcenter.gateway;

/**
 * What the AMI layer needs to reach one gateway.
 *
 * @param amiSecret    decrypted; never logged or returned by the REST API
 * @param stationOrgId the repair station the gateway serves; null for the headquarters gateway
 */
public record GatewayEndpoint(long id, String code, String name, long subsidiaryId, String orgPath, Long stationOrgId,
                              String amiHost, int amiPort, String amiUsername, String amiSecret, boolean enabled) {

    @Override
    public String toString() {
        return "GatewayEndpoint[" + id + " " + code + " " + amiHost + ":" + amiPort + " user=" + amiUsername + "]";
    }
}
