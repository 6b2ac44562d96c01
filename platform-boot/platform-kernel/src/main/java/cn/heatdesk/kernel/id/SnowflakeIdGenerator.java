package cn.heatdesk.kernel.id;

/**
 * Snowflake ids: 41 bits of milliseconds since 2024-01-01, 10 bits of worker id, 12 bits of sequence.
 * The worker id is leased from the database ({@link WorkerIdLease}) so that instances behind a load
 * balancer never share one.
 */
public class SnowflakeIdGenerator implements IdGenerator {

    static final long EPOCH = 1704067200000L; // 2024-01-01T00:00:00Z
    static final int WORKER_BITS = 10;
    static final int SEQUENCE_BITS = 12;
    public static final int MAX_WORKER = (1 << WORKER_BITS) - 1;
    private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

    private final long workerId;
    private long lastMillis = -1;
    private long sequence;

    public SnowflakeIdGenerator(long workerId) {
        if (workerId < 0 || workerId > MAX_WORKER) {
            throw new IllegalArgumentException("worker id out of range: " + workerId);
        }
        this.workerId = workerId;
    }

    @Override
    public synchronized long nextId() {
        long now = System.currentTimeMillis();
        if (now < lastMillis) {
            // clock stepped back (NTP): keep issuing from the last timestamp rather than risk duplicates
            now = lastMillis;
        }
        if (now == lastMillis) {
            sequence = (sequence + 1) & SEQUENCE_MASK;
            if (sequence == 0) {
                now = waitNextMillis(lastMillis);
            }
        } else {
            sequence = 0;
        }
        lastMillis = now;
        return ((now - EPOCH) << (WORKER_BITS + SEQUENCE_BITS)) | (workerId << SEQUENCE_BITS) | sequence;
    }

    private static long waitNextMillis(long last) {
        long now = System.currentTimeMillis();
        while (now <= last) {
            Thread.onSpinWait();
            now = System.currentTimeMillis();
        }
        return now;
    }

    public long workerId() {
        return workerId;
    }
}
