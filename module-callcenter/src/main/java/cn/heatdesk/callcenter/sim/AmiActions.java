package cn.heatdesk.callcenter.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** AMI action handling with the responses (texts and field order) of Asterisk 22 as recorded in the fixtures. */
final class AmiActions {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd")
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter EVENT_TV = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneId.systemDefault());
    private static final Pattern CALLERID = Pattern.compile("^\\s*(?:\"([^\"]*)\"|([^<]*?))\\s*<([^>]*)>\\s*$");

    private final AsteriskSimulator sim;

    AmiActions(AsteriskSimulator sim) {
        this.sim = sim;
    }

    void handle(AmiSession s, AmiMessage a) {
        String action = a.get("Action");
        String id = a.get("ActionID");
        if (action == null) {
            s.send(error(id, "Missing action in request"));
            return;
        }
        String act = action.toLowerCase(Locale.ROOT);
        if ("command".equals(act) && "core restart now".equalsIgnoreCase(a.get("Command", "").trim())
                && s.authenticated) {
            // no response and no Shutdown event: the sockets just close (fixture j)
            sim.restart();
            return;
        }
        sim.lock.lock();
        try {
            if (!s.authenticated && !Set.of("login", "challenge", "logoff").contains(act)) {
                s.send(error(id, "Permission denied"));
                return;
            }
            switch (act) {
                case "login" -> login(s, a, id);
                case "challenge" -> challenge(s, a, id);
                case "logoff" -> {
                    s.send(AmiMessage.response("Goodbye", id).add("Message", "Thanks for all the fish."));
                    s.closeAfterFlush();
                }
                case "ping" -> pong(s, id);
                case "events" -> events(s, a, id);
                case "corestatus" -> coreStatus(s, id);
                case "coresettings" -> coreSettings(s, id);
                case "coreshowchannels" -> coreShowChannels(s, id);
                case "pjsipshowendpoints" -> pjsipShowEndpoints(s, id);
                case "queuestatus" -> queueStatus(s, a, id);
                case "queuesummary" -> queueSummary(s, a, id);
                case "queueadd" -> queueAdd(s, a, id);
                case "queueremove" -> queueRemove(s, a, id);
                case "queuepause" -> queuePause(s, a, id);
                case "queuepenalty" -> queuePenalty(s, a, id);
                case "originate" -> originate(s, a, id);
                case "hangup" -> hangup(s, a, id);
                case "getvar" -> getVar(s, a, id);
                case "setvar" -> setVar(s, a, id);
                case "mixmonitor" -> mixMonitor(s, a, id);
                case "stopmixmonitor" -> stopMixMonitor(s, a, id);
                case "mixmonitormute" -> mixMonitorMute(s, a, id);
                case "command" -> command(s, a, id);
                case "redirect" -> sim.cti.redirect(s, a, id);
                case "blindtransfer" -> sim.cti.blindTransfer(s, a, id);
                case "atxfer" -> sim.cti.atxfer(s, a, id);
                case "cancelatxfer" -> sim.cti.cancelAtxfer(s, a, id);
                case "bridge" -> sim.cti.bridge(s, a, id);
                case "playdtmf" -> sim.cti.playDtmf(s, a, id);
                default -> s.send(error(id, "Invalid/unknown command"));
            }
        } finally {
            sim.lock.unlock();
        }
    }

    static AmiMessage ok(String id) {
        return AmiMessage.response("Success", id);
    }

    static AmiMessage ok(String id, String message) {
        return ok(id).add("Message", message);
    }

    static AmiMessage error(String id, String message) {
        return AmiMessage.response("Error", id).add("Message", message);
    }

    // ------------------------------------------------------------------ session

    private void challenge(AmiSession s, AmiMessage a, String id) {
        if (!"md5".equalsIgnoreCase(a.get("AuthType", ""))) {
            s.send(error(id, "Must specify AuthType"));
            return;
        }
        s.challenge = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
        s.send(ok(id).add("Challenge", s.challenge));
    }

    private void pong(AmiSession s, String id) {
        AmiMessage pong = ok(id).add("Ping", "Pong").add("Timestamp", String.format(Locale.ROOT,
                "%.6f", System.currentTimeMillis() / 1000.0));
        java.time.Duration delay = sim.pongDelay();
        if (delay.isZero()) {
            s.send(pong);
        } else {
            java.util.concurrent.CompletableFuture.delayedExecutor(delay.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS).execute(() -> s.send(pong));
        }
    }

    private void login(AmiSession s, AmiMessage a, String id) {
        String user = a.get("Username", "");
        boolean good = user.equals(sim.config.username());
        if (good) {
            if ("md5".equalsIgnoreCase(a.get("AuthType", ""))) {
                good = s.challenge != null && md5(s.challenge + sim.config.secret()).equalsIgnoreCase(a.get("Key", ""));
            } else {
                good = sim.config.secret().equals(a.get("Secret"));
            }
        }
        if (!good) {
            s.send(error(id, "Authentication failed"));
            s.closeAfterFlush();
            return;
        }
        s.username = user;
        s.eventClasses = eventMask(a.get("Events"));
        s.authenticated = true;
        s.send(ok(id, "Authentication accepted"));
        if (!s.eventClasses.isEmpty()) {
            long up = Duration.between(sim.startedAt, Instant.now()).toSeconds();
            long reload = Duration.between(sim.reloadedAt, Instant.now()).toSeconds();
            s.offerEvent(AmiMessage.event("FullyBooted").add("Privilege", "system,all").add("Uptime", up)
                    .add("LastReload", reload).add("Status", "Fully Booted"), "system");
            String now = EVENT_TV.format(Instant.now());
            sim.emit(sim.ev("SuccessfulAuth", "security").add("EventTV", now).add("Severity", "Informational")
                    .add("Service", "AMI").add("EventVersion", 1).add("AccountID", user)
                    .add("SessionID", s.sessionId)
                    .add("LocalAddress", "IPV4/TCP/" + s.socket.getLocalAddress().getHostAddress() + "/"
                            + s.socket.getLocalPort())
                    .add("RemoteAddress", "IPV4/TCP/" + s.socket.getInetAddress().getHostAddress() + "/"
                            + s.socket.getPort())
                    .add("UsingPassword", 0).add("SessionTV", now));
        }
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "on"/"off"/"call,agent" as manager.c reads it; no header = every class */
    static Set<String> eventMask(String v) {
        if (v == null || v.isBlank() || "on".equalsIgnoreCase(v.trim()) || "yes".equalsIgnoreCase(v.trim())) {
            return new HashSet<>(AmiSession.ALL_CLASSES);
        }
        if ("off".equalsIgnoreCase(v.trim()) || "no".equalsIgnoreCase(v.trim())) {
            return new HashSet<>();
        }
        Set<String> out = new HashSet<>();
        for (String p : v.split(",")) {
            String c = p.trim().toLowerCase(Locale.ROOT);
            if ("all".equals(c)) {
                out.addAll(AmiSession.ALL_CLASSES);
            } else if (!c.isEmpty()) {
                out.add(c);
            }
        }
        return out;
    }

    private void events(AmiSession s, AmiMessage a, String id) {
        Set<String> mask = eventMask(a.get("EventMask", "off"));
        s.eventClasses = mask;
        s.send(ok(id).add("Events", mask.isEmpty() ? "Off" : "On"));
    }

    // ------------------------------------------------------------------ core

    private void coreStatus(AmiSession s, String id) {
        s.send(ok(id).add("CoreStartupDate", DATE.format(sim.startedAt)).add("CoreStartupTime", TIME.format(sim.startedAt))
                .add("CoreReloadDate", DATE.format(sim.reloadedAt)).add("CoreReloadTime", TIME.format(sim.reloadedAt))
                .add("CoreCurrentCalls", currentCalls()).add("CoreProcessedCalls", sim.processedCalls));
    }

    private long currentCalls() {
        return sim.channels.values().stream().map(c -> c.linkedid).distinct().count();
    }

    private void coreSettings(AmiSession s, String id) {
        s.send(ok(id).add("AMIversion", "11.0.0").add("AsteriskVersion", sim.config.asteriskVersion())
                .add("SystemName", sim.config.systemName()).add("CoreMaxCalls", 0).add("CoreMaxLoadAvg", "0.000000")
                .add("CoreRunUser", "").add("CoreRunGroup", "").add("CoreMaxFilehandles", 0)
                .add("CoreRealTimeEnabled", "No").add("CoreCDRenabled", "Yes").add("CoreHTTPenabled", "No")
                .add("SoundsSearchCustomDir", "No"));
    }

    private void coreShowChannels(AmiSession s, String id) {
        s.send(ok(id).add("EventList", "start").add("Message", "Channels will follow"));
        int n = 0;
        for (SimChannel c : sim.channels.values()) {
            AmiMessage m = AmiMessage.event("CoreShowChannel").add("ActionID", id);
            c.appendTo(m, "");
            m.add("BridgeId", c.bridge == null ? "" : c.bridge.id).add("Application", c.lastApp)
                    .add("ApplicationData", c.lastData)
                    .add("Duration", formatDuration(Duration.between(c.createdAt, Instant.now())));
            s.send(m);
            n++;
        }
        s.send(AmiMessage.event("CoreShowChannelsComplete").add("ActionID", id).add("EventList", "Complete")
                .add("ListItems", n));
    }

    /**
     * PJSIPShowEndpoints as chan_pjsip answers it: one EndpointList event per endpoint (its device state in words,
     * "Unavailable" when not registered), then EndpointListComplete. No transcript covers it; the field names and
     * order are Asterisk 22's manager documentation of the EndpointList event.
     */
    private void pjsipShowEndpoints(AmiSession s, String id) {
        s.send(ok(id).add("EventList", "start").add("Message", "A listing of Endpoints follows, presented as EndpointList events"));
        int n = 0;
        for (SimPhone p : sim.phones.values()) {
            String state = p.registered ? words(sim.deviceStates.getOrDefault("PJSIP/" + p.ext, "NOT_INUSE")) : "Unavailable";
            long active = sim.channels.values().stream().filter(c -> c.name.startsWith("PJSIP/" + p.ext + "-")).count();
            s.send(AmiMessage.event("EndpointList").add("ActionID", id).add("ObjectType", "endpoint")
                    .add("ObjectName", p.ext).add("Transport", "transport-udp").add("Aor", p.ext).add("Auths", p.ext)
                    .add("OutboundAuths", "").add("Contacts", p.registered ? p.ext + "/sip:" + p.ext + "@127.0.0.1:5060" : "")
                    .add("DeviceState", state).add("ActiveChannels", active));
            n++;
        }
        s.send(AmiMessage.event("EndpointListComplete").add("ActionID", id).add("EventList", "Complete")
                .add("ListItems", n));
    }

    /** DeviceStateChange's NOT_INUSE … as PJSIPShowEndpoints writes them */
    private static String words(String state) {
        return switch (state) {
            case "NOT_INUSE" -> "Not in use";
            case "INUSE" -> "In use";
            case "RINGING" -> "Ringing";
            case "RINGINUSE" -> "Ring+Inuse";
            case "ONHOLD" -> "On Hold";
            case "BUSY" -> "Busy";
            case "UNAVAILABLE" -> "Unavailable";
            default -> "Unknown";
        };
    }

    private static String formatDuration(Duration d) {
        long t = d.toSeconds();
        return String.format(Locale.ROOT, "%02d:%02d:%02d", t / 3600, (t / 60) % 60, t % 60);
    }

    private void command(AmiSession s, AmiMessage a, String id) {
        String cmd = a.get("Command", "").trim();
        AmiMessage r = ok(id, "Command output follows");
        switch (cmd.toLowerCase(Locale.ROOT)) {
            case "core show uptime" -> {
                r.add("Output", "System uptime: " + human(Duration.between(sim.startedAt, Instant.now())));
                r.add("Output", "Last reload: " + human(Duration.between(sim.reloadedAt, Instant.now())));
            }
            case "core show version" -> r.add("Output", "Asterisk " + sim.config.asteriskVersion()
                    + " built by heatdesk-simulator on a x86_64 running Linux");
            default -> r.add("Output", "No such command '" + cmd + "' (type 'core show help " + cmd
                    + "' for other possible commands)");
        }
        s.send(r);
    }

    private static String human(Duration d) {
        long t = d.toSeconds();
        List<String> parts = new ArrayList<>();
        long h = t / 3600;
        long m = (t / 60) % 60;
        long sec = t % 60;
        if (h > 0) {
            parts.add(h + (h == 1 ? " hour" : " hours"));
        }
        if (m > 0) {
            parts.add(m + (m == 1 ? " minute" : " minutes"));
        }
        parts.add(sec + (sec == 1 ? " second" : " seconds"));
        return String.join(", ", parts);
    }

    // ------------------------------------------------------------------ queues

    private void queueStatus(AmiSession s, AmiMessage a, String id) {
        String qf = a.get("Queue");
        String mf = a.get("Member");
        s.send(ok(id).add("EventList", "start").add("Message", "Queue status will follow"));
        int n = 0;
        for (SimQueue q : sim.queues.values()) {
            if (qf != null && !qf.isEmpty() && !qf.equals(q.cfg.name())) {
                continue;
            }
            s.send(AmiMessage.event("QueueParams").add("Queue", q.cfg.name()).add("Max", 0)
                    .add("Strategy", q.cfg.strategy()).add("Calls", q.callers.size()).add("Holdtime", q.avgHold())
                    .add("TalkTime", q.avgTalk()).add("Completed", q.completed).add("Abandoned", q.abandoned)
                    .add("ServiceLevel", q.cfg.serviceLevel()).add("ServicelevelPerf", q.slPerf())
                    .add("ServicelevelPerf2", q.slPerf()).add("Weight", 0).add("ActionID", id));
            n++;
            for (SimQueue.Member m : q.members.values()) {
                if (mf != null && !mf.isEmpty() && !mf.equals(m.iface) && !mf.equals(m.name)) {
                    continue;
                }
                AmiMessage e = AmiMessage.event("QueueMember");
                m.appendTo(e, q, false);
                s.send(e.add("ActionID", id));
                n++;
            }
            int pos = 1;
            for (SimQueue.Entry en : q.callers) {
                SimChannel c = en.caller;
                s.send(AmiMessage.event("QueueEntry").add("Queue", q.cfg.name()).add("Position", pos++)
                        .add("Channel", c.name).add("Uniqueid", c.uniqueid).add("CallerIDNum", c.cidNum)
                        .add("CallerIDName", c.cidName).add("ConnectedLineNum", strip(c.connNum))
                        .add("ConnectedLineName", strip(c.connName))
                        .add("Wait", Duration.between(en.joined, Instant.now()).toSeconds()).add("Priority", en.prio)
                        .add("ActionID", id));
                n++;
            }
        }
        s.send(AmiMessage.event("QueueStatusComplete").add("ActionID", id).add("EventList", "Complete")
                .add("ListItems", n));
    }

    /** QueueEntry prints unknown connected line without angle brackets (fixture d) */
    private static String strip(String v) {
        return "<unknown>".equals(v) ? "unknown" : v;
    }

    private void queueSummary(AmiSession s, AmiMessage a, String id) {
        String qf = a.get("Queue");
        s.send(ok(id).add("EventList", "start").add("Message", "Queue summary will follow"));
        int n = 0;
        for (SimQueue q : sim.queues.values()) {
            if (qf != null && !qf.isEmpty() && !qf.equals(q.cfg.name())) {
                continue;
            }
            long available = q.members.values().stream()
                    .filter(m -> !m.paused && "NOT_INUSE".equals(sim.deviceState(m.stateInterface))).count();
            long longest = q.callers.isEmpty() ? 0
                    : Duration.between(q.callers.get(0).joined, Instant.now()).toSeconds();
            s.send(AmiMessage.event("QueueSummary").add("Queue", q.cfg.name()).add("LoggedIn", q.members.size())
                    .add("Available", available).add("Callers", q.callers.size()).add("HoldTime", q.avgHold())
                    .add("TalkTime", q.avgTalk()).add("LongestHoldTime", longest).add("ActionID", id));
            n++;
        }
        s.send(AmiMessage.event("QueueSummaryComplete").add("ActionID", id).add("EventList", "Complete")
                .add("ListItems", n));
    }

    static boolean truthy(String v) {
        return v != null && (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes") || v.equals("1")
                || v.equalsIgnoreCase("on"));
    }

    private void memberEvent(String name, SimQueue q, SimQueue.Member m) {
        AmiMessage e = sim.ev(name, "agent");
        m.appendTo(e, q, true);
        sim.emit(e);
    }

    private void queueAdd(AmiSession s, AmiMessage a, String id) {
        String qn = a.get("Queue");
        String iface = a.get("Interface");
        if (qn == null || qn.isEmpty()) {
            s.send(error(id, "'Queue' not specified."));
            return;
        }
        if (iface == null || iface.isEmpty()) {
            s.send(error(id, "'Interface' not specified."));
            return;
        }
        SimQueue q = sim.queues.get(qn);
        if (q == null) {
            s.send(error(id, "Unable to add interface to queue: No such queue"));
            return;
        }
        if (q.members.containsKey(iface)) {
            s.send(error(id, "Unable to add interface: Already there"));
            return;
        }
        String stateIface = a.get("StateInterface", iface);
        SimQueue.Member m = new SimQueue.Member(iface, a.get("MemberName", iface), stateIface.isEmpty() ? iface
                : stateIface);
        m.penalty = parseInt(a.get("Penalty"), 0);
        m.paused = truthy(a.get("Paused"));
        if (m.paused) {
            m.pausedReason = a.get("Reason", "");
            m.lastPause = Instant.now().getEpochSecond();
        }
        m.status = AsteriskSimulator.memberStatus(sim.deviceState(m.stateInterface));
        q.members.put(iface, m);
        s.send(ok(id, "Added interface to queue"));
        sim.setDeviceState("Queue:" + qn + "_pause_" + iface, m.paused ? "INUSE" : "NOT_INUSE");
        memberEvent("QueueMemberAdded", q, m);
        sim.refreshAvail(q);
    }

    private void queueRemove(AmiSession s, AmiMessage a, String id) {
        String qn = a.get("Queue");
        String iface = a.get("Interface");
        SimQueue q = qn == null ? null : sim.queues.get(qn);
        if (q == null) {
            s.send(error(id, "Unable to remove interface from queue: No such queue"));
            return;
        }
        SimQueue.Member m = iface == null ? null : q.members.remove(iface);
        if (m == null) {
            s.send(error(id, "Unable to remove interface: Not there"));
            return;
        }
        s.send(ok(id, "Removed interface from queue"));
        memberEvent("QueueMemberRemoved", q, m);
        sim.refreshAvail(q);
    }

    private void queuePause(AmiSession s, AmiMessage a, String id) {
        String iface = a.get("Interface");
        String paused = a.get("Paused");
        if (iface == null || iface.isEmpty() || paused == null || paused.isEmpty()) {
            s.send(error(id, "Need 'Interface' and 'Paused' parameters."));
            return;
        }
        String qn = a.get("Queue");
        boolean pause = truthy(paused);
        List<SimQueue> targets = new ArrayList<>();
        for (SimQueue q : sim.queues.values()) {
            if ((qn == null || qn.isEmpty() || qn.equals(q.cfg.name())) && q.members.containsKey(iface)) {
                targets.add(q);
            }
        }
        if (targets.isEmpty()) {
            s.send(error(id, "Interface not found"));
            return;
        }
        s.send(ok(id, pause ? "Interface paused successfully" : "Interface unpaused successfully"));
        for (SimQueue q : targets) {
            SimQueue.Member m = q.members.get(iface);
            m.paused = pause;
            if (pause) {
                m.pausedReason = a.get("Reason", "");
                m.lastPause = Instant.now().getEpochSecond();
            } else {
                m.pausedReason = "";
            }
            sim.setDeviceState("Queue:" + q.cfg.name() + "_pause_" + iface, pause ? "INUSE" : "NOT_INUSE");
            sim.refreshAvail(q);
            memberEvent("QueueMemberPause", q, m);
        }
    }

    private void queuePenalty(AmiSession s, AmiMessage a, String id) {
        String iface = a.get("Interface");
        String qn = a.get("Queue");
        int penalty = parseInt(a.get("Penalty"), -1);
        List<SimQueue> targets = new ArrayList<>();
        for (SimQueue q : sim.queues.values()) {
            if ((qn == null || qn.isEmpty() || qn.equals(q.cfg.name())) && iface != null
                    && q.members.containsKey(iface)) {
                targets.add(q);
            }
        }
        if (targets.isEmpty() || penalty < 0) {
            s.send(error(id, "Invalid interface, queuename or penalty"));
            return;
        }
        s.send(ok(id, "Interface penalty set successfully"));
        for (SimQueue q : targets) {
            SimQueue.Member m = q.members.get(iface);
            m.penalty = penalty;
            memberEvent("QueueMemberPenalty", q, m);
        }
    }

    private static int parseInt(String v, int dflt) {
        try {
            return v == null || v.isBlank() ? dflt : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    // ------------------------------------------------------------------ channels

    SimChannel findChannel(String name) {
        if (name == null) {
            return null;
        }
        SimChannel c = sim.channel(name);
        if (c == null && name.length() > 2 && name.startsWith("/") && name.endsWith("/")) {
            Pattern p = Pattern.compile(name.substring(1, name.length() - 1));
            for (SimChannel x : sim.channels.values()) {
                if (p.matcher(x.name).find()) {
                    return x;
                }
            }
        }
        return c;
    }

    private void hangup(AmiSession s, AmiMessage a, String id) {
        SimChannel c = findChannel(a.get("Channel"));
        if (c == null || c.destroyed) {
            s.send(error(id, "No such channel"));
            return;
        }
        s.send(ok(id, "Channel Hungup"));
        sim.flows.softHangup(c, parseInt(a.get("Cause"), 16));
        sim.changed.signalAll();
    }

    private void getVar(AmiSession s, AmiMessage a, String id) {
        String var = a.get("Variable");
        if (var == null || var.isEmpty()) {
            s.send(error(id, "No variable specified"));
            return;
        }
        String chan = a.get("Channel");
        String value;
        if (chan != null && !chan.isEmpty()) {
            SimChannel c = findChannel(chan);
            if (c == null) {
                s.send(error(id, "No such channel"));
                return;
            }
            value = sim.flows.agi.variable(c, var);
        } else {
            value = null;
        }
        s.send(ok(id).add("Variable", var).add("Value", value == null ? "" : value));
    }

    private void setVar(AmiSession s, AmiMessage a, String id) {
        String var = a.get("Variable");
        if (var == null || var.isEmpty()) {
            s.send(error(id, "No variable specified"));
            return;
        }
        SimChannel c = findChannel(a.get("Channel"));
        if (a.get("Channel") != null && c == null) {
            s.send(error(id, "No such channel"));
            return;
        }
        s.send(ok(id, "Variable Set"));
        if (c != null) {
            sim.varSet(c, var, a.get("Value", ""));
        }
    }

    private void mixMonitor(AmiSession s, AmiMessage a, String id) {
        SimChannel c = findChannel(a.get("Channel"));
        if (c == null) {
            s.send(error(id, "No such channel"));
            return;
        }
        String file = a.get("File", "");
        if (file.isEmpty()) {
            file = "/var/spool/asterisk/monitor/" + c.uniqueid + ".wav";
        }
        s.send(ok(id));
        sim.flows.startMixMonitor(c, file);
    }

    private void stopMixMonitor(AmiSession s, AmiMessage a, String id) {
        SimChannel c = findChannel(a.get("Channel"));
        if (c == null) {
            s.send(error(id, "No such channel"));
            return;
        }
        if (!c.mixMonitor) {
            s.send(error(id, "Could not stop MixMonitor"));
            return;
        }
        c.mixMonitor = false;
        sim.flows.finishMixMonitor(c);
        s.send(ok(id));
        sim.emitChannelEvent("MixMonitorStop", "call", c);
    }

    private void mixMonitorMute(AmiSession s, AmiMessage a, String id) {
        SimChannel c = findChannel(a.get("Channel"));
        if (c == null) {
            s.send(error(id, "No such channel"));
            return;
        }
        String dir = a.get("Direction", "both");
        if (!Arrays.asList("read", "write", "both").contains(dir)) {
            s.send(error(id, "Invalid direction specified. Must be read, write or both"));
            return;
        }
        s.send(ok(id));
        AmiMessage e = sim.ev("MixMonitorMute", "call");
        c.appendTo(e, "");
        sim.emit(e.add("Direction", dir).add("State", truthy(a.get("State")) ? 1 : 0));
    }

    // ------------------------------------------------------------------ originate

    private void originate(AmiSession s, AmiMessage a, String id) {
        String channel = a.get("Channel");
        if (channel == null || channel.isEmpty()) {
            s.send(error(id, "Channel not specified"));
            return;
        }
        String context = a.get("Context", "");
        String exten = a.get("Exten", "");
        String app = a.get("Application");
        String data = a.get("Data");
        long timeout = parseInt(a.get("Timeout"), 30000);
        String cidName = null;
        String cidNum = null;
        String callerId = a.get("CallerID");
        if (callerId != null && !callerId.isEmpty()) {
            Matcher m = CALLERID.matcher(callerId);
            if (m.matches()) {
                cidName = m.group(1) != null ? m.group(1) : m.group(2).trim();
                cidNum = m.group(3);
            } else {
                cidNum = callerId.trim();
            }
        }
        List<String[]> vars = new ArrayList<>();
        for (String v : a.getAll("Variable")) {
            int i = v.indexOf('=');
            if (i > 0) {
                vars.add(new String[] {v.substring(0, i), v.substring(i + 1)});
            }
        }
        boolean async = truthy(a.get("Async"));
        String ext = channel.regionMatches(true, 0, "PJSIP/", 0, 6) ? channel.substring(6) : null;
        String channelId = a.get("ChannelId");
        String fName = cidName;
        String fNum = cidNum;
        CountDownLatch done = new CountDownLatch(1);
        boolean[] success = new boolean[1];
        CallFlows.OriginateResult result = (ok, reason, ch) -> {
            success[0] = ok;
            AmiMessage e = sim.ev("OriginateResponse", "call").add("ActionID", id)
                    .add("Response", ok ? "Success" : "Failure").add("Channel", ok ? ch.name : channel)
                    .add("Context", context).add("Exten", exten).add("Reason", reason)
                    .add("Uniqueid", ok ? ch.uniqueid : "<unknown>")
                    .add("CallerIDNum", fNum == null ? (ch == null ? "<unknown>" : ch.cidNum) : fNum)
                    .add("CallerIDName", fName == null ? (ch == null ? "<unknown>" : ch.cidName) : fName);
            sim.emit(e);
            done.countDown();
        };
        if (async) {
            s.send(ok(id, "Originate successfully queued"));
        }
        if (ext == null || !sim.phones.containsKey(ext) || ext.equals(sim.config.trunk())) {
            result.done(false, 0, null);
            if (!async) {
                s.send(error(id, "Originate failed"));
            }
            return;
        }
        sim.startCallThread("originate-" + ext, () -> {
            sim.lock.lock();
            try {
                CallFlows.GENERATION.set(sim.generation);
                sim.flows.originate(ext, context, exten, fName, fNum, timeout, channelId, vars, app, data, result);
            } finally {
                sim.lock.unlock();
            }
        });
        if (!async) {
            // synchronous Originate: the response waits for the answer (reader thread, lock released)
            sim.lock.unlock();
            try {
                done.await(timeout + 5000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                sim.lock.lock();
            }
            s.send(success[0] ? ok(id, "Originate successfully queued") : error(id, "Originate failed"));
        }
    }
}
