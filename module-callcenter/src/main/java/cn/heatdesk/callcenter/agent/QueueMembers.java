package cn.heatdesk.callcenter.agent;

import cn.heatdesk.callcenter.ami.GatewayActions;
import cn.heatdesk.callcenter.ami.GatewayUnavailableException;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueuePenaltyAction;
import org.asteriskjava.manager.action.QueueRemoveAction;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;

/**
 * Queue membership of agents in Asterisk, through AMI: QueueAdd (Interface {@code PJSIP/<endpoint>}, MemberName
 * {@code <jobNo> <name>}, StateInterface, Penalty, Paused), QueuePause (with Reason when pausing), QueuePenalty,
 * QueueRemove — always per queue, the form every Asterisk since 1.8 accepts.
 * <p>
 * A command's actions form a {@link Batch}: when one fails, the ones already done are undone in reverse order and
 * the command fails with a Chinese message naming the queue and Asterisk's answer, so Asterisk is left as it was
 * and the database (whose transaction then rolls back) is not half-written. Idempotent answers count as success:
 * QueueAdd "Already there" (followed by QueuePause/QueuePenalty to the wanted values) and QueueRemove "Not there".
 */
@Component
public class QueueMembers {

    private static final Logger log = LoggerFactory.getLogger(QueueMembers.class);

    /** one agent's membership of one queue as it must be in Asterisk */
    public record Member(String queue, String iface, String memberName, int penalty) {
    }

    private final ObjectProvider<GatewayActions> actions;

    public QueueMembers(ObjectProvider<GatewayActions> actions) {
        this.actions = actions;
    }

    public Batch batch(long gatewayId) {
        return new Batch(gatewayId);
    }

    /** gateway|queue|interface|paused → when HeatDesk last set that member to that pause (System.nanoTime) */
    private final Map<String, Long> lastSet = new java.util.concurrent.ConcurrentHashMap<>();

    /** every membership action goes out here, so the echo check knows what HeatDesk itself set */
    private ManagerResponse send(GatewayActions ga, long gatewayId, ManagerAction a) {
        mark(gatewayId, a);
        return ga.send(gatewayId, a);
    }

    private void mark(long gatewayId, ManagerAction a) {
        String key = null;
        if (a instanceof QueuePauseAction p && p.getPaused() != null) {
            key = gatewayId + "|" + p.getQueue() + "|" + p.getInterface() + "|" + p.getPaused();
        } else if (a instanceof QueueAddAction p) {
            key = gatewayId + "|" + p.getQueue() + "|" + p.getInterface() + "|" + Boolean.TRUE.equals(p.getPaused());
        }
        if (key != null) {
            if (lastSet.size() > 50_000) {
                lastSet.clear(); // bounded; losing the marks only costs a redundant correction
            }
            lastSet.put(key, System.nanoTime());
        }
    }

    /**
     * Whether HeatDesk itself set this member to this pause within {@code window}: a QueueMemberPause showing it
     * is then most likely the echo of that action of ours, with the echo of a later one still on its way (a
     * wrap-up pause followed at once by the unpause), so it is no drift.
     */
    public boolean setRecently(long gatewayId, String queue, String iface, boolean paused, java.time.Duration window) {
        Long at = lastSet.get(gatewayId + "|" + queue + "|" + iface + "|" + paused);
        return at != null && System.nanoTime() - at < window.toNanos();
    }

    /** single threads for actions sent later: one gateway's always go through the same one, in order */
    private final java.util.concurrent.ExecutorService[] senders = new java.util.concurrent.ExecutorService[4];

    /** runs membership work for a gateway on a sender thread, after the work queued before it for that gateway */
    public void later(long gatewayId, Runnable work) {
        int i = (int) Math.floorMod(gatewayId, (long) senders.length);
        java.util.concurrent.ExecutorService e;
        synchronized (senders) {
            e = senders[i];
            if (e == null) {
                int n = i;
                e = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "queue-members-" + n);
                    t.setDaemon(true);
                    return t;
                });
                senders[i] = e;
            }
        }
        e.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException ex) {
                log.warn("queue membership work on gateway {} failed: {}", gatewayId, ex.toString());
            }
        });
    }

    /** waits until the membership work queued so far has run (tests) */
    public boolean awaitLater(java.time.Duration timeout) throws InterruptedException {
        java.util.concurrent.ExecutorService[] all;
        synchronized (senders) {
            all = senders.clone();
        }
        long until = System.nanoTime() + timeout.toNanos();
        for (java.util.concurrent.ExecutorService e : all) {
            if (e != null) {
                java.util.concurrent.Future<?> f = e.submit(() -> { });
                try {
                    f.get(Math.max(0, until - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
                    return false;
                }
            }
        }
        return true;
    }

    @jakarta.annotation.PreDestroy
    void stopSenders() {
        synchronized (senders) {
            for (java.util.concurrent.ExecutorService e : senders) {
                if (e != null) {
                    e.shutdown();
                }
            }
        }
    }

    /** the Asterisk pause reason for a state: "BUSY:MEETING", "BREAK:MEAL", "WRAP_UP" */
    public static String pauseReason(AgentState state, String reasonCode) {
        return reasonCode == null || reasonCode.isBlank() ? state.name() : state.name() + ":" + reasonCode;
    }

    /** A sequence of membership changes on one gateway that is all done or (as far as Asterisk lets it) undone. */
    public final class Batch {

        private final long gatewayId;
        private final Deque<ManagerAction> undo = new ArrayDeque<>();

        private Batch(long gatewayId) {
            this.gatewayId = gatewayId;
        }

        public Batch add(Member m, boolean paused, String reason) {
            ManagerResponse r = send(addAction(m.queue(), m, paused, reason), "签入队列 " + m.queue());
            if (isError(r)) {
                if (!already(r)) {
                    fail("把分机加入队列“" + m.queue() + "”", r);
                }
                // a leftover member (e.g. never removed after a crash): bring it to the wanted pause and level
                pause(m, paused, reason);
                penalty(m, m.penalty());
                return this;
            }
            undo.push(new QueueRemoveAction(m.queue(), m.iface()));
            return this;
        }

        public Batch remove(Member m, boolean wasPaused, String wasReason) {
            ManagerResponse r = send(new QueueRemoveAction(m.queue(), m.iface()), "移出队列 " + m.queue());
            if (isError(r) && !notThere(r)) {
                fail("把分机移出队列“" + m.queue() + "”", r);
            }
            undo.push(addAction(m.queue(), m, wasPaused, wasReason));
            return this;
        }

        public Batch pause(Member m, boolean paused, String reason) {
            ManagerResponse r = send(pauseAction(m, paused, reason), (paused ? "暂停" : "恢复") + "队列 " + m.queue());
            if (isError(r)) {
                fail("在队列“" + m.queue() + "”" + (paused ? "暂停接听" : "恢复接听"), r);
            }
            undo.push(pauseAction(m, !paused, null));
            return this;
        }

        public Batch penalty(Member m, int penalty) {
            return penalty(m, penalty, null);
        }

        /** @param undoTo the level to restore when a later action of the batch fails (null: nothing to restore) */
        public Batch penalty(Member m, int penalty, Integer undoTo) {
            ManagerResponse r = send(new QueuePenaltyAction(m.iface(), penalty, m.queue()), "调整技能等级 " + m.queue());
            if (isError(r)) {
                fail("调整队列“" + m.queue() + "”的技能等级", r);
            }
            if (undoTo != null) {
                undo.push(new QueuePenaltyAction(m.iface(), undoTo, m.queue()));
            }
            return this;
        }

        /** undoes everything done so far (best effort) and throws */
        private void fail(String what, ManagerResponse r) {
            rollback();
            throw new BizException(ErrorCode.UPSTREAM_UNAVAILABLE,
                    "网关未能" + what + "（Asterisk：" + (r == null ? "无响应" : r.getMessage()) + "），操作未生效");
        }

        private ManagerResponse send(ManagerAction a, String what) {
            GatewayActions ga = actions.getIfAvailable();
            if (ga == null) {
                throw new GatewayUnavailableException("呼叫网关连接未启用，无法" + what);
            }
            try {
                return QueueMembers.this.send(ga, gatewayId, a);
            } catch (BizException e) {
                rollback();
                throw e;
            } catch (RuntimeException e) {
                rollback();
                log.warn("AMI {} on gateway {} failed", a.getAction(), gatewayId, e);
                throw new GatewayUnavailableException("网关通信失败，无法" + what + "，操作未生效");
            }
        }

        /** undo in reverse order; failures are logged, the next resynchronisation repairs what is left */
        public void rollback() {
            GatewayActions ga = actions.getIfAvailable();
            while (!undo.isEmpty()) {
                ManagerAction a = undo.pop();
                try {
                    if (ga != null) {
                        QueueMembers.this.send(ga, gatewayId, a);
                    }
                } catch (RuntimeException e) {
                    log.warn("undo {} on gateway {} failed: {}", a.getAction(), gatewayId, e.toString());
                }
            }
        }
    }

    static QueueAddAction addAction(String queue, Member m, boolean paused, String reason) {
        QueueAddAction a = new QueueAddAction();
        a.setQueue(queue);
        a.setInterface(m.iface());
        a.setMemberName(m.memberName());
        a.setStateInterface(m.iface());
        a.setPenalty(m.penalty());
        a.setPaused(paused);
        if (paused && reason != null) {
            a.setReason(reason);
        }
        return a;
    }

    static QueuePauseAction pauseAction(Member m, boolean paused, String reason) {
        QueuePauseAction a = new QueuePauseAction();
        a.setQueue(m.queue());
        a.setInterface(m.iface());
        a.setPaused(paused);
        if (paused && reason != null) {
            a.setReason(reason);
        }
        return a;
    }

    static boolean isError(ManagerResponse r) {
        return r == null || !"success".equalsIgnoreCase(r.getResponse());
    }

    /** QueueAdd on a member that exists: "Unable to add interface: Already there" */
    static boolean already(ManagerResponse r) {
        return r != null && r.getMessage() != null && r.getMessage().toLowerCase(Locale.ROOT).contains("already there");
    }

    /** QueueRemove on a member that is gone: "Unable to remove interface: Not there" */
    static boolean notThere(ManagerResponse r) {
        return r != null && r.getMessage() != null && r.getMessage().toLowerCase(Locale.ROOT).contains("not there");
    }

    /** QueuePause on a member that is gone: "Interface not found" */
    static boolean notFound(ManagerResponse r) {
        return r != null && r.getMessage() != null && r.getMessage().toLowerCase(Locale.ROOT).contains("not found");
    }

    /**
     * Resynchronisation of one member (after a reconnect or an Asterisk restart): add it with the wanted pause,
     * or, when it is already there, set the pause and level. Never throws for Asterisk's answers; returns false
     * when the member could not be brought in line (logged).
     */
    public boolean ensure(long gatewayId, Member m, boolean paused, String reason) {
        GatewayActions ga = actions.getIfAvailable();
        if (ga == null) {
            return false;
        }
        try {
            ManagerResponse r = send(ga, gatewayId, addAction(m.queue(), m, paused, reason));
            if (isError(r)) {
                if (!already(r)) {
                    log.warn("resync: QueueAdd {} {} on gateway {} refused: {}", m.queue(), m.iface(), gatewayId, r.getMessage());
                    return false;
                }
                ManagerResponse p = send(ga, gatewayId, pauseAction(m, paused, reason));
                ManagerResponse q = send(ga, gatewayId, new QueuePenaltyAction(m.iface(), m.penalty(), m.queue()));
                if (isError(p) || isError(q)) {
                    log.warn("resync: pause/penalty of {} {} on gateway {} refused", m.queue(), m.iface(), gatewayId);
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            log.warn("resync: gateway {} member {} {} failed: {}", gatewayId, m.queue(), m.iface(), e.toString());
            return false;
        }
    }

    /** a single best-effort pause used when an AMI event showed Asterisk's pause drifting from the database */
    public boolean repause(long gatewayId, Member m, boolean paused, String reason) {
        GatewayActions ga = actions.getIfAvailable();
        if (ga == null) {
            return false;
        }
        try {
            ManagerResponse r = send(ga, gatewayId, pauseAction(m, paused, reason));
            if (isError(r) && notFound(r)) {
                return ensure(gatewayId, m, paused, reason);
            }
            return !isError(r);
        } catch (RuntimeException e) {
            log.warn("re-pause of {} {} on gateway {} failed: {}", m.queue(), m.iface(), gatewayId, e.toString());
            return false;
        }
    }
}
