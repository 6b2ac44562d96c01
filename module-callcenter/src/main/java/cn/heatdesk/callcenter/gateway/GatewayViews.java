package cn.heatdesk.callcenter.gateway;

import cn.heatdesk.callcenter.ami.GatewayStatusView;

import java.time.LocalDateTime;

/** What the gateway, phone and queue endpoints return. Secrets never: only whether one is set. */
public final class GatewayViews {

    private GatewayViews() {
    }

    /** @param status live AMI status, null when the AMI layer is not running */
    public record GatewayView(Long id, String code, String name, String kind, String kindLabel, Long stationOrgId,
                              String stationName, String amiHost, int amiPort, String amiUsername, boolean amiSecretSet,
                              String agiHost, Integer agiPort, String recordingDir, boolean enabled, String remark,
                              int phoneCount, int queueCount, GatewayStatusView status, Integer rowVersion,
                              LocalDateTime createdAt, LocalDateTime updatedAt) {
    }

    /**
     * @param registered null = no registration state seen yet
     * @param agentId    the agent bound to the phone, null when free
     */
    public record PhoneView(Long id, Long gatewayId, String gatewayName, String extension, String endpointName,
                            boolean sipSecretSet, String model, String mac, String remark, boolean enabled,
                            Boolean registered, String deviceState, LocalDateTime stateUpdatedAt, Long agentId,
                            String agentJobNo, String agentName, Integer rowVersion) {
    }

    public record QueueView(Long id, Long gatewayId, String gatewayName, String queueName, String displayName,
                            String skillCode, String skillLabel, String strategy, int timeoutSeconds, int wrapupSeconds,
                            int maxWaitSeconds, boolean enabled, String remark, int memberCount, Integer rowVersion) {
    }
}
