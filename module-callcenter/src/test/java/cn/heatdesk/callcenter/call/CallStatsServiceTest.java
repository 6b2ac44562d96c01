package cn.heatdesk.callcenter.call;

import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.junit.jupiter.api.Test;
import cn.heatdesk.callcenter.gateway.CallcenterPermissions;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Live figures: waiting calls per queue from memory, today's counts and rates from the rows. */
class CallStatsServiceTest extends CallTestSupport {

    @Autowired
    CallStatsService stats;

    private static Instant utc(String t) {
        return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    }

    @Test
    void waitingCallsAndTodaysRates() {
        LocalDateTime day = at("2026-11-21T11:20:00.000").toLocalDate().atStartOfDay();
        Instant now = utc("2026-11-21T11:21:00.000");
        CallStatsService.CallStats before = stats.compute(now, day);

        long gw = newGateway();
        replay("c_inbound_ivr_queue_answer.ami.log", gw);   // answered after 3 s in the queue
        replay("d_queue_abandon.ami.log", gw);              // abandoned
        // a third caller still waiting in the queue
        replay("e_ringnoanswer_then_second_agent.ami.log", gw, e -> e instanceof QueueCallerJoinEvent, tracker);

        CallStatsService.CallStats after = stats.compute(now, day);
        assertThat(after.queues()).filteredOn(q -> q.gatewayId() == gw).singleElement().satisfies(q -> {
            assertThat(q.queue()).isEqualTo("repair");
            assertThat(q.waiting()).isEqualTo(1);
            assertThat(q.longestWaitMs()).isEqualTo(4000L);   // joined 20:55.136, now 21:00 (whole seconds)
        });
        assertThat(after.inboundToday() - before.inboundToday()).isEqualTo(3);
        assertThat(after.offeredToday() - before.offeredToday()).isEqualTo(2);
        assertThat(after.answeredToday() - before.answeredToday()).isEqualTo(1);
        assertThat(after.abandonedToday() - before.abandonedToday()).isEqualTo(1);
        assertThat(after.answerRate()).isNotNull();
        assertThat(after.lossRate()).isNotNull();
        assertThat(after.averageWaitMs()).isNotNull();
        // yesterday's view sees none of today's calls
        CallStatsService.CallStats tomorrow = stats.compute(now, day.plusDays(1));
        assertThat(tomorrow.inboundToday()).isZero();
        assertThat(tomorrow.answerRate()).isNull();
    }

    @Test
    void ratesAreComputedOverQueuedInboundCallsOnly() {
        // on a day of its own: only the calls replayed here count
        LocalDateTime day = LocalDate.of(2026, 11, 21).atStartOfDay();
        long gw = newGateway();
        CallStatsService.CallStats before = stats.compute(utc("2026-11-21T11:30:00.000"), day);
        replay("c_inbound_ivr_queue_answer.ami.log", gw);
        replay("d_queue_abandon.ami.log", gw);
        replay("f_click_to_dial_originate.ami.log", gw);
        CallStatsService.CallStats after = stats.compute(utc("2026-11-21T11:30:00.000"), day);
        long offered = after.offeredToday() - before.offeredToday();
        assertThat(offered).isEqualTo(2);
        assertThat(after.outboundToday() - before.outboundToday()).isEqualTo(2);
        assertThat(after.answeredToday() - before.answeredToday()).isEqualTo(1);
    }

    @Test
    void pushGoesOutOnTopicCallstatsWhenFiguresChange() {
        audience.users.clear();
        audience.users.add(user(501L, DataScope.ALL, null, "/1/", CallcenterPermissions.WORKBENCH));
        int before = pushes.on(CallStatsService.TOPIC).size();
        stats.pushIfChanged();
        int afterFirst = pushes.on(CallStatsService.TOPIC).size();
        assertThat(afterFirst).isGreaterThanOrEqualTo(before);
        long gw = newGateway();
        // a new caller waiting in a queue changes the live figures whatever the day
        replay("e_ringnoanswer_then_second_agent.ami.log", gw, e -> e instanceof QueueCallerJoinEvent, tracker);
        stats.pushIfChanged();
        assertThat(pushes.on(CallStatsService.TOPIC).size()).isEqualTo(afterFirst + 1);
        assertThat(pushes.on(CallStatsService.TOPIC).get(afterFirst).payload()).isInstanceOf(CallStatsService.CallStats.class);
    }

    static CurrentUser user(long id, DataScope scope, Long subsidiaryId, String orgPath, String... perms) {
        return new CurrentUser(id, "u" + id, "用户" + id, subsidiaryId, 1L, orgPath, scope, List.of(), Set.of(perms),
                Set.of());
    }

    @Autowired
    JdbcTemplate jdbc;

    void agentRow(long id, long userId, String jobNo, String name, String state, LocalDateTime since) {
        jdbc.update("DELETE FROM cc_agent WHERE id = ?", id);
        jdbc.update("INSERT INTO cc_agent (id, user_id, job_no, agent_name, phone_id, gateway_id, state, state_since, "
                + "subsidiary_id, org_path, row_version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 7, ?, ?, 100, "
                + "'/1/100/', 0, ?, ?)", id, userId, jobNo, name, id + 90_000, state, since, since, since);
    }

    @Test
    void perAgentStateAndTodaysCounts() {
        LocalDateTime day = LocalDate.of(2026, 11, 21).atStartOfDay();
        LocalDateTime since = LocalDateTime.of(2026, 11, 21, 7, 30);
        agentRow(CallTestApp.ANNA.agentId(), CallTestApp.ANNA.userId(), "8001", CallTestApp.ANNA.name(), "IDLE", since);
        agentRow(14L, 1004L, "8004", "Dora Agent", "SIGNED_OUT", since);   // no calls of hers anywhere
        agentRow(13L, 1003L, "8003", "Carla Agent", "BUSY", since);
        Instant now = utc("2026-11-21T11:30:00.000");
        CallStatsService.AgentFigures before = anna(stats.compute(now, day));

        long gw = newGateway();
        CallLinksTest.Script s = new CallLinksTest.Script(tracker, gw, "fig-1");
        s.answered();
        s.bothHangUp(61_000);   // 60 s of talk for Anna
        for (int i = 0; i < 2; i++) {
            jdbc.update("INSERT INTO cc_agent_state_log (id, agent_id, user_id, job_no, from_state, to_state, input, source, "
                    + "changed_at, duration_ms, subsidiary_id, org_path) VALUES (?, ?, ?, '8001', 'RINGING', 'IDLE', "
                    + "'RING_TIMEOUT', 'AMI', ?, 0, 100, '/1/100/')", 880_000L + i + System.nanoTime() % 100_000 * 10,
                    CallTestApp.ANNA.agentId(), CallTestApp.ANNA.userId(), LocalDateTime.of(2026, 11, 21, 9, i));
        }
        // yesterday's miss does not count today
        jdbc.update("INSERT INTO cc_agent_state_log (id, agent_id, user_id, job_no, from_state, to_state, input, source, "
                + "changed_at, duration_ms, subsidiary_id, org_path) VALUES (?, ?, ?, '8001', 'RINGING', 'IDLE', "
                + "'RING_TIMEOUT', 'AMI', ?, 0, 100, '/1/100/')", 990_000L + System.nanoTime() % 100_000 * 10,
                CallTestApp.ANNA.agentId(), CallTestApp.ANNA.userId(), LocalDateTime.of(2026, 11, 20, 23, 0));

        written(tracker);
        CallStatsService.CallStats after = stats.compute(now, day);
        CallStatsService.AgentFigures a = anna(after);
        assertThat(a.state()).isEqualTo("IDLE");
        assertThat(a.stateLabel()).isEqualTo("示闲");
        assertThat(a.stateSince()).isEqualTo(since);
        assertThat(a.jobNo()).isEqualTo("8001");
        assertThat(a.answeredToday() - before.answeredToday()).isEqualTo(1);
        assertThat(a.missedToday() - before.missedToday()).isEqualTo(2);
        assertThat(a.talkSecondsToday() - before.talkSecondsToday()).isEqualTo(60);
        assertThat(after.agents()).extracting(CallStatsService.AgentFigures::jobNo)
                .as("signed-in agents; a signed-out one without calls today is left out").contains("8001", "8003")
                .doesNotContain("8004");
        assertThat(after.sameFigures(stats.compute(now, day))).isTrue();
        jdbc.update("UPDATE cc_agent SET state = 'TALKING', state_since = ? WHERE id = ?", since.plusHours(1),
                CallTestApp.ANNA.agentId());
        assertThat(after.sameFigures(stats.compute(now, day))).as("a state change is a change to push").isFalse();
    }

    private static CallStatsService.AgentFigures anna(CallStatsService.CallStats s) {
        return s.agents().stream().filter(a -> a.agentId().equals(CallTestApp.ANNA.agentId())).findFirst()
                .orElseThrow();
    }

    @Test
    void theFiguresGoOnlyToPermittedUsersEachWithTheQueuesOfTheirScope() {
        long gw = newGateway();   // every test gateway belongs to subsidiary 100, org /1/100/
        replay("e_ringnoanswer_then_second_agent.ami.log", gw, e -> e instanceof QueueCallerJoinEvent, tracker);
        CurrentUser group = user(601L, DataScope.ALL, null, "/1/", CallcenterPermissions.WORKBENCH);
        CurrentUser sameSub = user(602L, DataScope.SUBSIDIARY, 100L, "/1/100/", CallcenterPermissions.AGENT);
        CurrentUser otherSub = user(603L, DataScope.SUBSIDIARY, 200L, "/1/200/", "callcenter:call");
        CurrentUser otherOrg = user(604L, DataScope.ORG_AND_CHILDREN, 200L, "/1/200/7/", "callcenter:call");
        CurrentUser noPermission = user(605L, DataScope.ALL, null, "/1/", "servicedesk:ticket");
        CurrentUser self = user(606L, DataScope.SELF, 100L, "/1/100/", CallcenterPermissions.WORKBENCH);
        audience.users.clear();
        audience.users.addAll(List.of(group, sameSub, otherSub, otherOrg, noPermission, self));
        int mark = pushes.on(CallStatsService.TOPIC).size();
        stats.pushIfChanged();
        List<CallTestApp.Push> sent = pushes.on(CallStatsService.TOPIC).subList(mark, pushes.on(CallStatsService.TOPIC).size());

        assertThat(sent).as("never a broadcast").allSatisfy(p -> assertThat(p.users()).isNotNull());
        assertThat(sent).flatExtracting(p -> List.copyOf(p.users())).containsOnly(601L, 602L, 603L, 604L)
                .doesNotHaveDuplicates();
        assertThat(sent).hasSize(4);
        for (CallTestApp.Push p : sent) {
            CallStatsService.CallStats s = (CallStatsService.CallStats) p.payload();
            boolean seesGw = s.queues().stream().anyMatch(q -> q.gatewayId() == gw);
            if (p.users().contains(601L) || p.users().contains(602L)) {
                assertThat(seesGw).as("%s sees the station's queue", p.users()).isTrue();
            } else {
                assertThat(seesGw).as("%s sees nothing of subsidiary 100", p.users()).isFalse();
            }
        }
        // nothing changed: no second push within 30 s
        stats.pushIfChanged();
        assertThat(pushes.on(CallStatsService.TOPIC)).hasSize(mark + 4);
        audience.users.clear();
    }

    @Test
    void scopeRuleMatchesTheDataScopeCondition() {
        assertThat(CallStatsService.visible(user(1, DataScope.ALL, null, "/1/"), 5, "/1/5/")).isTrue();
        assertThat(CallStatsService.visible(user(1, DataScope.SUBSIDIARY, 5L, "/1/5/9/"), 5, "/1/5/")).isTrue();
        assertThat(CallStatsService.visible(user(1, DataScope.SUBSIDIARY, 6L, "/1/6/"), 5, "/1/5/")).isFalse();
        assertThat(CallStatsService.visible(user(1, DataScope.ORG_AND_CHILDREN, 5L, "/1/5/9/"), 5, "/1/5/")).isFalse();
        assertThat(CallStatsService.visible(user(1, DataScope.ORG_AND_CHILDREN, 5L, "/1/5/"), 5, "/1/5/9/")).isTrue();
        assertThat(CallStatsService.visible(user(1, DataScope.ORG_AND_CHILDREN, 5L, "bad"), 5, "/1/5/")).isFalse();
        assertThat(CallStatsService.visible(user(1, DataScope.SELF, 5L, "/1/5/"), 5, "/1/5/")).isFalse();
        assertThat(CallStatsService.visible(new CurrentUser(1, "u", "u", 5L, 1, "/1/", DataScope.CUSTOM,
                List.of("/1/7/", "/1/5/"), Set.of(), Set.of()), 5, "/1/5/3/")).isTrue();
    }
}
