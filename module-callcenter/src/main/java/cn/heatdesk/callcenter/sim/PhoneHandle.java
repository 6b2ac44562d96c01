package cn.heatdesk.callcenter.sim;

import java.time.Duration;

/** An agent's IP phone (PJSIP endpoint): answer, reject, hang up, hold, register. */
public final class PhoneHandle {

    private final AsteriskSimulator sim;
    private final String ext;

    PhoneHandle(AsteriskSimulator sim, String ext) {
        this.sim = sim;
        this.ext = ext;
    }

    public String extension() {
        return ext;
    }

    private SimChannel find(int state) {
        for (SimChannel c : sim.channels.values()) {
            if (c.endpoint.equals(ext) && !c.destroyed && c.state == state) {
                return c;
            }
        }
        return null;
    }

    /** answers the ringing call; false when nothing rings */
    public boolean answer() {
        sim.lock.lock();
        try {
            SimChannel c = find(SimChannel.RINGING);
            if (c == null) {
                return false;
            }
            c.answerRequested = true;
            sim.changed.signalAll();
            return true;
        } finally {
            sim.lock.unlock();
        }
    }

    /** declines the ringing call (486 Busy Here) */
    public boolean reject() {
        sim.lock.lock();
        try {
            SimChannel c = find(SimChannel.RINGING);
            if (c == null) {
                return false;
            }
            c.rejectRequested = true;
            sim.changed.signalAll();
            return true;
        } finally {
            sim.lock.unlock();
        }
    }

    /** hangs up the active call (BYE from the phone) */
    public boolean hangup() {
        sim.lock.lock();
        try {
            SimChannel c = find(SimChannel.UP);
            if (c == null) {
                return false;
            }
            sim.flows.remoteHangup(c);
            sim.changed.signalAll();
            return true;
        } finally {
            sim.lock.unlock();
        }
    }

    /** puts the bridged peer on hold: music on hold for the other party */
    public boolean hold() {
        return setHold(true);
    }

    public boolean unhold() {
        return setHold(false);
    }

    private boolean setHold(boolean on) {
        sim.lock.lock();
        try {
            SimChannel c = find(SimChannel.UP);
            if (c == null || c.bridge == null || c.onHold == on) {
                return false;
            }
            SimChannel peer = c.bridge.peerOf(c);
            c.onHold = on;
            if (peer != null) {
                AmiMessage m = sim.ev(on ? "MusicOnHoldStart" : "MusicOnHoldStop", "call");
                peer.appendTo(m, "");
                if (on) {
                    m.add("Class", "default");
                }
                sim.emit(m);
            }
            return true;
        } finally {
            sim.lock.unlock();
        }
    }

    /** answer every call automatically after the delay (demo profile); null = wait for {@link #answer()} */
    public PhoneHandle autoAnswer(Duration delay) {
        sim.lock.lock();
        try {
            SimPhone p = sim.phones.get(ext);
            p.autoAnswerMs = delay == null ? -1 : delay.toMillis();
            p.neverAnswer = false;
        } finally {
            sim.lock.unlock();
        }
        return this;
    }

    /** rings forever without answering, like the SIPp UAS of fixture e */
    public PhoneHandle neverAnswer() {
        sim.lock.lock();
        try {
            sim.phones.get(ext).neverAnswer = true;
        } finally {
            sim.lock.unlock();
        }
        return this;
    }

    public void register() {
        setRegistered(true);
    }

    public void unregister() {
        setRegistered(false);
    }

    private void setRegistered(boolean on) {
        sim.lock.lock();
        try {
            sim.phones.get(ext).registered = on;
            sim.refreshDevice(ext);
            sim.refreshMembers("PJSIP/" + ext);
            for (SimQueue q : sim.queues.values()) {
                if (q.members.containsKey("PJSIP/" + ext)) {
                    sim.refreshAvail(q);
                }
            }
        } finally {
            sim.lock.unlock();
        }
    }

    /** NOT_INUSE, RINGING, INUSE, UNAVAILABLE … */
    public String deviceState() {
        sim.lock.lock();
        try {
            return sim.deviceState("PJSIP/" + ext);
        } finally {
            sim.lock.unlock();
        }
    }

    /** channel name of the phone's ringing or active call, or null */
    public String channel() {
        sim.lock.lock();
        try {
            SimChannel c = find(SimChannel.RINGING);
            if (c == null) {
                c = find(SimChannel.UP);
            }
            return c == null ? null : c.name;
        } finally {
            sim.lock.unlock();
        }
    }

    public boolean awaitRinging(Duration timeout) {
        return sim.await(() -> find(SimChannel.RINGING) != null, timeout);
    }

    public boolean awaitInCall(Duration timeout) {
        return sim.await(() -> {
            SimChannel c = find(SimChannel.UP);
            return c != null && c.bridge != null;
        }, timeout);
    }

    public boolean awaitIdle(Duration timeout) {
        return sim.await(() -> find(SimChannel.RINGING) == null && find(SimChannel.UP) == null, timeout);
    }
}
