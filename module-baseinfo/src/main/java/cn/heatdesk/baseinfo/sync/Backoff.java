package cn.heatdesk.baseinfo.sync;

import java.time.Duration;

/**
 * Retry schedule of failed records: 1, 2, 4, 8 … minutes after the n-th failed attempt, at most one hour; after
 * {@link #MAX_ATTEMPTS} attempts automatic retry gives up (the record stays listed and can be retried by hand).
 */
public final class Backoff {

    public static final int MAX_ATTEMPTS = 10;
    static final Duration FIRST = Duration.ofMinutes(1);
    static final Duration CAP = Duration.ofHours(1);

    private Backoff() {
    }

    /** delay before the next try after {@code attempts} failed attempts (the first failure counts as one) */
    public static Duration delayAfter(int attempts) {
        if (attempts <= 1) {
            return FIRST;
        }
        // 2^6 minutes already exceeds the cap; avoids overflow for large counts
        int exp = Math.min(attempts - 1, 6);
        Duration d = FIRST.multipliedBy(1L << exp);
        return d.compareTo(CAP) > 0 ? CAP : d;
    }

    /** whether automatic retry stops after this many failed attempts */
    public static boolean exhausted(int attempts) {
        return attempts >= MAX_ATTEMPTS;
    }
}
