package cn.heatdesk.callcenter.ami;

import cn.heatdesk.callcenter.gateway.GatewayDirectory;
import cn.heatdesk.callcenter.gateway.GatewayEndpoint;
import cn.heatdesk.callcenter.sim.AsteriskSimulator;
import cn.heatdesk.callcenter.sim.SimConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.asteriskjava.manager.event.VarSetEvent;
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

/**
 * The group's size: 18 station gateways on one HeatDesk at once, over real TCP. An event storm on every gateway at
 * the same time arrives complete and in order per call; then some gateways restart and others lose their network in
 * the middle, and every one comes back, the restarted ones flagged so their state is pushed back.
 */
class EighteenGatewaysTest {

    static final int GATEWAYS = 18;
    static final int STORM = 3_000;

    final List<AsteriskSimulator> sims = new ArrayList<>();
    GatewayConnectionManager manager;

    @AfterEach
    void close() {
        if (manager != null) {
            manager.stop();
        }
        sims.forEach(AsteriskSimulator::close);
    }

    static void await(BooleanSupplier c, String what) throws InterruptedException {
        long until = System.currentTimeMillis() + 60_000;
        while (!c.getAsBoolean()) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void eighteenGatewaysStormRestartAndReconnectWithoutLosingAnEvent() throws Exception {
        List<GatewayEndpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < GATEWAYS; i++) {
            AsteriskSimulator sim = new AsteriskSimulator(new SimConfig().port(0).systemName("st" + i)
                    .restartDowntime(Duration.ofMillis(1100)));
            sim.start();
            sims.add(sim);
            endpoints.add(new GatewayEndpoint(100 + i, "GW-ST" + i, "站部网关" + i, 1L, "/1/", null, "127.0.0.1",
                    sim.port(), sim.config().username(), sim.config().secret(), true));
        }
        Map<Long, List<Integer>> values = new ConcurrentHashMap<>();
        Map<Long, List<Boolean>> connects = new ConcurrentHashMap<>();
        GatewayEventListener listener = new GatewayEventListener() {
            @Override
            public void onEvent(GatewayEvent e) {
                if (e.event() instanceof VarSetEvent v && "STORM".equals(v.getVariable())) {
                    values.computeIfAbsent(e.gatewayId(), k -> Collections.synchronizedList(new ArrayList<>()))
                            .add(Integer.parseInt(v.getValue()));
                }
            }

            @Override
            public void onConnected(long gatewayId, boolean restarted) {
                connects.computeIfAbsent(gatewayId, k -> Collections.synchronizedList(new ArrayList<>())).add(restarted);
            }
        };
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("directory", new GatewayDirectory() {
            @Override
            public List<GatewayEndpoint> enabledGateways() {
                return endpoints;
            }

            @Override
            public Optional<GatewayEndpoint> find(long id) {
                return endpoints.stream().filter(e -> e.id() == id).findFirst();
            }
        });
        beans.addBean("listener", listener);
        manager = new GatewayConnectionManager(new AmiProperties(true, Duration.ofSeconds(5), null, 1,
                Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(5), 4, 1_000_000),
                beans.getBeanProvider(GatewayDirectory.class), beans.getBeanProvider(GatewayEventListener.class),
                new SimpleMeterRegistry());
        manager.start();
        await(() -> endpoints.stream().allMatch(e -> manager.connected(e.id())), "all 18 connected");

        List<Thread> storms = new ArrayList<>();
        for (AsteriskSimulator sim : sims) {
            Thread t = new Thread(() -> sim.eventStorm(STORM));
            t.start();
            storms.add(t);
        }
        for (Thread t : storms) {
            t.join();
        }
        await(() -> endpoints.stream().allMatch(e -> values.getOrDefault(e.id(), List.of()).size() == STORM),
                "every storm event processed");
        for (GatewayEndpoint e : endpoints) {
            List<Integer> got = values.get(e.id());
            assertThat(got).as("gateway %s in order", e.code()).isSorted().doesNotHaveDuplicates();
            assertThat(got.get(0)).isZero();
        }

        // three restart, three lose their network, the rest carry on
        for (int i = 0; i < 3; i++) {
            sims.get(i).restart();
            sims.get(3 + i).dropConnections();
        }
        await(() -> endpoints.stream().allMatch(e -> manager.connected(e.id()))
                && endpoints.subList(0, 6).stream().allMatch(e -> connects.get(e.id()).size() == 2), "all reconnected");
        for (int i = 0; i < GATEWAYS; i++) {
            List<Boolean> c = connects.get(endpoints.get(i).id());
            assertThat(c.get(0)).as("first session of %s", i).isTrue();
            if (i < 3) {
                assertThat(c).as("restarted gateway %s", i).containsExactly(true, true);
            } else if (i < 6) {
                assertThat(c).as("network cut at gateway %s", i).containsExactly(true, false);
            } else {
                assertThat(c).as("untouched gateway %s", i).containsExactly(true);
            }
        }
        assertThat(manager.status(endpoints.get(10).id()).reconnects()).isZero();
    }
}
