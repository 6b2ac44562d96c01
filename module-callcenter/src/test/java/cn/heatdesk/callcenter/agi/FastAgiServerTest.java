package cn.heatdesk.callcenter.agi;

import cn.heatdesk.baseinfo.api.BlacklistHit;
import cn.heatdesk.callcenter.sim.AsteriskSimulator;
import cn.heatdesk.callcenter.sim.CallHandle;
import cn.heatdesk.callcenter.sim.SimConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HeatDesk's FastAGI server over real TCP, called by the simulator's dialplan exactly where the reference system's
 * dialplan calls it: a blacklisted caller is told and released, everyone else goes on to the IVR menu.
 */
class FastAgiServerTest {

    FastAgiServer server;
    AsteriskSimulator sim;
    final List<String> checked = new CopyOnWriteArrayList<>();

    void start() {
        BlacklistScript blacklist = new BlacklistScript(phone -> {
            checked.add(phone);
            return "+8613900000666".equals(phone)
                    ? Optional.of(new BlacklistHit(1L, phone, "恶意骚扰", null, LocalDateTime.now(), "admin"))
                    : Optional.empty();
        });
        server = new FastAgiServer(new AgiProperties(true, "127.0.0.1", 0, 2, 10), List.of(blacklist));
        server.start();
        sim = new AsteriskSimulator(new SimConfig().port(0).agi("127.0.0.1", server.port())
                .promptDuration(Duration.ofMillis(300)));
        sim.start();
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aBlacklistedCallerIsReleasedAndOthersReachTheMenu() throws Exception {
        start();
        assertThat(server.port()).isPositive();
        assertThat(server.scripts()).containsKey("blacklist");

        CallHandle blocked = sim.incomingCall("+8613900000666", "4930123456");
        assertThat(blocked.awaitHungUp(Duration.ofSeconds(10))).isTrue();
        assertThat(blocked.variable("BLACKLISTED")).isEqualTo("1");

        CallHandle ok = sim.incomingCall("+8613800138000", "4930123456");
        assertThat(ok.awaitInput(Duration.ofSeconds(10))).isTrue();
        assertThat(ok.variable("BLACKLISTED")).isEqualTo("0");
        assertThat(ok.isHungUp()).isFalse();
        ok.hangup();

        assertThat(checked).containsExactly("+8613900000666", "+8613800138000");
    }

    @Test
    void whenTheCheckFailsTheCallerIsLetThrough() throws Exception {
        server = new FastAgiServer(new AgiProperties(true, "127.0.0.1", 0, 2, 10), List.of(new BlacklistScript(phone -> {
            throw new IllegalStateException("database down");
        })));
        server.start();
        sim = new AsteriskSimulator(new SimConfig().port(0).agi("127.0.0.1", server.port())
                .promptDuration(Duration.ofMillis(300)));
        sim.start();
        CallHandle call = sim.incomingCall("+8613800138000", "4930123456");
        assertThat(call.awaitInput(Duration.ofSeconds(10))).isTrue();
        assertThat(call.variable("BLACKLISTED")).isEqualTo("0");
        call.hangup();
    }
}
