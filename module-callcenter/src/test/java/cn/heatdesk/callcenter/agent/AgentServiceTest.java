package cn.heatdesk.callcenter.agent;

import cn.heatdesk.callcenter.ami.GatewayEvent;
import cn.heatdesk.callcenter.ami.GatewayUnavailableException;
import cn.heatdesk.callcenter.gateway.CallcenterDbTest;
import cn.heatdesk.callcenter.gateway.FakeDirectory;
import cn.heatdesk.callcenter.gateway.FakeGatewayActions;
import cn.heatdesk.callcenter.gateway.GatewayViews;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.heatdesk.callcenter.gateway.FakeGatewayActions.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Agent commands and AMI-driven changes on a real database with a recording AMI fake: the exact actions and fields
 * sent, what is written (row, state log, login log) and what is not when Asterisk refuses.
 */
class AgentServiceTest extends CallcenterDbTest {

    @Autowired
    AgentService service;
    @Autowired
    AgentAdminService admin;
    @Autowired
    AgentEventHandler events;
    @Autowired
    AgentWrapUpJob wrapUps;
    @Autowired
    AgentLookup lookup;

    GatewayViews.GatewayView gw;
    GatewayViews.PhoneView phone;
    GatewayViews.PhoneView otherPhone;
    GatewayViews.QueueView repair;
    GatewayViews.QueueView complaint;
    AgentViews.AgentView agent;
    CurrentUser me;
    String jobNo;

    @BeforeEach
    void setUp() {
        gw = newGateway();
        phone = newPhone(gw.id(), "8001");
        otherPhone = newPhone(gw.id(), "8002");
        repair = newQueue(gw.id(), "repair", "REPAIR", 30);
        complaint = newQueue(gw.id(), "complaint", "COMPLAINT", 0);
        long userId = 10_000L + next();
        jobNo = "1" + next();
        directory.addUser(userId, "agent" + userId, "张三", jobNo, FakeDirectory.CENTER);
        agent = asAdmin(() -> admin.create(new AgentRequests.Create(userId, null, phone.id(),
                List.of(new AgentRequests.SkillAssign(repair.id(), 0), new AgentRequests.SkillAssign(complaint.id(), 2)),
                null)));
        me = new CurrentUser(userId, "agent" + userId, "张三", null, FakeDirectory.CENTER.id(),
                FakeDirectory.CENTER.orgPath(), DataScope.ALL, List.of(), Set.of("callcenter:workbench"), Set.of("AGENT"));
        ami.reset();
        live.pushed.clear();
    }

    AgentViews.AgentView signIn() {
        return as(me, () -> service.signIn(new AgentRequests.SignIn("8001", null)));
    }

    AgentViews.AgentView command(String action, String reason) {
        return as(me, () -> service.command(new AgentRequests.Command(action, reason)));
    }

    Map<String, Object> row() {
        return jdbc.queryForMap("SELECT * FROM cc_agent WHERE id = ?", agent.id());
    }

    List<Map<String, Object>> stateLog() {
        return jdbc.queryForList("SELECT * FROM cc_agent_state_log WHERE agent_id = ? ORDER BY changed_at, id", agent.id());
    }

    void event(ManagerEvent e) {
        events.onEvent(new GatewayEvent(gw.id(), e, Instant.now()));
    }

    static Map<String, Object> add(String queue, String memberName, int penalty, boolean paused, String reason) {
        Map<String, Object> m = new java.util.TreeMap<>(Map.of("Action", "QueueAdd", "Queue", queue,
                "Interface", "PJSIP/8001", "MemberName", memberName, "StateInterface", "PJSIP/8001",
                "Penalty", penalty, "Paused", paused));
        if (reason != null) {
            m.put("Reason", reason);
        }
        return m;
    }

    static Map<String, Object> pause(String queue, boolean paused, String reason) {
        Map<String, Object> m = new java.util.TreeMap<>(Map.of("Action", "QueuePause", "Queue", queue,
                "Interface", "PJSIP/8001", "Paused", paused));
        if (reason != null) {
            m.put("Reason", reason);
        }
        return m;
    }

    static Map<String, Object> remove(String queue) {
        return new java.util.TreeMap<>(Map.of("Action", "QueueRemove", "Queue", queue, "Interface", "PJSIP/8001"));
    }

    /** what was sent, once the actions sent after the commit are out */
    List<FakeGatewayActions.Sent> sent() {
        sentFields();
        return ami.sent;
    }

    List<Map<String, Object>> sentFields() {
        try {
            // state changes driven by Asterisk or timers send their actions after the commit, off the event lane
            assertThat(events.awaitIdle(java.time.Duration.ofSeconds(5))).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return ami.actions().stream().map(FakeGatewayActions::fields).toList();
    }

    @Test
    void signInAddsTheAgentToEachSkillQueueUnpausedAndOpensASession() {
        AgentViews.AgentView v = signIn();
        assertThat(v.state()).isEqualTo("IDLE");
        String name = jobNo + " 张三";
        assertThat(sentFields()).containsExactlyInAnyOrder(
                add("repair", name, 0, false, null),
                add("complaint", name, 2, false, null));
        assertThat(sent()).allSatisfy(s -> assertThat(s.gatewayId()).isEqualTo(gw.id()));
        assertThat(row().get(key(row(), "state"))).isEqualTo("IDLE");
        List<Map<String, Object>> sessions = jdbc.queryForList(
                "SELECT extension, signed_out_at FROM cc_agent_session WHERE agent_id = ?", agent.id());
        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0).values()).containsExactly("8001", null);
        List<Map<String, Object>> log = stateLog();
        assertThat(log).hasSize(1);
        assertThat(log.get(0)).containsEntry(key(log.get(0), "from_state"), "SIGNED_OUT")
                .containsEntry(key(log.get(0), "to_state"), "IDLE")
                .containsEntry(key(log.get(0), "source"), "COMMAND")
                .containsEntry(key(log.get(0), "actor_name"), "张三");
        assertThat(live.pushed).anySatisfy(p -> {
            assertThat(p.topic()).isEqualTo("agent");
            assertThat(p.payload()).isInstanceOfSatisfying(AgentViews.AgentStateEvent.class,
                    e -> assertThat(e.state()).isEqualTo("IDLE"));
        });
    }

    @Test
    void signInOnAnotherPhoneIsRefusedAndNothingIsSent() {
        assertThatThrownBy(() -> as(me, () -> service.signIn(new AgentRequests.SignIn("8002", null))))
                .isInstanceOf(BizException.class)
                .hasMessage("工号" + jobNo + "只能在绑定的话机（分机 8001）上签入，不能在分机 8002 上签入")
                .satisfies(e -> {
                    assertThat(((BizException) e).code()).isEqualTo(ErrorCode.FORBIDDEN);
                    assertThat(((BizException) e).field()).isEqualTo("extension");
                });
        assertThat(sent()).isEmpty();
        assertThat(stateLog()).isEmpty();
    }

    @Test
    void anUnregisteredPhoneCannotSignIn() {
        event(deviceState("PJSIP/8001", "UNAVAILABLE"));
        assertThat(live.pushed).anySatisfy(p -> assertThat(p.payload())
                .isInstanceOfSatisfying(AgentViews.PhoneStateEvent.class, e -> {
                    assertThat(e.registered()).isFalse();
                    assertThat(e.agentId()).isEqualTo(agent.id());
                }));
        assertThatThrownBy(this::signIn).isInstanceOf(BizException.class).hasMessageContaining("未注册");
        event(deviceState("PJSIP/8001", "NOT_INUSE"));
        assertThat(signIn().state()).isEqualTo("IDLE");
    }

    @Test
    void busyBreakIdleAndSignOutMapToQueuePauseAndQueueRemove() {
        signIn();
        ami.reset();
        assertThat(command("SET_BUSY", "MEETING").stateReasonLabel()).isEqualTo("会议");
        assertThat(sentFields()).containsExactlyInAnyOrder(
                pause("repair", true, "BUSY:MEETING"), pause("complaint", true, "BUSY:MEETING"));
        ami.reset();
        command("TAKE_BREAK", "MEAL");
        assertThat(sentFields()).containsExactlyInAnyOrder(
                pause("repair", true, "BREAK:MEAL"), pause("complaint", true, "BREAK:MEAL"));
        ami.reset();
        command("SET_IDLE", null);
        assertThat(sentFields()).containsExactlyInAnyOrder(pause("repair", false, null), pause("complaint", false, null));
        ami.reset();
        assertThat(command("SIGN_OUT", null).state()).isEqualTo("SIGNED_OUT");
        assertThat(sentFields()).containsExactlyInAnyOrder(remove("repair"), remove("complaint"));
        assertThat(stateLog()).extracting(m -> m.get(key(m, "to_state")))
                .containsExactly("IDLE", "BUSY", "BREAK", "IDLE", "SIGNED_OUT");
        assertThat(stateLog()).allSatisfy(m -> assertThat(((Number) m.get(key(m, "duration_ms"))).longValue()).isNotNegative());
        Map<String, Object> s = jdbc.queryForMap("SELECT signed_out_at, sign_out_how FROM cc_agent_session WHERE agent_id = ?", agent.id());
        assertThat(s.get(key(s, "signed_out_at"))).isNotNull();
        assertThat(s.get(key(s, "sign_out_how"))).isEqualTo("COMMAND");
    }

    @Test
    void busyAndBreakNeedAReasonFromTheirDictionaries() {
        signIn();
        assertThatThrownBy(() -> command("SET_BUSY", null)).isInstanceOf(BizException.class)
                .hasMessage("示忙须选择原因").extracting(e -> ((BizException) e).field()).isEqualTo("reason");
        assertThatThrownBy(() -> command("TAKE_BREAK", "MEETING")).isInstanceOf(BizException.class)
                .extracting(e -> ((BizException) e).field()).isEqualTo("reason");
        assertThatThrownBy(() -> command("RING", null)).isInstanceOf(BizException.class)
                .extracting(e -> ((BizException) e).field()).isEqualTo("action");
        assertThatThrownBy(() -> command("SIGN_IN", null)).isInstanceOf(BizException.class)
                .extracting(e -> ((BizException) e).field()).isEqualTo("action");
    }

    @Test
    void whenAsteriskRefusesTheSecondQueueTheFirstIsUndoneAndNothingIsWritten() {
        ami.refuse(a -> a instanceof QueueAddAction q && q.getQueue().equals("complaint"), "Unable to add interface to queue: Out of memory");
        // the member order is by level: repair (0) first, complaint (2) second
        assertThatThrownBy(this::signIn).isInstanceOf(BizException.class)
                .hasMessageContaining("complaint").hasMessageContaining("Out of memory").hasMessageContaining("操作未生效")
                .extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
        String name = jobNo + " 张三";
        assertThat(sentFields()).containsExactly(
                add("repair", name, 0, false, null),
                add("complaint", name, 2, false, null),
                remove("repair"));
        assertThat(row().get(key(row(), "state"))).isEqualTo("SIGNED_OUT");
        assertThat(stateLog()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cc_agent_session WHERE agent_id = ?", Integer.class, agent.id())).isZero();
        assertThat(live.pushed).isEmpty();
    }

    @Test
    void anUnreachableGatewayFailsTheCommandWithNothingWritten() {
        signIn();
        ami.unavailable(true);
        assertThatThrownBy(() -> command("SET_BUSY", "TRAINING")).isInstanceOf(GatewayUnavailableException.class);
        assertThat(row().get(key(row(), "state"))).isEqualTo("IDLE");
        assertThat(stateLog()).hasSize(1);
    }

    @Test
    void aQueueCallRingsConnectsCompletesAndTheWrapUpEndsByItself() {
        signIn();
        ami.reset();
        String call = "gw-1795260013.4";
        event(agentCalled("PJSIP/8001", call, "repair"));
        assertThat(row().get(key(row(), "state"))).isEqualTo("RINGING");
        assertThat(row().get(key(row(), "current_call"))).isEqualTo(call);
        event(agentConnect("PJSIP/8001", call, "repair"));
        assertThat(row().get(key(row(), "state"))).isEqualTo("TALKING");
        assertThat(sent()).as("ringing and talking are driven by Asterisk: nothing is sent").isEmpty();
        event(agentComplete("PJSIP/8001", call, "repair"));
        Map<String, Object> r = row();
        assertThat(r.get(key(r, "state"))).isEqualTo("WRAP_UP");
        assertThat(r.get(key(r, "current_call"))).isNull();
        LocalDateTime until = ((java.sql.Timestamp) r.get(key(r, "state_until"))).toLocalDateTime();
        assertThat(until).isAfter(LocalDateTime.now().plusSeconds(20)).isBefore(LocalDateTime.now().plusSeconds(31));
        assertThat(sentFields()).containsExactlyInAnyOrder(pause("repair", true, "WRAP_UP"), pause("complaint", true, "WRAP_UP"));
        ami.reset();
        assertThat(wrapUps.runOnce(LocalDateTime.now())).isZero();
        assertThat(wrapUps.runOnce(until.plusSeconds(1))).as("the row is re-checked against the clock under its lock").isZero();
        jdbc.update("UPDATE cc_agent SET state_until = ? WHERE id = ?", LocalDateTime.now().minusSeconds(1), agent.id());
        assertThat(wrapUps.runOnce(LocalDateTime.now())).isEqualTo(1);
        assertThat(row().get(key(row(), "state"))).isEqualTo("IDLE");
        assertThat(sentFields()).containsExactlyInAnyOrder(pause("repair", false, null), pause("complaint", false, null));
        assertThat(stateLog()).extracting(m -> m.get(key(m, "to_state")) + "/" + m.get(key(m, "source")))
                .containsExactly("IDLE/COMMAND", "RINGING/AMI", "TALKING/AMI", "WRAP_UP/AMI", "IDLE/SYSTEM");
        assertThat(stateLog()).filteredOn(m -> "RINGING".equals(m.get(key(m, "to_state"))))
                .allSatisfy(m -> assertThat(m.get(key(m, "call_id"))).isEqualTo(call));
    }

    @Test
    void aQueueWithoutWrapUpTimeReturnsToIdleAtOnce() {
        signIn();
        String call = "gw-2.1";
        event(agentCalled("PJSIP/8001", call, "complaint"));
        event(agentConnect("PJSIP/8001", call, "complaint"));
        ami.reset();
        event(agentComplete("PJSIP/8001", call, "complaint"));
        assertThat(row().get(key(row(), "state"))).isEqualTo("IDLE");
        assertThat(stateLog()).extracting(m -> m.get(key(m, "to_state"))).endsWith("WRAP_UP", "IDLE");
        assertThat(sentFields()).containsExactly(pause("repair", true, "WRAP_UP"), pause("complaint", true, "WRAP_UP"),
                pause("repair", false, null), pause("complaint", false, null));
    }

    @Test
    void anUnansweredRingGoesBackToTheStateItInterrupted() {
        signIn();
        command("SET_BUSY", "TRAINING");
        event(agentCalled("PJSIP/8001", "gw-3.1", "repair"));
        assertThat(row().get(key(row(), "state"))).isEqualTo("RINGING");
        ami.reset();
        event(ringNoAnswer("PJSIP/8001", "gw-3.1", "repair"));
        Map<String, Object> r = row();
        assertThat(r.get(key(r, "state"))).isEqualTo("BUSY");
        assertThat(r.get(key(r, "state_reason"))).isEqualTo("TRAINING");
        assertThat(sent()).isEmpty();
        // a duplicate or late event is ignored
        event(ringNoAnswer("PJSIP/8001", "gw-3.1", "repair"));
        assertThat(stateLog()).hasSize(4);
    }

    @Test
    void aCallerWhoLeavesWhileTheAgentRingsEndsTheRing() {
        signIn();
        event(agentCalled("PJSIP/8001", "gw-4.1", "repair"));
        QueueCallerAbandonEvent ab = new QueueCallerAbandonEvent(this);
        ab.setQueue("repair");
        ab.setLinkedId("gw-4.1");
        event(ab);
        assertThat(row().get(key(row(), "state"))).isEqualTo("IDLE");
        assertThat(stateLog()).extracting(m -> m.get(key(m, "input"))).endsWith("RING", "ABANDON");
    }

    @Test
    void theRingingLegHangingUpEndsTheRing() {
        signIn();
        event(agentCalled("PJSIP/8001", "gw-5.1", "repair"));
        HangupEvent other = new HangupEvent(this);
        other.setChannel("PJSIP/8002-0000000a");
        other.setLinkedId("gw-5.1");
        event(other);
        assertThat(row().get(key(row(), "state"))).as("another phone's leg").isEqualTo("RINGING");
        HangupEvent h = new HangupEvent(this);
        h.setChannel("PJSIP/8001-00000009");
        h.setLinkedId("gw-5.1");
        event(h);
        assertThat(row().get(key(row(), "state"))).isEqualTo("IDLE");
    }

    @Test
    void aSupervisorForcesBusyAndSignOut() {
        signIn();
        CurrentUser boss = new CurrentUser(7L, "monitor01", "李班长", null, 9L, "/1/9/", DataScope.ALL, List.of(),
                Set.of("callcenter:agent:supervise"), Set.of("SUPERVISOR"));
        ami.reset();
        AgentViews.AgentView v = as(boss, () -> service.force(agent.id(), new AgentRequests.Force("FORCE_BUSY", "OTHER")));
        assertThat(v.state()).isEqualTo("BUSY");
        assertThat(sentFields()).containsExactlyInAnyOrder(pause("repair", true, "BUSY:OTHER"), pause("complaint", true, "BUSY:OTHER"));
        assertThatThrownBy(() -> as(boss, () -> service.force(agent.id(), new AgentRequests.Force("SET_IDLE", null))))
                .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).field()).isEqualTo("action");
        as(boss, () -> service.force(agent.id(), new AgentRequests.Force("FORCE_SIGN_OUT", "下班未签出")));
        Map<String, Object> last = stateLog().get(stateLog().size() - 1);
        assertThat(last.get(key(last, "source"))).isEqualTo("SUPERVISOR");
        assertThat(last.get(key(last, "actor_name"))).isEqualTo("李班长");
        assertThat(last.get(key(last, "reason"))).isEqualTo("下班未签出");
        Map<String, Object> s = jdbc.queryForMap("SELECT sign_out_how, signed_out_by FROM cc_agent_session WHERE agent_id = ?", agent.id());
        assertThat(s.get(key(s, "sign_out_how"))).isEqualTo("SUPERVISOR");
        assertThat(((Number) s.get(key(s, "signed_out_by"))).longValue()).isEqualTo(7L);
    }

    @Test
    void talkingCannotBeSignedOut() {
        signIn();
        event(agentCalled("PJSIP/8001", "gw-6.1", "repair"));
        event(agentConnect("PJSIP/8001", "gw-6.1", "repair"));
        assertThatThrownBy(() -> command("SIGN_OUT", null)).isInstanceOf(BizException.class)
                .hasMessage("坐席当前为“通话中”，不能“签出”，请先结束通话")
                .extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
    }

    @Test
    void afterAnAsteriskRestartCallsEndAndMembersArePushedBack() {
        signIn();
        event(agentCalled("PJSIP/8001", "gw-7.1", "repair"));
        event(agentConnect("PJSIP/8001", "gw-7.1", "repair"));
        ami.reset();
        events.onConnected(gw.id(), true);
        Map<String, Object> r = row();
        assertThat(r.get(key(r, "state"))).isEqualTo("WRAP_UP");
        String name = jobNo + " 张三";
        // the wrap-up pause is attempted on the (empty) queues, then both members are added back paused for wrap-up
        assertThat(sentFields()).containsSubsequence(add("repair", name, 0, true, "WRAP_UP"), add("complaint", name, 2, true, "WRAP_UP"));
        Map<String, Object> last = stateLog().get(stateLog().size() - 1);
        assertThat(last.get(key(last, "source"))).isEqualTo("SYSTEM");
        assertThat(last.get(key(last, "reason"))).isEqualTo("网关重启，通话已中断");
    }

    @Test
    void afterAReconnectLiveCallsStayAndExistingMembersGetTheirPauseBack() {
        signIn();
        command("TAKE_BREAK", "REST");
        CoreShowChannelEvent ch = new CoreShowChannelEvent(this);
        ch.setLinkedid("gw-8.1");
        ami.reset();
        ami.listAnswer(List.of(ch));
        ami.refuse(a -> a instanceof QueueAddAction, "Unable to add interface: Already there");
        events.onConnected(gw.id(), false);
        List<Map<String, Object>> sent = sentFields();
        assertThat(sent.get(0)).containsEntry("Action", "PJSIPShowEndpoints");
        assertThat(sent.get(1)).containsEntry("Action", "CoreShowChannels");
        assertThat(sent).contains(pause("repair", true, "BREAK:REST"), pause("complaint", true, "BREAK:REST"));
        assertThat(sent).contains(new java.util.TreeMap<>(Map.of("Action", "QueuePenalty", "Queue", "complaint",
                "Interface", "PJSIP/8001", "Penalty", 2)));
        assertThat(row().get(key(row(), "state"))).isEqualTo("BREAK");
    }

    @Test
    void afterALoginThePhonesRegistrationStatesAreRead() {
        org.asteriskjava.manager.event.EndpointList e1 = new org.asteriskjava.manager.event.EndpointList(this);
        e1.setObjectName("8001");
        e1.setDevicestate("Not in use");
        org.asteriskjava.manager.event.EndpointList e2 = new org.asteriskjava.manager.event.EndpointList(this);
        e2.setObjectName("8002");
        e2.setDevicestate("Unavailable");
        ami.listAnswer(List.of(e1, e2));
        events.onConnected(gw.id(), false);
        assertThat(sentFields().get(0)).containsEntry("Action", "PJSIPShowEndpoints");
        assertThat(asAdmin(() -> phones.get(phone.id())).deviceState()).isEqualTo("NOT_INUSE");
        assertThat(asAdmin(() -> phones.get(phone.id())).registered()).isTrue();
        assertThat(asAdmin(() -> phones.get(otherPhone.id())).registered()).isFalse();
        assertThat(live.pushed).filteredOn(p -> p.payload() instanceof AgentViews.PhoneStateEvent).hasSize(2);
        assertThat(AgentEventHandler.deviceState("Ring+Inuse")).isEqualTo("RINGINUSE");
        assertThat(AgentEventHandler.deviceState("Ringing")).isEqualTo("RINGING");
    }

    @Test
    void aFailedSkillChangeWhileSignedInIsUndoneInAsterisk() {
        signIn();
        ami.reset();
        GatewayViews.QueueView inquiry = newQueue(gw.id(), "inquiry2", "INQUIRY", 10);
        ami.refuse(a -> a instanceof QueueAddAction q && q.getQueue().equals("inquiry2"), "Unable to add interface: Out of memory");
        assertThatThrownBy(() -> asAdmin(() -> admin.setSkills(agent.id(), new AgentRequests.Skills(List.of(
                new AgentRequests.SkillAssign(repair.id(), 3), new AgentRequests.SkillAssign(complaint.id(), 2),
                new AgentRequests.SkillAssign(inquiry.id(), 0))))))
                .isInstanceOf(BizException.class).hasMessageContaining("inquiry2");
        assertThat(sentFields()).containsExactly(
                new java.util.TreeMap<>(Map.of("Action", "QueuePenalty", "Queue", "repair", "Interface", "PJSIP/8001", "Penalty", 3)),
                add("inquiry2", jobNo + " 张三", 0, false, null),
                new java.util.TreeMap<>(Map.of("Action", "QueuePenalty", "Queue", "repair", "Interface", "PJSIP/8001", "Penalty", 0)));
        assertThat(asAdmin(() -> admin.get(agent.id())).skills()).extracting(AgentViews.SkillView::queueName)
                .containsExactly("repair", "complaint");
    }

    /**
     * The pause event a command itself causes arrives while the command has not committed yet: the handler waits for
     * the agent's row lock and then sees the new state, so it does not "correct" Asterisk back to the old one.
     */
    @Test
    void eventsWaitForTheCommandThatCausedThem() throws Exception {
        signIn();
        ami.reset();
        java.util.concurrent.CountDownLatch inSend = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ami.beforeAnswer(a -> {
            if (a instanceof org.asteriskjava.manager.action.QueuePauseAction && inSend.getCount() > 0) {
                inSend.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<AgentViews.AgentView> command = pool.submit(() -> command("SET_BUSY", "MEETING"));
            assertThat(inSend.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            // Asterisk has paused the member and says so, before the command's transaction has committed
            QueueMemberPauseEvent p = new QueueMemberPauseEvent(this);
            p.setQueue("repair");
            p.setInterface("PJSIP/8001");
            p.setPaused(true);
            Thread[] handler = new Thread[1];
            java.util.concurrent.Future<?> event = pool.submit(() -> {
                handler[0] = Thread.currentThread();
                event(p);
            });
            // let the handler reach the row lock, then let the command finish
            for (int i = 0; i < 500 && (handler[0] == null || handler[0].getState() == Thread.State.RUNNABLE); i++) {
                Thread.onSpinWait();
                Thread.sleep(2);
            }
            release.countDown();
            assertThat(command.get(10, java.util.concurrent.TimeUnit.SECONDS).state()).isEqualTo("BUSY");
            event.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertThat(sentFields()).containsExactlyInAnyOrder(
                pause("repair", true, "BUSY:MEETING"), pause("complaint", true, "BUSY:MEETING"));
    }

    @Test
    void theEchoOfOurOwnWrapUpPauseIsNoDrift() {
        signIn();
        String call = "gw-echo.1";
        event(agentCalled("PJSIP/8001", call, "complaint"));
        event(agentConnect("PJSIP/8001", call, "complaint"));
        event(agentComplete("PJSIP/8001", call, "complaint"));   // no wrap-up time: paused, then unpaused at once
        assertThat(row().get(key(row(), "state"))).isEqualTo("IDLE");
        sentFields();
        ami.reset();
        QueueMemberPauseEvent echo = new QueueMemberPauseEvent(this);
        echo.setQueue("complaint");
        echo.setInterface("PJSIP/8001");
        echo.setPaused(true);
        event(echo);   // Asterisk reports the wrap-up pause after the database already went back to idle
        assertThat(sent()).as("the echo of our own pause, the unpause's echo follows").isEmpty();
    }

    @Test
    void aPauseDriftingInAsteriskIsPutBackFromTheDatabase() {
        signIn();
        ami.reset();
        QueueMemberPauseEvent p = new QueueMemberPauseEvent(this);
        p.setQueue("repair");
        p.setInterface("PJSIP/8001");
        p.setPaused(true);
        event(p);
        assertThat(sentFields()).containsExactly(pause("repair", false, null));
        ami.reset();
        p.setPaused(false);
        event(p);
        assertThat(sent()).as("in line with the database: nothing to do").isEmpty();
        QueueMemberRemovedEvent removed = new QueueMemberRemovedEvent(this);
        removed.setQueue("complaint");
        removed.setInterface("PJSIP/8001");
        event(removed);
        assertThat(sentFields()).containsExactly(add("complaint", jobNo + " 张三", 2, false, null));
    }

    @Test
    void skillsChangedWhileSignedInAreAppliedToAsterisk() {
        signIn();
        ami.reset();
        GatewayViews.QueueView inquiry = newQueue(gw.id(), "inquiry", "INQUIRY", 10);
        asAdmin(() -> admin.setSkills(agent.id(), new AgentRequests.Skills(List.of(
                new AgentRequests.SkillAssign(repair.id(), 1), new AgentRequests.SkillAssign(inquiry.id(), 0)))));
        assertThat(sentFields()).containsExactlyInAnyOrder(
                new java.util.TreeMap<>(Map.of("Action", "QueuePenalty", "Queue", "repair", "Interface", "PJSIP/8001", "Penalty", 1)),
                add("inquiry", jobNo + " 张三", 0, false, null),
                remove("complaint"));
        assertThat(asAdmin(() -> admin.get(agent.id())).skills()).extracting(AgentViews.SkillView::queueName)
                .containsExactly("inquiry", "repair");
    }

    @Test
    void theCallTrackerFindsAgentsByInterfaceAndMemberName() {
        assertThat(lookup.byInterface(gw.id(), "PJSIP/8001")).get().satisfies(r -> {
            assertThat(r.agentId()).isEqualTo(agent.id());
            assertThat(r.userId()).isEqualTo(agent.userId());
            assertThat(r.jobNo()).isEqualTo(jobNo);
        });
        assertThat(lookup.byMemberName(gw.id(), jobNo + " 张三")).get().extracting(r -> r.agentId()).isEqualTo(agent.id());
        assertThat(lookup.byInterface(gw.id(), "PJSIP/8002")).isEmpty();
        assertThat(lookup.byInterface(gw.id() + 1, "PJSIP/8001")).isEmpty();
        assertThat(lookup.byMemberName(gw.id(), "Anna Agent")).isEmpty();
        asAdmin(() -> admin.unbind(agent.id(), new AgentRequests.Unbind(agentVersion())));
        assertThat(lookup.byInterface(gw.id(), "PJSIP/8001")).as("a binding change is seen at once").isEmpty();
    }

    @Test
    void bindingIsOneToOneAndRebindingNeedsAnExplicitUnbind() {
        long u2 = 20_000L + next();
        directory.addUser(u2, "agent" + u2, "李四", "2" + next(), FakeDirectory.CENTER);
        AgentViews.AgentView second = asAdmin(() -> admin.create(new AgentRequests.Create(u2, null, null, null, null)));
        assertThatThrownBy(() -> asAdmin(() -> admin.bind(second.id(), new AgentRequests.Bind(phone.id(), second.rowVersion()))))
                .isInstanceOf(BizException.class).hasMessageContaining("已绑定工号" + jobNo)
                .extracting(e -> ((BizException) e).field()).isEqualTo("phoneId");
        assertThatThrownBy(() -> asAdmin(() -> admin.bind(agent.id(), new AgentRequests.Bind(otherPhone.id(), agentVersion()))))
                .isInstanceOf(BizException.class).hasMessageContaining("请先解除绑定");
        // a subsidiary admin may not bind: the group configures bindings
        assertThatThrownBy(() -> as(SUB_ADMIN, () -> admin.bind(second.id(), new AgentRequests.Bind(otherPhone.id(), second.rowVersion()))))
                .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.FORBIDDEN);
        signIn();
        assertThatThrownBy(() -> asAdmin(() -> admin.unbind(agent.id(), new AgentRequests.Unbind(agentVersion()))))
                .isInstanceOf(BizException.class).hasMessageContaining("请先签出");
        command("SIGN_OUT", null);
        AgentViews.AgentView unbound = asAdmin(() -> admin.unbind(agent.id(), new AgentRequests.Unbind(agentVersion())));
        assertThat(unbound.phoneId()).isNull();
        assertThat(unbound.skills()).isEmpty();
        AgentViews.AgentView bound = asAdmin(() -> admin.bind(second.id(), new AgentRequests.Bind(phone.id(), second.rowVersion())));
        assertThat(bound.extension()).isEqualTo("8001");
        assertThat(bound.gatewayId()).isEqualTo(gw.id());
    }

    private int agentVersion() {
        return ((Number) row().get(key(row(), "row_version"))).intValue();
    }

    /** column keys come back upper case on H2, lower case elsewhere */
    static String key(Map<String, Object> m, String column) {
        return m.containsKey(column) ? column : column.toUpperCase();
    }

    static AgentCalledEvent agentCalled(String iface, String linkedid, String queue) {
        AgentCalledEvent e = new AgentCalledEvent(AgentServiceTest.class);
        e.setInterface(iface);
        e.setLinkedId(linkedid);
        e.setQueue(queue);
        e.setMemberName("ignored");
        return e;
    }

    static AgentConnectEvent agentConnect(String iface, String linkedid, String queue) {
        AgentConnectEvent e = new AgentConnectEvent(AgentServiceTest.class);
        e.setInterface(iface);
        e.setLinkedId(linkedid);
        e.setQueue(queue);
        return e;
    }

    static AgentCompleteEvent agentComplete(String iface, String linkedid, String queue) {
        AgentCompleteEvent e = new AgentCompleteEvent(AgentServiceTest.class);
        e.setInterface(iface);
        e.setLinkedId(linkedid);
        e.setQueue(queue);
        e.setReason("caller");
        return e;
    }

    static AgentRingNoAnswerEvent ringNoAnswer(String iface, String linkedid, String queue) {
        AgentRingNoAnswerEvent e = new AgentRingNoAnswerEvent(AgentServiceTest.class);
        e.setInterface(iface);
        e.setLinkedId(linkedid);
        e.setQueue(queue);
        return e;
    }

    static DeviceStateChangeEvent deviceState(String device, String state) {
        DeviceStateChangeEvent e = new DeviceStateChangeEvent(AgentServiceTest.class);
        e.setDevice(device);
        e.setState(state);
        return e;
    }
}
