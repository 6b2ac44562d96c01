package cn.heatdesk.baseinfo.api;

import java.time.LocalDateTime;

/**
 * Problems of the billing / heat-network integration that need a person: records that could not be applied and
 * change feeds that could not be read. The console shows a badge from {@link #summary()}; each new problem is
 * also published as a Spring application event {@link SyncAlert}, which the notice module can turn into messages.
 */
public interface SyncAlertApi {

    /** counts within the current user's data scope (all of them when called by the system itself) */
    Summary summary();

    /**
     * @param pendingFailures   failed records not resolved yet (waiting for retry or abandoned)
     * @param abandonedFailures of those, the ones automatic retry gave up on (retry by hand)
     * @param failedCursors     change feeds whose last pull failed (system unreachable or answering errors)
     */
    record Summary(long pendingFailures, long abandonedFailures, long failedCursors) {

        /** what the badge shows */
        public long total() {
            return pendingFailures + failedCursors;
        }
    }

    /**
     * Published when a pull fails ({@code kind} CURSOR_FAILED) or records are rejected (RECORD_FAILED).
     *
     * @param source  BILLING or HEATNET
     * @param entity  HOUSEHOLD, PAYMENT or TEMPERATURE
     * @param count   number of records concerned (0 for a failed pull)
     * @param message Chinese description
     */
    record SyncAlert(String kind, String source, String entity, int count, String message, LocalDateTime at) {

        public static final String CURSOR_FAILED = "CURSOR_FAILED";
        public static final String RECORD_FAILED = "RECORD_FAILED";
    }
}
