package cn.heatdesk.callcenter.sim;

import java.time.Duration;

/** The called party behind the trunk for an outbound (click-to-dial) call to a number. */
public final class RemoteParty {

    private final AsteriskSimulator sim;
    private final String number;

    RemoteParty(AsteriskSimulator sim, String number) {
        this.sim = sim;
        this.number = number;
    }

    private SimChannel leg() {
        for (SimChannel c : sim.channels.values()) {
            if (c.outboundLeg && number.equals(c.dialedNumber) && !c.destroyed) {
                return c;
            }
        }
        return null;
    }

    public boolean awaitRinging(Duration timeout) {
        return sim.await(() -> {
            SimChannel c = leg();
            return c != null && c.state == SimChannel.RINGING;
        }, timeout);
    }

    public boolean answer() {
        return act(c -> c.state == SimChannel.RINGING, c -> c.answerRequested = true);
    }

    public boolean reject() {
        return act(c -> c.state == SimChannel.RINGING, c -> c.rejectRequested = true);
    }

    /** the remote party hangs up (BYE) */
    public boolean hangup() {
        return act(c -> true, c -> sim.flows.remoteHangup(c));
    }

    private boolean act(java.util.function.Predicate<SimChannel> when, java.util.function.Consumer<SimChannel> what) {
        sim.lock.lock();
        try {
            SimChannel c = leg();
            if (c == null || !when.test(c)) {
                return false;
            }
            what.accept(c);
            sim.changed.signalAll();
            return true;
        } finally {
            sim.lock.unlock();
        }
    }

    public boolean awaitHungUp(Duration timeout) {
        return sim.await(() -> leg() == null, timeout);
    }
}
