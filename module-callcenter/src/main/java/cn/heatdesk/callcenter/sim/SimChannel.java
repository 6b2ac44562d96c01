package cn.heatdesk.callcenter.sim;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A channel as Asterisk snapshots it in events. Mutated only under the simulator lock. */
final class SimChannel {

    static final int DOWN = 0;
    static final int RING = 4;
    static final int RINGING = 5;
    static final int UP = 6;

    final String name;
    final String uniqueid;
    final String endpoint;
    final Instant createdAt = Instant.now();
    String linkedid;
    int state;
    String cidNum;
    String cidName;
    String connNum = "<unknown>";
    String connName = "<unknown>";
    String context;
    String exten;
    int priority = 1;
    final Map<String, String> vars = new LinkedHashMap<>();
    final Deque<Character> dtmf = new ArrayDeque<>();
    /** what the channel is doing, for waits in tests: BackGround, WaitExten, Read, Queue, Bridged, Ringing … */
    String activity = "";
    SimBridge bridge;
    /** set when the far party hung up or a hangup was requested; the owning thread tears the channel down */
    boolean hangupRequested;
    int hangupCause = 16;
    boolean destroyed;
    boolean answerRequested;
    boolean rejectRequested;
    boolean onHold;
    boolean mixMonitor;
    /** the file MixMonitor writes and when it started, for the simulator's stand-in recording */
    String mixMonitorFile;
    java.time.Instant mixMonitorStartedAt;
    Instant answeredAt;
    String dnid = "";
    /** dialed number of an outbound trunk leg (click-to-dial destination) */
    String dialedNumber = "";
    /** HangupRequest of outbound legs carries a Cause (fixture f), inbound ones do not */
    boolean outboundLeg;
    /** queue agent leg waiting for its teardown after the caller's h extension */
    SimChannel pendingPeer;
    String lastContext = "";
    String lastExten = "";
    String lastApp = "";
    String lastData = "";
    String userField = "";
    /** closed CDR records waiting for the channel's hangup */
    final List<AmiMessage> cdrs = new ArrayList<>();
    Instant cdrStart = Instant.now();
    Instant cdrAnswer;
    String cdrDst;
    String cdrDstContext;
    // ---- call control (CtiFlows)
    /** async goto requested by Redirect / BlindTransfer: {context, exten}; the channel's flow unwinds to it */
    String[] gotoTarget;
    /** call control moved this leg: the flow that owned it hands it to a CTI-mode driver */
    boolean taken;
    /** a CTI-mode thread drives this channel (never two) */
    boolean driven;
    /** app_queue's view of the queue call this leg belongs to: AgentComplete when it ends */
    CtiFlows.QueueLink queueLink;
    /** attended transfer this channel is the transferer or the target of */
    CtiFlows.Consult consult;
    /** the application the channel runs in CTI mode (MusicOnHold, Wait), null when bridged */
    String ctiApp;
    /** music on hold is playing to this channel (hold, consultation) */
    boolean moh;
    /** DTMF received towards a feature code (PlayDTMF Receive) */
    final StringBuilder featureDigits = new StringBuilder();
    /** generation of the simulator that created it: a restart orphans the channel */
    final int generation;

    SimChannel(String name, String uniqueid, String endpoint, int generation) {
        this.name = name;
        this.uniqueid = uniqueid;
        this.linkedid = uniqueid;
        this.endpoint = endpoint;
        this.generation = generation;
    }

    String stateDesc() {
        return switch (state) {
            case DOWN -> "Down";
            case RING -> "Ring";
            case RINGING -> "Ringing";
            case UP -> "Up";
            default -> "Unknown";
        };
    }

    /** a copy for events that show another thread's stale or future view of the channel */
    SimChannel snapshot() {
        SimChannel s = new SimChannel(name, uniqueid, endpoint, generation);
        s.linkedid = linkedid;
        s.state = state;
        s.cidNum = cidNum;
        s.cidName = cidName;
        s.connNum = connNum;
        s.connName = connName;
        s.context = context;
        s.exten = exten;
        s.priority = priority;
        return s;
    }

    void appendTo(AmiMessage m, String prefix) {
        m.add(prefix + "Channel", name)
                .add(prefix + "ChannelState", state)
                .add(prefix + "ChannelStateDesc", stateDesc())
                .add(prefix + "CallerIDNum", cidNum)
                .add(prefix + "CallerIDName", cidName)
                .add(prefix + "ConnectedLineNum", connNum)
                .add(prefix + "ConnectedLineName", connName)
                .add(prefix + "Language", "en")
                .add(prefix + "AccountCode", "")
                .add(prefix + "Context", context)
                .add(prefix + "Exten", exten)
                .add(prefix + "Priority", priority)
                .add(prefix + "Uniqueid", uniqueid)
                .add(prefix + "Linkedid", linkedid);
    }

    @Override
    public String toString() {
        return name;
    }
}
