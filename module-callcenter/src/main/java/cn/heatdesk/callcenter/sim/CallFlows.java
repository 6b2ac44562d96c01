package cn.heatdesk.callcenter.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The reference dialplan and app_queue/app_dial behaviour, written as straight-line code per call (Asterisk runs
 * one PBX thread per channel too). Every method here runs with the simulator lock held; waits release it.
 * Event order follows fixture c (answered queue call), d (abandon), e (ring no answer), f (originate),
 * k (blacklist, survey).
 */
final class CallFlows {

    /** the simulator restarted or stopped: the call vanishes without events */
    static final class Gone extends RuntimeException {
        Gone(String msg) {
            super(msg, null, false, false);
        }
    }

    /** the owning channel was hung up; the flow continues in the h extension */
    static final class Hungup extends RuntimeException {
        Hungup() {
            super("hangup", null, false, false);
        }
    }

    /**
     * An AMI Redirect / BlindTransfer (async goto) took the owner channel out of its application; the flow unwinds
     * and the channel continues at its new dialplan location ({@link CtiFlows#runGoto}).
     */
    static final class Redirected extends RuntimeException {
        Redirected() {
            super("redirected", null, false, false);
        }
    }

    static final ThreadLocal<Integer> GENERATION = new ThreadLocal<>();
    private static final DateTimeFormatter CDR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneId.systemDefault());

    private final AsteriskSimulator sim;
    final FastAgiClient agi;

    CallFlows(AsteriskSimulator sim) {
        this.sim = sim;
        this.agi = new FastAgiClient(sim, this);
    }

    // ------------------------------------------------------------------ waiting

    /** waits with the lock held; Gone after a restart, Hungup when the owner channel was hung up */
    boolean waitUntil(SimChannel owner, BooleanSupplier cond, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                if (owner.generation != sim.generation) {
                    throw new Gone("restarted");
                }
                if (owner.gotoTarget != null) {
                    throw new Redirected();
                }
                if (cond.getAsBoolean()) {
                    return true;
                }
                if (owner.hangupRequested) {
                    throw new Hungup();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                sim.changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
            }
        } catch (InterruptedException e) {
            throw new Gone("interrupted");
        }
    }

    void pause(SimChannel owner, Duration d) {
        waitUntil(owner, () -> false, d);
    }

    /** one DTMF digit (BackGround/WaitExten/Read) or null on timeout */
    Character waitDigit(SimChannel c, Duration timeout, String activity) {
        String before = c.activity;
        c.activity = activity;
        sim.changed.signalAll();
        try {
            if (waitUntil(c, () -> !c.dtmf.isEmpty(), timeout)) {
                return c.dtmf.poll();
            }
            return null;
        } finally {
            c.activity = before;
        }
    }

    // ------------------------------------------------------------------ remote parties (lock held)

    void dtmf(SimChannel c, char digit) {
        if (c.destroyed) {
            return;
        }
        AmiMessage m = sim.ev("DTMFEnd", "dtmf");
        c.appendTo(m, "");
        sim.emit(m.add("Digit", String.valueOf(digit)).add("DurationMs", 160).add("Direction", "Received"));
        c.dtmf.add(digit);
    }

    /** the far end sends BYE */
    void remoteHangup(SimChannel c) {
        if (c.destroyed || c.hangupRequested) {
            return;
        }
        c.hangupRequested = true;
        c.hangupCause = c.bridge != null ? 16 : 0;
        AmiMessage m = sim.ev("HangupRequest", "call");
        c.appendTo(m, "");
        if (c.outboundLeg) {
            m.add("Cause", 16);
        }
        sim.emit(m);
    }

    /** AMI Hangup / AGI HANGUP: a soft hangup with a cause */
    void softHangup(SimChannel c, int cause) {
        if (c.destroyed) {
            return;
        }
        AmiMessage m = sim.ev("SoftHangupRequest", "call");
        c.appendTo(m, "");
        sim.emit(m.add("Cause", cause));
        if (!c.hangupRequested) {
            c.hangupRequested = true;
            c.hangupCause = c.bridge != null ? 16 : 0;
        }
    }

    // ------------------------------------------------------------------ channel life

    void answer(SimChannel c) {
        if (c.state == SimChannel.UP) {
            return;
        }
        c.state = SimChannel.UP;
        c.answeredAt = Instant.now();
        if (c.cdrAnswer == null) {
            c.cdrAnswer = c.answeredAt;
        }
        sim.emitChannelEvent("Newstate", "call", c);
        sim.refreshDevice(c.endpoint);
    }

    void hangupEvent(SimChannel c, int cause, String causeTxt, Integer techCause) {
        AmiMessage m = sim.ev("Hangup", "call");
        c.appendTo(m, "");
        m.add("Cause", cause).add("Cause-txt", causeTxt);
        if (techCause != null) {
            m.add("TechCause", techCause);
        }
        c.destroyed = true;
        c.activity = "Hungup";
        sim.channels.remove(c.name);
        finishMixMonitor(c);
        sim.emit(m);
    }

    static String causeText(int cause) {
        return switch (cause) {
            case 0 -> "Unknown";
            case 16 -> "Normal Clearing";
            case 17 -> "User busy";
            case 19 -> "User alerting, no answer";
            case 21 -> "Call Rejected";
            case 32 -> "Circuit/channel congestion";
            default -> "Unknown";
        };
    }

    String agiUrl(String script) {
        return sim.config.agiBase() + "/" + script;
    }

    // ------------------------------------------------------------------ CDR

    void closeCdr(SimChannel c, String dstChannel, String disposition) {
        Instant end = Instant.now();
        AmiMessage m = sim.ev("Cdr", "cdr");
        m.add("AccountCode", "").add("Source", c.cidNum).add("Destination", c.lastExten)
                .add("DestinationContext", c.lastContext)
                .add("CallerID", "\"" + c.cidName + "\" <" + c.cidNum + ">").add("Channel", c.name)
                .add("DestinationChannel", dstChannel == null ? "" : dstChannel)
                .add("LastApplication", c.lastApp).add("LastData", c.lastData)
                .add("StartTime", CDR_TIME.format(c.cdrStart))
                .add("AnswerTime", c.cdrAnswer == null ? "" : CDR_TIME.format(c.cdrAnswer))
                .add("EndTime", CDR_TIME.format(end))
                .add("Duration", Duration.between(c.cdrStart, end).toSeconds())
                .add("BillableSeconds", c.cdrAnswer == null ? 0 : Duration.between(c.cdrAnswer, end).toSeconds())
                .add("Disposition", disposition).add("AMAFlags", "DOCUMENTATION").add("UniqueID", c.uniqueid)
                .add("UserField", c.userField);
        c.cdrs.add(m);
        c.cdrStart = end;
        c.cdrAnswer = c.state == SimChannel.UP ? end : null;
        c.cdrDst = null;
    }

    void emitCdrs(SimChannel c) {
        for (AmiMessage m : c.cdrs) {
            sim.emit(m);
        }
        c.cdrs.clear();
    }

    // ------------------------------------------------------------------ inbound: from-trunk → inbound-ivr

    CallHandle startInbound(String num, String name, String did) {
        SimChannel c;
        sim.lock.lock();
        try {
            c = sim.newChannel(sim.config.trunk(), SimChannel.RING, num, name, "from-trunk", did, null);
            c.dnid = did;
            sim.emitChannelEvent("Newchannel", "call", c);
            sim.varSet(c, "SIPDOMAIN", "127.0.0.1");
        } finally {
            sim.lock.unlock();
        }
        SimChannel caller = c;
        sim.startCallThread(c.name, () -> {
            sim.lock.lock();
            try {
                GENERATION.set(caller.generation);
                try {
                    inbound(caller);
                } catch (Redirected r) {
                    // Redirect / pickup out of the IVR or queue: the PBX thread goes on at the new location
                    caller.driven = true;
                    sim.cti.runGoto(caller);
                }
            } finally {
                sim.lock.unlock();
            }
        });
        return new CallHandle(sim, c);
    }

    private void inbound(SimChannel c) {
        String did = c.exten;
        try {
            sim.app(c, "from-trunk", did, 1, "NoOp",
                    "Inbound call to DID " + did + " from \"" + c.cidName + "\" <" + c.cidNum + ">");
            sim.app(c, "from-trunk", did, 2, "Set", "CDR(userfield)=did-" + did);
            c.userField = "did-" + did;
            sim.app(c, "from-trunk", did, 3, "Goto", "inbound-ivr,s,1");
            sim.app(c, "inbound-ivr", "s", 1, "NoOp", "IVR for " + c.cidNum);
            sim.app(c, "inbound-ivr", "s", 2, "Answer", "");
            answer(c);
            sim.app(c, "inbound-ivr", "s", 3, "AGI", agiUrl("blacklist"));
            agi.run(c, "blacklist");
            String bl = c.vars.getOrDefault("BLACKLISTED", "");
            sim.app(c, "inbound-ivr", "s", 4, "GotoIf", bl + "?blocked");
            if (truthy(bl)) {
                // not in the fixtures (the AGI hung up first): play the notice and release
                sim.app(c, "inbound-ivr", "blocked", 1, "Playback", "custom/blocked");
                pause(c, sim.config.streamFileDuration());
                sim.app(c, "inbound-ivr", "blocked", 2, "Hangup", "");
                hangupApp(c);
                return;
            }
            int p = 5;
            String gw = sim.config.ivrMenuGateway();
            if (gw != null) {
                if (menuWalk(c, gw)) {
                    return;
                }
                p = 9;
            }
            sim.app(c, "inbound-ivr", "s", p, "Set", "TIMEOUT(digit)=3");
            sim.app(c, "inbound-ivr", "s", p + 1, "Set", "TIMEOUT(response)=6");
            for (int attempt = 0; ; attempt++) {
                sim.app(c, "inbound-ivr", "s", p + 2, "BackGround", "custom/welcome");
                Character d = waitDigit(c, sim.config.promptDuration(), "BackGround");
                sim.varSet(c, "BACKGROUNDSTATUS", "SUCCESS");
                if (d == null) {
                    sim.app(c, "inbound-ivr", "s", p + 3, "WaitExten", "6");
                    d = waitDigit(c, Duration.ofSeconds(6), "WaitExten");
                }
                if (d == null) {
                    sim.app(c, "inbound-ivr", "t", 1, "Hangup", "");
                    hangupApp(c);
                    return;
                }
                if (d == '1') {
                    queueBranch(c);
                    return;
                }
                if (d == '2') {
                    voicemailBranch(c);
                    return;
                }
                sim.app(c, "inbound-ivr", "i", 1, "Playback", "invalid");
                pause(c, sim.config.streamFileDuration());
                if (attempt >= 2) {
                    sim.app(c, "inbound-ivr", "i", 2, "Hangup", "");
                    hangupApp(c);
                    return;
                }
                sim.app(c, "inbound-ivr", "i", 2, "Goto", "s," + (p + 2));
            }
        } catch (Hungup h) {
            hExtension(c);
        }
    }

    /** keys the caller of a channel still presses at the ivr script's GET DATA (SimConfig#ivrKeys); lock held */
    private final Map<SimChannel, Deque<Character>> scriptedKeys = new IdentityHashMap<>();

    /** the next scripted key for a GET DATA, null when none is left ('-' = stay silent) */
    Character nextScriptedKey(SimChannel c) {
        Deque<Character> keys = scriptedKeys.get(c);
        return keys == null ? null : keys.poll();
    }

    /**
     * The dialplan HeatDesk renders for a gateway with IVR menus (bundle, docs/ivr.md): s,5 asks the ivr script,
     * s,6-8 follow IVR_ACTION (QUEUE → ivr-queue → q-&lt;queue&gt;, VOICEMAIL → 2, HANGUP → s,13); true when the
     * call went there, false to fall through to the static menu from s,9.
     */
    private boolean menuWalk(SimChannel c, String gw) {
        String script = "ivr?gw=" + gw;
        sim.app(c, "inbound-ivr", "s", 5, "AGI", agiUrl(script));
        String keys = sim.config.ivrKeys();
        if (keys != null) {
            Deque<Character> q = new ArrayDeque<>();
            keys.chars().forEach(ch -> q.add((char) ch));
            scriptedKeys.put(c, q);
        }
        try {
            agi.run(c, script);
        } finally {
            scriptedKeys.remove(c);
        }
        String action = c.vars.getOrDefault("IVR_ACTION", "");
        sim.app(c, "inbound-ivr", "s", 6, "GotoIf", "$[\"" + action + "\" = \"QUEUE\"]?ivr-queue,1");
        if ("QUEUE".equals(action)) {
            String qname = c.vars.getOrDefault("IVR_QUEUE", "");
            sim.app(c, "inbound-ivr", "ivr-queue", 1, "Goto", "q-" + qname + ",1");
            menuQueueBranch(c, qname, gw);
            return true;
        }
        sim.app(c, "inbound-ivr", "s", 7, "GotoIf", "$[\"" + action + "\" = \"VOICEMAIL\"]?2,1");
        if ("VOICEMAIL".equals(action)) {
            voicemailBranch(c);
            return true;
        }
        sim.app(c, "inbound-ivr", "s", 8, "GotoIf", "$[\"" + action + "\" = \"HANGUP\"]?hangup");
        if ("HANGUP".equals(action)) {
            sim.app(c, "inbound-ivr", "s", 13, "Hangup", "");
            hangupApp(c);
            return true;
        }
        return false;
    }

    /** q-&lt;queue&gt; of the rendered menu dialplan: record, queue with agent-connect?gw=…, survey or message */
    private void menuQueueBranch(SimChannel c, String qname, String gw) {
        SimQueue q = sim.queues.get(qname);
        String ext = "q-" + qname;
        if (q == null) {
            // Goto to an extension that does not exist: Asterisk ends the call
            hangupApp(c);
            return;
        }
        sim.app(c, "inbound-ivr", ext, 1, "NoOp", "IVR menu -> " + qname + " queue");
        sim.app(c, "inbound-ivr", ext, 2, "Set", "CDR(userfield)=ivr-" + qname);
        c.userField = "ivr-" + qname;
        String file = "/var/spool/asterisk/monitor/" + c.linkedid + ".wav";
        sim.app(c, "inbound-ivr", ext, 3, "Set", "MIXFILE=" + file);
        sim.varSet(c, "MIXFILE", file);
        sim.app(c, "inbound-ivr", ext, 4, "MixMonitor", file + ",b");
        startMixMonitor(c, file);
        String connect = agiUrl("agent-connect?gw=" + gw);
        sim.app(c, "inbound-ivr", ext, 5, "Queue", qname + ",tc,,," + q.cfg.maxWaitSeconds() + "," + connect);
        String status = queue(c, q, connect);
        sim.app(c, "inbound-ivr", ext, 6, "NoOp", "Queue returned QUEUESTATUS=" + status + " DIALSTATUS="
                + c.vars.getOrDefault("DIALSTATUS", ""));
        if ("CONTINUE".equals(status)) {
            sim.app(c, "inbound-ivr", ext, 7, "Goto", "survey,s,1");
            survey(c);
        } else {
            sim.app(c, "inbound-ivr", ext, 7, "Goto", "inbound-ivr,2,1");
            voicemailBranch(c);
        }
    }

    static boolean truthy(String v) {
        return v != null && !v.isEmpty() && !"0".equals(v);
    }

    private void queueBranch(SimChannel c) {
        sim.app(c, "inbound-ivr", "1", 1, "NoOp", "IVR choice 1 -> repair queue");
        sim.app(c, "inbound-ivr", "1", 2, "AGI", agiUrl("ivr?choice=1"));
        agi.run(c, "ivr?choice=1");
        sim.app(c, "inbound-ivr", "1", 3, "Set", "CDR(userfield)=ivr-repair");
        c.userField = "ivr-repair";
        String file = "/var/spool/asterisk/monitor/" + FILE_TIME.format(Instant.now()) + "-" + c.uniqueid + ".wav";
        sim.app(c, "inbound-ivr", "1", 4, "Set", "MIXFILE=" + file);
        sim.varSet(c, "MIXFILE", file);
        sim.app(c, "inbound-ivr", "1", 5, "MixMonitor", file + ",b");
        startMixMonitor(c, file);
        String qname = sim.queues.containsKey("repair") ? "repair" : sim.queues.keySet().iterator().next();
        sim.app(c, "inbound-ivr", "1", 6, "Queue", qname + ",tc,,,120," + agiUrl("agent-connect"));
        String status = queue(c, sim.queues.get(qname), agiUrl("agent-connect"));
        sim.app(c, "inbound-ivr", "1", 7, "NoOp", "Queue returned QUEUESTATUS=" + status + " DIALSTATUS="
                + c.vars.getOrDefault("DIALSTATUS", ""));
        if ("CONTINUE".equals(status)) {
            sim.app(c, "inbound-ivr", "1", 8, "Goto", "survey,s,1");
            survey(c);
        } else {
            sim.app(c, "inbound-ivr", "1", 8, "Hangup", "");
            hangupApp(c);
        }
    }

    void startMixMonitor(SimChannel c, String file) {
        sim.varSet(c, "MIXMONITOR_FILENAME", file);
        SimChannel peer = c.bridge == null ? null : c.bridge.peerOf(c);
        if (peer != null) {
            // the audiohook makes the bridge re-evaluate its technology and re-announce the peers (fixture i)
            bridgePeerVars(c, peer);
        }
        c.mixMonitor = true;
        c.mixMonitorFile = file;
        c.mixMonitorStartedAt = Instant.now();
        sim.emitChannelEvent("MixMonitorStart", "call", c);
    }

    /** MixMonitor ends (StopMixMonitor or hang-up): the stand-in recording file is written, as Asterisk closes its */
    void finishMixMonitor(SimChannel c) {
        if (c.mixMonitorFile == null) {
            return;
        }
        String file = c.mixMonitorFile;
        c.mixMonitorFile = null;
        SimRecordings.write(sim.config.recordingDir(), file, Duration.between(c.mixMonitorStartedAt, Instant.now()));
    }

    /** key 2: leave a message (not in the fixtures; Record as the reference dialplan describes) */
    private void voicemailBranch(SimChannel c) {
        sim.app(c, "inbound-ivr", "2", 1, "NoOp", "IVR choice 2 -> leave a message");
        sim.app(c, "inbound-ivr", "2", 2, "Set", "CDR(userfield)=ivr-message");
        c.userField = "ivr-message";
        String file = "/var/spool/asterisk/monitor/message-" + c.uniqueid;
        sim.app(c, "inbound-ivr", "2", 3, "Record", file + ".wav,3,60,k");
        String status;
        Instant recordFrom = Instant.now();
        try {
            Character d = waitDigit(c, Duration.ofSeconds(60), "Record");
            status = d == null ? "TIMEOUT" : "DTMF";
        } catch (Hungup h) {
            // Record keeps what was said before the caller hung up (the usual way to end a message)
            SimRecordings.write(sim.config.recordingDir(), file + ".wav", Duration.between(recordFrom, Instant.now()));
            sim.varSet(c, "RECORDED_FILE", file);
            sim.varSet(c, "RECORD_STATUS", "HANGUP");
            throw h;
        }
        SimRecordings.write(sim.config.recordingDir(), file + ".wav", Duration.between(recordFrom, Instant.now()));
        sim.varSet(c, "RECORDED_FILE", file);
        sim.varSet(c, "RECORD_STATUS", status);
        sim.app(c, "inbound-ivr", "2", 4, "Hangup", "");
        hangupApp(c);
    }

    private void survey(SimChannel c) {
        sim.app(c, "survey", "s", 1, "NoOp", "Post-call survey for " + c.cidNum);
        sim.app(c, "survey", "s", 2, "Read", "SURVEY_Q1,custom/survey,1,,1,6");
        // observed on the reference system: the first Read attempt fails while the bridge is torn down
        sim.varSet(c, "READSTATUS", "ERROR");
        Character q1 = waitDigit(c, Duration.ofSeconds(6), "Read");
        sim.varSet(c, "SURVEY_Q1", q1 == null ? "" : String.valueOf(q1));
        sim.varSet(c, "READSTATUS", q1 == null ? "TIMEOUT" : "OK");
        String v1 = q1 == null ? "" : String.valueOf(q1);
        sim.app(c, "survey", "s", 3, "NoOp", "Q1=" + v1 + " READSTATUS=" + c.vars.get("READSTATUS"));
        sim.app(c, "survey", "s", 4, "AGI", agiUrl("survey?q1=" + v1));
        agi.run(c, "survey?q1=" + v1);
        sim.app(c, "survey", "s", 5, "NoOp", "Survey result Q2=" + c.vars.getOrDefault("SURVEY_Q2", ""));
        sim.app(c, "survey", "s", 6, "Hangup", "");
        hangupApp(c);
    }

    /** Hangup() application or an AGI HANGUP that the dialplan acts on */
    void hangupApp(SimChannel c) {
        softHangup(c, 16);
        closeCdr(c, c.cdrDst, c.cdrAnswer != null ? "ANSWERED" : "NO ANSWER");
        emitCdrs(c);
        hangupEvent(c, 16, causeText(16), null);
        sim.refreshDevice(c.endpoint);
    }

    /** the caller is gone: the h extension of inbound-ivr, then the channel and a leftover agent leg die */
    void hExtension(SimChannel c) {
        AmiMessage m = sim.ev("SoftHangupRequest", "call");
        c.appendTo(m, "");
        sim.emit(m.add("Cause", 16));
        if ("inbound-ivr".equals(c.context) || "from-trunk".equals(c.context)) {
            sim.app(c, "inbound-ivr", "h", 1, "NoOp", "Caller hung up in IVR/queue");
            c.priority = 2;
        }
        SimChannel agent = c.pendingPeer;
        SimBridge bridge = agent == null ? null : agent.bridge;
        if (bridge != null) {
            bridgeLeave(bridge, agent);
            destroyBridge(bridge);
        }
        int cause = c.hangupCause;
        hangupEvent(c, cause, causeText(cause), null);
        closeCdr(c, c.cdrDst, c.cdrAnswer != null ? "ANSWERED" : "NO ANSWER");
        emitCdrs(c);
        sim.refreshDevice(c.endpoint);
        if (agent != null) {
            hangupEvent(agent, 16, causeText(16), null);
            sim.refreshDevice(agent.endpoint);
            sim.refreshMembers("PJSIP/" + agent.endpoint);
            c.pendingPeer = null;
        }
    }

    // ------------------------------------------------------------------ bridges

    SimBridge createBridge() {
        SimBridge b = new SimBridge();
        sim.bridges.put(b.id, b);
        AmiMessage m = sim.ev("BridgeCreate", "call");
        b.appendTo(m);
        sim.emit(m);
        return b;
    }

    void bridgeEnter(SimBridge b, SimChannel c) {
        b.members.add(c);
        c.bridge = b;
        c.activity = "Bridged";
        AmiMessage m = sim.ev("BridgeEnter", "call");
        b.appendTo(m);
        c.appendTo(m, "");
        sim.emit(m);
    }

    void bridgeLeave(SimBridge b, SimChannel c) {
        if (!b.members.remove(c)) {
            return;
        }
        c.bridge = null;
        if ("Bridged".equals(c.activity)) {
            c.activity = "";
        }
        AmiMessage m = sim.ev("BridgeLeave", "call");
        b.appendTo(m);
        c.appendTo(m, "");
        sim.emit(m);
    }

    void destroyBridge(SimBridge b) {
        if (sim.bridges.remove(b.id) == null) {
            return;
        }
        AmiMessage m = sim.ev("BridgeDestroy", "call");
        b.appendTo(m);
        sim.emit(m);
    }

    void bridgePeerVars(SimChannel a, SimChannel b) {
        sim.varSet(a, "BRIDGEPEER", b.name);
        sim.varSet(a, "BRIDGEPVTCALLID", pvtCallId(a));
        sim.varSet(b, "BRIDGEPEER", a.name);
        sim.varSet(b, "BRIDGEPVTCALLID", pvtCallId(b));
    }

    private static String pvtCallId(SimChannel c) {
        return java.util.UUID.nameUUIDFromBytes(c.uniqueid.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    void clearBridgePeerVars(SimChannel a, SimChannel b) {
        sim.varSet(a, "BRIDGEPEER", "");
        sim.varSet(a, "BRIDGEPVTCALLID", "");
        sim.varSet(b, "BRIDGEPEER", "");
        sim.varSet(b, "BRIDGEPVTCALLID", "");
    }

    // ------------------------------------------------------------------ app_queue

    private void queueVars(SimChannel c, SimQueue q) {
        for (String[] kv : q.queueVars()) {
            sim.varSet(c, kv[0], kv[1]);
        }
    }

    void agentEvent(String name, SimChannel caller, SimChannel destView, SimQueue q, SimQueue.Member m,
                            Object... extra) {
        AmiMessage e = sim.ev(name, "agent");
        caller.appendTo(e, "");
        destView.appendTo(e, "Dest");
        e.add("Queue", q.cfg.name()).add("Interface", m.iface).add("MemberName", m.name);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            e.add(String.valueOf(extra[i]), extra[i + 1]);
        }
        sim.emit(e);
    }

    void dialEvent(String name, SimChannel caller, SimChannel dest, String key, String value) {
        AmiMessage e = sim.ev(name, "call");
        if (caller != null) {
            caller.appendTo(e, "");
        }
        dest.appendTo(e, "Dest");
        sim.emit(e.add(key, value));
    }

    private int availableMembers(SimQueue q) {
        int n = 0;
        for (SimQueue.Member m : q.members.values()) {
            if (sim.memberAvailable(q, m)) {
                n++;
            }
        }
        return n;
    }

    SimQueue.Member pickMember(SimQueue q) {
        List<SimQueue.Member> all = List.copyOf(q.members.values());
        if (all.isEmpty()) {
            return null;
        }
        int start = 0;
        if ("rrmemory".equals(q.cfg.strategy()) && q.lastRung != null) {
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).iface.equals(q.lastRung)) {
                    start = i + 1;
                }
            }
        }
        SimQueue.Member best = null;
        for (int k = 0; k < all.size(); k++) {
            SimQueue.Member m = all.get((start + k) % all.size());
            if (sim.memberAvailable(q, m) && (best == null || m.penalty < best.penalty)) {
                best = m;
            }
        }
        return best;
    }

    /** Queue(name,tc,,,120,agi) for the caller; returns QUEUESTATUS. Hungup propagates after abandon events. */
    String queue(SimChannel c, SimQueue q, String connectAgi) {
        for (String v : new String[] {"ANSWEREDTIME", "ANSWEREDTIME_MS", "DIALEDTIME", "DIALEDTIME_MS", "QUEUEWAIT",
                "QUEUEWAIT_MS"}) {
            sim.varSet(c, v, "");
        }
        Instant queueStart = Instant.now();
        SimQueue.Entry entry = new SimQueue.Entry(c, q.callers.size() + 1);
        // QUEUE_PRIO (the supervisor's 优先 sets it) puts the caller ahead of lower priorities
        String prio = c.vars.get("QUEUE_PRIO");
        entry.prio = prio != null && prio.matches("\\d{1,4}") ? Integer.parseInt(prio) : 0;
        q.add(entry);
        sim.setDeviceState("Queue:" + q.cfg.name(), "RINGING");
        AmiMessage join = sim.ev("QueueCallerJoin", "agent");
        c.appendTo(join, "");
        sim.emit(join.add("Queue", q.cfg.name()).add("Position", q.position(c)).add("Count", q.callers.size()));
        c.activity = "Queue";
        AmiMessage moh = sim.ev("MusicOnHoldStart", "call");
        c.appendTo(moh, "");
        sim.emit(moh.add("Class", "default"));
        Instant deadline = entry.joined.plusSeconds(q.cfg.maxWaitSeconds());
        try {
            while (true) {
                SimQueue.Member m = waitForMember(c, q, entry, deadline);
                if (m == null) {
                    return leaveQueue(c, q, entry, "TIMEOUT", queueStart);
                }
                String r = ring(c, q, m, entry, queueStart, connectAgi);
                if (r != null) {
                    return r;
                }
                pause(c, q.cfg.retry());
            }
        } catch (Hungup | Redirected h) {
            // an async goto out of Queue() is a soft hangup to app_queue: it is recorded as abandoned too
            if (q.callers.contains(entry)) {
                abandon(c, q, entry, queueStart);
            }
            throw h;
        }
    }

    private SimQueue.Member waitForMember(SimChannel c, SimQueue q, SimQueue.Entry entry, Instant deadline) {
        SimQueue.Member[] found = new SimQueue.Member[1];
        boolean ok = waitUntil(c, () -> q.ourTurn(entry, availableMembers(q)) && (found[0] = pickMember(q)) != null,
                Duration.between(Instant.now(), deadline).isNegative() ? Duration.ZERO
                        : Duration.between(Instant.now(), deadline));
        return ok ? found[0] : null;
    }

    private String leaveQueue(SimChannel c, SimQueue q, SimQueue.Entry entry, String status, Instant queueStart) {
        AmiMessage mohStop = sim.ev("MusicOnHoldStop", "call");
        c.appendTo(mohStop, "");
        sim.emit(mohStop);
        q.callers.remove(entry);
        if (q.callers.isEmpty()) {
            sim.setDeviceState("Queue:" + q.cfg.name(), "NOT_INUSE");
        }
        AmiMessage leave = sim.ev("QueueCallerLeave", "agent");
        c.appendTo(leave, "");
        sim.emit(leave.add("Queue", q.cfg.name()).add("Position", entry.originalPosition).add("Count",
                q.callers.size()));
        sim.varSet(c, "QUEUESTATUS", status);
        c.activity = "";
        return status;
    }

    private void abandon(SimChannel c, SimQueue q, SimQueue.Entry entry, Instant queueStart) {
        AmiMessage mohStop = sim.ev("MusicOnHoldStop", "call");
        c.appendTo(mohStop, "");
        sim.emit(mohStop);
        long waitMs = Duration.between(entry.joined, Instant.now()).toMillis();
        long dialedMs = Duration.between(c.createdAt, Instant.now()).toMillis();
        sim.varSet(c, "QUEUEWAIT", String.valueOf(waitMs / 1000));
        sim.varSet(c, "QUEUEWAIT_MS", String.valueOf(waitMs));
        sim.varSet(c, "DIALEDTIME", String.valueOf(dialedMs / 1000));
        sim.varSet(c, "DIALEDTIME_MS", String.valueOf(dialedMs));
        sim.varSet(c, "ANSWEREDTIME", "0");
        sim.varSet(c, "ANSWEREDTIME_MS", "0");
        sim.varSet(c, "ABANDONED", "TRUE");
        queueVars(c, q);
        int pos = q.position(c);
        AmiMessage ab = sim.ev("QueueCallerAbandon", "agent");
        c.appendTo(ab, "");
        sim.emit(ab.add("Queue", q.cfg.name()).add("Position", pos).add("OriginalPosition", entry.originalPosition)
                .add("HoldTime", waitMs / 1000));
        q.abandoned++;
        queueVars(c, q);
        q.callers.remove(entry);
        if (q.callers.isEmpty()) {
            sim.setDeviceState("Queue:" + q.cfg.name(), "NOT_INUSE");
        }
        AmiMessage leave = sim.ev("QueueCallerLeave", "agent");
        c.appendTo(leave, "");
        sim.emit(leave.add("Queue", q.cfg.name()).add("Position", pos).add("Count", q.callers.size()));
        sim.varSet(c, "QUEUEPOSITION", String.valueOf(pos));
        c.activity = "";
    }

    /** rings one member; null = not answered (retry), otherwise the QUEUESTATUS to continue with */
    private String ring(SimChannel c, SimQueue q, SimQueue.Member m, SimQueue.Entry entry, Instant queueStart,
                        String connectAgi) {
        entry.ringing = true;
        try {
            return ringMember(c, q, m, entry, queueStart, connectAgi);
        } finally {
            entry.ringing = false;
        }
    }

    private String ringMember(SimChannel c, SimQueue q, SimQueue.Member m, SimQueue.Entry entry, Instant queueStart,
                              String connectAgi) {
        q.lastRung = m.iface;
        String ext = m.iface.substring(m.iface.indexOf('/') + 1);
        SimPhone phone = sim.phones.get(ext);
        SimChannel a = sim.newChannel(ext, SimChannel.DOWN, ext, phone == null ? ext : phone.callerIdName, "agents",
                "s", null);
        a.linkedid = c.linkedid;
        sim.emitChannelEvent("Newchannel", "call", a);
        sim.varSet(a, "DIALEDPEERNUMBER", ext);
        SimChannel calledView = a.snapshot();
        calledView.exten = c.exten;
        calledView.connNum = c.cidNum;
        calledView.connName = c.cidName;
        agentEvent("AgentCalled", c, calledView, q, m);
        dialEvent("DialBegin", c, a, "DialString", m.iface);
        c.connNum = a.cidNum;
        c.connName = a.cidName;
        sim.emitChannelEvent("NewConnectedLine", "call", c);
        a.state = SimChannel.RINGING;
        a.exten = c.exten;
        a.connNum = c.cidNum;
        a.connName = c.cidName;
        sim.emitChannelEvent("Newstate", "call", a);
        sim.app(a, "agents", c.exten, 1, "AppQueue", "(Outgoing Line)");
        sim.emitChannelEvent("NewConnectedLine", "call", a);
        sim.refreshDevice(ext);
        sim.refreshMembers(m.iface);
        sim.refreshAvail(q);
        dialEvent("DialState", c, a, "DialStatus", "RINGING");
        a.activity = "Ringing";
        c.cdrDst = a.name;
        Instant ringStart = Instant.now();
        long autoMs = phone == null ? -1 : phone.autoAnswerMs;
        boolean never = phone != null && phone.neverAnswer;
        sim.changed.signalAll();
        boolean answered;
        try {
            answered = waitUntil(c, () -> a.rejectRequested || a.hangupRequested
                    || (!never && (a.answerRequested || (autoMs >= 0
                    && Duration.between(ringStart, Instant.now()).toMillis() >= autoMs))), q.cfg.timeout());
            answered &= !a.rejectRequested && !a.hangupRequested;
        } catch (Hungup | Redirected h) {
            // caller gave up (or was redirected, e.g. picked up) while the agent rang: cancel the agent leg, then
            // the abandon follows
            dialEvent("DialEnd", c, a, "DialStatus", "CANCEL");
            hangupEvent(a, 0, causeText(0), null);
            sim.refreshDevice(ext);
            sim.refreshMembers(m.iface);
            sim.refreshAvail(q);
            c.cdrDst = null;
            throw h;
        }
        long ringSec = Duration.between(ringStart, Instant.now()).toSeconds();
        if (!answered) {
            boolean busy = a.rejectRequested;
            agentEvent("AgentRingNoAnswer", c, a, q, m, "RingTime", ringSec);
            dialEvent("DialEnd", c, a, "DialStatus", busy ? "BUSY" : "NOANSWER");
            if (!busy) {
                dialEvent("DialEnd", c, a, "DialStatus", "CANCEL");
            }
            hangupEvent(a, busy ? 17 : 0, causeText(busy ? 17 : 0), null);
            sim.refreshDevice(ext);
            sim.refreshMembers(m.iface);
            sim.refreshAvail(q);
            closeCdr(c, a.name, busy ? "BUSY" : "NO ANSWER");
            return null;
        }
        // answered
        answer(a);
        dialEvent("DialEnd", c, a, "DialStatus", "ANSWER");
        AmiMessage mohStop = sim.ev("MusicOnHoldStop", "call");
        c.appendTo(mohStop, "");
        sim.emit(mohStop);
        long holdSec = Duration.between(entry.joined, Instant.now()).toSeconds();
        for (SimChannel t : new SimChannel[] {c, a}) {
            sim.varSet(t, "MEMBERINTERFACE", m.iface);
            sim.varSet(t, "MEMBERNAME", m.name);
            sim.varSet(t, "MEMBERCALLS", String.valueOf(m.callsTaken));
            sim.varSet(t, "MEMBERLASTCALL", String.valueOf(m.lastCall));
            sim.varSet(t, "MEMBERPENALTY", String.valueOf(m.penalty));
            sim.varSet(t, "MEMBERDYNAMIC", "1");
            sim.varSet(t, "MEMBERREALTIME", "0");
        }
        for (SimChannel t : new SimChannel[] {c, a}) {
            sim.varSet(t, "QEHOLDTIME", String.valueOf(holdSec));
            sim.varSet(t, "QEORIGINALPOS", String.valueOf(entry.originalPosition));
        }
        queueVars(c, q);
        queueVars(a, q);
        int pos = q.position(c);
        q.callers.remove(entry);
        if (q.callers.isEmpty()) {
            sim.setDeviceState("Queue:" + q.cfg.name(), "NOT_INUSE");
        }
        AmiMessage leave = sim.ev("QueueCallerLeave", "agent");
        c.appendTo(leave, "");
        sim.emit(leave.add("Queue", q.cfg.name()).add("Position", pos).add("Count", q.callers.size()));
        sim.varSet(c, "QUEUEPOSITION", String.valueOf(pos));
        m.inCall = true;
        sim.refreshMembers(m.iface);
        c.activity = "AgentConnect";
        if (connectAgi != null) {
            agi.run(c, connectAgi.substring(connectAgi.lastIndexOf('/') + 1));
        }
        long waitMs = Duration.between(entry.joined, Instant.now()).toMillis();
        sim.varSet(c, "QUEUEWAIT", String.valueOf(waitMs / 1000));
        sim.varSet(c, "QUEUEWAIT_MS", String.valueOf(waitMs));
        agentEvent("AgentConnect", c, a, q, m, "HoldTime", holdSec, "RingTime", ringSec);
        CtiFlows.QueueLink link = new CtiFlows.QueueLink(q, m, c, a, holdSec);
        c.queueLink = link;
        a.queueLink = link;
        SimBridge b = createBridge();
        bridgeEnter(b, a);
        bridgeEnter(b, c);
        bridgePeerVars(a, c);
        Instant talkStart = Instant.now();
        a.activity = "Bridged";
        c.activity = "Bridged";
        // talk until one side leaves
        waitUntilEither(c, a);
        if (CtiFlows.takenOver(c, a)) {
            // call control (hold, transfer …) moved a leg: CTI-mode drivers own both legs from here
            sim.cti.handOver(c, a);
            throw new CtiFlows.Moved();
        }
        link.completed = true;
        long talkSec = Duration.between(talkStart, Instant.now()).toSeconds();
        boolean callerLeft = c.hangupRequested;
        agentEvent("AgentComplete", c, a, q, m, "HoldTime", holdSec, "TalkTime", talkSec, "Reason",
                callerLeft ? "caller" : "agent");
        q.completed++;
        q.talkTimeTotal += talkSec;
        q.holdTimeTotal += holdSec;
        if (holdSec <= q.cfg.serviceLevel()) {
            q.completedInSl++;
        }
        m.callsTaken++;
        m.lastCall = Instant.now().getEpochSecond();
        m.lastCallEndMs = System.currentTimeMillis();
        m.inCall = false;
        clearBridgePeerVars(c, a);
        long answeredMs = Duration.between(talkStart, Instant.now()).toMillis();
        long dialedMs = Duration.between(c.createdAt, Instant.now()).toMillis();
        if (callerLeft) {
            bridgeLeave(b, c);
            queueVars(c, q);
            setTimes(c, answeredMs, dialedMs);
            queueVars(c, q);
            sim.varSet(c, "QUEUESTATUS", "CONTINUE");
            // the CDR closes with the h extension (one Cdr with DestinationChannel = agent, fixture c)
            c.pendingPeer = a;
            throw new Hungup();
        }
        bridgeLeave(b, a);
        bridgeLeave(b, c);
        queueVars(c, q);
        setTimes(c, answeredMs, dialedMs);
        queueVars(c, q);
        sim.varSet(c, "QUEUESTATUS", "CONTINUE");
        closeCdr(c, a.name, "ANSWERED");
        destroyBridge(b);
        hangupEvent(a, 16, causeText(16), null);
        sim.refreshDevice(ext);
        sim.refreshMembers(m.iface);
        c.activity = "";
        return "CONTINUE";
    }

    private void setTimes(SimChannel c, long answeredMs, long dialedMs) {
        sim.varSet(c, "ANSWEREDTIME", String.valueOf(answeredMs / 1000));
        sim.varSet(c, "ANSWEREDTIME_MS", String.valueOf(answeredMs));
        sim.varSet(c, "DIALEDTIME", String.valueOf(dialedMs / 1000));
        sim.varSet(c, "DIALEDTIME_MS", String.valueOf(dialedMs));
    }

    /** blocks until caller or agent hung up (the caller's hangup does not throw here) */
    private void waitUntilEither(SimChannel c, SimChannel a) {
        try {
            while (!a.hangupRequested && !c.hangupRequested && !CtiFlows.takenOver(c, a)) {
                if (c.generation != sim.generation) {
                    throw new Gone("restarted");
                }
                sim.changed.awaitNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
        } catch (InterruptedException e) {
            throw new Gone("interrupted");
        }
    }

    // ------------------------------------------------------------------ originate (click-to-dial)

    /** Originate of a PJSIP phone into a dialplan context; result is reported through the callback */
    interface OriginateResult {
        void done(boolean success, int reason, SimChannel channel);
    }

    void originate(String ext, String context, String exten, String cidName, String cidNum, long timeoutMs,
                   String channelId, List<String[]> variables, String application, String data,
                   OriginateResult result) {
        SimPhone phone = sim.phones.get(ext);
        SimChannel a = sim.newChannel(ext, SimChannel.DOWN, ext, phone.callerIdName, "agents", "s", channelId);
        sim.emitChannelEvent("Newchannel", "call", a);
        sim.app(a, "agents", "s", 1, "AppDial2", "(Outgoing Line)");
        for (int i = variables.size() - 1; i >= 0; i--) {
            sim.varSet(a, variables.get(i)[0], variables.get(i)[1]);
        }
        if (cidName != null || cidNum != null) {
            if (cidName != null) {
                a.cidName = cidName;
            }
            if (cidNum != null) {
                a.cidNum = cidNum;
            }
            AmiMessage m = sim.ev("NewCallerid", "call");
            a.appendTo(m, "");
            sim.emit(m.add("CID-CallingPres", "0 (Presentation Allowed, Not Screened)"));
        }
        a.connNum = a.cidNum;
        a.connName = a.cidName;
        sim.emitChannelEvent("NewConnectedLine", "call", a);
        dialEvent("DialBegin", null, a, "DialString", ext);
        boolean reachable = phone.registered;
        if (!reachable) {
            hangupEvent(a, 20, "Subscriber absent", null);
            closeCdr(a, "", "FAILED");
            emitCdrs(a);
            result.done(false, 0, a);
            return;
        }
        dialEvent("DialState", null, a, "DialStatus", "RINGING");
        a.state = SimChannel.RINGING;
        sim.emitChannelEvent("Newstate", "call", a);
        sim.refreshDevice(ext);
        a.activity = "Ringing";
        Instant ringStart = Instant.now();
        long autoMs = phone.autoAnswerMs;
        boolean never = phone.neverAnswer;
        sim.changed.signalAll();
        boolean answered;
        try {
            answered = waitUntil(a, () -> a.rejectRequested || (!never && (a.answerRequested
                    || (autoMs >= 0 && Duration.between(ringStart, Instant.now()).toMillis() >= autoMs))),
                    Duration.ofMillis(timeoutMs)) && !a.rejectRequested;
        } catch (Hungup h) {
            answered = false;
        }
        if (!answered) {
            boolean busy = a.rejectRequested;
            result.done(false, busy ? 5 : 3, a);
            hangupEvent(a, busy ? 17 : 19, causeText(busy ? 17 : 19), busy ? 486 : 480);
            closeCdr(a, "", busy ? "BUSY" : "NO ANSWER");
            emitCdrs(a);
            sim.refreshDevice(ext);
            return;
        }
        a.state = SimChannel.UP;
        a.answeredAt = Instant.now();
        a.cdrAnswer = a.answeredAt;
        sim.emitChannelEvent("Newstate", "call", a);
        dialEvent("DialEnd", null, a, "DialStatus", "ANSWER");
        result.done(true, 4, a);
        try {
            if (application != null && !application.isEmpty()) {
                sim.app(a, "agents", "s", 1, application, data == null ? "" : data);
                sim.refreshDevice(ext);
                waitUntil(a, () -> false, Duration.ofDays(1));
            } else if (SupervisorFlows.SPY_CONTEXT.equals(context)) {
                sim.cti.supervisor.spy(a, exten); // supervisor's listen / whisper / barge
            } else {
                clickToDial(a, context, exten);
            }
        } catch (Hungup h) {
            softHangup(a, 16);
            hangupEvent(a, a.hangupCause == 0 ? 16 : a.hangupCause, causeText(16), null);
            closeCdr(a, a.cdrDst, "ANSWERED");
            emitCdrs(a);
            sim.refreshDevice(ext);
        }
    }

    /** click-to-dial,N: Set(CALLERID(num)=DID), Dial(PJSIP/N@trunk,30) */
    private void clickToDial(SimChannel a, String context, String exten) {
        sim.app(a, context, exten, 1, "NoOp",
                "Click-to-dial from \"" + a.cidName + "\" <" + a.cidNum + "> to " + exten);
        sim.app(a, context, exten, 2, "Set", "CALLERID(num)=" + sim.config.did());
        a.cidNum = sim.config.did();
        AmiMessage cid = sim.ev("NewCallerid", "call");
        a.appendTo(cid, "");
        sim.emit(cid.add("CID-CallingPres", "0 (Presentation Allowed, Not Screened)"));
        String trunk = sim.config.trunk();
        sim.app(a, context, exten, 3, "Dial", "PJSIP/" + exten + "@" + trunk + ",30");
        sim.refreshDevice(a.endpoint);
        for (String v : new String[] {"DIALSTATUS", "DIALEDPEERNUMBER", "DIALEDPEERNAME", "ANSWEREDTIME",
                "ANSWEREDTIME_MS", "DIALEDTIME", "DIALEDTIME_MS", "RINGTIME", "RINGTIME_MS", "PROGRESSTIME",
                "PROGRESSTIME_MS"}) {
            sim.varSet(a, v, "");
        }
        Instant dialStart = Instant.now();
        SimChannel t = sim.newChannel(trunk, SimChannel.DOWN, "<unknown>", "<unknown>", "from-trunk", "s", null);
        t.linkedid = a.linkedid;
        t.outboundLeg = true;
        t.dialedNumber = exten;
        sim.emitChannelEvent("Newchannel", "call", t);
        sim.varSet(t, "DIALEDPEERNUMBER", exten + "@" + trunk);
        t.cidNum = exten;
        t.cidName = a.cidName;
        t.connNum = a.cidNum;
        t.connName = a.cidName;
        sim.app(t, "from-trunk", exten, 1, "AppDial", "(Outgoing Line)");
        AmiMessage tcid = sim.ev("NewCallerid", "call");
        t.appendTo(tcid, "");
        sim.emit(tcid.add("CID-CallingPres", "0 (Presentation Allowed, Not Screened)"));
        sim.emitChannelEvent("NewConnectedLine", "call", t);
        dialEvent("DialBegin", a, t, "DialString", exten + "@" + trunk);
        a.connNum = exten;
        a.connName = a.cidName;
        sim.emitChannelEvent("NewConnectedLine", "call", a);
        t.state = SimChannel.RINGING;
        sim.emitChannelEvent("Newstate", "call", t);
        sim.varSet(a, "RINGTIME", "0");
        sim.varSet(a, "RINGTIME_MS", String.valueOf(Math.max(1, Duration.between(dialStart, Instant.now())
                .toMillis())));
        sim.refreshDevice(trunk);
        dialEvent("DialState", a, t, "DialStatus", "RINGING");
        t.activity = "Ringing";
        a.cdrDst = t.name;
        boolean answered;
        try {
            answered = waitUntil(a, () -> t.answerRequested || t.rejectRequested || t.hangupRequested,
                    Duration.ofSeconds(30)) && t.answerRequested;
        } catch (Hungup h) {
            dialEvent("DialEnd", a, t, "DialStatus", "CANCEL");
            hangupEvent(t, 16, causeText(16), null);
            sim.refreshDevice(trunk);
            throw h;
        }
        if (!answered) {
            String st = t.rejectRequested ? "BUSY" : "NOANSWER";
            dialEvent("DialEnd", a, t, "DialStatus", st);
            hangupEvent(t, t.rejectRequested ? 17 : 16, causeText(t.rejectRequested ? 17 : 16), null);
            sim.refreshDevice(trunk);
            sim.varSet(a, "DIALSTATUS", st);
            hangupApp(a);
            return;
        }
        t.state = SimChannel.UP;
        t.answeredAt = Instant.now();
        sim.emitChannelEvent("Newstate", "call", t);
        sim.varSet(a, "DIALSTATUS", "ANSWER");
        sim.varSet(a, "DIALEDPEERNAME", t.name);
        sim.varSet(a, "DIALEDPEERNUMBER", exten + "@" + trunk);
        SimChannel tv = t.snapshot();
        tv.exten = "";
        dialEvent("DialEnd", a, tv, "DialStatus", "ANSWER");
        t.exten = "";
        SimBridge b = createBridge();
        sim.app(t, "from-trunk", "", 1, "AppDial", "(Outgoing Line)");
        bridgeEnter(b, t);
        sim.refreshDevice(trunk);
        bridgeEnter(b, a);
        // the bridge switches simple_bridge → native_rtp and re-announces the peers (three times in fixture f)
        for (int i = 0; i < 3; i++) {
            bridgePeerVars(a, t);
        }
        b.technology = "native_rtp";
        Instant talkStart = Instant.now();
        waitUntilEither(a, t);
        if (CtiFlows.takenOver(a, t)) {
            sim.cti.handOver(a, t);
            throw new CtiFlows.Moved();
        }
        long answeredMs = Duration.between(talkStart, Instant.now()).toMillis();
        long dialedMs = Duration.between(dialStart, Instant.now()).toMillis();
        boolean remoteLeft = t.hangupRequested;
        clearBridgePeerVars(t, a);
        if (remoteLeft) {
            bridgeLeave(b, t);
            bridgeLeave(b, a);
        } else {
            bridgeLeave(b, a);
            bridgeLeave(b, t);
        }
        sim.varSet(a, "ANSWEREDTIME", String.valueOf(answeredMs / 1000));
        sim.varSet(a, "ANSWEREDTIME_MS", String.valueOf(answeredMs));
        sim.varSet(a, "DIALEDTIME", String.valueOf(dialedMs / 1000));
        sim.varSet(a, "DIALEDTIME_MS", String.valueOf(dialedMs));
        sim.varSet(a, "DIALSTATUS", "ANSWER");
        softHangup(a, 16);
        hangupEvent(a, 16, causeText(16), null);
        destroyBridge(b);
        closeCdr(a, t.name, "ANSWERED");
        emitCdrs(a);
        sim.refreshDevice(a.endpoint);
        hangupEvent(t, 16, causeText(16), null);
        sim.refreshDevice(trunk);
    }
}
