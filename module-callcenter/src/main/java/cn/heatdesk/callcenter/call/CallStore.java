package cn.heatdesk.callcenter.call;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The tracker's writes. A failed write is logged and the call goes on (the next step writes the whole row again),
 * so a database hiccup never stalls event processing or loses the in-memory state.
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

    /** a new call with its first legs */
    boolean insert(LiveCall c) {
        return run("insert call " + c.row.linkedid, () -> {
            calls.insertCall(c.row);
            for (LiveCall.Leg l : c.legs.values()) {
                if (l.persisted) {
                    continue;
                }
                calls.insertLeg(l.row);
                l.persisted = true;
            }
        });
    }

    /** the call row plus whatever legs / recordings changed in this step */
    boolean save(LiveCall c, List<LiveCall.Leg> legs, List<RecordingRow> recs) {
        return run("update call " + c.row.linkedid, () -> {
            c.row.updatedAt = LocalDateTime.now();
            if (calls.updateCall(c.row) == 0) {
                // the insert failed earlier: write the row now
                calls.insertCall(c.row);
            }
            for (LiveCall.Leg l : legs) {
                if (!l.persisted) {
                    calls.insertLeg(l.row);
                    l.persisted = true;
                } else {
                    calls.updateLeg(l.row);
                }
            }
            for (RecordingRow r : recs) {
                if (recordings.update(r) == 0) {
                    recordings.insert(r);
                }
            }
        });
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

    private boolean run(String what, Runnable work) {
        try {
            tx.executeWithoutResult(s -> work.run());
            return true;
        } catch (RuntimeException e) {
            log.error("通话记录写入失败 / {} failed", what, e);
            return false;
        }
    }
}
