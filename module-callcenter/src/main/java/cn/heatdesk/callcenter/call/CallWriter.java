package cn.heatdesk.callcenter.call;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Write-behind of call records. The event lanes only change calls in memory and mark them here; one writer thread
 * writes every marked call in one transaction per round, then the ones marked meanwhile. Several steps of a call
 * that happen while a round is being written (ring, answer, bridge…) become one UPDATE, and the lanes never wait for
 * the database — under load they used to spend most of their time writing the call row at each step, which is what
 * delayed screen pops. When idle a step is written within a few milliseconds, so a crash still loses at most the
 * steps of the last moments, which the reconciliation after the restart closes from Asterisk's live channels.
 */
final class CallWriter {

    private static final Logger log = LoggerFactory.getLogger(CallWriter.class);
    private static final int MAX_BATCH = 500;

    private final CallStore store;
    private final Deque<LiveCall> queue = new ArrayDeque<>();
    private final Thread thread;
    private volatile boolean stopped;
    /** rounds started / finished: {@link #awaitIdle} waits for a round that started after its call */
    private long writing;

    CallWriter(CallStore store) {
        this.store = store;
        this.thread = new Thread(this::run, "call-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** the call changed (caller holds the call's monitor and has put the changes in its pending fields) */
    void mark(LiveCall c) {
        synchronized (this) {
            if (!c.queued) {
                c.queued = true;
                queue.addLast(c);
                notifyAll();
            }
        }
    }

    /**
     * Writes the call now on the caller's thread (its row must be in the database before the pop), unless the
     * writer is writing it at this moment: then waits for that write (releasing the call's monitor meanwhile).
     */
    void writeNow(LiveCall c) {
        synchronized (c) {
            long until = System.nanoTime() + 5_000_000_000L;
            while (c.writing && System.nanoTime() < until) {
                try {
                    c.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (!c.inserted) {
                store.write(List.of(c));
            }
        }
    }

    /** waits until everything marked before this call is written; false on timeout */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (!queue.isEmpty() || writing > 0) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    /** stops after writing what is queued */
    void stop(Duration timeout) {
        try {
            awaitIdle(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopped = true;
        thread.interrupt();
    }

    private void run() {
        while (!stopped) {
            List<LiveCall> batch = new ArrayList<>();
            synchronized (this) {
                while (queue.isEmpty() && !stopped) {
                    try {
                        wait(1_000);
                    } catch (InterruptedException e) {
                        if (stopped) {
                            return;
                        }
                    }
                }
                while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
                    LiveCall c = queue.pollFirst();
                    c.queued = false;
                    batch.add(c);
                }
                writing++;
            }
            try {
                store.write(batch);
            } catch (RuntimeException e) {
                log.error("通话记录批量写入失败 / call write-behind round failed", e);
            } finally {
                synchronized (this) {
                    writing--;
                    notifyAll();
                }
            }
        }
    }
}
