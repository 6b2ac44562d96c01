package cn.heatdesk.callcenter.call;

import cn.heatdesk.kernel.crypto.Masking;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.heatdesk.callcenter.call.CallTestApp.ANNA;
import static cn.heatdesk.callcenter.call.CallTestApp.BERND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The call records the tracker writes for the real Asterisk 22 transcripts (c, d, e, f, i, k), read back from the
 * database: times, durations, result, who hung up, agent, legs, recordings.
 */
class CallTrackerFixtureTest extends CallTestSupport {

    @Test
    void c_queueCallAnsweredByAgentCallerHangsUp() {
        long gw = newGateway();
        replay("c_inbound_ivr_queue_answer.ami.log", gw);
        CallRow c = call(gw, "heatdesk-ref-1795260013.4");

        assertThat(c.status).isEqualTo(CallCodes.ENDED);
        assertThat(c.direction).isEqualTo(CallCodes.IN);
        assertThat(cipher.decrypt(c.callerEnc)).isEqualTo("+4915112345678");
        assertThat(c.callerIdx).isEqualTo(cipher.blindIndexPhone("+4915112345678"));
        assertThat(c.callerMask).isEqualTo(Masking.phone("+4915112345678")).doesNotContain("51123456");
        assertThat(c.did).isEqualTo("4930123456");
        assertThat(c.queueName).isEqualTo("repair");
        assertThat(c.startedAt).isEqualTo(at("2026-11-21T11:20:13.149"));
        assertThat(c.queuedAt).isEqualTo(at("2026-11-21T11:20:15.660"));
        assertThat(c.firstRingAt).isEqualTo(at("2026-11-21T11:20:15.661"));
        assertThat(c.answeredAt).isEqualTo(at("2026-11-21T11:20:18.671"));
        assertThat(c.endedAt).isEqualTo(at("2026-11-21T11:20:26.665"));
        assertThat(c.waitMs).isEqualTo(3009L);   // join 15.660 -> leave 18.669
        assertThat(c.ringMs).isEqualTo(3010L);   // AgentCalled 15.661 -> AgentConnect 18.671
        assertThat(c.talkMs).isEqualTo(7993L);   // bridged 18.671 -> caller leaves the bridge 26.664
        assertThat(c.holdMs).isZero();           // queue music before the answer is not hold
        assertThat(c.ringAttempts).isEqualTo(1);
        assertThat(c.hangupBy).isEqualTo(CallCodes.CALLER);
        assertThat(c.callResult).isEqualTo(CallCodes.ANSWERED);
        assertThat(c.agentUserId).isEqualTo(ANNA.userId());
        assertThat(c.agentId).isEqualTo(ANNA.agentId());
        assertThat(c.agentJobNo).isEqualTo("8001");
        assertThat(c.agentInterface).isEqualTo("PJSIP/8001");
        assertThat(c.householdId).isEqualTo(CallTestApp.HOUSEHOLD);
        assertThat(c.subsidiaryId).isEqualTo(100L);
        assertThat(c.orgPath).isEqualTo("/1/100/");

        List<CallLegRow> legs = calls.selectLegs(c.id);
        assertThat(legs).extracting(l -> l.channel).containsExactly("PJSIP/9000-00000004", "PJSIP/8001-00000005");
        assertThat(legs).extracting(l -> l.party).containsExactly(CallCodes.CALLER, CallCodes.AGENT);
        assertThat(legs.get(1).agentUserId).isEqualTo(ANNA.userId());
        assertThat(legs.get(1).answeredAt).isEqualTo(at("2026-11-21T11:20:18.668"));
        assertThat(legs).allSatisfy(l -> {
            assertThat(l.hangupCause).isEqualTo(16);
            assertThat(l.hangupText).isEqualTo("Normal Clearing");
        });

        List<RecordingRow> recs = recordings.selectByCall(c.id);
        assertThat(recs).hasSize(1);
        RecordingRow r = recs.get(0);
        assertThat(c.recordingId).isEqualTo(r.id);
        assertThat(r.filePath).isEqualTo("/var/spool/asterisk/monitor/20261121-112015-heatdesk-ref-1795260013.4.wav");
        assertThat(r.startedAt).isEqualTo(at("2026-11-21T11:20:15.659"));
        assertThat(r.endedAt).isEqualTo(at("2026-11-21T11:20:26.665"));
        assertThat(r.durationMs).isEqualTo(11006L);
        assertThat(r.retainUntil).isEqualTo(at("2026-11-21T11:20:26.665").toLocalDate().plusYears(3));
    }

    @Test
    void aCallEndingBeforeItsSlowPanelLookupStillGetsItsHousehold() {
        CallTestApp.panelDelayMs = 400;
        try {
            long gw = newGateway();
            // the replay is instant: the caller has hung up long before the lookup answers
            replay("c_inbound_ivr_queue_answer.ami.log", gw);
            CallRow c = call(gw, "heatdesk-ref-1795260013.4");
            assertThat(c.status).isEqualTo(CallCodes.ENDED);
            assertThat(c.householdId).isEqualTo(CallTestApp.HOUSEHOLD);
        } finally {
            CallTestApp.panelDelayMs = 0;
        }
    }

    @Test
    void d_callerAbandonsEmptyQueue() {
        long gw = newGateway();
        replay("d_queue_abandon.ami.log", gw);
        CallRow c = call(gw, "heatdesk-ref-1795260035.6");

        assertThat(c.callResult).isEqualTo(CallCodes.ABANDONED);
        assertThat(c.hangupBy).isEqualTo(CallCodes.CALLER);
        assertThat(c.queueName).isEqualTo("repair");
        assertThat(c.waitMs).isEqualTo(9003L);   // join 38.227 -> QueueCallerAbandon 47.230
        assertThat(c.answeredAt).isNull();
        assertThat(c.ringMs).isNull();
        assertThat(c.talkMs).isNull();
        assertThat(c.agentUserId).isNull();
        assertThat(c.ringAttempts).isZero();
        assertThat(c.endedAt).isEqualTo(at("2026-11-21T11:20:47.231"));
        assertThat(calls.selectLegs(c.id)).singleElement().satisfies(l -> assertThat(l.hangupCause).isZero());
        assertThat(recordings.selectByCall(c.id)).hasSize(1);
    }

    @Test
    void e_firstAgentRingsOutSecondAnswers() {
        long gw = newGateway();
        replay("e_ringnoanswer_then_second_agent.ami.log", gw);
        CallRow c = call(gw, "heatdesk-ref-1795260052.7");

        assertThat(c.callResult).isEqualTo(CallCodes.ANSWERED);
        assertThat(c.agentUserId).isEqualTo(ANNA.userId());
        assertThat(c.ringAttempts).isEqualTo(2);
        assertThat(c.firstRingAt).isEqualTo(at("2026-11-21T11:20:55.138"));
        assertThat(c.ringMs).isEqualTo(8002L + 2010L);
        assertThat(c.waitMs).isEqualTo(12015L);  // 55.136 -> 07.151
        assertThat(c.answeredAt).isEqualTo(at("2026-11-21T11:21:07.152"));
        assertThat(c.talkMs).isEqualTo(9985L);   // 07.153 -> 17.138
        assertThat(c.hangupBy).isEqualTo(CallCodes.CALLER);
        assertThat(c.endedAt).isEqualTo(at("2026-11-21T11:21:17.139"));

        List<CallLegRow> legs = calls.selectLegs(c.id);
        assertThat(legs).extracting(l -> l.channel)
                .containsExactly("PJSIP/9000-00000007", "PJSIP/8002-00000008", "PJSIP/8001-00000009");
        CallLegRow bernd = legs.get(1);
        assertThat(bernd.party).isEqualTo(CallCodes.AGENT);
        assertThat(bernd.agentUserId).isEqualTo(BERND.userId());
        assertThat(bernd.answeredAt).isNull();
        assertThat(bernd.endedAt).isEqualTo(at("2026-11-21T11:21:03.140"));
    }

    @Test
    void f_clickToDialAnsweredAndOriginateNotAnswered() {
        long gw = newGateway();
        replay("f_click_to_dial_originate.ami.log", gw);

        CallRow ok = call(gw, "c2d-anna-0001");
        assertThat(ok.direction).isEqualTo(CallCodes.OUT);
        assertThat(ok.agentUserId).isEqualTo(ANNA.userId());
        assertThat(cipher.decrypt(ok.calledEnc)).isEqualTo("030123456789");
        assertThat(ok.calledIdx).isEqualTo(cipher.blindIndexPhone("030123456789"));
        assertThat(cipher.decrypt(ok.callerEnc)).isEqualTo("8001");
        assertThat(ok.answeredAt).isEqualTo(at("2026-11-21T11:22:52.701"));
        assertThat(ok.talkMs).isEqualTo(6005L);
        assertThat(ok.hangupBy).isEqualTo(CallCodes.OUTSIDE);
        assertThat(ok.callResult).isEqualTo(CallCodes.ANSWERED);
        assertThat(ok.queueName).isNull();
        assertThat(calls.selectLegs(ok.id)).extracting(l -> l.party).containsExactly(CallCodes.AGENT, CallCodes.OUTSIDE);

        CallRow failed = call(gw, "heatdesk-ref-1795260178.16");
        assertThat(failed.direction).isEqualTo(CallCodes.OUT);
        assertThat(failed.agentUserId).isEqualTo(BERND.userId());
        assertThat(failed.answeredAt).isNull();
        assertThat(failed.callResult).isEqualTo(CallCodes.NO_ANSWER);
        assertThat(failed.hangupBy).isEqualTo(CallCodes.SYSTEM);
        assertThat(calls.selectLegs(failed.id)).singleElement().satisfies(l -> {
            assertThat(l.hangupCause).isEqualTo(19);
            assertThat(l.hangupText).isEqualTo("User alerting, no answer");
        });
        // the trailing Cdr and the "<unknown>" OriginateResponse did not start calls of their own
        assertThat(calls.selectByLinkedid(gw, "<unknown>")).isNull();
    }

    @Test
    void i_dialplanAndAmiRecordingsAreIndexed() {
        long gw = newGateway();
        replay("i_mixmonitor.ami.log", gw);
        CallRow c = call(gw, "heatdesk-ref-1795260314.29");

        List<RecordingRow> recs = recordings.selectByCall(c.id);
        assertThat(recs).extracting(r -> r.filePath).containsExactly(
                "/var/spool/asterisk/monitor/20261121-112516-heatdesk-ref-1795260314.29.wav",
                "/var/spool/asterisk/monitor/ami-mixmonitor-agent-side.wav");
        assertThat(c.recordingId).isEqualTo(recs.get(0).id);
        // the caller's recording runs to the caller's hang-up, the agent-side one was stopped by StopMixMonitor
        assertThat(recs.get(0).endedAt).isEqualTo(at("2026-11-21T11:25:32.914"));
        assertThat(recs.get(0).durationMs).isEqualTo(16003L);
        assertThat(recs.get(1).channel).isEqualTo("PJSIP/8001-0000001e");
        assertThat(recs.get(1).startedAt).isEqualTo(at("2026-11-21T11:25:18.420"));
        assertThat(recs.get(1).endedAt).isEqualTo(at("2026-11-21T11:25:22.424"));
        assertThat(recs.get(1).durationMs).isEqualTo(4004L);
        assertThat(recs).allSatisfy(r -> assertThat(r.retainUntil).isAfterOrEqualTo(LocalDate.of(2029, 11, 21)));
        assertThat(c.callResult).isEqualTo(CallCodes.ANSWERED);
        assertThat(c.hangupBy).isEqualTo(CallCodes.CALLER);
    }

    @Test
    void k_blacklistedCallerAndSurveyAfterAgentHangsUp() {
        long gw = newGateway();
        replay("k_fastagi_blacklist_ivr_survey.ami.log", gw);

        CallRow spam = call(gw, "heatdesk-ref-1795260476.44");
        assertThat(spam.callResult).isEqualTo(CallCodes.BLACKLISTED);
        assertThat(spam.hangupBy).isEqualTo(CallCodes.SYSTEM);
        assertThat(cipher.decrypt(spam.callerEnc)).isEqualTo("+4917600000666");
        assertThat(spam.queueName).isNull();
        assertThat(spam.endedAt).isEqualTo(at("2026-11-21T11:27:57.643"));

        CallRow rated = call(gw, "heatdesk-ref-1795260480.45");
        assertThat(rated.callResult).isEqualTo(CallCodes.ANSWERED);
        assertThat(rated.hangupBy).isEqualTo(CallCodes.AGENT);
        assertThat(rated.surveyScore).isEqualTo(4);
        assertThat(rated.surveyScore2).isEqualTo(5);
        assertThat(rated.talkMs).isEqualTo(4000L);  // 04.681 -> the agent leaves the bridge at 08.681
        // the call lasts until the caller finished the survey
        assertThat(rated.endedAt).isEqualTo(at("2026-11-21T11:28:16.173"));
        assertThat(calls.selectLegs(rated.id)).extracting(l -> l.endedAt)
                .containsExactly(at("2026-11-21T11:28:16.173"), at("2026-11-21T11:28:08.681"));
    }

    @Test
    void everyStepIsWrittenWhileTheCallIsLive() {
        long gw = newGateway();
        replay("c_inbound_ivr_queue_answer.ami.log", gw,
                e -> e instanceof org.asteriskjava.manager.event.AgentConnectEvent, tracker);
        CallRow c = call(gw, "heatdesk-ref-1795260013.4");
        assertThat(c.status).isEqualTo(CallCodes.LIVE);
        assertThat(c.answeredAt).isEqualTo(at("2026-11-21T11:20:18.671"));
        assertThat(c.agentUserId).isEqualTo(ANNA.userId());
        assertThat(c.recordingId).isNotNull();
        assertThat(c.endedAt).isNull();
        assertThat(c.callResult).isNull();
        replayRest("c_inbound_ivr_queue_answer.ami.log", gw,
                e -> e instanceof org.asteriskjava.manager.event.AgentConnectEvent, tracker);
        assertThat(call(gw, "heatdesk-ref-1795260013.4").status).isEqualTo(CallCodes.ENDED);
    }
}
