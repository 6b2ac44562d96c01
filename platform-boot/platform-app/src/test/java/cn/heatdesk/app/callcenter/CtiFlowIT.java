package cn.heatdesk.app.callcenter;

import cn.heatdesk.app.ApiClient;
import cn.heatdesk.callcenter.sim.AmiMessage;
import cn.heatdesk.callcenter.sim.RemoteParty;
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
 * Call control from the console over real HTTP, on the demo's simulated headquarters gateway over real AMI TCP
 * (agent01 ↔ 8001, monitor01 ↔ 8002): click-to-dial a household's number, blind transfer agent01 → monitor01,
 * consultation transfer cancelled and then completed, hold and resume, pickup of monitor01's ringing call, a refused
 * international number, and a gateway that is down.
 */
class CtiFlowIT extends DemoGatewayIT {

    static final String CALLER = "13800138000";
    static final String OUTBOUND = "callcenter:outbound";
    ApiClient agent;
    ApiClient monitor;

    @BeforeEach
    void setUp() throws Exception {
        connectHq();
        grantOutboundToAgents();
        ensureAgent("agent01", "8001", 0);
        ensureAgent("monitor01", "8002", 1);
        agent = client().loggedIn("agent01", DEMO_PASSWORD);
        monitor = client().loggedIn("monitor01", DEMO_PASSWORD);
        signInIdle(agent, "8001");
        signInIdle(monitor, "8002");
    }

    @AfterEach
    void tearDown() throws Exception {
        hq.goOnline();
        await(() -> ami.connected(gw), "the AMI link");
        hq.hangupAll();
        await(() -> hq.channelNames().isEmpty(), "no channels left");
        signOut(agent, monitor);
    }

    /**
     * The AGENT and SUPERVISOR roles get callcenter:outbound (the built-in roles carry it once the lead's grant is in;
     * role permissions are stored as codes, so this works before the menu declaration too).
     */
    void grantOutboundToAgents() {
        ApiClient admin = admin();
        JsonNode roles = admin.get("/api/settings/roles?size=100").data().path("records");
        for (JsonNode r : roles) {
            String code = r.path("roleCode").asText();
            if (!code.equals("AGENT") && !code.equals("SUPERVISOR")) {
                continue;
            }
            JsonNode detail = admin.get("/api/settings/roles/" + r.path("id").asText()).data();
            List<String> perms = new ArrayList<>();
            detail.path("permissions").forEach(p -> perms.add(p.asText()));
            if (!perms.contains(OUTBOUND)) {
                perms.add(OUTBOUND);
                ApiClient.Reply g = admin.put("/api/settings/roles/" + r.path("id").asText() + "/permissions",
                        Map.of("permissions", perms));
                assertThat(g.status()).as("grant %s to %s: %s", OUTBOUND, code, g).isEqualTo(200);
            }
        }
    }

    String jobNo(ApiClient c) {
        return c.get("/api/callcenter/agents/me").data().path("jobNo").asText();
    }

    ApiClient.Reply cti(ApiClient c, String path, Object body) {
        return c.post("/api/callcenter/cti/" + path, body == null ? Map.of() : body);
    }

    void phone(String ext, String action) {
        ApiClient.Reply r = agent.post("/api/callcenter/demo/phones/" + ext + "/" + action, Map.of());
        assertThat(r.status()).as(ext + " " + action + ": " + r).isEqualTo(200);
    }

    /** a customer calls, the repair queue rings agent01 (skill level 0, before monitor01), agent01 answers */
    String answeredQueueCall() throws Exception {
        ApiClient.Reply started = agent.post("/api/callcenter/demo/calls", Map.of("callerNumber", CALLER, "digits", "1"));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        String linkedid = started.data().path("linkedid").asText();
        await(() -> state(agent).equals("RINGING"), "agent01 ringing");
        phone("8001", "answer");
        await(() -> state(agent).equals("TALKING"), "agent01 talking");
        return linkedid;
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

    JsonNode endedCall(String linkedid) throws Exception {
        await(() -> {
            JsonNode c = callOf(linkedid);
            return c != null && "ENDED".equals(c.path("status").asText());
        }, "call record " + linkedid + " ended");
        return callOf(linkedid);
    }

    @Test
    void clickToDialRingsMyPhoneThenTheHouseholdAndIsRecordedAsOutbound() throws Exception {
        ApiClient.Reply r = cti(agent, "dial", Map.of("number", "138-0013-8000", "householdId", 1));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String linkedid = r.data().path("linkedid").asText();
        assertThat(linkedid).startsWith("hd-c2d-");
        assertThat(r.data().path("message").asText()).contains("138****8000");

        await(() -> hq.phone("8001").awaitRinging(Duration.ofMillis(200)), "8001 rings first");
        phone("8001", "answer");
        RemoteParty household = hq.remoteParty(CALLER);
        assertThat(household.awaitRinging(T)).as("the household's number is dialled").isTrue();
        household.answer();
        // a call outside any queue: the CTI's listener moves agent01 to TALKING (no AgentConnect exists)
        await(() -> state(agent).equals("TALKING"), "agent01 talking on the outbound call");
        assertThat(cti(agent, "dial", Map.of("number", "13900139000")).status())
                .as("a second dial while talking is refused").isEqualTo(409);

        ApiClient.Reply bye = cti(agent, "hangup", null);
        assertThat(bye.status()).as(bye.toString()).isEqualTo(200);
        await(() -> !state(agent).equals("TALKING"), "agent01 leaves the call");
        JsonNode call = endedCall(linkedid);
        assertThat(call.path("direction").asText()).isEqualTo("OUT");
        assertThat(call.path("result").asText()).isEqualTo("ANSWERED");
        assertThat(call.path("agentJobNo").asText()).isEqualTo(jobNo(agent));
        assertThat(call.path("talkMs").asLong()).isPositive();
        // 挂断 through the CTI is the agent's, with the agent's id (an AMI Hangup alone would read as SYSTEM)
        assertThat(call.path("hangupBy").asText()).isEqualTo("AGENT");
        assertThat(call.path("hangupByLabel").asText()).isEqualTo("坐席");
        JsonNode me = agent.get("/api/callcenter/agents/me").data();
        assertThat(call.path("hangupAgentId").asText()).isEqualTo(me.path("id").asText());
        assertThat(call.path("hangupAgentName").asText()).isNotBlank();
    }

    @Test
    void blindTransferFromAgent01ToMonitor01() throws Exception {
        String linkedid = answeredQueueCall();
        long mark = hq.journalMark();
        ApiClient.Reply r = cti(agent, "transfer", Map.of("kind", "AGENT", "target", jobNo(monitor)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.data().path("target").asText()).isEqualTo("8002");
        AmiMessage bt = event(mark, "BlindTransfer");
        assertThat(bt.get("TransfererChannel")).startsWith("PJSIP/8001-");
        assertThat(bt.get("Extension")).isEqualTo("8002");
        assertThat(event(mark, "AgentComplete").get("Reason")).isEqualTo("transfer");

        await(() -> hq.phone("8002").awaitRinging(Duration.ofMillis(200)), "monitor01's phone rings");
        phone("8002", "answer");
        await(() -> state(monitor).equals("TALKING"), "monitor01 talking");
        await(() -> !state(agent).equals("TALKING"), "agent01 out of the call");
        assertThat(cti(agent, "hangup", null).status()).as("agent01 has no call any more").isEqualTo(409);

        ApiClient.Reply bye = cti(monitor, "hangup", null);
        assertThat(bye.status()).as(bye.toString()).isEqualTo(200);
        await(() -> !state(monitor).equals("TALKING"), "monitor01 leaves the call");
        JsonNode call = endedCall(linkedid);
        assertThat(call.path("result").asText()).isEqualTo("ANSWERED");
        assertThat(call.path("direction").asText()).isEqualTo("IN");
    }

    @Test
    void consultationTransferCancelledThenCompleted() throws Exception {
        String linkedid = answeredQueueCall();
        String monitorJob = jobNo(monitor);
        long mark = hq.journalMark();
        ApiClient.Reply r = cti(agent, "consult", Map.of("kind", "AGENT", "target", monitorJob));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(event(mark, "MusicOnHoldStart", "Linkedid", linkedid).get("Channel")).startsWith("PJSIP/9000-");
        await(() -> hq.phone("8002").awaitRinging(Duration.ofMillis(200)), "monitor01 rung for the consultation");
        phone("8002", "answer");
        await(() -> state(monitor).equals("TALKING"), "monitor01 consulted");

        ApiClient.Reply cancel = cti(agent, "consult/cancel", null);
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);
        await(() -> hq.phone("8002").awaitIdle(Duration.ofMillis(200)), "the consulted leg ends");
        await(() -> !state(monitor).equals("TALKING"), "monitor01 out of the consultation");
        assertThat(state(agent)).isEqualTo("TALKING");
        event(mark, "MusicOnHoldStop", "Linkedid", linkedid);
        await(() -> {
            String s = state(monitor);
            if (s.equals("WRAP_UP")) {
                monitor.post("/api/callcenter/agents/me/state", Map.of("action", "SET_IDLE"));
            }
            return state(monitor).equals("IDLE");
        }, "monitor01 idle again");

        long second = hq.journalMark();
        assertThat(cti(agent, "consult", Map.of("kind", "AGENT", "target", monitorJob)).status()).isEqualTo(200);
        await(() -> hq.phone("8002").awaitRinging(Duration.ofMillis(200)), "monitor01 rung again");
        phone("8002", "answer");
        await(() -> state(monitor).equals("TALKING"), "monitor01 consulted again");
        // switch to the held caller and back: the consulted colleague hears music meanwhile
        long swap = hq.journalMark();
        assertThat(cti(agent, "swap", null).status()).isEqualTo(200);
        assertThat(event(swap, "MusicOnHoldStart", "Linkedid", linkedid).get("Channel")).startsWith("PJSIP/8002-");
        assertThat(cti(agent, "swap", null).status()).isEqualTo(200);
        assertThat(event(swap, "MusicOnHoldStop", "Linkedid", linkedid, "Channel", at8002()).get("Channel"))
                .startsWith("PJSIP/8002-");
        ApiClient.Reply done = cti(agent, "consult/complete", null);
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        AmiMessage at = event(second, "AttendedTransfer");
        assertThat(at.get("TransferTargetChannel")).startsWith("PJSIP/8002-");
        assertThat(at.get("TransfereeChannel")).startsWith("PJSIP/9000-");
        await(() -> !state(agent).equals("TALKING"), "agent01 left after completing");
        assertThat(state(monitor)).isEqualTo("TALKING");

        assertThat(cti(monitor, "hangup", null).status()).isEqualTo(200);
        JsonNode call = endedCall(linkedid);
        assertThat(call.path("result").asText()).isEqualTo("ANSWERED");
    }

    String at8002() {
        return hq.channelNames().stream().filter(n -> n.startsWith("PJSIP/8002-")).findFirst().orElse("?");
    }

    @Test
    void callbackOfAnAbandonedCallDialsItsCallerAndOnlyMissedCallsQualify() throws Exception {
        for (ApiClient c : new ApiClient[] {agent, monitor}) {
            assertThat(c.post("/api/callcenter/agents/me/state", Map.of("action", "SET_BUSY", "reason", "MEETING"))
                    .status()).isEqualTo(200);
        }
        ApiClient.Reply started = agent.post("/api/callcenter/demo/calls", Map.of("callerNumber", CALLER, "digits", "1"));
        String missed = started.data().path("linkedid").asText();
        long mark = hq.journalMark();
        event(0, "QueueCallerJoin", "Linkedid", missed);
        assertThat(agent.post("/api/callcenter/demo/calls/" + missed + "/hangup", Map.of()).status()).isEqualTo(200);
        JsonNode old = endedCall(missed);
        assertThat(old.path("result").asText()).isEqualTo("ABANDONED");
        // 呼损管理: the caller gave up waiting (nobody was rung), nobody has called back yet
        JsonNode lost = lostCall(old.path("id").asText());
        assertThat(lost.path("cause").asText()).isEqualTo("QUEUE_ABANDON");
        assertThat(lost.path("state").asText()).isEqualTo("PENDING");

        ApiClient.Reply r = cti(agent, "callback/" + old.path("id").asText(), null);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.data().path("callbackOf").asText()).isEqualTo(old.path("id").asText());
        String linkedid = r.data().path("linkedid").asText();
        AmiMessage tagged = event(mark, "VarSet", "Variable", "CTI_CALLBACK_OF");
        assertThat(tagged.get("Value")).isEqualTo(old.path("id").asText());
        assertThat(tagged.get("Uniqueid")).isEqualTo(linkedid);
        await(() -> hq.phone("8001").awaitRinging(Duration.ofMillis(200)), "8001 rings for the callback");
        phone("8001", "answer");
        RemoteParty caller = hq.remoteParty(CALLER);
        assertThat(caller.awaitRinging(T)).as("the missed caller is dialled").isTrue();
        caller.answer();
        await(() -> state(agent).equals("TALKING"), "agent01 talking on the callback");
        assertThat(cti(agent, "hangup", null).status()).isEqualTo(200);
        JsonNode back = endedCall(linkedid);
        assertThat(back.path("direction").asText()).isEqualTo("OUT");
        assertThat(back.path("result").asText()).isEqualTo("ANSWERED");
        // linked by column: the callback names the missed call, the missed call shows 已回拨 (who, when, result)
        assertThat(back.path("callbackOf").asText()).isEqualTo(old.path("id").asText());
        JsonNode missedDetail = agent.get("/api/callcenter/calls/" + old.path("id").asText()).data();
        assertThat(missedDetail.path("callbacks")).hasSize(1);
        JsonNode cb = missedDetail.path("callbacks").get(0);
        assertThat(cb.path("id").asText()).isEqualTo(back.path("id").asText());
        assertThat(cb.path("agentJobNo").asText()).isEqualTo(jobNo(agent));
        assertThat(cb.path("result").asText()).isEqualTo("ANSWERED");
        assertThat(cb.path("startedAt").asText()).isNotBlank();
        JsonNode pending = agent.get("/api/callcenter/calls?size=200&callbackState=PENDING").data();
        assertThat(pending.path("records")).noneMatch(n -> n.path("id").asText().equals(old.path("id").asText()));
        JsonNode done = agent.get("/api/callcenter/calls?size=200&callbackState=DONE").data();
        assertThat(done.path("records")).anyMatch(n -> n.path("id").asText().equals(old.path("id").asText()));
        JsonNode handled = lostCall(old.path("id").asText());
        assertThat(handled.path("state").asText()).as("the lost call was called back").isEqualTo("DONE");
        assertThat(handled.path("lastCallbackResult").asText()).isEqualTo("已接通");
        assertThat(handled.path("lastCallbackBy").asText()).contains(jobNo(agent));

        ApiClient.Reply answeredOne = cti(agent, "callback/" + back.path("id").asText(), null);
        assertThat(answeredOne.status()).as("an outbound answered call is no missed call").isEqualTo(400);
        assertThat(answeredOne.body().path("field").asText()).isEqualTo("callId");
        assertThat(cti(agent, "callback/1", null).status()).isEqualTo(404);
    }

    /** the lost call as 呼损管理 lists it (agent01 holds callcenter:lost) */
    JsonNode lostCall(String callId) {
        ApiClient.Reply r = agent.get("/api/callcenter/lost-calls?size=100&gatewayId=" + gw);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        for (JsonNode n : r.data().path("records")) {
            if (n.path("id").asText().equals(callId)) {
                return n;
            }
        }
        throw new AssertionError("call " + callId + " not in the lost-call list: " + r.data());
    }

    @Test
    void holdAndResume() throws Exception {
        String linkedid = answeredQueueCall();
        long mark = hq.journalMark();
        ApiClient.Reply hold = cti(agent, "hold", null);
        assertThat(hold.status()).as(hold.toString()).isEqualTo(200);
        AmiMessage moh = event(mark, "MusicOnHoldStart", "Linkedid", linkedid);
        assertThat(moh.get("Context")).isEqualTo("cti-hold");
        assertThat(moh.get("Channel")).startsWith("PJSIP/9000-");
        assertThat(state(agent)).as("holding is still talking").isEqualTo("TALKING");
        ApiClient.Reply again = cti(agent, "hold", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("msg").asText()).contains("保持");

        Thread.sleep(300);
        ApiClient.Reply resume = cti(agent, "resume", null);
        assertThat(resume.status()).as(resume.toString()).isEqualTo(200);
        event(mark, "MusicOnHoldStop", "Linkedid", linkedid);
        await(() -> hq.phone("8001").awaitInCall(Duration.ofMillis(200)), "bridged again");
        assertThat(cti(agent, "resume", null).status()).as("nothing held any more").isEqualTo(409);

        assertThat(cti(agent, "hangup", null).status()).isEqualTo(200);
        JsonNode call = endedCall(linkedid);
        assertThat(call.path("result").asText()).isEqualTo("ANSWERED");
        long heldMs = call.path("holdMs").asLong();
        assertThat(heldMs).as("hold time recorded").isGreaterThanOrEqualTo(250);
        assertThat(call.path("hangupBy").asText()).isEqualTo("AGENT");
        // talk excludes the hold: talk + hold fit into the time from the answer to the end
        long answeredToEnd = java.time.Duration.between(java.time.LocalDateTime.parse(call.path("answeredAt").asText()),
                java.time.LocalDateTime.parse(call.path("endedAt").asText())).toMillis();
        assertThat(call.path("talkMs").asLong() + heldMs).isLessThanOrEqualTo(answeredToEnd + 1000);   // stored times may be whole seconds (MariaDB DATETIME)
        JsonNode detail = agent.get("/api/callcenter/calls/" + call.path("id").asText()).data();
        JsonNode customerLeg = null;
        for (JsonNode l : detail.path("legs")) {
            if (l.path("channel").asText().startsWith("PJSIP/9000-")) {
                customerLeg = l;
            }
        }
        assertThat(customerLeg).as("the customer's leg").isNotNull();
        assertThat(customerLeg.path("holdMs").asLong()).as("hold on the held leg").isGreaterThanOrEqualTo(250);
    }

    @Test
    void pickupOfMonitor01sRingingCall() throws Exception {
        // agent01 busy: the queue rings monitor01, agent01 picks it up
        ApiClient.Reply busy = agent.post("/api/callcenter/agents/me/state", Map.of("action", "SET_BUSY", "reason", "MEETING"));
        assertThat(busy.status()).as(busy.toString()).isEqualTo(200);
        assertThat(cti(agent, "pickup", Map.of("jobNo", jobNo(monitor))).status())
                .as("nothing rings yet").isEqualTo(409);
        ApiClient.Reply started = agent.post("/api/callcenter/demo/calls", Map.of("callerNumber", CALLER, "digits", "1"));
        String linkedid = started.data().path("linkedid").asText();
        await(() -> state(monitor).equals("RINGING"), "monitor01 ringing");

        ApiClient.Reply r = cti(agent, "pickup", Map.of("jobNo", jobNo(monitor)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        await(() -> hq.phone("8001").awaitRinging(Duration.ofMillis(200)), "agent01's phone rings with the picked call");
        await(() -> !state(monitor).equals("RINGING"), "monitor01 no longer rung");
        phone("8001", "answer");
        await(() -> state(agent).equals("TALKING"), "agent01 talking on the picked-up call");
        assertThat(state(monitor)).isNotEqualTo("TALKING");

        assertThat(cti(agent, "hangup", null).status()).isEqualTo(200);
        JsonNode call = endedCall(linkedid);
        assertThat(call.path("result").asText()).isEqualTo("ANSWERED");
        assertThat(call.path("agentJobNo").asText()).isEqualTo(jobNo(agent));
    }

    @Test
    void internationalNumbersAreRefusedNamingTheField() {
        ApiClient.Reply r = cti(agent, "dial", Map.of("number", "0049 151 12345678"));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.body().path("field").asText()).isEqualTo("number");
        assertThat(r.body().path("msg").asText()).contains("国际长途");
        ApiClient.Reply premium = cti(agent, "dial", Map.of("number", "19001234567"));
        assertThat(premium.status()).isEqualTo(400);
        ApiClient.Reply transfer = cti(agent, "transfer", Map.of("kind", "NUMBER", "target", "+4915112345678"));
        assertThat(transfer.status()).as(transfer.toString()).isEqualTo(400);
        assertThat(transfer.body().path("field").asText()).isEqualTo("target");
        assertThat(hq.channelNames()).isEmpty();
    }

    @Test
    void aGatewayThatIsDownGives503() throws Exception {
        hq.goOffline();
        await(() -> !ami.connected(gw), "the AMI link is down");
        ApiClient.Reply r = cti(agent, "hangup", null);
        assertThat(r.status()).as(r.toString()).isEqualTo(503);
        assertThat(r.body().path("msg").asText()).isNotBlank();
        ApiClient.Reply dial = cti(agent, "dial", Map.of("number", CALLER));
        assertThat(dial.status()).as(dial.toString()).isEqualTo(503);
        hq.goOnline();
        await(() -> ami.connected(gw), "the AMI link is back");
        assertThat(cti(agent, "hangup", null).status()).as("back: no call, a 409 again").isEqualTo(409);
    }

    @Test
    void withoutThePermissionsTheRequestIsRefused() {
        ApiClient worker = client().loggedIn("worker01", DEMO_PASSWORD);
        assertThat(cti(worker, "hangup", null).status()).isEqualTo(403);
        assertThat(cti(worker, "dial", Map.of("number", CALLER)).status()).isEqualTo(403);
        assertThat(client().post("/api/callcenter/cti/hangup", Map.of()).status()).isEqualTo(401);
    }
}
