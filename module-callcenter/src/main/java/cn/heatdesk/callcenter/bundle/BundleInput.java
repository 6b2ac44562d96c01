package cn.heatdesk.callcenter.bundle;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Everything the renderer needs about one gateway, already read from HeatDesk's tables (secrets decrypted). Plain
 * data so {@link AsteriskConfigRenderer} is a pure function.
 *
 * @param agiHost      HeatDesk's FastAGI address as the gateway reaches it; null = not configured (placeholder)
 * @param recordingDir MixMonitor directory on the gateway; null = Asterisk's default /var/spool/asterisk/monitor
 * @param amiPermit    addresses allowed to log in to AMI (HeatDesk's instances); empty = the AGI host when it is an
 *                     IP address, else a placeholder
 * @param phones       the gateway's enabled IP phones
 * @param queues       the gateway's enabled queues in menu order (skill order)
 * @param omitted      human-readable notes on disabled phones/queues left out
 * @param ivrHotlines  hotlines with an enabled IVR menu in HeatDesk (docs/ivr.md): when not empty the IVR asks
 *                     HeatDesk's ivr script first and keeps the static menu only as the fallback
 */
public record BundleInput(String gatewayCode, String gatewayName, String kindLabel, String stationName, int amiPort,
                          String amiUsername, String amiSecret, String agiHost, Integer agiPort, String recordingDir,
                          List<String> amiPermit, List<PhoneEntry> phones, List<QueueEntry> queues, List<String> omitted,
                          LocalDateTime generatedAt, List<String> ivrHotlines) {

    public BundleInput {
        ivrHotlines = ivrHotlines == null ? List.of() : List.copyOf(ivrHotlines);
    }

    /** without IVR menus: the reference dialplan */
    public BundleInput(String gatewayCode, String gatewayName, String kindLabel, String stationName, int amiPort,
                       String amiUsername, String amiSecret, String agiHost, Integer agiPort, String recordingDir,
                       List<String> amiPermit, List<PhoneEntry> phones, List<QueueEntry> queues, List<String> omitted,
                       LocalDateTime generatedAt) {
        this(gatewayCode, gatewayName, kindLabel, stationName, amiPort, amiUsername, amiSecret, agiHost, agiPort,
                recordingDir, amiPermit, phones, queues, omitted, generatedAt, List.of());
    }

    public boolean ivrMenus() {
        return !ivrHotlines.isEmpty();
    }

    /** an IP phone = PJSIP endpoint; {@code extension} is what is dialled, {@code endpoint} the PJSIP name */
    public record PhoneEntry(String extension, String endpoint, String sipSecret, String remark) {
    }

    /**
     * @param timeoutSeconds ring time per member attempt
     * @param wrapupSeconds  the queue's wrap-up (整理) time
     * @param maxWaitSeconds longest wait in the queue before the caller is offered a message; null/0 = no limit
     */
    public record QueueEntry(String name, String displayName, String skillCode, String skillLabel, String strategy,
                             Integer timeoutSeconds, Integer wrapupSeconds, Integer maxWaitSeconds) {
    }
}
