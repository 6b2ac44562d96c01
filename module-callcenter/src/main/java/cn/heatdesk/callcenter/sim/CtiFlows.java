package cn.heatdesk.callcenter.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Call control over AMI: Redirect (single and dual), Bridge, BlindTransfer, Atxfer, CancelAtxfer and PlayDTMF with
 * Receive (feature codes), and the reference system's CTI contexts {@code cti-hold} (MusicOnHold),
 * {@code cti-hold-agent} (Wait) and {@code transfer-targets} (phone extension → Dial, queue name → Queue, any other
 * number → Dial through the trunk).
 *
 * <p>Model: a call is straight-line code per call (CallFlows) until call control touches one of its legs. The AMI
 * thread then emits the action's events at once (responses first, as everywhere in the simulator) and marks the legs
 * {@code taken}; the owning flow wakes, hands every leg to a CTI-mode driver thread ({@link #drive}) and ends quietly.
 * A driver waits for its channel's hang-up (tears it down; the last other member of a two-party bridge is hung up,
 * as a Dial/Queue bridge dissolves) or for an async goto (runs the new dialplan location on the same thread, as
 * Asterisk's PBX thread does). app_queue's bookkeeping follows the legs: AgentComplete comes with Reason
 * {@code transfer} for a blind or attended transfer, otherwise with {@code caller}/{@code agent} when one of the two
 * original legs hangs up, wherever it is by then (app_queue follows them through stasis).
 *
 * <p>None of this is in the recorded transcripts: event names, field names and orders follow Asterisk 22's AMI
 * documentation (BlindTransfer, AttendedTransfer, MusicOnHoldStart/Stop) and the manager.c responses; see
 * docs/asterisk-simulator.md.
 */
final class CtiFlows {

    /** the owning flow handed its channels over to call control: the thread ends without events */
    static final class Moved extends RuntimeException {
        Moved() {
            super("moved", null, false, false);
        }
    }

    /** app_queue's stasis view of one answered queue call */
    static final class QueueLink {
        final SimQueue q;
        final SimQueue.Member m;
        final SimChannel caller;
        final SimChannel agent;
        final long holdSec;
        final Instant talkStart = Instant.now();
        boolean completed;

        QueueLink(SimQueue q, SimQueue.Member m, SimChannel caller, SimChannel agent, long holdSec) {
            this.q = q;
            this.m = m;
            this.caller = caller;
            this.agent = agent;
            this.holdSec = holdSec;
        }
    }

    enum ConsultState { RINGING, TALKING, DONE }

    /** an attended transfer: transferer left the original bridge, transferee hears music, target is called */
    static final class Consult {
        final SimChannel transferer;
        final SimChannel transferee;
        final SimBridge original;
        final String context;
        final String exten;
        SimChannel target;
        SimBridge consultBridge;
        ConsultState state = ConsultState.RINGING;
        boolean cancelled;

        Consult(SimChannel transferer, SimChannel transferee, SimBridge original, String context, String exten) {
            this.transferer = transferer;
            this.transferee = transferee;
            this.original = original;
            this.context = context;
            this.exten = exten;
        }
    }

    private static final String ATXFER_ABORT = "*1";
    private static final String ATXFER_SWAP = "*4";
    private static final Duration DIAL_TIMEOUT = Duration.ofSeconds(30);

    private final AsteriskSimulator sim;
    private final CallFlows flows;
    /** the supervisor contexts (ChanSpy, re-queue with priority) */
    final SupervisorFlows supervisor;

    CtiFlows(AsteriskSimulator sim, CallFlows flows) {
        this.sim = sim;
        this.flows = flows;
        this.supervisor = new SupervisorFlows(sim, flows);
    }

    static boolean takenOver(SimChannel a, SimChannel b) {
        return a.taken || b.taken || a.gotoTarget != null || b.gotoTarget != null;
    }

    // ------------------------------------------------------------------ ownership (lock held)

    /** starts a driver for each live leg that has none */
    void handOver(SimChannel... legs) {
        for (SimChannel c : legs) {
            if (c != null && !c.destroyed && !c.driven) {
                start(c);
            }
        }
    }

    private void start(SimChannel c) {
        c.driven = true;
        sim.startCallThread("cti-" + c.name, () -> {
            sim.lock.lock();
            try {
                CallFlows.GENERATION.set(c.generation);
                drive(c);
            } finally {
                sim.lock.unlock();
            }
        });
    }

    /** the channel's life in CTI mode: hang-up, async goto, or an attended transfer's completion */
    void drive(SimChannel c) {
        while (!c.destroyed) {
            if (c.generation != sim.generation) {
                throw new CallFlows.Gone("restarted");
            }
            if (c.gotoTarget != null) {
                runGoto(c);
                return;
            }
            if (c.hangupRequested) {
                Consult k = c.consult;
                if (k != null && k.transferer == c && k.state == ConsultState.TALKING) {
                    completeConsult(k);
                    return;
                }
                if (k == null || k.state == ConsultState.DONE || k.transferer != c) {
                    teardown(c);
                    return;
                }
                // the consultation is still ringing: its thread cancels it first
            }
            await();
        }
    }

    private void await() {
        try {
            sim.changed.awaitNanos(TimeUnit.MILLISECONDS.toNanos(100));
        } catch (InterruptedException e) {
            throw new CallFlows.Gone("interrupted");
        }
    }

    /** the dialplan at the channel's goto target; further redirects loop here */
    void runGoto(SimChannel c) {
        while (c.gotoTarget != null && !c.destroyed) {
            String[] t = c.gotoTarget;
            c.gotoTarget = null;
            try {
                run(c, t[0], t[1]);
                return;
            } catch (CallFlows.Redirected r) {
                // redirected again while dialling or queueing: go on at the newest target
            } catch (CallFlows.Hungup h) {
                flows.hExtension(c);
                return;
            }
        }
    }

    private void run(SimChannel c, String context, String exten) {
        c.priority = 1;
        switch (context) {
            case "cti-hold" -> {
                sim.app(c, context, exten, 1, "MusicOnHold", "default");
                c.ctiApp = "MusicOnHold";
                c.activity = "MusicOnHold";
                mohStart(c);
                drive(c);
            }
            case "cti-hold-agent" -> {
                sim.app(c, context, exten, 1, "Wait", "7200");
                c.ctiApp = "Wait";
                c.activity = "Wait";
                sim.changed.signalAll();
                drive(c);
            }
            case "transfer-targets" -> {
                SimQueue q = sim.queues.get(exten);
                if (q != null) {
                    String agi = flows.agiUrl("agent-connect");
                    sim.app(c, context, exten, 1, "Queue", exten + ",tc,,,120," + agi);
                    flows.queue(c, q, agi);
                    flows.hangupApp(c);
                } else if (sim.phones.containsKey(exten) && !exten.equals(sim.config.trunk())) {
                    sim.app(c, context, exten, 1, "Dial", "PJSIP/" + exten + ",30");
                    if (dial(c, exten, null)) {
                        drive(c);
                    } else {
                        flows.hangupApp(c);
                    }
                } else {
                    String trunk = sim.config.trunk();
                    sim.app(c, context, exten, 1, "Dial", "PJSIP/" + exten + "@" + trunk + ",30");
                    if (dial(c, trunk, exten)) {
                        drive(c);
                    } else {
                        flows.hangupApp(c);
                    }
                }
            }
            case SupervisorFlows.QUEUE_CONTEXT -> supervisor.requeue(c, exten);
            default -> flows.hangupApp(c); // no such extension: the PBX ends the channel
        }
    }

    // ------------------------------------------------------------------ dialling (lock held)

    /** a ringing leg towards a phone, or through the trunk when {@code number} is given */
    private SimChannel newLeg(SimChannel from, String endpoint, String number) {
        SimChannel y;
        if (number == null) {
            SimPhone ph = sim.phones.get(endpoint);
            y = sim.newChannel(endpoint, SimChannel.DOWN, endpoint, ph.callerIdName, "agents", "s", null);
        } else {
            y = sim.newChannel(endpoint, SimChannel.DOWN, number, from.cidName, "from-trunk", "s", null);
            y.outboundLeg = true;
            y.dialedNumber = number;
        }
        y.linkedid = from.linkedid;
        sim.emitChannelEvent("Newchannel", "call", y);
        sim.varSet(y, "DIALEDPEERNUMBER", number == null ? endpoint : number + "@" + endpoint);
        flows.dialEvent("DialBegin", from, y, "DialString", number == null ? endpoint : number + "@" + endpoint);
        y.connNum = from.cidNum;
        y.connName = from.cidName;
        y.state = SimChannel.RINGING;
        sim.emitChannelEvent("Newstate", "call", y);
        sim.refreshDevice(endpoint);
        sim.refreshMembers("PJSIP/" + endpoint);
        flows.dialEvent("DialState", from, y, "DialStatus", "RINGING");
        y.activity = "Ringing";
        sim.changed.signalAll();
        return y;
    }

    private boolean answeredOrAuto(SimChannel y, Instant ringStart) {
        if (y.rejectRequested || y.hangupRequested) {
            return false;
        }
        SimPhone p = sim.phones.get(y.endpoint);
        if (y.outboundLeg || p == null) {
            return y.answerRequested;
        }
        return !p.neverAnswer && (y.answerRequested
                || (p.autoAnswerMs >= 0 && Duration.between(ringStart, Instant.now()).toMillis() >= p.autoAnswerMs));
    }

    /** the leg did not answer (or the caller went away): DialEnd with the status and its hang-up */
    private void endLeg(SimChannel from, SimChannel y, String status) {
        flows.dialEvent("DialEnd", from, y, "DialStatus", status);
        int cause = "BUSY".equals(status) ? 17 : "NOANSWER".equals(status) ? 19 : 0;
        flows.hangupEvent(y, cause, CallFlows.causeText(cause), null);
        sim.refreshDevice(y.endpoint);
        sim.refreshMembers("PJSIP/" + y.endpoint);
    }

    private void connect(SimChannel from, SimChannel y) {
        flows.answer(y);
        y.activity = "";
        flows.dialEvent("DialEnd", from, y, "DialStatus", "ANSWER");
    }

    /** Dial() from a channel in CTI mode; true when answered and bridged (both legs then driven) */
    private boolean dial(SimChannel c, String endpoint, String number) {
        SimChannel y = newLeg(c, endpoint, number);
        Instant ringStart = Instant.now();
        boolean answered;
        try {
            answered = flows.waitUntil(c, () -> answeredOrAuto(y, ringStart) || y.rejectRequested || y.hangupRequested,
                    DIAL_TIMEOUT) && answeredOrAuto(y, ringStart);
        } catch (CallFlows.Hungup | CallFlows.Redirected e) {
            endLeg(c, y, "CANCEL");
            throw e;
        }
        if (!answered) {
            endLeg(c, y, y.rejectRequested ? "BUSY" : "NOANSWER");
            sim.varSet(c, "DIALSTATUS", y.rejectRequested ? "BUSY" : "NOANSWER");
            return false;
        }
        connect(c, y);
        sim.varSet(c, "DIALSTATUS", "ANSWER");
        SimBridge b = flows.createBridge();
        flows.bridgeEnter(b, y);
        flows.bridgeEnter(b, c);
        flows.bridgePeerVars(c, y);
        c.cdrDst = y.name;
        start(y);
        return true;
    }

    // ------------------------------------------------------------------ teardown (lock held)

    void mohStart(SimChannel c) {
        if (!c.moh && !c.destroyed) {
            c.moh = true;
            AmiMessage m = sim.ev("MusicOnHoldStart", "call");
            c.appendTo(m, "");
            sim.emit(m.add("Class", "default"));
        }
    }

    void mohStop(SimChannel c) {
        if (c.moh && !c.destroyed) {
            c.moh = false;
            AmiMessage m = sim.ev("MusicOnHoldStop", "call");
            c.appendTo(m, "");
            sim.emit(m);
        }
    }

    /** leaves the bridge; a lone member of a bridge nobody holds is hung up (the bridge dissolves) */
    private void leaveBridge(SimChannel c) {
        SimBridge b = c.bridge;
        if (b == null) {
            return;
        }
        flows.bridgeLeave(b, c);
        if (b.members.size() == 1 && b.heldBy == null) {
            SimChannel other = b.members.get(0);
            other.taken = true;
            flows.softHangup(other, 16);
        }
        if (b.members.isEmpty() && b.heldBy == null) {
            flows.destroyBridge(b);
        }
    }

    /** the channel ends: out of its bridge and app, app_queue's completion, Hangup, CDR */
    void teardown(SimChannel c) {
        if (c.destroyed) {
            return;
        }
        Consult k = c.consult;
        if (k != null && k.target == c && k.state == ConsultState.TALKING) {
            backToTransferee(k); // the consulted party hung up: the transferer returns
        }
        leaveBridge(c);
        mohStop(c);
        c.ctiApp = null;
        QueueLink link = c.queueLink;
        if (link != null) {
            completeQueue(link, c == link.caller ? "caller" : "agent");
        }
        int cause = c.hangupCause == 0 ? 16 : c.hangupCause;
        flows.hangupEvent(c, cause, CallFlows.causeText(cause), null);
        flows.closeCdr(c, c.cdrDst, c.cdrAnswer != null ? "ANSWERED" : "NO ANSWER");
        flows.emitCdrs(c);
        sim.refreshDevice(c.endpoint);
        sim.refreshMembers("PJSIP/" + c.endpoint);
    }

    /** app_queue's AgentComplete for a queue call whose legs call control moved */
    void completeQueue(QueueLink l, String reason) {
        if (l == null || l.completed) {
            return;
        }
        l.completed = true;
        long talkSec = Duration.between(l.talkStart, Instant.now()).toSeconds();
        flows.agentEvent("AgentComplete", l.caller, l.agent, l.q, l.m, "HoldTime", l.holdSec, "TalkTime", talkSec,
                "Reason", reason);
        l.q.completed++;
        l.q.talkTimeTotal += talkSec;
        l.q.holdTimeTotal += l.holdSec;
        if (l.holdSec <= l.q.cfg.serviceLevel()) {
            l.q.completedInSl++;
        }
        l.m.callsTaken++;
        l.m.lastCall = Instant.now().getEpochSecond();
        l.m.lastCallEndMs = System.currentTimeMillis();
        l.m.inCall = false;
        sim.refreshMembers(l.m.iface);
    }

    // ------------------------------------------------------------------ AMI actions (lock held, AMI reader thread)

    /** ast_async_goto: out of the bridge or application, the channel's flow unwinds to the new location */
    private void asyncGoto(SimChannel c, String context, String exten) {
        c.taken = true;
        c.gotoTarget = new String[] {context, exten};
        mohStop(c);
        c.ctiApp = null;
        SimBridge b = c.bridge;
        if (b != null) {
            flows.bridgeLeave(b, c);
        }
        sim.changed.signalAll();
    }

    /** a bridge left by redirected channels: a lone remaining member is hung up, an empty bridge goes away */
    private void settle(SimBridge b) {
        if (b == null) {
            return;
        }
        if (b.members.size() == 1 && b.heldBy == null) {
            SimChannel other = b.members.get(0);
            other.taken = true;
            flows.softHangup(other, 16);
        } else if (b.members.isEmpty() && b.heldBy == null) {
            flows.destroyBridge(b);
        }
    }

    void redirect(AmiSession s, AmiMessage a, String id) {
        String name = a.get("Channel", "");
        if (name.isEmpty()) {
            s.send(AmiActions.error(id, "Channel not specified"));
            return;
        }
        SimChannel c = sim.actions().findChannel(name);
        if (c == null || c.destroyed) {
            s.send(AmiActions.error(id, "Channel does not exist: " + name));
            return;
        }
        if (c.hangupRequested) {
            s.send(AmiActions.error(id, "Redirect failed, channel not up."));
            return;
        }
        String extraName = a.get("ExtraChannel", "");
        SimChannel c2 = extraName.isEmpty() ? null : sim.actions().findChannel(extraName);
        if (c2 != null && c2.hangupRequested) {
            s.send(AmiActions.error(id, "Redirect failed, extra channel not up."));
            return;
        }
        String context = a.get("Context", c.context);
        String exten = a.get("Exten", "s");
        if (!extraName.isEmpty() && c2 == null) {
            s.send(AmiActions.error(id, "Secondary redirect failed"));
            return;
        }
        SimBridge b1 = c.bridge;
        SimBridge b2 = c2 == null ? null : c2.bridge;
        if (c2 == null) {
            s.send(AmiActions.ok(id, "Redirect successful"));
            asyncGoto(c, context, exten);
        } else {
            s.send(AmiActions.ok(id, "Dual Redirect successful"));
            asyncGoto(c, context, exten);
            asyncGoto(c2, a.get("ExtraContext", context), a.get("ExtraExten", exten));
        }
        settle(b1);
        if (b2 != b1) {
            settle(b2);
        }
    }

    void bridge(AmiSession s, AmiMessage a, String id) {
        String n1 = a.get("Channel1", "");
        String n2 = a.get("Channel2", "");
        if (n1.isEmpty() || n2.isEmpty()) {
            s.send(AmiActions.error(id, "Missing channel parameter in request"));
            return;
        }
        SimChannel c1 = sim.actions().findChannel(n1);
        if (c1 == null || c1.destroyed) {
            s.send(AmiActions.error(id, "Channel1 does not exist: " + n1));
            return;
        }
        SimChannel c2 = sim.actions().findChannel(n2);
        if (c2 == null || c2.destroyed) {
            s.send(AmiActions.error(id, "Channel2 does not exist: " + n2));
            return;
        }
        s.send(AmiActions.ok(id, "Channels have been bridged"));
        for (SimChannel c : List.of(c1, c2)) {
            c.taken = true;
            mohStop(c);
            c.ctiApp = null;
            SimBridge old = c.bridge;
            if (old != null) {
                flows.bridgeLeave(old, c);
                if (old != c1.bridge && old != c2.bridge) {
                    settle(old);
                }
            }
        }
        SimBridge b = flows.createBridge();
        flows.bridgeEnter(b, c1);
        flows.bridgeEnter(b, c2);
        flows.bridgePeerVars(c1, c2);
        handOver(c1, c2);
        sim.changed.signalAll();
    }

    void blindTransfer(AmiSession s, AmiMessage a, String id) {
        String name = a.get("Channel", "");
        String exten = a.get("Exten", "");
        if (name.isEmpty()) {
            s.send(AmiActions.error(id, "No channel specified"));
            return;
        }
        if (exten.isEmpty()) {
            s.send(AmiActions.error(id, "No extension specified"));
            return;
        }
        SimChannel x = sim.actions().findChannel(name);
        if (x == null || x.destroyed) {
            s.send(AmiActions.error(id, "Channel specified does not exist"));
            return;
        }
        SimBridge b = x.bridge;
        SimChannel p = b == null ? null : b.peerOf(x);
        if (p == null || b.members.size() != 2) {
            s.send(AmiActions.error(id, "Transfer invalid"));
            return;
        }
        String context = a.get("Context", x.context);
        s.send(AmiActions.ok(id, "Transfer succeeded"));
        AmiMessage e = sim.ev("BlindTransfer", "call").add("Result", "Success");
        x.appendTo(e, "Transferer");
        p.appendTo(e, "Transferee");
        b.appendTo(e);
        sim.emit(e.add("IsExternal", "Yes").add("Context", context).add("Extension", exten));
        x.taken = true;
        asyncGoto(p, context, exten);
        completeQueue(x.queueLink, "transfer");
        // the transferer is pulled out of the bridge and hung up by its driver (BridgeLeave, BridgeDestroy, Hangup)
        x.hangupRequested = true;
        x.hangupCause = 16;
        sim.changed.signalAll();
    }

    void atxfer(AmiSession s, AmiMessage a, String id) {
        String name = a.get("Channel", "");
        String exten = a.get("Exten", "");
        if (name.isEmpty()) {
            s.send(AmiActions.error(id, "No channel specified"));
            return;
        }
        if (exten.isEmpty()) {
            s.send(AmiActions.error(id, "No extension specified"));
            return;
        }
        SimChannel x = sim.actions().findChannel(name);
        if (x == null || x.destroyed) {
            s.send(AmiActions.error(id, "Channel specified does not exist"));
            return;
        }
        String context = a.get("Context", "");
        s.send(AmiActions.ok(id, "Atxfer successfully queued"));
        if (!context.isEmpty()) {
            sim.varSet(x, "TRANSFER_CONTEXT", context);
        } else {
            context = x.context;
        }
        SimBridge b1 = x.bridge;
        SimChannel p = b1 == null ? null : b1.peerOf(x);
        if (p == null || x.consult != null) {
            return; // the feature code reaches no bridge: nothing happens, as on Asterisk
        }
        Consult k = new Consult(x, p, b1, context, exten);
        x.consult = k;
        b1.heldBy = k;
        x.taken = true;
        p.taken = true;
        mohStart(p);
        flows.bridgeLeave(b1, x);
        sim.changed.signalAll();
        sim.startCallThread("atxfer-" + x.name, () -> {
            sim.lock.lock();
            try {
                CallFlows.GENERATION.set(x.generation);
                consultDial(k);
            } finally {
                sim.lock.unlock();
            }
        });
    }

    void cancelAtxfer(AmiSession s, AmiMessage a, String id) {
        String name = a.get("Channel", "");
        if (name.isEmpty()) {
            s.send(AmiActions.error(id, "No channel specified"));
            return;
        }
        SimChannel x = sim.actions().findChannel(name);
        if (x == null || x.destroyed) {
            s.send(AmiActions.error(id, "Channel specified does not exist"));
            return;
        }
        s.send(AmiActions.ok(id, "CancelAtxfer successfully queued"));
        cancel(x.consult != null && x.consult.transferer == x ? x.consult : null);
    }

    void playDtmf(AmiSession s, AmiMessage a, String id) {
        SimChannel x = sim.actions().findChannel(a.get("Channel"));
        if (x == null || x.destroyed) {
            s.send(AmiActions.error(id, "Channel not found"));
            return;
        }
        String digit = a.get("Digit", "");
        if (digit.isEmpty()) {
            s.send(AmiActions.error(id, "No digit specified"));
            return;
        }
        boolean receive = AmiActions.truthy(a.get("Receive"));
        s.send(AmiActions.ok(id, "DTMF successfully queued"));
        AmiMessage e = sim.ev("DTMFEnd", "dtmf");
        x.appendTo(e, "");
        sim.emit(e.add("Digit", digit.substring(0, 1)).add("DurationMs", 250)
                .add("Direction", receive ? "Received" : "Sent"));
        if (!receive) {
            return;
        }
        // received DTMF passes the bridge's feature hooks: the attended transfer's abort and swap codes
        x.featureDigits.append(digit.charAt(0));
        String got = x.featureDigits.toString();
        Consult k = x.consult;
        if (k != null && k.transferer == x && got.endsWith(ATXFER_SWAP)) {
            x.featureDigits.setLength(0);
            swap(k);
        } else if (k != null && k.transferer == x && got.endsWith(ATXFER_ABORT)) {
            x.featureDigits.setLength(0);
            cancel(k);
        } else if (got.length() > 8) {
            x.featureDigits.delete(0, got.length() - 2);
        }
    }

    // ------------------------------------------------------------------ attended transfer (lock held)

    /** the consultation's own thread: rings the target, bridges it with the transferer, or gives up */
    private void consultDial(Consult k) {
        SimChannel x = k.transferer;
        boolean phone = sim.phones.containsKey(k.exten) && !k.exten.equals(sim.config.trunk());
        if (!phone && (sim.queues.containsKey(k.exten) || !k.exten.matches("\\d+"))) {
            // a queue behind a Local channel is not modelled: the consultation fails at once
            back(k);
            return;
        }
        SimChannel y = phone ? newLeg(x, k.exten, null) : newLeg(x, sim.config.trunk(), k.exten);
        k.target = y;
        y.consult = k;
        Instant ringStart = Instant.now();
        long deadline = System.nanoTime() + DIAL_TIMEOUT.toNanos();
        while (!answeredOrAuto(y, ringStart) && !y.rejectRequested && !y.hangupRequested && !k.cancelled
                && !x.hangupRequested && System.nanoTime() < deadline) {
            if (x.generation != sim.generation) {
                throw new CallFlows.Gone("restarted");
            }
            await();
        }
        if (k.cancelled || x.hangupRequested || !answeredOrAuto(y, ringStart)) {
            endLeg(x, y, k.cancelled || x.hangupRequested ? "CANCEL" : y.rejectRequested ? "BUSY" : "NOANSWER");
            back(k);
            return;
        }
        connect(x, y);
        SimBridge b2 = flows.createBridge();
        k.consultBridge = b2;
        b2.heldBy = k;
        flows.bridgeEnter(b2, x);
        flows.bridgeEnter(b2, y);
        k.state = ConsultState.TALKING;
        handOver(x, k.transferee);
        start(y);
        sim.changed.signalAll();
    }

    /** the consultation ended before the target talked: the transferer goes back (or the held party is alone) */
    private void back(Consult k) {
        k.state = ConsultState.DONE;
        SimChannel x = k.transferer;
        SimChannel p = k.transferee;
        x.consult = null;
        k.original.heldBy = null;
        handOver(x, p);
        if (x.hangupRequested || x.destroyed) {
            // the transferer left while the target still rang: the held party stays alone and is released
            mohStop(p);
            settle(k.original);
        } else {
            flows.bridgeEnter(k.original, x);
            mohStop(p);
        }
        sim.changed.signalAll();
    }

    /** cancel: the target's leg ends, the transferer returns to the held party */
    private void cancel(Consult k) {
        if (k == null || k.state == ConsultState.DONE) {
            return;
        }
        if (k.state == ConsultState.RINGING) {
            k.cancelled = true; // the consultation thread ends the ringing leg
            sim.changed.signalAll();
            return;
        }
        SimChannel y = k.target;
        flows.softHangup(y, 16);
        backToTransferee(k);
    }

    /** the consultation bridge goes away and the transferer joins the held party again */
    private void backToTransferee(Consult k) {
        SimChannel x = k.transferer;
        SimChannel y = k.target;
        SimBridge b2 = k.consultBridge;
        k.state = ConsultState.DONE;
        if (y.bridge == b2) {
            flows.bridgeLeave(b2, y);
        }
        mohStop(y);
        if (x.bridge == b2) {
            flows.bridgeLeave(b2, x);
        }
        flows.destroyBridge(b2);
        if (x.bridge != k.original) {
            flows.bridgeEnter(k.original, x);
        }
        mohStop(k.transferee);
        k.original.heldBy = null;
        x.consult = null;
        y.consult = null;
        sim.changed.signalAll();
    }

    /** atxferswap: the transferer talks to the other party, the one left hears music */
    private void swap(Consult k) {
        if (k.state != ConsultState.TALKING) {
            return;
        }
        SimChannel x = k.transferer;
        if (x.bridge == k.consultBridge) {
            flows.bridgeLeave(k.consultBridge, x);
            mohStart(k.target);
            flows.bridgeEnter(k.original, x);
            mohStop(k.transferee);
        } else {
            flows.bridgeLeave(k.original, x);
            mohStart(k.transferee);
            flows.bridgeEnter(k.consultBridge, x);
            mohStop(k.target);
        }
        sim.changed.signalAll();
    }

    /** the transferer hung up while talking to the target: target and transferee are joined (AttendedTransfer) */
    private void completeConsult(Consult k) {
        SimChannel x = k.transferer;
        SimChannel y = k.target;
        SimChannel p = k.transferee;
        SimBridge b1 = k.original;
        SimBridge b2 = k.consultBridge;
        AmiMessage e = sim.ev("AttendedTransfer", "call").add("Result", "Success");
        x.appendTo(e, "OrigTransferer");
        b1.appendTo(e, "OrigBridge");
        x.appendTo(e, "SecondTransferer");
        b2.appendTo(e, "SecondBridge");
        e.add("DestType", "Bridge").add("DestBridgeUniqueid", b1.id);
        p.appendTo(e, "Transferee");
        y.appendTo(e, "TransferTarget");
        sim.emit(e.add("IsExternal", "Yes"));
        k.state = ConsultState.DONE;
        if (x.bridge != null) {
            flows.bridgeLeave(x.bridge, x);
        }
        if (y.bridge == b2) {
            flows.bridgeLeave(b2, y);
        }
        flows.destroyBridge(b2);
        mohStop(y);
        flows.bridgeEnter(b1, y);
        mohStop(p);
        b1.heldBy = null;
        flows.bridgePeerVars(p, y);
        x.consult = null;
        y.consult = null;
        completeQueue(x.queueLink, "transfer");
        x.queueLink = null;
        teardown(x);
        sim.changed.signalAll();
    }
}
