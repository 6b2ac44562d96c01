package cn.heatdesk.callcenter.ami;

import org.asteriskjava.manager.event.ManagerEvent;

import java.time.Duration;
import java.util.Set;

/** Spring beans implementing this receive the events of every connected gateway. */
public interface GatewayEventListener {

    void onEvent(GatewayEvent e);

    /**
     * The event classes this listener handles (subclasses included); events of no listener's classes are dropped as
     * they arrive, before the lanes, and are not even built by the reader of the event connection. Most of a
     * gateway's traffic (VarSet of other variables, Newexten, AGIExec…) is of no use to HeatDesk. {@code null}: every
     * event (tests, diagnostics) — which also keeps every event class built.
     */
    default Set<Class<? extends ManagerEvent>> eventTypes() {
        return null;
    }

    /**
     * A finer test for an event of one of the declared classes, on the reader's thread before the event is queued
     * (e.g. only some VarSet variables): must be cheap, thread-safe and decide on the event alone.
     */
    default boolean wants(ManagerEvent e) {
        return true;
    }

    /**
     * After each (re)login. {@code restarted}: Asterisk itself restarted since the last session (its start time
     * changed), so dynamic queue members and pauses are gone and must be pushed back from the database.
     */
    default void onConnected(long gatewayId, boolean restarted) {
    }

    default void onDisconnected(long gatewayId) {
    }

    /**
     * Waits until work this listener deferred from its events (write-behind) is done; false when the timeout passed
     * first. Tests and benchmarks call it through {@link GatewayConnectionManager#drain}, shutdown too.
     */
    default boolean awaitIdle(Duration timeout) throws InterruptedException {
        return true;
    }
}
