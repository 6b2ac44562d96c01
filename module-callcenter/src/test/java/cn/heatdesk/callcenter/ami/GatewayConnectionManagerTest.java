package cn.heatdesk.callcenter.ami;

import cn.heatdesk.callcenter.gateway.GatewayDirectory;
import cn.heatdesk.callcenter.gateway.GatewayEndpoint;
import cn.heatdesk.callcenter.sim.AsteriskSimulator;
import cn.heatdesk.callcenter.sim.CallHandle;
import cn.heatdesk.callcenter.sim.SimConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The AMI layer against the simulator over real TCP, through asterisk-java: login and status, actions on the action
 * pool, a call's events delivered in order on HeatDesk's lanes, reconnect after an Asterisk restart (state to push
 * back) and after a network cut (state kept), and a clear refusal while the gateway is down.
 */
class GatewayConnectionManagerTest {

    static final long GW = 7001L;

    final List<AutoCloseable> closing = new ArrayList<>();

    /** records what the manager tells its listeners */
    static class Recorder implements GatewayEventListener {
        final List<GatewayEvent> events = Collections.synchronizedList(new ArrayList<>());
        final List<String> lifecycle = Collections.synchronizedList(new ArrayList<>());
        final Map<String, String> threadByCall = new ConcurrentHashMap<>();

        @Override
        public void onEvent(GatewayEvent e) {
            events.add(e);
        }

        @Override
        public void onConnected(long gatewayId, boolean restarted) {
            lifecycle.add("connected:" + gatewayId + ":" + restarted);
        }

        @Override
        public void onDisconnected(long gatewayId) {
            lifecycle.add("disconnected:" + gatewayId);
        }

        <T extends ManagerEvent> List<T> of(Class<T> type) {
            synchronized (events) {
                return events.stream().map(GatewayEvent::event).filter(type::isInstance).map(type::cast).toList();
            }
        }
    }

    AsteriskSimulator simulator() {
        return simulator(Duration.ZERO);
    }

    /** @param restartDowntime how long a restart keeps the port closed (a real Asterisk needs about a second) */
    AsteriskSimulator simulator(Duration restartDowntime) {
        AsteriskSimulator sim = new AsteriskSimulator(new SimConfig().port(0).noiseEvents(true)
                .promptDuration(Duration.ofMillis(200)).restartDowntime(restartDowntime));
        sim.start();
        closing.add(sim);
        return sim;
    }

    GatewayConnectionManager manager(AsteriskSimulator sim, Recorder recorder) {
        return manager(sim, recorder, new SimpleMeterRegistry());
    }

    GatewayConnectionManager manager(AsteriskSimulator sim, GatewayEventListener recorder, SimpleMeterRegistry meters) {
        GatewayEndpoint endpoint = new GatewayEndpoint(GW, "GW-TEST", "测试网关", 1L, "/1/", null, "127.0.0.1",
                sim.port(), sim.config().username(), sim.config().secret(), true);
        GatewayDirectory directory = new GatewayDirectory() {
            @Override
            public List<GatewayEndpoint> enabledGateways() {
                return List.of(endpoint);
            }

            @Override
            public Optional<GatewayEndpoint> find(long gatewayId) {
                return gatewayId == GW ? Optional.of(endpoint) : Optional.empty();
            }
        };
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("directory", directory);
        beans.addBean("recorder", recorder);
        AmiProperties props = new AmiProperties(true, Duration.ofSeconds(3), Duration.ofSeconds(5), 2,
                Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(2), 4, 10_000);
        GatewayConnectionManager m = new GatewayConnectionManager(props, beans.getBeanProvider(GatewayDirectory.class),
                beans.getBeanProvider(GatewayEventListener.class), meters);
        m.start();
        closing.add(m::stop);
        return m;
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    @Test
    void connectsReportsStatusAndSendsActionsThroughThePool() throws Exception {
        AsteriskSimulator sim = simulator();
        Recorder rec = new Recorder();
        GatewayConnectionManager m = manager(sim, rec);
        await(() -> m.connected(GW), "login");
        await(() -> rec.lifecycle.contains("connected:" + GW + ":true"), "first connect counts as restarted");

        GatewayStatusView st = m.status(GW);
        assertThat(st.connected()).isTrue();
        assertThat(st.asteriskVersion()).isEqualTo("22.10.1");
        assertThat(st.startedAt()).isNotNull();
        assertThat(st.channels()).isZero();

        QueueAddAction add = new QueueAddAction("repair", "PJSIP/8001", 0);
        add.setMemberName("1001 王丽");
        add.setStateInterface("PJSIP/8001");
        ManagerResponse r = m.send(GW, add);
        assertThat(r.getResponse()).isEqualTo("Success");
        assertThat(sim.queueMembers("repair")).contains("PJSIP/8001");

        List<ResponseEvent> status = m.sendList(GW, new QueueStatusAction());
        assertThat(status).anySatisfy(e -> assertThat(e).isInstanceOf(QueueMemberEvent.class));
        await(() -> !rec.of(org.asteriskjava.manager.event.QueueMemberAddedEvent.class).isEmpty(),
                "QueueMemberAdded on the event connection");
    }

    @Test
    void aCallsEventsArriveInOrderOnHeatDesksThreads() throws Exception {
        AsteriskSimulator sim = simulator();
        Recorder rec = new Recorder();
        GatewayConnectionManager m = manager(sim, rec);
        await(() -> m.connected(GW), "login");
        QueueAddAction add = new QueueAddAction("repair", "PJSIP/8001", 0);
        add.setMemberName("1001 王丽");
        add.setStateInterface("PJSIP/8001");
        m.send(GW, add);
        sim.phone("8001").autoAnswer(Duration.ofMillis(100));

        CallHandle call = sim.incomingCall("+8613800138000", "4930123456");
        assertThat(call.awaitInput(Duration.ofSeconds(5))).isTrue();
        call.press("1");
        assertThat(call.awaitBridged(Duration.ofSeconds(10))).isTrue();
        call.hangup();
        assertThat(call.awaitHungUp(Duration.ofSeconds(5))).isTrue();
        await(() -> rec.of(HangupEvent.class).size() >= 2, "both legs hung up");
        assertThat(m.drain(Duration.ofSeconds(5))).isTrue();

        List<GatewayEvent> mine;
        synchronized (rec.events) {
            mine = rec.events.stream().filter(e -> call.linkedid().equals(PartitionKeys.of(e.event()))).toList();
        }
        assertThat(mine).isNotEmpty();
        assertThat(mine.get(0).event()).isInstanceOf(NewChannelEvent.class);
        assertThat(mine.get(mine.size() - 1).event().getClass().getSimpleName())
                .isIn("HangupEvent", "CdrEvent", "BridgeDestroyEvent", "SoftHangupRequestEvent");
        // the gateway's own order: arrival times never go backwards within the call
        for (int i = 1; i < mine.size(); i++) {
            assertThat(mine.get(i).receivedAt()).isAfterOrEqualTo(mine.get(i - 1).receivedAt());
        }
        assertThat(m.status(GW).channels()).isZero();
    }

    /** handles only new channels, hang-ups and one channel variable, like the application's listeners do */
    static final class Selective extends Recorder {
        @Override
        public java.util.Set<Class<? extends ManagerEvent>> eventTypes() {
            return java.util.Set.of(NewChannelEvent.class, HangupEvent.class, VarSetEvent.class);
        }

        @Override
        public boolean wants(ManagerEvent e) {
            return !(e instanceof VarSetEvent v) || "MIXMONITOR_FILENAME".equals(v.getVariable());
        }
    }

    @Test
    void eventsNoListenerHandlesAreSkippedUnbuiltOrDroppedOnArrival() throws Exception {
        AsteriskSimulator sim = simulator();
        Selective rec = new Selective();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        GatewayConnectionManager m = manager(sim, rec, meters);
        await(() -> m.connected(GW), "login");
        QueueAddAction add = new QueueAddAction("repair", "PJSIP/8001", 0);
        add.setMemberName("1001 王丽");
        add.setStateInterface("PJSIP/8001");
        m.send(GW, add);
        sim.phone("8001").autoAnswer(Duration.ofMillis(100));
        long mark = sim.journalMark();

        CallHandle call = sim.incomingCall("+8613800138000", "4930123456");
        assertThat(call.awaitInput(Duration.ofSeconds(5))).isTrue();
        call.press("1");
        assertThat(call.awaitBridged(Duration.ofSeconds(10))).isTrue();
        call.hangup();
        assertThat(call.awaitHungUp(Duration.ofSeconds(5))).isTrue();
        await(() -> rec.of(HangupEvent.class).size() >= 2, "both legs hung up");
        assertThat(m.drain(Duration.ofSeconds(5))).isTrue();

        synchronized (rec.events) {
            assertThat(rec.events).extracting(e -> e.event().getClass().getSimpleName())
                    .containsOnly("NewChannelEvent", "HangupEvent", "VarSetEvent");
        }
        assertThat(rec.of(VarSetEvent.class)).isNotEmpty()
                .allSatisfy(v -> assertThat(v.getVariable()).isEqualTo("MIXMONITOR_FILENAME"));
        long emitted = sim.journalMark() - mark;
        double built = meters.counter("heatdesk.callcenter.ami.events").count();
        double dropped = meters.counter("heatdesk.callcenter.ami.events.ignored").count();
        assertThat(built).as("Newexten, AGIExec, DTMF … are read but never built").isLessThan(emitted);
        assertThat(dropped).as("built but of no listener's interest: other VarSets, QueueMember events …").isPositive();
        assertThat(meters.timer("heatdesk.callcenter.ami.dispatch.lag").count())
                .as("only the wanted events reach the lanes").isEqualTo(rec.events.size());
    }

    @Test
    void reconnectsAfterARestartAndAfterANetworkCutTellingWhichIsWhich() throws Exception {
        // Asterisk's start time has one-second resolution: the restart must not fall into the second it started in
        AsteriskSimulator sim = simulator(Duration.ofMillis(1100));
        Recorder rec = new Recorder();
        GatewayConnectionManager m = manager(sim, rec);
        await(() -> m.connected(GW), "login");
        await(() -> rec.lifecycle.size() == 1, "first connect");

        sim.dropConnections();
        await(() -> rec.lifecycle.size() >= 3 && m.connected(GW), "reconnect after the cut");
        assertThat(rec.lifecycle.subList(1, 3)).containsExactly("disconnected:" + GW, "connected:" + GW + ":false");

        sim.restart();
        await(() -> rec.lifecycle.size() >= 5 && m.connected(GW), "reconnect after the restart");
        assertThat(rec.lifecycle.subList(3, 5)).containsExactly("disconnected:" + GW, "connected:" + GW + ":true");
        assertThat(m.status(GW).reconnects()).isEqualTo(2);
    }

    @Test
    void aLatePongDoesNotDropALinkThatIsStillDeliveringEventsButASilentOneIsDropped() throws Exception {
        AsteriskSimulator sim = simulator();
        Recorder rec = new Recorder();
        GatewayConnectionManager m = manager(sim, rec);
        await(() -> m.connected(GW), "login");
        await(() -> rec.lifecycle.size() == 1, "first connect");
        // Pongs come 5 s late (ping every 2 s, timeout 3 s), as when the reader is backed up behind events
        sim.delayPongs(Duration.ofSeconds(5));
        long until = System.currentTimeMillis() + 9_000;
        while (System.currentTimeMillis() < until) {
            sim.eventStorm(20);
            Thread.sleep(100);
        }
        assertThat(rec.lifecycle).as("a busy but live link is kept").containsExactly("connected:" + GW + ":true");
        assertThat(m.connected(GW)).isTrue();

        // no events and no Pong: the link is dead after all
        await(() -> rec.lifecycle.contains("disconnected:" + GW), "the silent link dropped");
        assertThat(m.status(GW).lastError()).isEqualTo("心跳无响应");
    }

    @Test
    void actionsWhileTheGatewayIsDownAreRefusedWithAReason() throws Exception {
        AsteriskSimulator sim = simulator();
        Recorder rec = new Recorder();
        GatewayConnectionManager m = manager(sim, rec);
        await(() -> m.connected(GW), "login");
        sim.stop();
        await(() -> !m.connected(GW), "the link noticed");
        assertThatThrownBy(() -> m.send(GW, new QueueAddAction("repair", "PJSIP/8002", 0)))
                .isInstanceOf(GatewayUnavailableException.class)
                .hasMessageContaining("测试网关").hasMessageContaining("未连接");
        assertThat(m.status(GW).lastError()).isNotBlank();
        assertThatThrownBy(() -> m.send(999L, new QueueStatusAction()))
                .isInstanceOf(GatewayUnavailableException.class);
    }
}
