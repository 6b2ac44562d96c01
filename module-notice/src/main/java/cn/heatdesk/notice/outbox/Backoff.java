package cn.heatdesk.notice.outbox;

import java.time.Duration;
import java.util.List;

/** Wait before the next try of an outbox row: the configured list by failed tries, its last value repeating. */
public final class Backoff {

    private Backoff() {
    }

    /** @param failures failed tries in this round, at least 1 */
    public static Duration after(List<Duration> schedule, int failures) {
        if (schedule == null || schedule.isEmpty()) {
            return Duration.ofMinutes(1);
        }
        int i = Math.min(Math.max(failures, 1), schedule.size()) - 1;
        return schedule.get(i);
    }
}
