package cn.heatdesk.bench.callcenter;

import cn.heatdesk.callcenter.ami.AmiProperties;
import cn.heatdesk.callcenter.ami.GatewayConnectionManager;
import cn.heatdesk.callcenter.ami.GatewayEvent;
import cn.heatdesk.callcenter.ami.GatewayEventListener;
import cn.heatdesk.callcenter.gateway.GatewayDirectory;
import cn.heatdesk.callcenter.gateway.GatewayEndpoint;
import cn.heatdesk.callcenter.sim.AsteriskSimulator;
import cn.heatdesk.callcenter.sim.SimConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * AMI ingestion per instance (issue 7 goal: ≥ 20,000 events/s): G simulated gateways over real TCP send a storm of
 * VarSet events (half of a real Asterisk's events are VarSet) to one {@link GatewayConnectionManager}; asterisk-java
 * parses them, HeatDesk's lanes hand them to a listener. Reported: events/s from the first storm event sent to the
 * last one processed, and the dispatch lag. The simulators run in the same JVM and share the CPUs.
 *
 * <pre>./mvnw -q -o -f bench/pom.xml compile exec:exec@ami -Dbench.args="--gateways=4 --events=100000 --rounds=3"</pre>
 */
public final class AmiIngestBench {

    public static void main(String[] args) throws Exception {
        // logback's default is DEBUG, and asterisk-java logs every event at DEBUG: that would be the benchmark
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        int gateways = intArg(args, "gateways", 4);
        int events = intArg(args, "events", 100_000);
        int rounds = intArg(args, "rounds", 3);
        System.out.printf("# AMI ingestion: %d gateways × %,d events, %d rounds; %d cores, Java %s, %s%n", gateways, events,
                rounds, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Instant.now());

        List<AsteriskSimulator> sims = new ArrayList<>();
        List<GatewayEndpoint> endpoints = new ArrayList<>();
        for (int g = 0; g < gateways; g++) {
            AsteriskSimulator sim = new AsteriskSimulator(new SimConfig().port(0).systemName("bench-gw" + g));
            sim.start();
            sims.add(sim);
            endpoints.add(new GatewayEndpoint(1000 + g, "GW" + g, "网关" + g, 1L, "/1/", null, "127.0.0.1", sim.port(),
                    sim.config().username(), sim.config().secret(), true));
        }
        AtomicLong seen = new AtomicLong();
        final CountDownLatch[] done = {new CountDownLatch(1)};
        final long[] target = {0};
        GatewayEventListener counter = new GatewayEventListener() {
            @Override
            public void onEvent(GatewayEvent e) {
                if (seen.incrementAndGet() == target[0]) {
                    done[0].countDown();
                }
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
        beans.addBean("counter", counter);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        GatewayConnectionManager m = new GatewayConnectionManager(new AmiProperties(true, null, null, 1, null, null,
                Duration.ofMinutes(5), null, 1_000_000), beans.getBeanProvider(GatewayDirectory.class),
                beans.getBeanProvider(GatewayEventListener.class), meters);
        m.start();
        long until = System.currentTimeMillis() + 20_000;
        while (endpoints.stream().anyMatch(e -> !m.connected(e.id()))) {
            if (System.currentTimeMillis() > until) {
                throw new IllegalStateException("gateways did not connect");
            }
            Thread.sleep(20);
        }
        Thread.sleep(500);
        m.drain(Duration.ofSeconds(10));

        for (int r = 0; r <= rounds; r++) {
            seen.set(0);
            target[0] = (long) gateways * events;
            done[0] = new CountDownLatch(1);
            double cpuBefore = processCpuSeconds();
            long t0 = System.nanoTime();
            List<Thread> senders = new ArrayList<>();
            for (AsteriskSimulator sim : sims) {
                Thread t = new Thread(() -> sim.eventStorm(events), "storm");
                t.start();
                senders.add(t);
            }
            for (Thread t : senders) {
                t.join();
            }
            long sent = System.nanoTime();
            if (!done[0].await(120, java.util.concurrent.TimeUnit.SECONDS)) {
                System.out.printf("round %d: only %,d of %,d events processed within 120 s%n", r, seen.get(), target[0]);
                continue;
            }
            long t1 = System.nanoTime();
            double secs = (t1 - t0) / 1e9;
            double cpu = processCpuSeconds() - cpuBefore;
            String label = r == 0 ? "warm-up" : "round " + r;
            System.out.printf("- %s: %,d events in %.2f s = **%,.0f events/s** (simulators done sending after %.2f s); "
                            + "process CPU %.0f %% of %d cores%n", label, target[0], secs, target[0] / secs,
                    (sent - t0) / 1e9, 100 * cpu / secs / Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors());
        }
        var lag = meters.get("heatdesk.callcenter.ami.dispatch.lag").timer().takeSnapshot();
        System.out.printf("- dispatch lag (arrival → processed) over all rounds: mean %.1f ms, max %.1f ms%n",
                lag.mean(java.util.concurrent.TimeUnit.MILLISECONDS), lag.max(java.util.concurrent.TimeUnit.MILLISECONDS));
        m.stop();
        sims.forEach(AsteriskSimulator::close);
    }

    private static double processCpuSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return 0;
    }

    private static int intArg(String[] args, String name, int dflt) {
        for (String a : args) {
            if (a.startsWith("--" + name + "=")) {
                return Integer.parseInt(a.substring(name.length() + 3));
            }
        }
        return dflt;
    }
}
