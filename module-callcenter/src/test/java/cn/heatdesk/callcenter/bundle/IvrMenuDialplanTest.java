package cn.heatdesk.callcenter.bundle;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dialplan of a gateway whose hotline has an IVR menu in HeatDesk (docs/ivr.md). */
class IvrMenuDialplanTest {

    static BundleInput input(List<String> hotlines) {
        return new BundleInput("GW-REF", "reference", "站部网关", null, 5038, "heatdesk", "heatdesk-secret", "127.0.0.1",
                4573, null, List.of(), List.of(new BundleInput.PhoneEntry("8001", "8001", "s3cret-8001", null)),
                List.of(new BundleInput.QueueEntry("repair", "报修队列", "REPAIR", "报修", "rrmemory", 8, 5, 120),
                        new BundleInput.QueueEntry("complaint", "投诉队列", "COMPLAINT", "投诉", "rrmemory", 8, 5, 300)),
                List.of(), LocalDateTime.of(2026, 11, 21, 11, 0), hotlines);
    }

    static Dialplan dialplan(List<String> hotlines) {
        return Dialplan.of(ConfFile.parse(new AsteriskConfigRenderer().render(input(hotlines)).files()
                .get(AsteriskConfigRenderer.EXTENSIONS)));
    }

    @Test
    void theIvrAsksHeatDeskAndFollowsIvrAction() {
        Dialplan d = dialplan(List.of("4930123456"));
        List<Dialplan.Step> s = d.steps("inbound-ivr", "s");
        assertThat(s).extracting(Dialplan.Step::app).containsExactly("NoOp", "Answer", "AGI", "GotoIf", "AGI", "GotoIf",
                "GotoIf", "GotoIf", "Set", "Set", "BackGround", "WaitExten", "Hangup", "Playback", "Hangup");
        // priorities the simulator's menu dialplan (CallFlows#menuWalk) uses
        assertThat(s.get(4).priority()).isEqualTo(5);
        assertThat(s.get(4).data()).isEqualTo("agi://127.0.0.1:4573/ivr?gw=GW-REF");
        assertThat(s.get(5).data()).isEqualTo("$[\"${IVR_ACTION}\" = \"QUEUE\"]?ivr-queue,1");
        assertThat(d.target(s.get(5), "ivr-queue,1").data()).isEqualTo("q-${IVR_QUEUE},1");
        // voicemail = the message key after the queues' keys (2 queues → 3)
        assertThat(d.target(s.get(6), "3,1").app()).isEqualTo("NoOp");
        assertThat(d.steps("inbound-ivr", "3")).extracting(Dialplan.Step::app).contains("Record");
        assertThat(d.target(s.get(7), "hangup").priority()).isEqualTo(13);
        assertThat(d.target(s.get(3), "blocked").app()).isEqualTo("Playback");
        assertThat(s.get(10).priority()).isEqualTo(11);
        for (String[] q : new String[][] {{"repair", "120"}, {"complaint", "300"}}) {
            List<Dialplan.Step> st = d.steps("inbound-ivr", "q-" + q[0]);
            assertThat(st).extracting(Dialplan.Step::app).containsExactly("NoOp", "Set", "Set", "MixMonitor", "Queue",
                    "NoOp", "Goto");
            assertThat(st.get(4).data()).isEqualTo(q[0] + ",tc,,," + q[1] + ",agi://127.0.0.1:4573/agent-connect?gw=GW-REF");
            assertThat(st.get(6).data()).isEqualTo("${IF($[\"${QUEUESTATUS}\" = \"CONTINUE\"]?survey,s,1:inbound-ivr,3,1)}");
            d.target(st.get(6), "survey,s,1");
            d.target(st.get(6), "inbound-ivr,3,1");
        }
        // the static menu stays as the fallback: key 1 still reaches the first queue
        assertThat(d.steps("inbound-ivr", "1").get(1).data()).isEqualTo("agi://127.0.0.1:4573/ivr?choice=1");
    }

    @Test
    void withoutMenusTheReferenceDialplanIsUnchanged() {
        Dialplan d = dialplan(List.of());
        assertThat(d.steps("inbound-ivr", "s")).extracting(Dialplan.Step::app).containsExactly("NoOp", "Answer", "AGI",
                "GotoIf", "Set", "Set", "BackGround", "WaitExten", "Hangup", "Playback", "Hangup");
        assertThat(d.contexts.get("inbound-ivr")).doesNotContainKey("ivr-queue").doesNotContainKey("q-repair");
    }
}
