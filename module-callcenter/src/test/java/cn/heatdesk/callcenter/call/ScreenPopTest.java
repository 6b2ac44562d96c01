package cn.heatdesk.callcenter.call;

import cn.heatdesk.kernel.crypto.Masking;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Set;

import static cn.heatdesk.callcenter.call.CallTestApp.ANNA;
import static cn.heatdesk.callcenter.call.CallTestApp.BERND;
import static org.assertj.core.api.Assertions.assertThat;

/** The pop reaches exactly the agent being rung, with the caller's panel, masked unless the agent may see numbers. */
class ScreenPopTest extends CallTestSupport {

    @Autowired
    MeterRegistry meters;

    private List<CallTestApp.Push> pops(String linkedid) {
        return pushes.on(ScreenPop.TOPIC).stream()
                .filter(p -> linkedid.equals(((ScreenPopMessage) p.payload()).linkedid())).toList();
    }

    private long gwOf(CallTestApp.Push p) {
        return Long.parseLong(((ScreenPopMessage) p.payload()).gatewayId());
    }

    @Test
    void knownCallerIsPoppedToTheRungAgentWithMaskedNumber() {
        long gw = newGateway();
        long before = meters.timer("heatdesk.callcenter.screenpop").count();
        replay("c_inbound_ivr_queue_answer.ami.log", gw);
        CallRow c = call(gw, "heatdesk-ref-1795260013.4");

        List<CallTestApp.Push> sent = pops(c.linkedid).stream().filter(p -> gwOf(p) == gw).toList();
        assertThat(sent).singleElement().satisfies(p -> {
            assertThat(p.users()).isEqualTo(Set.of(ANNA.userId()));
            ScreenPopMessage m = (ScreenPopMessage) p.payload();
            assertThat(m.callId()).isEqualTo(String.valueOf(c.id));
            assertThat(m.queue()).isEqualTo("repair");
            assertThat(m.did()).isEqualTo("4930123456");
            assertThat(m.callerNumber()).isEqualTo(Masking.phone("+4915112345678")).isNotEqualTo("+4915112345678");
            assertThat(m.numberMasked()).isTrue();
            assertThat(m.unknownNumber()).isFalse();
            assertThat(m.blacklisted()).isFalse();
            assertThat(m.panel().households()).extracting(h -> h.id()).containsExactly(CallTestApp.HOUSEHOLD);
            assertThat(m.agentJobNo()).isEqualTo("8001");
        });
        assertThat(meters.timer("heatdesk.callcenter.screenpop").count()).isEqualTo(before + 1);
    }

    @Test
    void agentWithNumberPermissionSeesTheNumber() {
        long gw = newGateway();
        numbers.allowed.add(ANNA.userId());
        try {
            replay("c_inbound_ivr_queue_answer.ami.log", gw);
        } finally {
            numbers.allowed.remove(ANNA.userId());
        }
        List<CallTestApp.Push> sent = pops("heatdesk-ref-1795260013.4").stream().filter(p -> gwOf(p) == gw).toList();
        assertThat(sent).singleElement().satisfies(p -> {
            ScreenPopMessage m = (ScreenPopMessage) p.payload();
            assertThat(m.callerNumber()).isEqualTo("+4915112345678");
            assertThat(m.numberMasked()).isFalse();
        });
    }

    @Test
    void unknownNumberPopsToEachAgentRungAndSaysSo() {
        long gw = newGateway();
        replay("e_ringnoanswer_then_second_agent.ami.log", gw);
        List<CallTestApp.Push> sent = pops("heatdesk-ref-1795260052.7").stream().filter(p -> gwOf(p) == gw).toList();
        // Bernd rang first (no answer), then Anna
        assertThat(sent).extracting(CallTestApp.Push::users)
                .containsExactly(Set.of(BERND.userId()), Set.of(ANNA.userId()));
        assertThat(sent).allSatisfy(p -> {
            ScreenPopMessage m = (ScreenPopMessage) p.payload();
            assertThat(m.unknownNumber()).isTrue();
            assertThat(m.panel()).isNull();
            assertThat(m.callerNumber()).isEqualTo(Masking.phone("+4940777888"));
        });
        assertThat(call(gw, "heatdesk-ref-1795260052.7").householdId).isNull();
    }

    @Test
    void callsWithoutAgentRingingPopNothing() {
        long gw = newGateway();
        replay("d_queue_abandon.ami.log", gw);
        assertThat(pops("heatdesk-ref-1795260035.6").stream().filter(p -> gwOf(p) == gw)).isEmpty();
    }
}
