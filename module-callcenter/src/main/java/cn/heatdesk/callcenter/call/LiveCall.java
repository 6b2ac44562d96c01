package cn.heatdesk.callcenter.call;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tracker's working state of one call in progress. Mutated under its own monitor (events of a call arrive on
 * one thread, reconciliation may run on another); the few volatile fields are read by the live figures without
 * locking.
 */
final class LiveCall {

    final CallRow row;
    final Map<String, Leg> legs = new LinkedHashMap<>();
    /** agent channel uniqueid -> when it started ringing (AgentCalled) */
    final Map<String, Instant> ringing = new HashMap<>();
    /** bridge id -> uniqueids of this call inside it */
    final Map<String, Set<String>> bridges = new HashMap<>();
    /** uniqueid -> music on hold since (only after the call was answered: that is hold, not queue music) */
    final Map<String, Instant> holdSince = new HashMap<>();
    final List<RecordingRow> recordings = new ArrayList<>();
    /** channel uniqueid -> the recording MixMonitor is writing for it */
    final Map<String, RecordingRow> recordingByChannel = new HashMap<>();

    volatile String queueName;
    volatile Instant queuedAt;
    volatile boolean leftQueue;
    volatile boolean answered;
    volatile String direction;

    Instant startedAt;
    /** the row exists in the database */
    boolean inserted;
    /** write-behind: what changed since the last write (guarded by this call's monitor) */
    boolean pendingCall;
    final Map<String, Leg> pendingLegs = new LinkedHashMap<>();
    final Map<Long, RecordingRow> pendingRecs = new LinkedHashMap<>();
    /** a snapshot of this call is being written (guarded by this call's monitor) */
    boolean writing;
    /** waiting in the writer's queue (guarded by the writer) */
    boolean queued;
    Instant answeredAt;
    Instant talkSince;
    long ringMs;
    long talkMs;
    long holdMs;
    boolean abandoned;
    boolean blacklisted;
    /** party of the first HangupRequest (the side that hung up), null while nobody did */
    String hangupParty;
    /** the agent behind an AGENT {@link #hangupParty}: CTI 挂断 (VarSet CTI_HANGUP) or the agent's own phone */
    AgentRef hangupAgent;
    String completeReason;
    String lastDialStatus;
    Integer originateReason;
    boolean rejectedByCause;
    /** the customer's number in clear (kept in memory only; the row holds it encrypted) */
    String callerNumber;
    String calledNumber;

    LiveCall(CallRow row) {
        this.row = row;
        this.direction = row.direction;
    }

    boolean allLegsEnded() {
        return !legs.isEmpty() && legs.values().stream().allMatch(l -> l.row.endedAt != null);
    }

    boolean bridgedPair() {
        return bridges.values().stream().anyMatch(s -> s.size() >= 2);
    }

    static final class Leg {
        final CallLegRow row;
        Instant started;
        Instant ended;
        boolean first;
        boolean persisted;
        long holdMs;

        Leg(CallLegRow row) {
            this.row = row;
        }
    }

    static final class Key {
        final long gatewayId;
        final String linkedid;

        Key(long gatewayId, String linkedid) {
            this.gatewayId = gatewayId;
            this.linkedid = linkedid;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.gatewayId == gatewayId && k.linkedid.equals(linkedid);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(gatewayId) * 31 + linkedid.hashCode();
        }

        @Override
        public String toString() {
            return gatewayId + "/" + linkedid;
        }
    }
}
