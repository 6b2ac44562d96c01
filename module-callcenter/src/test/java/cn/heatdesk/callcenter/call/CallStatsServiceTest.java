package cn.heatdesk.callcenter.call;

import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

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
}
