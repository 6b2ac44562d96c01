package cn.heatdesk.app.callcenter;

import cn.heatdesk.app.ApiClient;
import cn.heatdesk.callcenter.sim.AmiMessage;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 班长监控 over real HTTP, on the demo's simulated headquarters gateway over real AMI TCP: monitor01 (王班长, the
 * SUPERVISOR role, bound to 8002) listens to, whispers to and barges into agent01's call (8001), releases one call,
 * intercepts another, moves waiting callers to the front and to a free agent; every action lands in the log; a
 * station supervisor outside the scope and the illegal cases are refused with Chinese reasons.
 */
class SupervisorFlowIT extends DemoGatewayIT {

    static final String CALLER = "13800138000";
    static final String BASE = "/api/callcenter/supervisor";

    ApiClient agent;
    ApiClient supervisor;
    long agentId;
    long supervisorAgentId;

    @BeforeEach
    void setUp() throws Exception {
        connectHq();
        ensureAgent("agent01", "8001", 0);
        ensureAgent("monitor01", "8002", 1);
        agent = client().loggedIn("agent01", DEMO_PASSWORD);
        supervisor = client().loggedIn("monitor01", DEMO_PASSWORD);
        signInIdle(agent, "8001");
        signInIdle(supervisor, "8002");
        agentId = agent.get("/api/callcenter/agents/me").data().path("id").asLong();
        supervisorAgentId = supervisor.get("/api/callcenter/agents/me").data().path("id").asLong();
    }

    @AfterEach
    void tearDown() throws Exception {
        hq.hangupAll();
        await(() -> hq.channelNames().isEmpty(), "no channels left");
        signOut(agent, supervisor);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    void busy(ApiClient c, String what) throws Exception {
        await(() -> {
            String s = state(c);
            if (!s.equals("BUSY")) {
                c.post("/api/callcenter/agents/me/state", Map.of("action", "SET_BUSY", "reason", "MEETING"));
            }
            return state(c).equals("BUSY");
        }, what + " busy");
    }

    void phone(String ext, String action) {
        ApiClient.Reply r = agent.post("/api/callcenter/demo/phones/" + ext + "/" + action, Map.of());
        assertThat(r.status()).as(ext + " " + action + ": " + r).isEqualTo(200);
    }

    String answeredQueueCall() throws Exception {
        ApiClient.Reply started = agent.post("/api/callcenter/demo/calls", Map.of("callerNumber", CALLER, "digits", "1"));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        String linkedid = started.data().path("linkedid").asText();
        await(() -> state(agent).equals("RINGING"), "agent01 ringing");
        phone("8001", "answer");
        await(() -> state(agent).equals("TALKING"), "agent01 talking");
        return linkedid;
    }

    String waitingCall(String number, String digits) {
        ApiClient.Reply started = agent.post("/api/callcenter/demo/calls", Map.of("callerNumber", number, "digits", digits));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        String linkedid = started.data().path("linkedid").asText();
        event(0, "QueueCallerJoin", "Linkedid", linkedid);
        return linkedid;
    }

    ApiClient.Reply act(ApiClient c, long targetAgent, String action) {
        return c.post(BASE + "/agents/" + targetAgent + "/" + action, Map.of());
    }

    JsonNode callOf(String linkedid) {
        JsonNode page = agent.get("/api/callcenter/calls?size=50&sort=startedAt&order=desc").data();
        for (JsonNode c : page.path("records")) {
            if (linkedid.equals(c.path("linkedid").asText())) {
                return c;
            }
        }
        return null;
    }

    JsonNode loggedAction(String action, String linkedid) {
        JsonNode page = supervisor.get(BASE + "/actions?size=200&action=" + action).data();
        for (JsonNode r : page.path("records")) {
            if (linkedid == null || linkedid.equals(r.path("linkedid").asText())) {
                return r;
            }
        }
        return null;
    }

    JsonNode waitingOnBoard(String linkedid) {
        JsonNode board = supervisor.get(BASE + "/board").data();
        for (JsonNode q : board.path("queues")) {
            for (JsonNode c : q.path("callers")) {
                if (linkedid.equals(c.path("linkedid").asText())) {
                    return c;
                }
            }
        }
        return null;
    }

    // ---- tests ------------------------------------------------------------------------------------------------

    @Test
    void listenWhisperAndBargeEachRingTheSupervisorPhoneIntoChanSpyWithItsMode() throws Exception {
        String linkedid = answeredQueueCall();
        for (String[] m : new String[][] {{"listen", "qE", "LISTEN"}, {"whisper", "qEw", "WHISPER"},
                {"barge", "qEB", "BARGE"}}) {
            long mark = hq.journalMark();
            ApiClient.Reply r = act(supervisor, agentId, m[0]);
            assertThat(r.status()).as(m[0] + ": " + r).isEqualTo(200);
            assertThat(r.data().path("message").asText()).contains("8002");
            String spyId = r.data().path("channel").asText();
            assertThat(spyId).startsWith("hd-spy-");
            AmiMessage originate = event(mark, "Newchannel", "Uniqueid", spyId);
            assertThat(originate.get("Channel")).startsWith("PJSIP/8002-");
            await(() -> hq.phone("8002").awaitRinging(Duration.ofMillis(200)), "the supervisor's phone rings");
            phone("8002", "answer");
            AmiMessage spy = event(mark, "ChanSpyStart", "SpyerUniqueid", spyId);
            assertThat(spy.get("SpyerExten")).isEqualTo(m[0] + "_8001");
            assertThat(spy.get("SpyeeChannel")).startsWith("PJSIP/8001-");
            assertThat(spy.get("SpyeeLinkedid")).isEqualTo(linkedid);
            AmiMessage app = event(mark, "Newexten", "Uniqueid", spyId, "Application", "ChanSpy");
            assertThat(app.get("AppData")).isEqualTo("PJSIP/8001-," + m[1]);
            // the agent's call goes on; the supervisor leaves by hanging up
            assertThat(state(agent)).isEqualTo("TALKING");
            phone("8002", "hangup");
            event(mark, "ChanSpyStop", "SpyerUniqueid", spyId);
            await(() -> hq.phone("8002").awaitIdle(Duration.ofMillis(200)), "the spy leg ended");
            JsonNode logged = loggedAction(m[2], linkedid);
            assertThat(logged).as(m[2] + " logged").isNotNull();
            assertThat(logged.path("result").asText()).isEqualTo("OK");
            assertThat(logged.path("supervisorExtension").asText()).isEqualTo("8002");
            assertThat(logged.path("targetJobNo").asText()).isNotBlank();
            assertThat(logged.path("targetAgentId").asText()).isEqualTo(String.valueOf(agentId));
        }
        assertThat(state(agent)).isEqualTo("TALKING");
    }

    @Test
    void releaseEndsTheCall() throws Exception {
        String linkedid = answeredQueueCall();
        long mark = hq.journalMark();
        ApiClient.Reply r = act(supervisor, agentId, "release");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.data().path("channel").asText()).startsWith("PJSIP/9000-");
        event(mark, "Hangup", "Linkedid", linkedid, "Channel", r.data().path("channel").asText());
        await(() -> hq.phone("8001").awaitIdle(Duration.ofMillis(200)), "the agent's leg ended");
        await(() -> !state(agent).equals("TALKING"), "agent01 out of the call");
        await(() -> {
            JsonNode c = callOf(linkedid);
            return c != null && "ENDED".equals(c.path("status").asText());
        }, "call ended");
        assertThat(callOf(linkedid).path("result").asText()).isEqualTo("ANSWERED");
        assertThat(loggedAction("RELEASE", linkedid).path("result").asText()).isEqualTo("OK");
        // nothing left to release
        ApiClient.Reply again = act(supervisor, agentId, "release");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("msg").asText()).contains("当前没有通话");
    }

    @Test
    void interceptHandsTheCallerToTheSupervisor() throws Exception {
        String linkedid = answeredQueueCall();
        long mark = hq.journalMark();
        ApiClient.Reply r = act(supervisor, agentId, "intercept");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        AmiMessage redirected = event(mark, "Newexten", "Linkedid", linkedid, "Context", "transfer-targets");
        assertThat(redirected.get("Channel")).startsWith("PJSIP/9000-");
        await(() -> hq.phone("8001").awaitIdle(Duration.ofMillis(200)), "the agent's leg ended");
        await(() -> hq.phone("8002").awaitRinging(Duration.ofMillis(200)), "the supervisor's phone rings");
        phone("8002", "answer");
        await(() -> hq.phone("8002").awaitInCall(Duration.ofMillis(200)), "the supervisor talks with the caller");
        AmiMessage enter = event(mark, "BridgeEnter", "Linkedid", linkedid, "Channel", redirected.get("Channel"));
        assertThat(enter.get("BridgeNumChannels")).isEqualTo("2");
        await(() -> !state(agent).equals("TALKING"), "agent01 out of the call");
        assertThat(loggedAction("INTERCEPT", linkedid).path("result").asText()).isEqualTo("OK");
    }

    @Test
    void waitingCallerMovedToTheFrontAndToAFreeAgent() throws Exception {
        busy(agent, "agent01");
        busy(supervisor, "monitor01");
        String first = waitingCall("13900000001", "1");
        String second = waitingCall("13900000002", "1");
        await(() -> waitingOnBoard(second) != null, "the second caller on the board");
        JsonNode before = waitingOnBoard(second);
        assertThat(before.path("position").asInt()).isEqualTo(2);
        assertThat(before.path("queue").asText()).isEqualTo("repair");
        // monitor01 holds callcenter:number:view: numbers in clear
        assertThat(before.path("number").asText()).isEqualTo("13900000002");
        assertThat(before.path("waitSeconds").asLong()).isGreaterThanOrEqualTo(0);

        long mark = hq.journalMark();
        ApiClient.Reply front = supervisor.post(BASE + "/queue/prioritize", Map.of("gatewayId", String.valueOf(gw),
                "linkedid", second, "mode", "FRONT"));
        assertThat(front.status()).as(front.toString()).isEqualTo(200);
        AmiMessage join = event(mark, "QueueCallerJoin", "Linkedid", second);
        assertThat(join.get("Position")).isEqualTo("1");
        await(() -> {
            JsonNode w = waitingOnBoard(second);
            return w != null && w.path("position").asInt() == 1;
        }, "the second caller first on the board");
        assertThat(waitingOnBoard(first).path("position").asInt()).isEqualTo(2);
        assertThat(loggedAction("TO_FRONT", second).path("result").asText()).isEqualTo("OK");

        // agent01 is busy: not free
        ApiClient.Reply notFree = supervisor.post(BASE + "/queue/prioritize", Map.of("gatewayId", String.valueOf(gw),
                "linkedid", first, "mode", "AGENT", "agentId", String.valueOf(agentId)));
        assertThat(notFree.status()).isEqualTo(409);
        assertThat(notFree.body().path("msg").asText()).contains("不是空闲状态");
        assertThat(loggedAction("TO_AGENT", first).path("result").asText()).isEqualTo("FAILED");

        // agent01 becomes free: app_queue rings agent01 for the prioritised caller, though it came in later
        long mark2 = hq.journalMark();
        assertThat(agent.post("/api/callcenter/agents/me/state", Map.of("action", "SET_IDLE")).status()).isEqualTo(200);
        AmiMessage called = event(mark2, "AgentCalled");
        assertThat(called.get("Linkedid")).isEqualTo(second);
        assertThat(waitingOnBoard(first)).as("the first caller still waits").isNotNull();
    }

    @Test
    void waitingCallerSentToAChosenFreeAgentIsAnsweredThere() throws Exception {
        // monitor01 is free but, for this test, only in the complaint queue; agent01 (repair) is busy: the repair
        // caller waits although an agent is free — the case 指定坐席 is for
        ApiClient admin = admin();
        JsonNode skills = admin.get("/api/callcenter/agents/" + supervisorAgentId).data().path("skills");
        List<Map<String, Object>> original = new ArrayList<>();
        skills.forEach(k -> original.add(Map.of("queueId", k.path("queueId").asText(), "level", k.path("level").asInt())));
        long complaint = jdbc.queryForObject("SELECT id FROM cc_queue WHERE gateway_id = ? AND queue_name = 'complaint'",
                Long.class, gw);
        ApiClient.Reply only = admin.put("/api/callcenter/agents/" + supervisorAgentId + "/skills", Map.of("skills",
                List.of(Map.of("queueId", String.valueOf(complaint), "level", 0))));
        assertThat(only.status()).as(only.toString()).isEqualTo(200);
        try {
            await(() -> !hq.queueMembers("repair").contains("PJSIP/8002"), "monitor01 out of the repair queue");
            busy(agent, "agent01");
            idle(supervisor, "monitor01");
            toAChosenAgent(admin);
        } finally {
            hq.hangupAll();
            ApiClient.Reply back = admin.put("/api/callcenter/agents/" + supervisorAgentId + "/skills",
                    Map.of("skills", original));
            assertThat(back.status()).as(back.toString()).isEqualTo(200);
        }
    }

    void toAChosenAgent(ApiClient admin) throws Exception {
        String linkedid = waitingCall("13900000003", "1");
        await(() -> waitingOnBoard(linkedid) != null, "the caller on the board");
        assertThat(state(supervisor)).isEqualTo("IDLE");

        long mark = hq.journalMark();
        ApiClient.Reply r = admin.post(BASE + "/queue/prioritize", Map.of("gatewayId", String.valueOf(gw),
                "linkedid", linkedid, "mode", "AGENT", "agentId", String.valueOf(supervisorAgentId)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        event(mark, "QueueCallerLeave", "Linkedid", linkedid);
        await(() -> hq.phone("8002").awaitRinging(Duration.ofMillis(200)), "monitor01's phone rings");
        phone("8002", "answer");
        await(() -> hq.phone("8002").awaitInCall(Duration.ofMillis(200)), "monitor01 talks with the caller");
        await(() -> waitingOnBoard(linkedid) == null, "the caller left the board");
        JsonNode logged = loggedAction("TO_AGENT", linkedid);
        assertThat(logged.path("result").asText()).isEqualTo("OK");
        assertThat(logged.path("queueName").asText()).isEqualTo("repair");

        agent.post("/api/callcenter/demo/calls/" + linkedid + "/hangup", Map.of());
        await(() -> {
            JsonNode c = callOf(linkedid);
            return c != null && "ENDED".equals(c.path("status").asText());
        }, "call ended");
        assertThat(callOf(linkedid).path("result").asText()).isEqualTo("ANSWERED");
        // the caller is gone: no longer waiting
        ApiClient.Reply gone = admin.post(BASE + "/queue/prioritize", Map.of("gatewayId", String.valueOf(gw),
                "linkedid", linkedid, "mode", "FRONT"));
        assertThat(gone.status()).isEqualTo(409);
        assertThat(gone.body().path("msg").asText()).contains("已不在排队");
    }

    @Test
    void illegalCasesAreRefusedInChineseAndLogged() throws Exception {
        // agent01 has no call
        ApiClient.Reply noCall = act(supervisor, agentId, "listen");
        assertThat(noCall.status()).isEqualTo(409);
        assertThat(noCall.body().path("msg").asText()).contains("当前没有通话");
        // the admin has no bound phone
        String linkedid = answeredQueueCall();
        ApiClient.Reply noPhone = act(admin(), agentId, "barge");
        assertThat(noPhone.status()).isEqualTo(409);
        assertThat(noPhone.body().path("msg").asText()).contains("尚未绑定话机");
        // an agent cannot supervise
        assertThat(act(agent, supervisorAgentId, "listen").status()).isEqualTo(403);
        // unknown agent
        assertThat(act(supervisor, 1L, "listen").status()).isEqualTo(404);
        // bad mode
        ApiClient.Reply mode = supervisor.post(BASE + "/queue/prioritize", Map.of("gatewayId", String.valueOf(gw),
                "linkedid", linkedid, "mode", "SIDEWAYS"));
        assertThat(mode.status()).isEqualTo(400);
        assertThat(mode.body().path("field").asText()).isEqualTo("mode");

        // a station supervisor (scope: ST01 and below) may not touch the headquarters' calls
        ApiClient station = stationSupervisor();
        ApiClient.Reply refused = act(station, agentId, "listen");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.body().path("msg").asText()).contains("数据权限");
        ApiClient.Reply refusedRelease = act(station, agentId, "release");
        assertThat(refusedRelease.status()).isEqualTo(403);
        assertThat(state(agent)).as("the call is untouched").isEqualTo("TALKING");
        JsonNode board = station.get(BASE + "/board").data();
        assertThat(board.path("queues").size()).isZero();

        // all of it logged as FAILED, with the reason; the station supervisor does not see the headquarters' rows
        Integer failed = jdbc.queryForObject("SELECT COUNT(*) FROM cc_supervisor_action WHERE outcome = 'FAILED' "
                + "AND error_message LIKE ?", Integer.class, "%数据权限%");
        assertThat(failed).isGreaterThanOrEqualTo(2);
        JsonNode noPhoneLog = loggedAction("BARGE", linkedid);
        assertThat(noPhoneLog.path("result").asText()).isEqualTo("FAILED");
        assertThat(noPhoneLog.path("errorMessage").asText()).contains("尚未绑定话机");
        assertThat(station.get(BASE + "/actions?size=100").data().path("records")).noneMatch(
                r -> "LISTEN".equals(r.path("action").asText()) && String.valueOf(agentId)
                        .equals(r.path("targetAgentId").asText()));
    }

    ApiClient stationSupervisor() {
        ApiClient admin = admin();
        String suffix = String.valueOf(System.nanoTime() % 1000000);
        ApiClient.Reply role = admin.post("/api/settings/roles", Map.of("roleCode", "ST_SUP_" + suffix,
                "roleName", "站部班长" + suffix, "dataScope", "ORG_AND_CHILDREN",
                "permissions", List.of("callcenter", "callcenter:agent", "callcenter:agent:supervise",
                        "callcenter:supervisor")));
        assertThat(role.status()).as(role.toString()).isEqualTo(200);
        String roleId = role.data().path("role").path("id").asText();
        String username = "st01sup" + suffix;
        ApiClient.Reply orgs = admin.get("/api/settings/orgs?keyword=ST01&size=50");
        String orgId = null;
        for (JsonNode o : orgs.data().path("records")) {
            if (o.path("orgCode").asText().equals("ST01")) {
                orgId = o.path("id").asText();
            }
        }
        assertThat(orgId).isNotNull();
        ApiClient.Reply u = admin.post("/api/settings/users", Map.of("username", username, "realName", "站部班长",
                "orgId", orgId, "initialPassword", admin.encrypt("Init#Pass2026"), "roleIds", List.of(roleId)));
        assertThat(u.status()).as(u.toString()).isEqualTo(200);
        ApiClient c = client();
        ApiClient.Reply first = c.login(username, "Init#Pass2026");
        assertThat(first.code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
        assertThat(c.post("/api/auth/password/initial", Map.of("changeTicket", first.data().path("changeTicket").asText(),
                "newPassword", c.encrypt("Station#Pass2026"))).status()).isEqualTo(200);
        return c.loggedIn(username, "Station#Pass2026");
    }
}
