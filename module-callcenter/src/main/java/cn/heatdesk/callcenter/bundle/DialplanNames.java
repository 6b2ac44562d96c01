package cn.heatdesk.callcenter.bundle;

/**
 * Contexts and extensions of the rendered extensions.conf that HeatDesk's CTI addresses over AMI (Originate,
 * Redirect, Atxfer, BlindTransfer …). One place so the CTI code and the renderer cannot drift apart.
 */
public final class DialplanNames {

    /** the carrier trunk's context: every DID goes to the IVR */
    public static final String FROM_TRUNK = "from-trunk";
    /** IVR: blacklist AGI, menu, key N = queue N, last key = leave a message */
    public static final String INBOUND_IVR = "inbound-ivr";
    /** post-call survey, reached when the agent hangs up first (Queue option c, QUEUESTATUS=CONTINUE) */
    public static final String SURVEY = "survey";
    /** the IP phones' own context: internal extensions only (outside calls go through HeatDesk's click-to-dial) */
    public static final String AGENTS = "agents";
    /** Originate Channel=PJSIP/&lt;agent phone&gt; Context=click-to-dial Exten=&lt;number or extension&gt; */
    public static final String CLICK_TO_DIAL = "click-to-dial";
    /**
     * Redirect / BlindTransfer / Atxfer targets: a phone extension, a queue name, or an outside number; pickup (代答)
     * redirects the ringing caller to the picker's extension here
     */
    public static final String TRANSFER_TARGETS = "transfer-targets";
    /** Originate Channel=PJSIP/&lt;supervisor phone&gt; Context=supervisor Exten=listen_/whisper_/barge_&lt;extension&gt; */
    public static final String SUPERVISOR = "supervisor";
    /** hold: the customer is redirected to cti-hold,s,1 (music on hold) … */
    public static final String HOLD = "cti-hold";
    /** … and the agent's leg to cti-hold-agent,s,1 (silent Wait) until AMI Bridge joins them again */
    public static final String HOLD_AGENT = "cti-hold-agent";
    /** internal: one Dial per phone (recorded), included by the contexts above */
    public static final String PHONES = "heatdesk-phones";
    /** internal: Dial an outside number over the trunk with the company's caller id (recorded) */
    public static final String OUTSIDE = "heatdesk-outside";
    /** internal: Gosub that starts MixMonitor unless the channel already records */
    public static final String RECORD = "heatdesk-record";
    /**
     * Supervisor's 优先: a waiting caller is Redirected here (Exten = queue name) and re-enters the same queue with
     * QUEUE_PRIO {@link #SUPERVISOR_PRIORITY} (Asterisk has no action that reorders a queue)
     */
    public static final String SUPERVISOR_QUEUE = "supervisor-queue";
    /** QUEUE_PRIO of a caller the supervisor moved to the front (default callers have 0) */
    public static final int SUPERVISOR_PRIORITY = 10;
    /** the PJSIP endpoint of the carrier trunk */
    public static final String TRUNK_ENDPOINT = "trunk";

    private DialplanNames() {
    }

    /** transfer-targets extension of a queue: its name (queue names start with a letter, phones are digits) */
    public static String queueExten(String queueName) {
        return queueName;
    }

    public static String listenExten(String extension) {
        return "listen_" + extension;
    }

    public static String whisperExten(String extension) {
        return "whisper_" + extension;
    }

    public static String bargeExten(String extension) {
        return "barge_" + extension;
    }
}
