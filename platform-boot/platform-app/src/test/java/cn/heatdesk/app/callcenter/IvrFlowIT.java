package cn.heatdesk.app.callcenter;

import cn.heatdesk.app.AbstractApiIT;
import cn.heatdesk.app.ApiClient;
import cn.heatdesk.callcenter.agi.FastAgiServer;
import cn.heatdesk.callcenter.ami.GatewayConnectionManager;
import cn.heatdesk.callcenter.sim.AmiMessage;
import cn.heatdesk.callcenter.sim.AsteriskSimulator;
import cn.heatdesk.callcenter.sim.CallHandle;
import cn.heatdesk.callcenter.sim.SimConfig;
import com.fasterxml.jackson.databind.JsonNode;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.response.ManagerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Caller-facing FastAGI services over real TCP (docs/ivr.md): a simulated gateway running the dialplan HeatDesk renders
 * for a hotline with an IVR menu, its AMI link to the running app, and HeatDesk's FastAGI server walking the menu
 * configured through the REST API. Keys are pressed as the simulator's scripted caller; what the caller heard is
 * read from the AGIExecStart events (the AGI commands HeatDesk sent).
 */
class IvrFlowIT extends AbstractApiIT {

    static final String DID = "4930123456";

    @Autowired
    FastAgiServer agi;
    @Autowired
    GatewayConnectionManager ami;

    AsteriskSimulator sim;
    ApiClient admin;
    long gw;
    String code;
    long menuId;
    int menuVersion;

    @BeforeEach
    void gatewayWithMenu() throws Exception {
        admin = admin();
        code = GatewayApiIT.code();
        sim = new AsteriskSimulator(new SimConfig().port(0).systemName(code.toLowerCase())
                .agi("127.0.0.1", agi.port()).ivrMenu(code)
                .queues(List.of(SimConfig.QueueConfig.repair(), new SimConfig.QueueConfig("complaint", "rrmemory",
                        false, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(1), 30, 120)))
                .streamFileDuration(Duration.ofMillis(100)).promptDuration(Duration.ofMillis(500)));
        int amiPort = sim.start();
        Map<String, Object> g = GatewayApiIT.gateway(code, orgId("ST01"), sim.config().secret());
        g.put("amiPort", amiPort);
        g.put("amiUsername", sim.config().username());
        ApiClient.Reply r = admin.post("/api/callcenter/gateways", g);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        gw = r.data().path("id").asLong();
        for (String[] q : new String[][] {{"repair", "报修队列", "REPAIR"}, {"complaint", "投诉队列", "COMPLAINT"}}) {
            Map<String, Object> body = new HashMap<>();
            body.put("gatewayId", String.valueOf(gw));
            body.put("queueName", q[0]);
            body.put("displayName", q[1]);
            body.put("skillCode", q[2]);
            ApiClient.Reply qr = admin.post("/api/callcenter/queues", body);
            assertThat(qr.status()).as(qr.toString()).isEqualTo(200);
        }
        ApiClient.Reply m = admin.post("/api/callcenter/ivr-menus", menu(null, List.of()));
        assertThat(m.status()).as(m.toString()).isEqualTo(200);
        menuId = m.data().path("id").asLong();
        menuVersion = m.data().path("rowVersion").asInt();
        await(() -> ami.connected(gw), "the test gateway's AMI link");
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
        if (gw != 0) {
            admin.delete("/api/callcenter/ivr-menus/" + menuId);
        }
    }

    /** main: 1 报修, 2 投诉 sub-menu (1 complaint queue, * back), 7 留言, 9 自助查询; 1 s per key, 2 retries */
    Map<String, Object> menu(String offHoursAction, List<String> holidays) {
        Map<String, Object> m = new HashMap<>();
        m.put("gatewayId", String.valueOf(gw));
        m.put("hotline", DID);
        m.put("menuName", "测试热线");
        m.put("rootNode", "main");
        m.put("offHoursAction", offHoursAction);
        m.put("offHoursPrompt", offHoursAction == null ? null : "custom/closed");
        m.put("holidays", holidays);
        m.put("nodes", List.of(
                node("main", "主菜单", "custom/welcome", "HANGUP", List.of(key("1", "QUEUE", "repair"),
                        key("2", "MENU", "sub"), key("7", "VOICEMAIL", null), key("9", "SELF_SERVICE", null))),
                node("sub", "投诉", "custom/complaint-menu", "HANGUP", List.of(key("1", "QUEUE", "complaint"),
                        key("*", "MENU", "main")))));
        return m;
    }

    static Map<String, Object> node(String code, String name, String prompt, String fail, List<Map<String, Object>> keys) {
        Map<String, Object> n = new HashMap<>();
        n.put("code", code);
        n.put("name", name);
        n.put("prompt", prompt);
        n.put("timeoutSeconds", 1);
        n.put("maxRetries", 2);
        n.put("invalidPrompt", "invalid");
        n.put("timeoutPrompt", "custom/no-input");
        n.put("failAction", fail);
        n.put("keys", keys);
        return n;
    }

    static Map<String, Object> key(String digit, String action, String target) {
        Map<String, Object> k = new HashMap<>();
        k.put("digit", digit);
        k.put("action", action);
        k.put("target", target);
        return k;
    }

    static void await(Supplier<Boolean> condition, String what) throws InterruptedException {
        long until = System.currentTimeMillis() + 30_000;
        while (!Boolean.TRUE.equals(condition.get())) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    /** the AGI commands HeatDesk sent on a call's channel */
    List<String> agiCommands(long mark, String channel) {
        List<String> out = new ArrayList<>();
        // channel names are unique per call, so the whole journal can be filtered
        for (AmiMessage e : sim.journal()) {
            if ("AGIExecStart".equals(e.get("Event")) && channel.equals(e.get("Channel"))) {
                // asterisk-java quotes arguments (GET DATA "custom/welcome" 1000 1): compare without the quotes
                out.add(e.get("Command").replace("\"", "").strip());
            }
        }
        return out;
    }

    CallHandle call(String caller, String keys) {
        sim.config().ivrKeys(keys);
        return sim.incomingCall(caller, "IVR 测试", DID);
    }

    // ------------------------------------------------------------------------------------------------ tests

    @Test
    void keysWalkIntoASubMenuAndOnToItsQueue() throws Exception {
        long mark = sim.journalMark();
        CallHandle c = call("13900000001", "21");
        assertThat(c.awaitQueued(Duration.ofSeconds(15))).as("queued").isTrue();
        assertThat(c.variable("IVR_ACTION")).isEqualTo("QUEUE");
        assertThat(c.variable("IVR_QUEUE")).isEqualTo("complaint");
        assertThat(c.variable("IVR_PATH")).isEqualTo("2>1");
        assertThat(sim.awaitEvent(mark, AsteriskSimulator.event("QueueCallerJoin", "Queue", "complaint"),
                Duration.ofSeconds(5))).isNotNull();
        assertThat(agiCommands(mark, c.channel())).filteredOn(s -> s.startsWith("GET DATA"))
                .containsExactly("GET DATA custom/welcome 1000 1", "GET DATA custom/complaint-menu 1000 1");
        c.hangup();
        assertThat(c.awaitHungUp(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void anInvalidKeyThenSilenceAreAnsweredThenTheMenuGivesUp() throws Exception {
        long mark = sim.journalMark();
        CallHandle c = call("13900000002", "5-");
        assertThat(c.awaitHungUp(Duration.ofSeconds(20))).as("released after the retries").isTrue();
        assertThat(c.variable("IVR_ACTION")).isEqualTo("HANGUP");
        List<String> cmds = agiCommands(mark, c.channel());
        assertThat(cmds).filteredOn(s -> s.startsWith("GET DATA") || s.startsWith("STREAM FILE")).containsExactly(
                "GET DATA custom/welcome 1000 1", "STREAM FILE invalid",
                "GET DATA custom/welcome 1000 1", "STREAM FILE custom/no-input",
                "GET DATA custom/welcome 1000 1");
        // the caller never reached a queue
        assertThat(sim.journal().stream().noneMatch(e -> "QueueCallerJoin".equals(e.get("Event"))
                && c.channel().equals(e.get("Channel")))).isTrue();
    }

    @Test
    void outOfHoursCallsGoToVoicemailWithoutTheMenu() throws Exception {
        Map<String, Object> body = menu("VOICEMAIL", List.of(LocalDate.now().toString()));
        body.put("rowVersion", menuVersion);
        ApiClient.Reply u = admin.put("/api/callcenter/ivr-menus/" + menuId, body);
        assertThat(u.status()).as(u.toString()).isEqualTo(200);
        long mark = sim.journalMark();
        CallHandle c = call("13900000003", "1");
        assertThat(c.awaitActivity("Record", Duration.ofSeconds(15))).as("leaving a message").isTrue();
        assertThat(c.variable("IVR_ACTION")).isEqualTo("VOICEMAIL");
        assertThat(agiCommands(mark, c.channel())).contains("STREAM FILE custom/closed")
                .noneMatch(s -> s.startsWith("GET DATA"));
        c.hangup();
        assertThat(c.awaitHungUp(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void invalidMenusAreRefusedNamingTheField() {
        Map<String, Object> body = menu(null, List.of());
        body.put("hotline", "4930999999");
        @SuppressWarnings("unchecked")
        Map<String, Object> main = (Map<String, Object>) ((List<Object>) body.get("nodes")).get(0);
        main.put("keys", List.of(key("1", "QUEUE", "no-such-queue")));
        ApiClient.Reply r = admin.post("/api/callcenter/ivr-menus", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.body().toString()).contains("nodes[0].keys[0].target").contains("没有队列");
        main.put("keys", List.of(key("1", "MENU", "nowhere")));
        r = admin.post("/api/callcenter/ivr-menus", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().toString()).contains("子菜单");
        // one menu per hotline and gateway
        ApiClient.Reply dup = admin.post("/api/callcenter/ivr-menus", menu(null, List.of()));
        assertThat(dup.status()).as(dup.toString()).isIn(400, 409);
        assertThat(dup.body().toString()).contains("已有语音菜单");
        // a user without callcenter:ivr may not read menus
        ApiClient worker = client().loggedIn("agent01", DEMO_PASSWORD);
        assertThat(worker.get("/api/callcenter/ivr-menus").status()).isEqualTo(403);
    }

    @Test
    void selfServiceAnnouncesTheCallersLatestTicket() throws Exception {
        String caller = "139" + (10_000_000 + (int) (System.currentTimeMillis() % 9_000_000));
        ApiClient agent = client().loggedIn("agent01", DEMO_PASSWORD);
        long hh = jdbc.queryForList("SELECT id FROM bi_household ORDER BY id", Long.class).get(0);
        Map<String, Object> t = new HashMap<>();
        t.put("ticketType", "REPAIR");
        t.put("source", "PHONE");
        t.put("urgency", "NORMAL");
        t.put("householdId", String.valueOf(hh));
        t.put("callerPhone", caller);
        t.put("content", "自助查询测试：暖气不热");
        t.put("dispatchNow", false);
        ApiClient.Reply created = agent.post("/api/servicedesk/tickets", t);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode ticket = created.data().path("ticket");
        String digits = ticket.path("ticketNo").asText().replaceAll("\\D", "");
        String status = ticket.path("status").asText().toLowerCase().replace('_', '-');

        long mark = sim.journalMark();
        CallHandle c = call(caller, "9");
        assertThat(c.awaitHungUp(Duration.ofSeconds(25))).isTrue();
        List<String> cmds = agiCommands(mark, c.channel());
        int at = cmds.indexOf("STREAM FILE custom/ticket-latest");
        assertThat(at).as(cmds.toString()).isGreaterThan(0);
        assertThat(cmds.get(at + 1)).isEqualTo("SAY DIGITS " + digits);
        assertThat(cmds.get(at + 2)).isEqualTo("STREAM FILE custom/ticket-status-" + status);
        // then the same menu again
        assertThat(cmds.get(at + 3)).isEqualTo("GET DATA custom/welcome 1000 1");

        // a number without tickets hears so
        long mark2 = sim.journalMark();
        CallHandle none = call("13100000009", "9");
        assertThat(none.awaitHungUp(Duration.ofSeconds(25))).isTrue();
        assertThat(agiCommands(mark2, none.channel())).contains("STREAM FILE custom/ticket-none");
    }

    @Test
    void theCallerHearsTheAgentsJobNumberAndTheSurveyIsStoredOnTheCall() throws Exception {
        JsonNode agents = admin.get("/api/callcenter/agents?size=200").data().path("records");
        String jobNo = null;
        for (JsonNode a : agents) {
            if ("agent01".equals(a.path("username").asText())) {
                jobNo = a.path("jobNo").asText();
            }
        }
        assertThat(jobNo).as("agent01's job number").isNotBlank();
        // the member as HeatDesk adds it: MemberName "<jobNo> <name>" (queue members come over AMI)
        ManagerConnection mc = new ManagerConnectionFactory("127.0.0.1", sim.port(), sim.config().username(),
                sim.config().secret()).createManagerConnection();
        mc.login();
        try {
            QueueAddAction add = new QueueAddAction("repair", "PJSIP/8002");
            add.setMemberName(jobNo + " 测试坐席");
            ManagerResponse added = mc.sendAction(add);
            assertThat(added.getResponse()).as(added.getMessage()).isEqualTo("Success");
        } finally {
            mc.logoff();
        }
        sim.phone("8002").autoAnswer(Duration.ofMillis(200));

        long mark = sim.journalMark();
        CallHandle c = call("13900000004", "1");
        assertThat(c.awaitBridged(Duration.ofSeconds(20))).as("bridged with the agent").isTrue();
        List<String> cmds = agiCommands(mark, c.channel());
        int at = cmds.indexOf("STREAM FILE custom/agent-intro");
        assertThat(at).as(cmds.toString()).isGreaterThanOrEqualTo(0);
        String say = jobNo.chars().allMatch(Character::isDigit) ? "SAY DIGITS " : "SAY ALPHA ";
        assertThat(cmds.get(at + 1)).isEqualTo(say + jobNo + "");
        assertThat(c.variable("AGENT_JOBNO")).isEqualTo(jobNo);

        // the agent hangs up first: the survey (question 1 by the dialplan's Read, question 2 by HeatDesk)
        sim.phone("8002").hangup();
        assertThat(c.awaitActivity("Read", Duration.ofSeconds(10))).isTrue();
        c.press("4");
        assertThat(c.awaitActivity("GetData", Duration.ofSeconds(10))).isTrue();
        c.press("8");
        await(() -> agiCommands(mark, c.channel()).contains("STREAM FILE custom/survey-invalid"),
                "the invalid answer is refused");
        assertThat(c.awaitActivity("GetData", Duration.ofSeconds(10))).isTrue();
        c.press("5");
        assertThat(c.awaitHungUp(Duration.ofSeconds(15))).isTrue();
        assertThat(c.variable("SURVEY_Q1")).isEqualTo("4");
        assertThat(c.variable("SURVEY_Q2")).isEqualTo("5");
        String linkedid = c.linkedid();
        JsonNode[] call = new JsonNode[1];
        await(() -> {
            JsonNode page = admin.get("/api/callcenter/calls?size=50&gatewayId=" + gw).data().path("records");
            for (JsonNode x : page) {
                if (linkedid.equals(x.path("linkedid").asText()) && x.path("surveyScore2").asInt() == 5) {
                    call[0] = x;
                    return true;
                }
            }
            return false;
        }, "the call record with the survey");
        assertThat(call[0].path("surveyScore").asInt()).isEqualTo(4);
    }
}
