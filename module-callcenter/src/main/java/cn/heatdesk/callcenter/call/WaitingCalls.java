package cn.heatdesk.callcenter.call;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The callers waiting in a queue right now, from the call tracker's live state (the supervisor's queue board and
 * 优先/指定坐席). Read without the calls' monitors: the few fields used are volatile or set once.
 */
@Component
public class WaitingCalls {

    private final CallTracker tracker;

    public WaitingCalls(CallTracker tracker) {
        this.tracker = tracker;
    }

    /**
     * One waiting caller. {@code callerNumber} is in clear (memory only; callers mask it unless the reader may see
     * numbers); {@code channel} is the caller's channel, the one a Redirect moves.
     */
    public record Waiting(long gatewayId, String linkedid, String queue, Instant queuedAt, String callerNumber,
                          String callerMask, Long householdId, String channel, String uniqueid, long subsidiaryId,
                          String orgPath) {
    }

    public List<Waiting> waiting() {
        List<Waiting> out = new ArrayList<>();
        for (LiveCall c : tracker.liveCalls()) {
            Waiting w = of(c);
            if (w != null) {
                out.add(w);
            }
        }
        return out;
    }

    public java.util.Optional<Waiting> find(long gatewayId, String linkedid) {
        return waiting().stream().filter(w -> w.gatewayId() == gatewayId && w.linkedid().equals(linkedid)).findFirst();
    }

    private static Waiting of(LiveCall c) {
        Instant q = c.queuedAt;
        if (q == null || c.leftQueue || c.answered || c.queueName == null) {
            return null;
        }
        String channel = null;
        String uniqueid = null;
        synchronized (c) {
            // the caller's leg is the call's first channel (its uniqueid is the linkedid)
            LiveCall.Leg first = c.legs.get(c.row.linkedid);
            if (first == null) {
                first = c.legs.values().stream().filter(l -> l.first).findFirst().orElse(null);
            }
            if (first != null && first.row.endedAt == null) {
                channel = first.row.channel;
                uniqueid = first.row.uniqueid;
            }
        }
        return new Waiting(c.row.gatewayId, c.row.linkedid, c.queueName, q, c.callerNumber, c.row.callerMask,
                c.row.householdId, channel, uniqueid, c.row.subsidiaryId, c.row.orgPath);
    }
}
