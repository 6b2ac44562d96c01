package cn.heatdesk.callcenter.supervisor;

import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.AsteriskVersion;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The supervisor's AMI actions as they go on the wire (asterisk-java's own action builder, Asterisk 22). */
class SupervisorActionsTest {

    /** the action as asterisk-java writes it, as "key: value" lines (ActionID left out) */
    static List<String> wire(ManagerAction action) throws Exception {
        Class<?> builder = Class.forName("org.asteriskjava.manager.internal.ActionBuilderImpl");
        Constructor<?> c = builder.getDeclaredConstructor();
        c.setAccessible(true);
        Method build = builder.getDeclaredMethod("buildAction", ManagerAction.class, String.class);
        build.setAccessible(true);
        Method version = builder.getDeclaredMethod("setTargetVersion", AsteriskVersion.class);
        version.setAccessible(true);
        Object b = c.newInstance();
        version.invoke(b, AsteriskVersion.ASTERISK_22);
        List<String> lines = new ArrayList<>();
        for (String l : ((String) build.invoke(b, action, null)).split("\r\n")) {
            if (!l.isEmpty() && !l.toLowerCase().startsWith("actionid:")) {
                lines.add(l);
            }
        }
        return lines;
    }

    @Test
    void listenWhisperBargeOriginateTheSupervisorPhoneIntoTheSupervisorContext() throws Exception {
        for (SupervisorActions.SpyMode m : SupervisorActions.SpyMode.values()) {
            List<String> w = wire(SupervisorActions.spy(m, "8101", "8101", "8001", "hd-spy-9",
                    Map.of("SUPERVISOR_ACTION", m.name())));
            String exten = m.name().toLowerCase() + "_8001";
            assertThat(w).as(m.name()).contains("action: Originate", "channel: PJSIP/8101", "context: supervisor",
                    "exten: " + exten, "priority: 1", "async: true", "channelid: hd-spy-9", "timeout: 30000",
                    "variable: SUPERVISOR_ACTION=" + m.name());
            assertThat(w).noneMatch(l -> l.startsWith("application"));
        }
        assertThat(SupervisorActions.SpyMode.LISTEN.options).isEqualTo("qE");
        assertThat(SupervisorActions.SpyMode.WHISPER.options).isEqualTo("qEw");
        assertThat(SupervisorActions.SpyMode.BARGE.options).isEqualTo("qEB");
    }

    @Test
    void releaseHangsUpTheGivenChannelWithNormalClearing() throws Exception {
        assertThat(wire(SupervisorActions.release("PJSIP/9000-00000001"))).containsExactlyInAnyOrder("action: Hangup",
                "channel: PJSIP/9000-00000001", "cause: 16");
    }

    @Test
    void interceptAndToAgentRedirectIntoTransferTargets_toFrontIntoSupervisorQueue() throws Exception {
        assertThat(wire(SupervisorActions.intercept("PJSIP/9000-00000001", "8101"))).containsExactlyInAnyOrder(
                "action: Redirect", "channel: PJSIP/9000-00000001", "context: transfer-targets", "exten: 8101",
                "priority: 1");
        assertThat(wire(SupervisorActions.toAgent("PJSIP/9000-00000002", "8002"))).containsExactlyInAnyOrder(
                "action: Redirect", "channel: PJSIP/9000-00000002", "context: transfer-targets", "exten: 8002",
                "priority: 1");
        assertThat(wire(SupervisorActions.toFront("PJSIP/9000-00000003", "repair"))).containsExactlyInAnyOrder(
                "action: Redirect", "channel: PJSIP/9000-00000003", "context: supervisor-queue", "exten: repair",
                "priority: 1");
    }
}
