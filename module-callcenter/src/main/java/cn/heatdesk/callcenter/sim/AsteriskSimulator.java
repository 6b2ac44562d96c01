package cn.heatdesk.callcenter.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for the reference Asterisk 22 of the fixtures: an AMI server over real TCP, the reference dialplan
 * (from-trunk → inbound-ivr → Queue(repair) → survey, click-to-dial) with FastAGI calls to a real AGI server,
 * and a control API for tests and the demo profile. One instance = one gateway.
 *
 * <p>Threads: one AMI accept thread, two per AMI client, one per active call (like Asterisk's PBX thread per
 * channel). All model state is guarded by one lock, so events leave in one global order.
 */
public final class AsteriskSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AsteriskSimulator.class);
    private static final int JOURNAL_LIMIT = 50_000;

    final SimConfig config;
    final ReentrantLock lock = new ReentrantLock();
    final Condition changed = lock.newCondition();
    private final AmiServer server = new AmiServer(this);
    private final AmiActions actions = new AmiActions(this);
    final CallFlows flows = new CallFlows(this);
    final CtiFlows cti = new CtiFlows(this, flows);
    /** bumped by restart(): calls of an older generation die silently */
    volatile int generation;
    Instant startedAt = Instant.now();
    Instant reloadedAt = startedAt;
    long processedCalls;
    final AtomicInteger seq = new AtomicInteger();
    final Map<String, SimChannel> channels = new LinkedHashMap<>();
    final Map<String, SimPhone> phones = new LinkedHashMap<>();
    final Map<String, SimQueue> queues = new LinkedHashMap<>();
    final Map<String, String> deviceStates = new HashMap<>();
    final Map<String, String> astDb = new ConcurrentHashMap<>();
    final Map<String, SimBridge> bridges = new LinkedHashMap<>();
    private final List<AmiMessage> journal = new ArrayList<>();
    private long journalBase;
    private final Set<Thread> callThreads = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private int boundPort;

    public AsteriskSimulator(SimConfig config) {
        this.config = config;
        resetModel();
    }

    // ------------------------------------------------------------------ lifecycle

    /** binds the AMI port (config port, 0 = ephemeral) and returns it */
    public int start() {
        try {
            server.open(config.bindAddress(), config.port());
        } catch (IOException e) {
            throw new UncheckedIOException("AMI port " + config.port() + " not available", e);
        }
        boundPort = server.port();
        running = true;
        log.info("Asterisk simulator {} listening on {}:{} (FastAGI {})", config.systemName(), config.bindAddress(),
                boundPort, config.agiConfigured() ? config.agiBase() : "not configured: built-in AGI defaults");
        return boundPort;
    }

    public int port() {
        return boundPort;
    }

    public SimConfig config() {
        return config;
    }

    public boolean isRunning() {
        return running;
    }

    /** stops listening, drops clients and ends every call without events */
    public void stop() {
        running = false;
        server.closeListener();
        server.dropAll();
        lock.lock();
        try {
            generation++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        for (Thread t : callThreads) {
            t.interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * {@code core restart now}: every AMI socket closes without a response or Shutdown event, calls vanish, dynamic
     * queue members are gone, and Asterisk is back with a new start time (FullyBooted Uptime 0).
     */
    public void restart() {
        Duration down = config.restartDowntime();
        if (!down.isZero()) {
            server.closeListener();
        }
        server.dropAll();
        lock.lock();
        try {
            generation++;
            resetModel();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        for (Thread t : callThreads) {
            t.interrupt();
        }
        if (!down.isZero()) {
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(down.toMillis());
                    lock.lock();
                    try {
                        startedAt = Instant.now();
                        reloadedAt = startedAt;
                    } finally {
                        lock.unlock();
                    }
                    if (running) {
                        server.open(config.bindAddress(), boundPort);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException e) {
                    log.warn("simulator could not re-bind port {} after restart", boundPort, e);
                }
            }, "asterisk-sim-restart");
            t.setDaemon(true);
            t.start();
        }
        log.info("Asterisk simulator {} restarted (core restart now)", config.systemName());
    }

    /** a network cut: all AMI sockets close, Asterisk itself keeps running with its calls and members */
    public void dropConnections() {
        server.dropAll();
    }

    /**
     * The gateway becomes unreachable (host down, firewall): AMI connections close and new ones are refused until
     * {@link #goOnline()}; calls and members stay as they are.
     */
    public void goOffline() {
        server.closeListener();
        server.dropAll();
        log.info("Asterisk simulator {} offline", config.systemName());
    }

    /** reachable again on the same port */
    public void goOnline() {
        if (!running || server.listening()) {
            return;
        }
        try {
            server.open(config.bindAddress(), boundPort);
        } catch (IOException e) {
            throw new UncheckedIOException("AMI port " + boundPort + " not available", e);
        }
        log.info("Asterisk simulator {} online again on {}", config.systemName(), boundPort);
    }

    private volatile Duration pongDelay = Duration.ZERO;

    /** answers Pings this much later, like an Asterisk whose AMI socket is backed up with events */
    public void delayPongs(Duration delay) {
        pongDelay = delay == null ? Duration.ZERO : delay;
    }

    Duration pongDelay() {
        return pongDelay;
    }

    /** number of connected AMI clients */
    public int connectedClients() {
        return server.sessions().size();
    }

    private void resetModel() {
        startedAt = Instant.now();
        reloadedAt = startedAt;
        processedCalls = 0;
        channels.clear();
        bridges.clear();
        queues.clear();
        phones.clear();
        deviceStates.clear();
        for (SimConfig.QueueConfig qc : config.queues()) {
            queues.put(qc.name(), new SimQueue(qc));
        }
        phones.put(config.trunk(), new SimPhone(config.trunk(), ""));
        config.phones().forEach((ext, name) -> phones.put(ext, new SimPhone(ext, name)));
        phones.keySet().forEach(ext -> deviceStates.put("PJSIP/" + ext, "NOT_INUSE"));
        for (SimQueue q : queues.values()) {
            deviceStates.put("Queue:" + q.cfg.name(), "NOT_INUSE");
            deviceStates.put("Queue:" + q.cfg.name() + "_avail", "INUSE");
        }
    }

    AmiActions actions() {
        return actions;
    }

    List<AmiSession> sessions() {
        return server.sessions();
    }

    void startCallThread(String name, Runnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (CallFlows.Gone e) {
                log.trace("call thread {} ended: {}", name, e.getMessage());
            } catch (CtiFlows.Moved e) {
                log.trace("call thread {} handed its channels to call control", name);
            } catch (RuntimeException e) {
                log.warn("simulated call {} failed", name, e);
            } finally {
                callThreads.remove(Thread.currentThread());
            }
        }, "asterisk-sim-call-" + name);
        t.setDaemon(true);
        callThreads.add(t);
        t.start();
    }

    // ------------------------------------------------------------------ events

    AmiMessage ev(String name, String eventClass) {
        return AmiMessage.event(name).add("Privilege", eventClass + ",all").add("SystemName", config.systemName());
    }

    /** sends to every session that wants the event's class and records it; caller holds the lock */
    void emit(AmiMessage event) {
        Integer callGeneration = CallFlows.GENERATION.get();
        if (callGeneration != null && callGeneration != generation) {
            throw new CallFlows.Gone("restarted");
        }
        String priv = event.get("Privilege");
        String cls = priv == null ? "" : priv.substring(0, priv.indexOf(',') < 0 ? priv.length() : priv.indexOf(','));
        for (AmiSession s : server.sessions()) {
            s.offerEvent(event, cls);
        }
        journal.add(event);
        if (journal.size() > JOURNAL_LIMIT) {
            journal.subList(0, JOURNAL_LIMIT / 2).clear();
            journalBase += JOURNAL_LIMIT / 2;
        }
        changed.signalAll();
    }

    boolean noise() {
        return config.noiseEvents();
    }

    // ------------------------------------------------------------------ model helpers (lock held)

    SimChannel newChannel(String endpoint, int state, String cidNum, String cidName, String context, String exten,
                          String uniqueid) {
        int n = seq.getAndIncrement();
        String name = "PJSIP/" + endpoint + "-" + String.format("%08x", n);
        String uid = uniqueid != null ? uniqueid
                : config.systemName() + "-" + Instant.now().getEpochSecond() + "." + n;
        SimChannel c = new SimChannel(name, uid, endpoint, generation);
        c.state = state;
        c.cidNum = cidNum;
        c.cidName = cidName;
        c.context = context;
        c.exten = exten;
        c.priority = 1;
        channels.put(name, c);
        processedCalls++;
        return c;
    }

    void emitChannelEvent(String name, String cls, SimChannel c) {
        AmiMessage m = ev(name, cls);
        c.appendTo(m, "");
        emit(m);
    }

    void varSet(SimChannel c, String var, String value) {
        c.vars.put(var, value);
        if (noise()) {
            AmiMessage m = ev("VarSet", "dialplan");
            c.appendTo(m, "");
            emit(m.add("Variable", var).add("Value", value));
        }
    }

    /** the dialplan reaches context,exten,priority and runs app(data): a Newexten event */
    void app(SimChannel c, String context, String exten, int priority, String app, String data) {
        c.context = context;
        c.exten = exten;
        c.priority = priority;
        if (!"h".equals(exten)) {
            c.lastContext = context;
            c.lastExten = exten;
            c.lastApp = app;
            c.lastData = data;
        }
        if (noise()) {
            AmiMessage m = ev("Newexten", "dialplan");
            c.appendTo(m, "");
            emit(m.add("Extension", exten).add("Application", app).add("AppData", data));
        }
    }

    void setDeviceState(String device, String state) {
        String old = deviceStates.put(device, state);
        if (!state.equals(old)) {
            emit(ev("DeviceStateChange", "call").add("Device", device).add("State", state));
        }
    }

    /** PJSIP device state from the endpoint's channels, emitted when it changed */
    void refreshDevice(String endpoint) {
        SimPhone p = phones.get(endpoint);
        String state;
        if (p != null && !p.registered) {
            state = "UNAVAILABLE";
        } else {
            boolean up = false;
            boolean ringing = false;
            for (SimChannel c : channels.values()) {
                if (c.endpoint.equals(endpoint) && !c.destroyed) {
                    if (c.state == SimChannel.UP || c.state == SimChannel.RING) {
                        up |= c.state == SimChannel.UP;
                    }
                    ringing |= c.state == SimChannel.RINGING;
                }
            }
            state = up ? (ringing ? "RINGINUSE" : "INUSE") : ringing ? "RINGING" : "NOT_INUSE";
        }
        setDeviceState("PJSIP/" + endpoint, state);
    }

    String deviceState(String iface) {
        return deviceStates.getOrDefault(iface, "UNAVAILABLE");
    }

    static int memberStatus(String deviceState) {
        return switch (deviceState) {
            case "NOT_INUSE" -> 1;
            case "INUSE" -> 2;
            case "BUSY" -> 3;
            case "INVALID" -> 4;
            case "UNAVAILABLE" -> 5;
            case "RINGING" -> 6;
            case "RINGINUSE" -> 7;
            case "ONHOLD" -> 8;
            default -> 0;
        };
    }

    /** QueueMemberStatus for every membership of the interface whose status changed */
    void refreshMembers(String iface) {
        int status = memberStatus(deviceState(iface));
        for (SimQueue q : queues.values()) {
            SimQueue.Member m = q.members.get(iface);
            if (m != null && m.status != status) {
                m.status = status;
                AmiMessage e = ev("QueueMemberStatus", "agent");
                m.appendTo(e, q, true);
                emit(e);
            }
        }
    }

    boolean memberAvailable(SimQueue q, SimQueue.Member m) {
        if (m.paused) {
            return false;
        }
        String ds = deviceState(m.stateInterface);
        if (!q.cfg.ringInUse() && !"NOT_INUSE".equals(ds)) {
            return false;
        }
        if ("UNAVAILABLE".equals(ds) || "INVALID".equals(ds)) {
            return false;
        }
        long wrap = q.cfg.wrapupTime().toMillis();
        return m.lastCallEndMs == 0 || System.currentTimeMillis() - m.lastCallEndMs >= wrap;
    }

    /** Queue:name_avail = NOT_INUSE while some member could take a call */
    void refreshAvail(SimQueue q) {
        boolean any = false;
        for (SimQueue.Member m : q.members.values()) {
            any |= !m.paused && "NOT_INUSE".equals(deviceState(m.stateInterface));
        }
        setDeviceState("Queue:" + q.cfg.name() + "_avail", any ? "NOT_INUSE" : "INUSE");
    }

    SimChannel channel(String name) {
        return channels.get(name);
    }

    // ------------------------------------------------------------------ control API

    /** a customer calls the DID through the trunk (caller id via P-Asserted-Identity) */
    public CallHandle incomingCall(String callerNumber, String callerName, String did) {
        return flows.startInbound(callerNumber, callerName == null ? "" : callerName,
                did == null ? config.did() : did);
    }

    public CallHandle incomingCall(String callerNumber, String did) {
        return incomingCall(callerNumber, "", did);
    }

    public CallHandle incomingCall(String callerNumber) {
        return incomingCall(callerNumber, "", config.did());
    }

    /** the IP phone of a PJSIP endpoint (agent extension) */
    public PhoneHandle phone(String ext) {
        lock.lock();
        try {
            if (!phones.containsKey(ext)) {
                throw new IllegalArgumentException("unknown PJSIP endpoint " + ext);
            }
        } finally {
            lock.unlock();
        }
        return new PhoneHandle(this, ext);
    }

    /** the remote party of an outbound call to the trunk (click-to-dial destination) */
    public RemoteParty remoteParty(String number) {
        return new RemoteParty(this, number);
    }

    /** emits count harmless events (VarSet on a fake channel) as fast as possible, for load tests */
    public void eventStorm(int count) {
        lock.lock();
        try {
            SimChannel c = new SimChannel("PJSIP/" + config.trunk() + "-storm", config.systemName() + "-storm", config.trunk(),
                    generation);
            c.state = SimChannel.UP;
            c.cidNum = "storm";
            c.cidName = "";
            c.context = "storm";
            c.exten = "s";
            for (int i = 0; i < count; i++) {
                AmiMessage m = ev("VarSet", "dialplan");
                c.appendTo(m, "");
                emit(m.add("Variable", "STORM").add("Value", String.valueOf(i)));
            }
        } finally {
            lock.unlock();
        }
    }

    /** every party hangs up at once (BYE on each channel), e.g. to leave a clean system after a test */
    public void hangupAll() {
        lock.lock();
        try {
            for (SimChannel c : List.copyOf(channels.values())) {
                flows.remoteHangup(c);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** names of the channels that currently exist */
    public List<String> channelNames() {
        lock.lock();
        try {
            return List.copyOf(channels.keySet());
        } finally {
            lock.unlock();
        }
    }

    /** dynamic members of a queue (interfaces) */
    public List<String> queueMembers(String queue) {
        lock.lock();
        try {
            SimQueue q = queues.get(queue);
            return q == null ? List.of() : List.copyOf(q.members.keySet());
        } finally {
            lock.unlock();
        }
    }

    public Instant startedAt() {
        lock.lock();
        try {
            return startedAt;
        } finally {
            lock.unlock();
        }
    }

    /** position of the next event in the journal; pass it to {@link #awaitEvent(long, Predicate, Duration)} */
    public long journalMark() {
        lock.lock();
        try {
            return journalBase + journal.size();
        } finally {
            lock.unlock();
        }
    }

    /** a copy of every event emitted since start (or the last 25 000 of them) */
    public List<AmiMessage> journal() {
        lock.lock();
        try {
            return List.copyOf(journal);
        } finally {
            lock.unlock();
        }
    }

    /** waits for the first event at or after {@code from} matching the predicate; null on timeout */
    public AmiMessage awaitEvent(long from, Predicate<AmiMessage> p, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            long next = from;
            while (true) {
                for (long i = Math.max(next, journalBase); i < journalBase + journal.size(); i++) {
                    AmiMessage m = journal.get((int) (i - journalBase));
                    if (p.test(m)) {
                        return m;
                    }
                }
                next = journalBase + journal.size();
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            lock.unlock();
        }
    }

    public AmiMessage awaitEvent(Predicate<AmiMessage> p, Duration timeout) {
        return awaitEvent(0, p, timeout);
    }

    /** predicate helper: event name and optional field=value pairs */
    public static Predicate<AmiMessage> event(String name, String... fieldValues) {
        return m -> {
            if (!m.isEvent() || !name.equals(m.get("Event"))) {
                return false;
            }
            for (int i = 0; i + 1 < fieldValues.length; i += 2) {
                if (!fieldValues[i + 1].equals(m.get(fieldValues[i]))) {
                    return false;
                }
            }
            return true;
        };
    }

    /** waits until the condition (evaluated under the simulator lock) holds */
    public boolean await(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    Map<String, SimChannel> channelsView() {
        return Collections.unmodifiableMap(channels);
    }
}
