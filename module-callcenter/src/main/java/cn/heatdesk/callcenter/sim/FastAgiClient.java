package cn.heatdesk.callcenter.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asterisk's side of FastAGI: connects to the configured AGI server, sends the agi_* environment (LF framed, as in
 * agi/*.agi.raw), answers each command with {@code 200 result=…} and lets the result steer the call. Runs on the
 * call thread with the simulator lock held except during socket I/O.
 */
final class FastAgiClient {

    private static final Logger log = LoggerFactory.getLogger(FastAgiClient.class);
    private static final Pattern VAR_REF = Pattern.compile("\\$\\{([^}]+)}");

    private final AsteriskSimulator sim;
    private final CallFlows flows;

    FastAgiClient(AsteriskSimulator sim, CallFlows flows) {
        this.sim = sim;
        this.flows = flows;
    }

    private interface Io<T> {
        T run() throws IOException;
    }

    /** socket I/O without the simulator lock; afterwards the call must still belong to this generation */
    private <T> T io(SimChannel c, Io<T> body) throws IOException {
        sim.lock.unlock();
        try {
            return body.run();
        } finally {
            sim.lock.lock();
            if (c.generation != sim.generation) {
                throw new CallFlows.Gone("restarted");
            }
        }
    }

    /** AGI(agi://host:port/script); sets AGISTATUS; throws Hungup when the channel was hung up */
    void run(SimChannel c, String script) {
        if (!sim.config.agiConfigured()) {
            builtin(c, script);
            return;
        }
        String status;
        Socket socket = new Socket();
        try {
            io(c, () -> {
                socket.connect(new InetSocketAddress(sim.config.agiHost(), sim.config.agiPort()), 2000);
                socket.setSoTimeout((int) sim.config.agiTimeout().toMillis());
                return null;
            });
            status = converse(c, script, socket);
        } catch (IOException e) {
            log.warn("FastAGI {} for {} failed: {}", script, c.name, e.toString());
            status = "FAILURE";
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        sim.varSet(c, "AGISTATUS", status);
        if (c.hangupRequested) {
            throw new CallFlows.Hungup();
        }
    }

    private String converse(SimChannel c, String script, Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        String env = environment(c, script);
        io(c, () -> {
            out.write(env.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return null;
        });
        boolean hangupSent = false;
        while (true) {
            String line;
            try {
                line = io(c, in::readLine);
            } catch (java.net.SocketTimeoutException e) {
                log.warn("FastAGI {} for {} sent no command for {}", script, c.name, sim.config.agiTimeout());
                return "FAILURE";
            }
            if (line == null) {
                return c.hangupRequested ? "HANGUP" : "SUCCESS";
            }
            String cmd = line.trim();
            if (cmd.isEmpty()) {
                continue;
            }
            String reply;
            if (c.hangupRequested || c.destroyed) {
                reply = "511 Command Not Permitted on a dead channel or intercepted channel";
            } else {
                int id = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
                if (sim.noise()) {
                    AmiMessage start = sim.ev("AGIExecStart", "agi");
                    c.appendTo(start, "");
                    sim.emit(start.add("CommandId", id).add("Command", cmd));
                }
                try {
                    reply = execute(c, cmd);
                } catch (CallFlows.Hungup h) {
                    reply = "200 result=-1";
                }
                if (sim.noise() && !c.destroyed) {
                    AmiMessage end = sim.ev("AGIExecEnd", "agi");
                    c.appendTo(end, "");
                    int code = Integer.parseInt(reply.substring(0, 3));
                    sim.emit(end.add("CommandId", id).add("Command", cmd).add("ResultCode", code)
                            .add("Result", code == 200 ? "Success" : code == 510 ? "Invalid or unknown command"
                                    : "Command not permitted"));
                }
            }
            String toSend = reply + "\n" + (c.hangupRequested && !hangupSent ? "HANGUP\n" : "");
            hangupSent |= c.hangupRequested;
            io(c, () -> {
                out.write(toSend.getBytes(StandardCharsets.UTF_8));
                out.flush();
                return null;
            });
        }
    }

    String environment(SimChannel c, String script) {
        StringBuilder sb = new StringBuilder(700);
        String request = sim.config.agiBase() + "/" + script;
        kv(sb, "agi_network", "yes");
        kv(sb, "agi_network_script", script);
        kv(sb, "agi_request", request);
        kv(sb, "agi_channel", c.name);
        kv(sb, "agi_language", "en");
        kv(sb, "agi_type", "PJSIP");
        kv(sb, "agi_uniqueid", c.uniqueid);
        kv(sb, "agi_version", sim.config.asteriskVersion());
        kv(sb, "agi_callerid", c.cidNum);
        kv(sb, "agi_calleridname", c.cidName);
        kv(sb, "agi_callingpres", "0");
        kv(sb, "agi_callingani2", "0");
        kv(sb, "agi_callington", "0");
        kv(sb, "agi_callingtns", "0");
        kv(sb, "agi_dnid", c.dnid.isEmpty() ? "unknown" : c.dnid);
        kv(sb, "agi_rdnis", "unknown");
        kv(sb, "agi_context", c.context);
        kv(sb, "agi_extension", c.exten);
        kv(sb, "agi_priority", String.valueOf(c.priority));
        kv(sb, "agi_enhanced", "0.0");
        kv(sb, "agi_accountcode", "");
        kv(sb, "agi_threadid", String.valueOf(140_346_000_000_000L + Math.abs(c.uniqueid.hashCode())));
        return sb.append('\n').toString();
    }

    private static void kv(StringBuilder sb, String k, String v) {
        sb.append(k).append(": ").append(v).append('\n');
    }

    /** splits an AGI command line, honouring double quotes */
    static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
                any = true;
            } else if (ch == ' ' && !quoted) {
                if (any) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                }
            } else {
                cur.append(ch);
                any = true;
            }
        }
        if (any) {
            out.add(cur.toString());
        }
        return out;
    }

    String variable(SimChannel c, String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "CALLERID(NUM)" -> c.cidNum;
            case "CALLERID(NAME)" -> c.cidName;
            case "CALLERID(ALL)" -> "\"" + c.cidName + "\" <" + c.cidNum + ">";
            case "CHANNEL" -> c.name;
            case "UNIQUEID" -> c.uniqueid;
            case "LINKEDID", "CHANNEL(LINKEDID)" -> c.linkedid;
            case "EPOCH" -> String.valueOf(java.time.Instant.now().getEpochSecond());
            case "CONTEXT" -> c.context;
            case "EXTEN" -> c.exten;
            case "PRIORITY" -> String.valueOf(c.priority);
            case "CHANNEL(STATE)" -> c.stateDesc();
            default -> c.vars.get(name);
        };
    }

    String substitute(SimChannel c, String expr) {
        Matcher m = VAR_REF.matcher(expr);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = variable(c, m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? "" : v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private String execute(SimChannel c, String line) {
        List<String> t = tokens(line);
        String verb = t.get(0).toUpperCase(Locale.ROOT);
        String two = t.size() > 1 ? verb + " " + t.get(1).toUpperCase(Locale.ROOT) : verb;
        String three = t.size() > 2 ? two + " " + t.get(2).toUpperCase(Locale.ROOT) : two;
        switch (three) {
            case "GET FULL VARIABLE":
                return "200 result=1 (" + substitute(c, arg(t, 3)) + ")";
            case "SET MUSIC ON", "SET MUSIC OFF":
                return "200 result=0";
            case "WAIT FOR DIGIT": {
                long ms = Long.parseLong(arg(t, 3, "-1"));
                Character d = flows.waitDigit(c, ms < 0 ? Duration.ofMinutes(5) : Duration.ofMillis(ms), "WaitForDigit");
                return "200 result=" + (d == null ? 0 : (int) d);
            }
            default:
                break;
        }
        switch (two) {
            case "SET VARIABLE":
                sim.varSet(c, arg(t, 2), arg(t, 3));
                return "200 result=1";
            case "GET VARIABLE": {
                String v = variable(c, arg(t, 2));
                return v == null ? "200 result=0" : "200 result=1 (" + v + ")";
            }
            case "CHANNEL STATUS":
                return "200 result=" + c.state;
            case "STREAM FILE", "CONTROL STREAM": {
                String escape = arg(t, 3);
                sim.varSet(c, "PLAYBACKSTATUS", "SUCCESS");
                Character d = escape.isEmpty() ? null
                        : flows.waitDigit(c, sim.config.streamFileDuration(), "StreamFile");
                if (d == null && escape.isEmpty()) {
                    flows.pause(c, sim.config.streamFileDuration());
                }
                if (d != null && escape.indexOf(d) < 0) {
                    d = null;
                }
                return "200 result=" + (d == null ? 0 : (int) d) + " endpos=8000";
            }
            case "GET DATA": {
                long ms = Long.parseLong(arg(t, 3, "6000"));
                int max = Integer.parseInt(arg(t, 4, "1024"));
                Duration wait = Duration.ofMillis(ms <= 0 ? 6000 : ms);
                StringBuilder digits = new StringBuilder();
                while (digits.length() < max) {
                    Character scripted = c.dtmf.isEmpty() ? flows.nextScriptedKey(c) : null;
                    if (scripted != null && scripted == '-') {
                        // the scripted caller stays silent: the prompt times out
                        flows.waitDigit(c, wait, "GetData");
                        break;
                    }
                    if (scripted != null) {
                        flows.dtmf(c, scripted);
                    }
                    Character d = flows.waitDigit(c, wait, "GetData");
                    if (d == null || d == '#') {
                        break;
                    }
                    digits.append(d);
                }
                return digits.length() == 0 ? "200 result= (timeout)" : "200 result=" + digits;
            }
            case "DATABASE PUT":
                sim.astDb.put(arg(t, 2) + "/" + arg(t, 3), arg(t, 4));
                return "200 result=1";
            case "DATABASE GET": {
                String v = sim.astDb.get(arg(t, 2) + "/" + arg(t, 3));
                return v == null ? "200 result=0" : "200 result=1 (" + v + ")";
            }
            case "DATABASE DEL":
                return sim.astDb.remove(arg(t, 2) + "/" + arg(t, 3)) == null ? "200 result=0" : "200 result=1";
            case "DATABASE DELTREE":
                sim.astDb.keySet().removeIf(k -> k.startsWith(arg(t, 2) + "/"));
                return "200 result=1";
            case "SET CALLERID": {
                String v = arg(t, 2);
                Matcher m = Pattern.compile("^\\s*(?:\"?([^\"<]*)\"?\\s*)?<([^>]*)>").matcher(v);
                if (m.find()) {
                    c.cidName = m.group(1) == null ? "" : m.group(1).trim();
                    c.cidNum = m.group(2);
                } else {
                    c.cidNum = v;
                }
                return "200 result=1";
            }
            case "SET CONTEXT", "SET EXTENSION", "SET PRIORITY", "SET AUTOHANGUP":
                return "200 result=0";
            case "SAY DIGITS", "SAY NUMBER", "SAY ALPHA", "SAY PHONETIC", "SAY DATE", "SAY TIME", "SAY DATETIME":
                flows.pause(c, Duration.ofMillis(Math.min(500, sim.config.streamFileDuration().toMillis())));
                return "200 result=0";
            case "ASYNCAGI BREAK":
                return "200 result=0";
            default:
                break;
        }
        switch (verb) {
            case "ANSWER":
                flows.answer(c);
                return "200 result=0";
            case "HANGUP":
                flows.softHangup(c, 32);
                c.hangupCause = 0;
                return "200 result=1";
            case "VERBOSE":
                log.debug("AGI VERBOSE on {}: {}", c.name, arg(t, 1));
                return "200 result=1";
            case "NOOP":
                return "200 result=0";
            case "EXEC":
                return exec(c, arg(t, 1), t.size() > 2 ? String.join(" ", t.subList(2, t.size())) : "");
            default:
                return "510 Invalid or unknown command";
        }
    }

    private String exec(SimChannel c, String app, String data) {
        switch (app.toLowerCase(Locale.ROOT)) {
            case "playback", "background":
                flows.pause(c, sim.config.streamFileDuration());
                sim.varSet(c, "PLAYBACKSTATUS", "SUCCESS");
                return "200 result=0";
            case "set": {
                int i = data.indexOf('=');
                if (i > 0) {
                    sim.varSet(c, data.substring(0, i), data.substring(i + 1));
                }
                return "200 result=0";
            }
            case "hangup":
                flows.softHangup(c, 16);
                return "200 result=0";
            case "wait":
                flows.pause(c, Duration.ofMillis((long) (Double.parseDouble(data.isEmpty() ? "1" : data) * 1000)));
                return "200 result=0";
            case "noop", "verbose", "log", "playtones", "stopplaytones":
                return "200 result=0";
            default:
                log.info("AGI EXEC {} is not modelled by the simulator; answering result=0", app);
                return "200 result=0";
        }
    }

    private static String arg(List<String> t, int i) {
        return arg(t, i, "");
    }

    private static String arg(List<String> t, int i, String dflt) {
        return t.size() > i ? t.get(i) : dflt;
    }

    /** no AGI server configured: what the reference scripts decide, without a network round trip */
    private void builtin(SimChannel c, String script) {
        log.info("no FastAGI server configured for {}; built-in default for script {}", sim.config.systemName(),
                script);
        String name = script.contains("?") ? script.substring(0, script.indexOf('?')) : script;
        switch (name) {
            case "blacklist" -> {
                boolean black = sim.config.defaultBlacklist().contains(c.cidNum);
                sim.varSet(c, "BLACKLISTED", black ? "1" : "0");
                if (black) {
                    flows.softHangup(c, 32);
                    c.hangupCause = 0;
                }
            }
            case "ivr" -> {
                // ivr?choice=N keeps its meaning; the menu form (ivr?gw=…) answers nothing: the static menu follows
                if (script.contains("choice=")) {
                    sim.varSet(c, "IVR_CHOICE", script.substring(script.indexOf("choice=") + 7));
                }
            }
            default -> {
                // agent-connect and survey only record data on HeatDesk's side
            }
        }
        sim.varSet(c, "AGISTATUS", c.hangupRequested ? "HANGUP" : "SUCCESS");
        if (c.hangupRequested) {
            throw new CallFlows.Hungup();
        }
    }
}
