package cn.heatdesk.callcenter.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Configuration of one simulated Asterisk. Defaults reproduce the reference system of the fixtures
 * (system name heatdesk-ref, user heatdesk, phones 8001/8002/8101, trunk 9000, DID 4930123456, queue repair).
 * Durations are real time; tests shorten them instead of sleeping.
 */
public final class SimConfig {

    /** queue settings as in queues.conf of the reference system */
    public record QueueConfig(String name, String strategy, boolean ringInUse, Duration wrapupTime, Duration timeout,
                              Duration retry, int serviceLevel, int maxWaitSeconds) {
        public static QueueConfig repair() {
            return new QueueConfig("repair", "rrmemory", false, Duration.ofSeconds(5), Duration.ofSeconds(8),
                    Duration.ofSeconds(2), 30, 120);
        }

        public QueueConfig withTiming(Duration timeout, Duration retry, Duration wrapupTime) {
            return new QueueConfig(name, strategy, ringInUse, wrapupTime, timeout, retry, serviceLevel, maxWaitSeconds);
        }
    }

    private String systemName = "heatdesk-ref";
    private String asteriskVersion = "22.10.1";
    private String bindAddress = "127.0.0.1";
    private int port;
    private String username = "heatdesk";
    private String secret = "heatdesk-secret";
    private String trunk = "9000";
    private String did = "4930123456";
    /** PJSIP endpoint → caller id name configured on the endpoint */
    private final Map<String, String> phones = new LinkedHashMap<>();
    private final List<QueueConfig> queues = new ArrayList<>();
    private String agiHost;
    private Integer agiPort;
    private final Set<String> defaultBlacklist = new HashSet<>();
    private boolean noiseEvents = true;
    private Duration promptDuration = Duration.ofSeconds(3);
    private Duration streamFileDuration = Duration.ofSeconds(1);
    private Duration agiTimeout = Duration.ofSeconds(10);
    private Duration restartDowntime = Duration.ZERO;
    private java.nio.file.Path recordingDir;
    private String ivrMenuGateway;
    private String ivrKeys;

    public SimConfig() {
        phones.put("8001", "Agent Anna");
        phones.put("8002", "Agent Bernd");
        phones.put("8101", "Supervisor");
        queues.add(QueueConfig.repair());
    }

    public String systemName() { return systemName; }
    public SimConfig systemName(String v) { systemName = v; return this; }
    public String asteriskVersion() { return asteriskVersion; }
    public String bindAddress() { return bindAddress; }
    public SimConfig bindAddress(String v) { bindAddress = v; return this; }
    public int port() { return port; }
    /** 0 = ephemeral port */
    public SimConfig port(int v) { port = v; return this; }
    public String username() { return username; }
    public String secret() { return secret; }
    public SimConfig credentials(String user, String pass) { username = user; secret = pass; return this; }
    public String trunk() { return trunk; }
    public SimConfig trunk(String v) { trunk = v; return this; }
    public String did() { return did; }
    public SimConfig did(String v) { did = v; return this; }
    public Map<String, String> phones() { return phones; }
    /** replaces the phone list; value = caller id name of the endpoint */
    public SimConfig phones(Map<String, String> v) { phones.clear(); phones.putAll(v); return this; }
    public SimConfig phone(String ext, String callerIdName) { phones.put(ext, callerIdName); return this; }
    public List<QueueConfig> queues() { return queues; }
    public SimConfig queues(List<QueueConfig> v) { queues.clear(); queues.addAll(v); return this; }
    public String agiHost() { return agiHost; }
    public Integer agiPort() { return agiPort; }
    /** HeatDesk's FastAGI server; without it the simulator answers the AGI steps with built-in defaults */
    public SimConfig agi(String host, int port) { agiHost = host; agiPort = port; return this; }
    public boolean agiConfigured() { return agiHost != null && agiPort != null; }
    public Set<String> defaultBlacklist() { return defaultBlacklist; }
    public SimConfig blacklistWithoutAgi(String number) { defaultBlacklist.add(number); return this; }
    public boolean noiseEvents() { return noiseEvents; }
    /** VarSet, Newexten, AGIExecStart/End: on by default like a real Asterisk without eventfilter */
    public SimConfig noiseEvents(boolean v) { noiseEvents = v; return this; }
    public Duration promptDuration() { return promptDuration; }
    /** length of the IVR welcome prompt (BackGround) */
    public SimConfig promptDuration(Duration v) { promptDuration = v; return this; }
    public Duration streamFileDuration() { return streamFileDuration; }
    public SimConfig streamFileDuration(Duration v) { streamFileDuration = v; return this; }
    public Duration agiTimeout() { return agiTimeout; }
    public SimConfig agiTimeout(Duration v) { agiTimeout = v; return this; }
    public Duration restartDowntime() { return restartDowntime; }
    /** where MixMonitor's files appear (by their base name); null = no files, as before */
    public java.nio.file.Path recordingDir() { return recordingDir; }
    public SimConfig recordingDir(java.nio.file.Path v) { recordingDir = v; return this; }
    /** how long the port refuses connections during {@code core restart now} (real Asterisk: under a second) */
    public SimConfig restartDowntime(Duration v) { restartDowntime = v; return this; }

    public String ivrMenuGateway() { return ivrMenuGateway; }
    /**
     * the dialplan HeatDesk renders for a gateway with IVR menus (docs/ivr.md): the IVR asks
     * {@code ivr?gw=<gatewayCode>} and follows IVR_ACTION; null = the reference dialplan of the fixtures
     */
    public SimConfig ivrMenu(String gatewayCode) { ivrMenuGateway = gatewayCode; return this; }
    public String ivrKeys() { return ivrKeys; }
    /**
     * keys every caller presses, one per AGI GET DATA of the ivr script ('-' = stays silent, the prompt times out);
     * when used up, GET DATA times out. Keys pressed through {@link CallHandle#press} come first.
     */
    public SimConfig ivrKeys(String keys) { ivrKeys = keys; return this; }

    /** agi://host:port as written in the dialplan (the reference system used 127.0.0.1:4573) */
    String agiBase() {
        return "agi://" + (agiHost == null ? "127.0.0.1" : agiHost) + ":" + (agiPort == null ? 4573 : agiPort);
    }
}
