package cn.heatdesk.callcenter.call;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The tracker's writes. A failed write is logged and the call goes on (its changes stay pending for the next step,
 * which writes the whole row again), so a database hiccup never stalls event processing or loses the in-memory state.
 */
@Component
class CallStore {

    private static final Logger log = LoggerFactory.getLogger(CallStore.class);

    private final CallMapper calls;
    private final RecordingMapper recordings;
    private final TransactionTemplate tx;

    CallStore(CallMapper calls, RecordingMapper recordings, TransactionTemplate tx) {
        this.calls = calls;
        this.recordings = recordings;
        this.tx = tx;
    }

    /** what one write takes of a call: copies made under the call's monitor, written outside it */
    private record Snapshot(LiveCall call, boolean insert, CallRow row, List<LegCopy> legs, List<RecCopy> recs) {
    }

    private record RecCopy(RecordingRow rec, RecordingRow row) {
    }

    private record LegCopy(LiveCall.Leg leg, CallLegRow row, boolean insert) {
    }

    /**
     * Writes the pending changes of these calls in one transaction (write-behind, {@link CallWriter}). When the
     * round fails, each call is retried in a transaction of its own; a call that still fails is logged and keeps its
     * pending changes for its next step, so one bad row never blocks the others and nothing is half-marked.
     */
    void write(List<LiveCall> batch) {
        List<Snapshot> snaps = new ArrayList<>(batch.size());
        for (LiveCall c : batch) {
            Snapshot s = take(c);
            if (s != null) {
                snaps.add(s);
            }
        }
        if (snaps.isEmpty()) {
            return;
        }
        try {
            tx.executeWithoutResult(st -> snaps.forEach(this::apply));
            snaps.forEach(CallStore::written);
        } catch (RuntimeException e) {
            if (snaps.size() == 1) {
                log.error("通话记录写入失败 / writing call {} failed", snaps.get(0).row().linkedid, e);
                restore(snaps.get(0));
                return;
            }
            for (Snapshot s : snaps) {
                try {
                    tx.executeWithoutResult(st -> apply(s));
                    written(s);
                } catch (RuntimeException one) {
                    log.error("通话记录写入失败 / writing call {} failed", s.row().linkedid, one);
                    restore(s);
                }
            }
        }
    }

    private static Snapshot take(LiveCall c) {
        synchronized (c) {
            boolean insert = !c.inserted;
            if (!insert && !c.pendingCall && c.pendingLegs.isEmpty() && c.pendingRecs.isEmpty()) {
                return null;
            }
            CallRow row = c.row.copy();
            row.updatedAt = LocalDateTime.now();
            List<LegCopy> legs = new ArrayList<>();
            // the first write of a call carries every leg known so far
            for (LiveCall.Leg l : insert ? c.legs.values() : c.pendingLegs.values()) {
                if (!(insert && l.persisted)) {
                    legs.add(new LegCopy(l, l.row.copy(), !l.persisted));
                }
            }
            List<RecCopy> recs = new ArrayList<>();
            for (RecordingRow r : c.pendingRecs.values()) {
                recs.add(new RecCopy(r, r.copy()));
            }
            c.pendingCall = false;
            c.pendingLegs.clear();
            c.pendingRecs.clear();
            c.writing = true;
            return new Snapshot(c, insert, row, legs, recs);
        }
    }

    private void apply(Snapshot s) {
        if (s.insert() || calls.updateCall(s.row()) == 0) {
            // first write, or an earlier insert failed: the row now
            calls.insertCall(s.row());
        }
        for (LegCopy l : s.legs()) {
            if (l.insert()) {
                calls.insertLeg(l.row());
            } else {
                calls.updateLeg(l.row());
            }
        }
        for (RecCopy r : s.recs()) {
            if (recordings.update(r.row()) == 0) {
                recordings.insert(r.row());
            }
        }
    }

    private static void written(Snapshot s) {
        synchronized (s.call()) {
            s.call().inserted = true;
            for (LegCopy l : s.legs()) {
                l.leg().persisted = true;
            }
            s.call().writing = false;
            s.call().notifyAll();
        }
    }

    /** a failed write: its changes go back to pending (newer ones marked meanwhile win) for the next step */
    private static void restore(Snapshot s) {
        LiveCall c = s.call();
        synchronized (c) {
            c.pendingCall = true;
            for (LegCopy l : s.legs()) {
                c.pendingLegs.putIfAbsent(l.leg().row.uniqueid, l.leg());
            }
            for (RecCopy r : s.recs()) {
                c.pendingRecs.putIfAbsent(r.rec().id, r.rec());
            }
            c.writing = false;
            c.notifyAll();
        }
    }

    List<CallRow> live(long gatewayId) {
        return calls.selectLive(gatewayId);
    }

    List<CallLegRow> legs(long callId) {
        return calls.selectLegs(callId);
    }

    List<RecordingRow> recordings(long callId) {
        return recordings.selectByCall(callId);
    }

    CallRow byLinkedid(long gatewayId, String linkedid) {
        return calls.selectByLinkedid(gatewayId, linkedid);
    }

}
