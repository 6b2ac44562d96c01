package cn.heatdesk.app.callcenter;

import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import cn.heatdesk.callcenter.ami.GatewayConnectionManager;
import cn.heatdesk.callcenter.demo.CallCenterDemo;
import cn.heatdesk.callcenter.sim.AmiMessage;
import cn.heatdesk.callcenter.sim.AsteriskSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the ITs on the demo's simulated headquarters gateway (real AMI over TCP) share: the link, agents bound to the
 * demo phones, signing in to 示闲, waiting for states and simulator events.
 */
abstract class DemoGatewayIT extends AbstractApiIT {

    static final Duration T = Duration.ofSeconds(20);

    @Autowired
    CallCenterDemo demo;
    @Autowired
    GatewayConnectionManager ami;

    AsteriskSimulator hq;
    long gw;

    /** the HQ simulator and its gateway id, once its AMI link is up */
    void connectHq() throws InterruptedException {
        assertThat(demo.active()).as("the demo telephone system runs in the test application").isTrue();
        hq = demo.simulator(null).orElseThrow();
        gw = demo.simulators().keySet().iterator().next();
        await(() -> ami.connected(gw), "the HQ gateway's AMI link");
    }

    /**
     * The demo binding (agent01 ↔ 8001, monitor01 ↔ 8002 with the repair skill) as the demo sets it up; other ITs of
     * the same application (AgentApiIT) delete monitor01's agent, so it is made again through the admin API.
     */
    void ensureAgent(String username, String ext, int level) {
        long userId = jdbc.queryForObject("SELECT id FROM sys_user WHERE username = ?", Long.class, username);
        long phoneId = jdbc.queryForObject("SELECT id FROM cc_phone WHERE gateway_id = ? AND extension = ?", Long.class,
                gw, ext);
        Integer bound = jdbc.queryForObject("SELECT COUNT(*) FROM cc_agent WHERE user_id = ? AND phone_id = ?",
                Integer.class, userId, phoneId);
        if (bound != null && bound > 0) {
            return;
        }
        long queueId = jdbc.queryForObject("SELECT id FROM cc_queue WHERE gateway_id = ? AND queue_name = 'repair'",
                Long.class, gw);
        ApiClient.Reply r = admin().post("/api/callcenter/agents", Map.of("userId", String.valueOf(userId),
                "phoneId", String.valueOf(phoneId), "skills", List.of(Map.of("queueId", String.valueOf(queueId),
                        "level", level))));
        assertThat(r.status()).as("bind %s to %s: %s", username, ext, r).isEqualTo(200);
    }

    void signInIdle(ApiClient c, String ext) throws Exception {
        JsonNode me = c.get("/api/callcenter/agents/me").data();
        assertThat(me.path("extension").asText()).isEqualTo(ext);
        if (me.path("state").asText().equals("SIGNED_OUT")) {
            await(() -> c.get("/api/callcenter/agents/me").data().path("phoneRegistered").asBoolean(), ext + " registered");
            ApiClient.Reply r = c.post("/api/callcenter/agents/me/sign-in", Map.of("extension", ext));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
        idle(c, ext);
        await(() -> hq.queueMembers("repair").contains("PJSIP/" + ext), ext + " in the repair queue");
    }

    void idle(ApiClient c, String what) throws Exception {
        await(() -> {
            String s = state(c);
            if (s.equals("BUSY") || s.equals("BREAK") || s.equals("WRAP_UP")) {
                c.post("/api/callcenter/agents/me/state", Map.of("action", "SET_IDLE"));
            }
            return state(c).equals("IDLE");
        }, what + " idle");
    }

    /** signs the agents out after a test, once they are out of their calls */
    void signOut(ApiClient... clients) throws InterruptedException {
        for (ApiClient c : clients) {
            if (c == null) {
                continue;
            }
            await(() -> !List.of("TALKING", "RINGING").contains(state(c)), "agent out of the call");
            if (!state(c).equals("SIGNED_OUT")) {
                c.post("/api/callcenter/agents/me/state", Map.of("action", "SIGN_OUT"));
            }
        }
    }

    static String state(ApiClient c) {
        return c.get("/api/callcenter/agents/me").data().path("state").asText();
    }

    static void await(Supplier<Boolean> condition, String what) throws InterruptedException {
        long until = System.currentTimeMillis() + T.toMillis();
        while (!Boolean.TRUE.equals(condition.get())) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    AmiMessage event(long mark, String name, String... fv) {
        AmiMessage m = hq.awaitEvent(mark, AsteriskSimulator.event(name, fv), T);
        assertThat(m).as(name + " " + String.join(",", fv)).isNotNull();
        return m;
    }
}
