package cn.heatdesk.callcenter.sim;

import java.time.Duration;
import java.util.Set;

/** The customer's side of one inbound call: press keys, hang up, wait for the call's progress. */
public final class CallHandle {

    private static final Set<String> INPUT = Set.of("BackGround", "WaitExten", "Read", "GetData", "StreamFile",
            "WaitForDigit", "Record");

    private final AsteriskSimulator sim;
    private final SimChannel channel;

    CallHandle(AsteriskSimulator sim, SimChannel channel) {
        this.sim = sim;
        this.channel = channel;
    }

    /** e.g. PJSIP/9000-00000004 */
    public String channel() {
        return channel.name;
    }

    public String uniqueid() {
        return channel.uniqueid;
    }

    public String linkedid() {
        return channel.linkedid;
    }

    /** sends keypresses as SIP INFO: one DTMFEnd per digit (no DTMFBegin, as in the fixtures) */
    public void press(String digits) {
        sim.lock.lock();
        try {
            for (char d : digits.toCharArray()) {
                sim.flows.dtmf(channel, d);
            }
            sim.changed.signalAll();
        } finally {
            sim.lock.unlock();
        }
    }

    /** the customer hangs up (BYE) */
    public void hangup() {
        sim.lock.lock();
        try {
            sim.flows.remoteHangup(channel);
            sim.changed.signalAll();
        } finally {
            sim.lock.unlock();
        }
    }

    /** what the dialplan does with the caller right now (BackGround, WaitExten, Queue, Bridged, Read, Hungup …) */
    public String activity() {
        sim.lock.lock();
        try {
            return channel.activity;
        } finally {
            sim.lock.unlock();
        }
    }

    public String variable(String name) {
        sim.lock.lock();
        try {
            return channel.vars.get(name);
        } finally {
            sim.lock.unlock();
        }
    }

    /** waits until the dialplan listens for keys (BackGround, WaitExten, Read, AGI GET DATA …) */
    public boolean awaitInput(Duration timeout) {
        return sim.await(() -> INPUT.contains(channel.activity), timeout);
    }

    public boolean awaitActivity(String activity, Duration timeout) {
        return sim.await(() -> activity.equals(channel.activity), timeout);
    }

    /** waiting in a queue (music on hold) */
    public boolean awaitQueued(Duration timeout) {
        return awaitActivity("Queue", timeout);
    }

    /** talking to an agent */
    public boolean awaitBridged(Duration timeout) {
        return sim.await(() -> channel.bridge != null, timeout);
    }

    public boolean awaitHungUp(Duration timeout) {
        return sim.await(() -> channel.destroyed, timeout);
    }

    public boolean isHungUp() {
        sim.lock.lock();
        try {
            return channel.destroyed;
        } finally {
            sim.lock.unlock();
        }
    }
}
