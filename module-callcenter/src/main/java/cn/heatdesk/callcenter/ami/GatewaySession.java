package cn.heatdesk.callcenter.ami;

import cn.heatdesk.callcenter.gateway.GatewayEndpoint;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.action.CoreSettingsAction;
import org.asteriskjava.manager.action.CoreStatusAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.AgiExecEndEvent;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.CelEvent;
import org.asteriskjava.manager.event.ChallengeSentEvent;
import org.asteriskjava.manager.event.ContactStatusEvent;
import org.asteriskjava.manager.event.DialStateEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.DtmfBeginEvent;
import org.asteriskjava.manager.event.DtmfEndEvent;
import org.asteriskjava.manager.event.ExtensionStatusEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.LocalBridgeEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewAccountCodeEvent;
import org.asteriskjava.manager.event.NewCallerIdEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewConnectedLineEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.asteriskjava.manager.event.PeerStatusEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;
import org.asteriskjava.manager.event.RegistryEvent;
import org.asteriskjava.manager.event.RtcpReceivedEvent;
import org.asteriskjava.manager.event.RtcpSentEvent;
import org.asteriskjava.manager.event.SoftHangupRequestEvent;
import org.asteriskjava.manager.event.SuccessfulAuthEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.asteriskjava.manager.response.CoreSettingsResponse;
import org.asteriskjava.manager.response.CoreStatusResponse;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The AMI link to one gateway: one connection that receives events and a small pool, logged in with events off,
 * that carries actions. Owns its reconnects: when any connection drops (Asterisk restarted, network cut, a Ping went
 * unanswered) all are closed — which also stops asterisk-java's own fixed-interval reconnect — and the session logs
 * in again after an exponential backoff. After each login it reads CoreStatus: a changed start time (or the first
 * session since HeatDesk started) means Asterisk's dynamic state is gone and listeners must push theirs back.
 */
final class GatewaySession {

    private static final Logger log = LoggerFactory.getLogger(GatewaySession.class);
    private static final DateTimeFormatter STARTUP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** what the session tells its owner */
    interface Sink {
        void event(long gatewayId, ManagerEvent event, Instant receivedAt);

        void connected(long gatewayId, boolean restarted);

        void disconnected(long gatewayId);

        /** whether some listener handles events of this class; false: the event connection need not build them */
        default boolean handled(Class<? extends ManagerEvent> type) {
            return true;
        }
    }

    /**
     * The bulk of a gateway's stream that HeatDesk may not read (a dialplan step, AGI command, RTCP report, key press
     * or caller-id update each is an event). asterisk-java builds every event it reads by reflection, header by
     * header; a class unregistered from the event connection is skipped right after its headers are read. Only the
     * classes no listener declared are unregistered ({@link GatewayEventListener#eventTypes()}).
     */
    static final List<Class<? extends ManagerEvent>> NOISE = List.of(NewExtenEvent.class, VarSetEvent.class,
            AgiExecStartEvent.class, AgiExecEndEvent.class, RtcpSentEvent.class, RtcpReceivedEvent.class,
            DtmfBeginEvent.class, DtmfEndEvent.class, NewConnectedLineEvent.class, NewCallerIdEvent.class,
            NewAccountCodeEvent.class, DialStateEvent.class, QueueMemberStatusEvent.class, SuccessfulAuthEvent.class,
            ChallengeSentEvent.class, CelEvent.class, SoftHangupRequestEvent.class,
            LocalBridgeEvent.class, ExtensionStatusEvent.class, PeerStatusEvent.class, ContactStatusEvent.class,
            RegistryEvent.class);

    final GatewayEndpoint endpoint;
    private final AmiProperties props;
    private final ScheduledExecutorService scheduler;
    private final Sink sink;

    private final Object lock = new Object();
    private ManagerConnection events;
    private List<ManagerConnection> actionPool = List.of();
    private final AtomicInteger nextAction = new AtomicInteger();
    private int attempt;
    private boolean closed;
    private boolean everConnected;
    private String lastStartup;
    private ScheduledFuture<?> pinger;
    private ScheduledFuture<?> pendingConnect;
    /** increments with every login; a disconnect from an older generation is ignored */
    private long generation;

    private volatile boolean connected;
    private volatile String asteriskVersion;
    private volatile Instant startedAt;
    private volatile Instant lastEventAt;
    private volatile Instant connectedSince;
    private volatile String lastError;
    private final AtomicInteger channels = new AtomicInteger();
    private final AtomicLong reconnects = new AtomicLong();

    GatewaySession(GatewayEndpoint endpoint, AmiProperties props, ScheduledExecutorService scheduler, Sink sink) {
        this.endpoint = endpoint;
        this.props = props;
        this.scheduler = scheduler;
        this.sink = sink;
    }

    void start() {
        synchronized (lock) {
            pendingConnect = scheduler.schedule(this::connect, 0, TimeUnit.MILLISECONDS);
        }
    }

    /** closes for good (gateway disabled, edited or HeatDesk stopping) */
    void close() {
        boolean wasConnected;
        synchronized (lock) {
            closed = true;
            if (pendingConnect != null) {
                pendingConnect.cancel(false);
            }
            wasConnected = connected;
            teardown();
        }
        if (wasConnected) {
            sink.disconnected(endpoint.id());
        }
    }

    boolean connected() {
        return connected;
    }

    GatewayStatusView status() {
        Instant started = startedAt;
        return new GatewayStatusView(endpoint.id(), connected, asteriskVersion, started,
                started == null || !connected ? null : Math.max(0, Duration.between(started, Instant.now()).toSeconds()),
                connected ? channels.get() : null, lastEventAt, connectedSince, lastError, reconnects.get());
    }

    /** a logged-in action connection, round robin; null when disconnected */
    ManagerConnection actionConnection() {
        List<ManagerConnection> pool = actionPool;
        if (!connected || pool.isEmpty()) {
            return null;
        }
        ManagerConnection c = pool.get(Math.floorMod(nextAction.getAndIncrement(), pool.size()));
        return c.getState() == ManagerConnectionState.CONNECTED ? c : null;
    }

    private ManagerConnection newConnection() {
        ManagerConnectionFactory f = new ManagerConnectionFactory(endpoint.amiHost(), endpoint.amiPort(),
                endpoint.amiUsername(), endpoint.amiSecret());
        ManagerConnection c = f.createManagerConnection();
        c.setSocketTimeout((int) props.actionTimeout().toMillis());
        return c;
    }

    private void connect() {
        long gen;
        boolean restarted;
        synchronized (lock) {
            pendingConnect = null;
            if (closed || connected) {
                return;
            }
            gen = ++generation;
            List<ManagerConnection> pool = new ArrayList<>();
            try {
                ManagerConnection ev = newConnection();
                for (Class<? extends ManagerEvent> t : NOISE) {
                    if (!sink.handled(t)) {
                        ev.deregisterEventClass(t);
                    }
                }
                ev.addEventListener(listener(gen, true));
                events = ev;
                ev.login("on");
                for (int i = 0; i < props.actionPoolSize(); i++) {
                    ManagerConnection a = newConnection();
                    a.addEventListener(listener(gen, false));
                    pool.add(a);
                    a.login("off");
                }
                actionPool = List.copyOf(pool);
                ManagerResponse st = pool.get(0).sendAction(new CoreStatusAction(), props.actionTimeout().toMillis());
                ManagerResponse se = pool.get(0).sendAction(new CoreSettingsAction(), props.actionTimeout().toMillis());
                if (st instanceof ManagerError || se instanceof ManagerError) {
                    throw new IllegalStateException("CoreStatus/CoreSettings refused: " + st.getMessage() + " / " + se.getMessage());
                }
                String startup = null;
                if (st instanceof CoreStatusResponse cs) {
                    startup = cs.getCoreStartupDate() + " " + cs.getCoreStartupTime();
                    startedAt = parseStartup(cs.getCoreStartupDate(), cs.getCoreStartupTime());
                    channels.set(cs.getCoreCurrentCalls() == null ? 0 : cs.getCoreCurrentCalls());
                }
                if (se instanceof CoreSettingsResponse cset) {
                    asteriskVersion = cset.getAsteriskVersion();
                }
                restarted = !everConnected || startup == null || !startup.equals(lastStartup);
                lastStartup = startup;
                everConnected = true;
                attempt = 0;
                lastError = null;
                connectedSince = Instant.now();
                connected = true;
                pinger = scheduler.scheduleWithFixedDelay(() -> ping(gen), props.pingInterval().toMillis(),
                        props.pingInterval().toMillis(), TimeUnit.MILLISECONDS);
                log.info("AMI gateway {} connected (Asterisk {}, started {}{})", endpoint.code(), asteriskVersion,
                        startup, restarted ? ", state to be pushed back" : "");
            } catch (Exception e) {
                lastError = describe(e);
                log.warn("AMI gateway {} ({}:{}) login failed: {}", endpoint.code(), endpoint.amiHost(),
                        endpoint.amiPort(), lastError);
                teardown();
                scheduleReconnect();
                return;
            }
        }
        sink.connected(endpoint.id(), restarted);
    }

    private ManagerEventListener listener(long gen, boolean eventConnection) {
        return event -> {
            if (event instanceof DisconnectEvent) {
                // asterisk-java calls this on its reader thread: hand the teardown to the scheduler at once
                scheduler.execute(() -> lost(gen, "连接断开"));
                return;
            }
            if (!eventConnection) {
                return;
            }
            Instant now = Instant.now();
            lastEventAt = now;
            if (event instanceof NewChannelEvent) {
                channels.incrementAndGet();
            } else if (event instanceof HangupEvent) {
                channels.updateAndGet(n -> Math.max(0, n - 1));
            }
            sink.event(endpoint.id(), event, now);
        };
    }

    private void ping(long gen) {
        ManagerConnection ev = events;
        if (ev == null || gen != generation) {
            return;
        }
        Instant sent = Instant.now();
        try {
            ManagerResponse r = ev.sendAction(new PingAction(), props.actionTimeout().toMillis());
            if (r == null && !eventsSince(sent)) {
                lost(gen, "心跳无响应");
            }
        } catch (org.asteriskjava.manager.TimeoutException e) {
            // under load the Pong queues behind thousands of events on the same socket: a link that is still
            // delivering events is alive, and dropping it would lose what is in flight
            if (!eventsSince(sent)) {
                lost(gen, "心跳无响应");
            } else {
                log.debug("AMI gateway {}: Ping answer late but events are flowing", endpoint.code());
            }
        } catch (Exception e) {
            lost(gen, "心跳失败：" + describe(e));
        }
    }

    private boolean eventsSince(Instant t) {
        Instant last = lastEventAt;
        return last != null && !last.isBefore(t);
    }

    /** one connection of generation {@code gen} is gone: close all, tell listeners, reconnect later */
    private void lost(long gen, String why) {
        boolean wasConnected;
        synchronized (lock) {
            if (gen != generation || closed) {
                return;
            }
            generation++;
            wasConnected = connected;
            lastError = why;
            teardown();
            reconnects.incrementAndGet();
            scheduleReconnect();
        }
        log.warn("AMI gateway {} lost: {}", endpoint.code(), why);
        if (wasConnected) {
            sink.disconnected(endpoint.id());
        }
    }

    /** closes every connection; stops asterisk-java's own reconnect threads. Caller holds the lock. */
    private void teardown() {
        connected = false;
        connectedSince = null;
        if (pinger != null) {
            pinger.cancel(false);
            pinger = null;
        }
        List<ManagerConnection> all = new ArrayList<>(actionPool);
        if (events != null) {
            all.add(events);
        }
        events = null;
        actionPool = List.of();
        for (ManagerConnection c : all) {
            ManagerConnectionState s = c.getState();
            if (s == ManagerConnectionState.CONNECTED || s == ManagerConnectionState.RECONNECTING) {
                try {
                    c.logoff();
                } catch (RuntimeException e) {
                    log.debug("logoff of {} failed: {}", endpoint.code(), e.toString());
                }
            }
        }
    }

    private void scheduleReconnect() {
        if (closed) {
            return;
        }
        long wait = props.backoffMillis(attempt++, ThreadLocalRandom.current().nextDouble());
        pendingConnect = scheduler.schedule(this::connect, wait, TimeUnit.MILLISECONDS);
    }

    private static Instant parseStartup(String date, String time) {
        try {
            return LocalDateTime.parse(date + " " + time, STARTUP).atZone(ZoneId.systemDefault()).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
