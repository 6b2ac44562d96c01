package cn.heatdesk.callcenter.lost;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** What the lost-call screens show. Ids are boxed so JSON carries them as strings. */
public final class LostCallViews {

    private LostCallViews() {
    }

    /**
     * One lost call. {@code repeatCount}: lost calls of the same number within the list's time range, {@code repeated}
     * when it reaches the threshold (red in the console); the last callback, if any.
     */
    public record LostCallView(Long id, Long gatewayId, String linkedid, String callerNumber, boolean numberMasked,
                               String did, String queueName, String cause, String causeLabel, String result,
                               LocalDateTime startedAt, LocalDateTime endedAt, Long waitMs, int ringAttempts,
                               Long householdId, String householdCode, String householdAddress, String state,
                               String stateLabel, int repeatCount, boolean repeated, int callbackCount,
                               LocalDateTime lastCallbackAt, String lastCallbackBy, String lastCallbackResult) {
    }

    /** report figures of one day, queue or the whole range */
    public record Figures(String key, String label, long inbound, long offered, long answered, long lost,
                          long lostQueued, long ivrLost, long queueAbandon, long ringAbandon, long noAnswer,
                          Double lossRate, Long averageWaitMs) {
    }

    public record CauseCount(String cause, String label, long count) {
    }

    /**
     * Lost-call report: per day, per queue, by cause and the total. Loss rate = lost after reaching a queue ÷ calls
     * that reached a queue (the live figure's definition); calls lost in the IVR are counted separately.
     */
    public record Report(LocalDateTime from, LocalDateTime to, double targetRate, List<Figures> days,
                         List<Figures> queues, List<CauseCount> causes, Figures total) {
    }

    static LocalDate day(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toLocalDate();
        }
        if (v instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        String s = v.toString();
        return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    }
}
