package cn.heatdesk.callcenter.sim;

import java.time.Duration;
import java.util.Locale;

/**
 * The supervisor's dialplan contexts of the rendered bundle (AsteriskConfigRenderer):
 * <ul>
 *   <li>{@code supervisor}, reached by an Originate of the supervisor's phone with {@code Exten=listen_/whisper_/
 *   barge_<ext>}: {@code ChanSpy(PJSIP/<ext>-,qE)} / {@code qEw} / {@code qEB}, then {@code Hangup()}. ChanSpy
 *   scans quietly (q) until a channel of the phone exists, emits {@code ChanSpyStart} (Spyer… then Spyee… channel
 *   fields, as app_chanspy publishes them), and with E leaves when the spied channel hangs up ({@code ChanSpyStop}).
 *   The spy is an audiohook, not a bridge: no BridgeEnter, and the spied call is untouched. Whisper and barge
 *   differ only in the audio paths, which the simulator does not carry: the mode is visible in the AppData.</li>
 *   <li>{@code supervisor-queue}, reached by a Redirect of a waiting caller with {@code Exten=<queue>}:
 *   {@code Set(QUEUE_PRIO=10)} then the same Queue() as {@code transfer-targets}; app_queue inserts the caller
 *   ahead of every caller with a lower priority.</li>
 * </ul>
 * Modelled from Asterisk 22's app_chanspy documentation and source, not captured (no transcript has ChanSpy).
 */
final class SupervisorFlows {

    static final String SPY_CONTEXT = "supervisor";
    static final String QUEUE_CONTEXT = "supervisor-queue";

    private final AsteriskSimulator sim;
    private final CallFlows flows;

    SupervisorFlows(AsteriskSimulator sim, CallFlows flows) {
        this.sim = sim;
        this.flows = flows;
    }

    /** the options of an extension of the supervisor context, null for an unknown extension */
    static String[] spyTarget(String exten) {
        String e = exten == null ? "" : exten.toLowerCase(Locale.ROOT);
        for (String[] m : new String[][] {{"listen_", "qE"}, {"whisper_", "qEw"}, {"barge_", "qEB"}}) {
            if (e.startsWith(m[0]) && e.length() > m[0].length()) {
                return new String[] {exten.substring(m[0].length()), m[1]};
            }
        }
        return null;
    }

    /** the answered supervisor leg runs the supervisor context (lock held, the originate's thread) */
    void spy(SimChannel a, String exten) {
        String[] t = spyTarget(exten);
        if (t == null) {
            // no such extension: the PBX hangs the channel up
            flows.hangupApp(a);
            return;
        }
        String prefix = "PJSIP/" + t[0] + "-";
        sim.app(a, SPY_CONTEXT, exten, 1, "ChanSpy", prefix + "," + t[1]);
        a.activity = "ChanSpy";
        sim.refreshDevice(a.endpoint);
        sim.changed.signalAll();
        SimChannel[] spyee = new SimChannel[1];
        // q: quiet scanning until the phone has a channel to spy on
        flows.waitUntil(a, () -> (spyee[0] = target(prefix, a)) != null, Duration.ofDays(1));
        SimChannel y = spyee[0];
        sim.emit(spyEvent("ChanSpyStart", a, y));
        try {
            // E: ChanSpy returns when the spied-on channel hangs up
            flows.waitUntil(a, () -> y.destroyed || y.hangupRequested, Duration.ofDays(1));
        } finally {
            sim.emit(spyEvent("ChanSpyStop", a, y));
        }
        sim.app(a, SPY_CONTEXT, exten, 2, "Hangup", "");
        flows.hangupApp(a);
    }

    /** the channel ChanSpy picks: one whose name starts with the prefix, a bridged one first */
    private SimChannel target(String prefix, SimChannel spyer) {
        SimChannel any = null;
        for (SimChannel c : sim.channels.values()) {
            if (c == spyer || c.destroyed || c.hangupRequested || !c.name.startsWith(prefix)) {
                continue;
            }
            if (c.bridge != null) {
                return c;
            }
            if (any == null && c.state == SimChannel.UP) {
                any = c;
            }
        }
        return any;
    }

    private AmiMessage spyEvent(String name, SimChannel spyer, SimChannel spyee) {
        AmiMessage m = sim.ev(name, "call");
        spyer.appendTo(m, "Spyer");
        spyee.appendTo(m, "Spyee");
        return m;
    }

    /** a redirected waiting caller re-enters the queue with a higher QUEUE_PRIO (lock held, the caller's driver) */
    void requeue(SimChannel c, String exten) {
        SimQueue q = sim.queues.get(exten);
        if (q == null) {
            flows.hangupApp(c);
            return;
        }
        sim.app(c, QUEUE_CONTEXT, exten, 1, "Set", "QUEUE_PRIO=10");
        sim.varSet(c, "QUEUE_PRIO", "10");
        String agi = flows.agiUrl("agent-connect");
        sim.app(c, QUEUE_CONTEXT, exten, 2, "Queue", exten + ",tc,,,120," + agi);
        flows.queue(c, q, agi);
        sim.app(c, QUEUE_CONTEXT, exten, 3, "Hangup", "");
        flows.hangupApp(c);
    }
}
