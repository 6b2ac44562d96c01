package cn.heatdesk.callcenter.ami;

import cn.heatdesk.callcenter.gateway.GatewayChanged;
import cn.heatdesk.callcenter.gateway.GatewayDirectory;
import cn.heatdesk.callcenter.gateway.GatewayEndpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.asteriskjava.manager.EventTimeoutException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps one {@link GatewaySession} per enabled gateway and hands every event to the {@link GatewayEventListener}s on
 * HeatDesk's own lanes: asterisk-java's reader only enqueues, so a slow listener never holds up the socket, and one
 * call's events (same linkedid) are processed in the order the gateway sent them.
 */
@Component
public class GatewayConnectionManager implements GatewayActions, GatewayMonitor, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GatewayConnectionManager.class);

    private final AmiProperties props;
    private final ObjectProvider<GatewayDirectory> directories;
    private final ObjectProvider<GatewayEventListener> listeners;
    private final Map<Long, GatewaySession> sessions = new ConcurrentHashMap<>();
    private final Counter eventsIn;
    private final Counter eventsIgnored;
    /** event class → the listeners that declared it (in their order); filled lazily, listeners are singletons */
    private final Map<Class<?>, List<GatewayEventListener>> routes = new ConcurrentHashMap<>();
    private volatile List<GatewayEventListener> ordered;
    private final Timer lag;
    private volatile EventLanes lanes;
    private volatile ScheduledExecutorService scheduler;
    private volatile boolean running;

    public GatewayConnectionManager(AmiProperties props, ObjectProvider<GatewayDirectory> directories,
                                    ObjectProvider<GatewayEventListener> listeners, MeterRegistry meters) {
        this.props = props;
        this.directories = directories;
        this.listeners = listeners;
        this.eventsIn = Counter.builder("heatdesk.callcenter.ami.events").description("AMI events received").register(meters);
        this.eventsIgnored = Counter.builder("heatdesk.callcenter.ami.events.ignored")
                .description("AMI events no listener handles, dropped on arrival").register(meters);
        this.lag = Timer.builder("heatdesk.callcenter.ami.dispatch.lag")
                .description("from an event's arrival to the end of its processing").publishPercentiles(0.5, 0.99).register(meters);
        Gauge.builder("heatdesk.callcenter.ami.backlog", this, m -> m.lanes == null ? 0 : m.lanes.backlog())
                .description("AMI events waiting to be processed").register(meters);
        Gauge.builder("heatdesk.callcenter.ami.connected", this,
                m -> m.sessions.values().stream().filter(GatewaySession::connected).count())
                .description("gateways with a live AMI link").register(meters);
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void start() {
        if (!props.enabled()) {
            log.info("AMI disabled (heatdesk.callcenter.ami.enabled=false)");
            running = true;
            return;
        }
        AtomicInteger n = new AtomicInteger();
        scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "ami-control-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        lanes = new EventLanes(props.lanes(), props.backlogWarn(), "ami-lane");
        running = true;
        GatewayDirectory directory = directories.getIfAvailable();
        if (directory == null) {
            log.warn("no gateway directory: no gateway will be connected");
            return;
        }
        for (GatewayEndpoint g : directory.enabledGateways()) {
            open(g);
        }
    }

    @Override
    public void stop() {
        running = false;
        for (GatewaySession s : new ArrayList<>(sessions.values())) {
            s.close();
        }
        sessions.clear();
        if (lanes != null) {
            try {
                lanes.drain(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            lanes.shutdown();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** after the web server and the rest of the application: listeners may use any bean */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    /** a gateway row changed: drop its session and, when still enabled, connect with the new settings */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void onGatewayChanged(GatewayChanged changed) {
        if (!running || !props.enabled()) {
            return;
        }
        GatewaySession old = sessions.remove(changed.gatewayId());
        if (old != null) {
            old.close();
        }
        GatewayDirectory directory = directories.getIfAvailable();
        if (directory != null) {
            directory.find(changed.gatewayId()).filter(GatewayEndpoint::enabled).ifPresent(this::open);
        }
    }

    private void open(GatewayEndpoint g) {
        GatewaySession s = new GatewaySession(g, props, scheduler, new GatewaySession.Sink() {
            @Override
            public void event(long gatewayId, ManagerEvent event, Instant receivedAt) {
                dispatch(gatewayId, event, receivedAt);
            }

            @Override
            public void connected(long gatewayId, boolean restarted) {
                lanes.submit(controlKey(gatewayId), () -> each(l -> l.onConnected(gatewayId, restarted)));
            }

            @Override
            public void disconnected(long gatewayId) {
                lanes.submit(controlKey(gatewayId), () -> each(l -> l.onDisconnected(gatewayId)));
            }

            @Override
            public boolean handled(Class<? extends ManagerEvent> type) {
                return GatewayConnectionManager.this.handled(type);
            }
        });
        sessions.put(g.id(), s);
        s.start();
    }

    private static String controlKey(long gatewayId) {
        return "gw:" + gatewayId;
    }

    private void dispatch(long gatewayId, ManagerEvent event, Instant receivedAt) {
        eventsIn.increment();
        List<GatewayEventListener> targets = targets(event);
        if (targets.isEmpty()) {
            // most of a gateway's traffic (other VarSets, Newexten …): nobody reads it, so it never queues
            eventsIgnored.increment();
            return;
        }
        String key = PartitionKeys.of(event);
        GatewayEvent ge = new GatewayEvent(gatewayId, event, receivedAt);
        lanes.submit(key == null ? controlKey(gatewayId) : gatewayId + "|" + key, () -> {
            for (GatewayEventListener l : targets) {
                try {
                    l.onEvent(ge);
                } catch (RuntimeException e) {
                    log.error("AMI listener {} failed", l.getClass().getSimpleName(), e);
                }
            }
            lag.record(Duration.between(receivedAt, Instant.now()));
        });
    }

    /** the listeners that handle this event, in their order */
    List<GatewayEventListener> targets(ManagerEvent event) {
        List<GatewayEventListener> route = routes.computeIfAbsent(event.getClass(), this::route);
        List<GatewayEventListener> out = route;
        for (int i = 0; i < route.size(); i++) {
            if (!route.get(i).wants(event)) {
                out = new ArrayList<>(route.size());
                for (GatewayEventListener l : route) {
                    if (l.wants(event)) {
                        out.add(l);
                    }
                }
                break;
            }
        }
        return out;
    }

    private List<GatewayEventListener> route(Class<?> type) {
        List<GatewayEventListener> out = new ArrayList<>();
        for (GatewayEventListener l : listeners()) {
            if (handles(l, type)) {
                out.add(l);
            }
        }
        return List.copyOf(out);
    }

    private static boolean handles(GatewayEventListener l, Class<?> type) {
        Set<Class<? extends ManagerEvent>> types = l.eventTypes();
        if (types == null) {
            return true;
        }
        for (Class<?> t : types) {
            if (t.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }

    private List<GatewayEventListener> listeners() {
        List<GatewayEventListener> l = ordered;
        if (l == null) {
            l = listeners.orderedStream().toList();
            ordered = l;
        }
        return l;
    }

    /**
     * Whether some listener handles events of this class (subclasses included). Event classes nobody handles are
     * not even built by the event connection's reader ({@link GatewaySession}).
     */
    boolean handled(Class<? extends ManagerEvent> type) {
        return !routes.computeIfAbsent(type, this::route).isEmpty();
    }

    private void each(java.util.function.Consumer<GatewayEventListener> call) {
        listeners().forEach(l -> {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                // each listener is independent: a failing call tracker must not keep agent states from updating
                log.error("AMI listener {} failed", l.getClass().getSimpleName(), e);
            }
        });
    }

    /**
     * Waits until every event received so far has been processed and what the listeners deferred from them
     * (write-behind of call records) is written (tests, benchmarks).
     */
    public boolean drain(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        if (lanes != null && !lanes.drain(timeout.toMillis())) {
            return false;
        }
        for (GatewayEventListener l : listeners()) {
            if (!l.awaitIdle(Duration.ofNanos(Math.max(0, until - System.nanoTime())))) {
                return false;
            }
        }
        return true;
    }

    /** events processed since start */
    public long processedEvents() {
        return lanes == null ? 0 : lanes.processed();
    }

    // ------------------------------------------------------------------ GatewayActions

    @Override
    public ManagerResponse send(long gatewayId, ManagerAction action) {
        ManagerConnection c = connection(gatewayId);
        try {
            ManagerResponse r = c.sendAction(action, props.actionTimeout().toMillis());
            if (r == null) {
                throw new GatewayUnavailableException(name(gatewayId) + "无响应，操作未执行（" + action.getAction() + "）");
            }
            return r;
        } catch (org.asteriskjava.manager.TimeoutException e) {
            throw new GatewayUnavailableException(name(gatewayId) + "在 " + props.actionTimeout().toSeconds()
                    + " 秒内无响应（" + action.getAction() + "）");
        } catch (java.io.IOException | IllegalStateException e) {
            throw new GatewayUnavailableException(name(gatewayId) + "连接中断，操作未执行（" + action.getAction() + "）");
        }
    }

    @Override
    public List<ResponseEvent> sendList(long gatewayId, EventGeneratingAction action) {
        ManagerConnection c = connection(gatewayId);
        try {
            ResponseEvents r = c.sendEventGeneratingAction(action, props.listTimeout().toMillis());
            return new ArrayList<>(r.getEvents());
        } catch (EventTimeoutException e) {
            throw new GatewayUnavailableException(name(gatewayId) + "在 " + props.listTimeout().toSeconds()
                    + " 秒内未返回完整列表（" + ((ManagerAction) action).getAction() + "）");
        } catch (java.io.IOException | IllegalStateException e) {
            throw new GatewayUnavailableException(name(gatewayId) + "连接中断，查询未完成（" + ((ManagerAction) action).getAction() + "）");
        }
    }

    @Override
    public boolean connected(long gatewayId) {
        GatewaySession s = sessions.get(gatewayId);
        return s != null && s.connected();
    }

    private ManagerConnection connection(long gatewayId) {
        GatewaySession s = sessions.get(gatewayId);
        ManagerConnection c = s == null ? null : s.actionConnection();
        if (c == null) {
            throw new GatewayUnavailableException(name(gatewayId) + "未连接，请检查网关状态后重试");
        }
        return c;
    }

    private String name(long gatewayId) {
        GatewaySession s = sessions.get(gatewayId);
        GatewayDirectory directory = directories.getIfAvailable();
        Optional<GatewayEndpoint> g = s != null ? Optional.of(s.endpoint)
                : directory == null ? Optional.empty() : directory.find(gatewayId);
        return g.map(e -> "电话网关“" + e.name() + "”").orElse("电话网关");
    }

    // ------------------------------------------------------------------ GatewayMonitor

    @Override
    public GatewayStatusView status(long gatewayId) {
        GatewaySession s = sessions.get(gatewayId);
        if (s == null) {
            return new GatewayStatusView(gatewayId, false, null, null, null, null, null, null,
                    props.enabled() ? "未启用或未配置" : "系统未启用网关连接", 0);
        }
        return s.status();
    }
}
