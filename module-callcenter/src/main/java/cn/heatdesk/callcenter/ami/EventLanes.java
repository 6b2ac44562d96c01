package cn.heatdesk.callcenter.ami;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed set of single-threaded lanes: work with the same key always runs on the same lane, in submission order;
 * different keys run in parallel. Queues are unbounded on purpose — the AMI reader must never block (that would stall
 * every call of the gateway) and no event may be dropped; the backlog is measured and warned about instead.
 */
final class EventLanes {

    private static final Logger log = LoggerFactory.getLogger(EventLanes.class);

    private final Lane[] lanes;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong processed = new AtomicLong();
    private final int backlogWarn;
    private volatile long lastWarn;

    EventLanes(int count, int backlogWarn, String name) {
        this.backlogWarn = backlogWarn;
        lanes = new Lane[count];
        for (int i = 0; i < count; i++) {
            lanes[i] = new Lane(name + "-" + i);
            lanes[i].thread.start();
        }
    }

    void submit(String key, Runnable work) {
        int i = Math.floorMod(key == null ? 0 : key.hashCode(), lanes.length);
        long waiting = backlog.incrementAndGet();
        lanes[i].queue.add(work);
        if (waiting > backlogWarn && System.currentTimeMillis() - lastWarn > 60_000) {
            lastWarn = System.currentTimeMillis();
            log.warn("AMI event backlog {} (warn above {}): event processing is slower than the gateways send", waiting, backlogWarn);
        }
    }

    long backlog() {
        return backlog.get();
    }

    long processed() {
        return processed.get();
    }

    /** waits until every lane has run what was submitted before this call (tests, orderly shutdown) */
    boolean drain(long timeoutMillis) throws InterruptedException {
        long until = System.currentTimeMillis() + timeoutMillis;
        while (backlog.get() > 0) {
            if (System.currentTimeMillis() > until) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    void shutdown() {
        for (Lane l : lanes) {
            l.stopped = true;
            l.thread.interrupt();
        }
    }

    private final class Lane implements Runnable {
        final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
        final Thread thread;
        volatile boolean stopped;

        Lane(String name) {
            thread = new Thread(this, name);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            while (!stopped) {
                Runnable r;
                try {
                    r = queue.poll(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    if (stopped) {
                        return;
                    }
                    continue;
                }
                if (r == null) {
                    continue;
                }
                try {
                    r.run();
                } catch (RuntimeException e) {
                    // one bad event must not stop the lane (the listeners log their own failures with context)
                    log.error("AMI event processing failed", e);
                } finally {
                    backlog.decrementAndGet();
                    processed.incrementAndGet();
                }
            }
        }
    }
}
