package cn.heatdesk.callcenter.supervisor;

import cn.heatdesk.callcenter.bundle.DialplanNames;
import cn.heatdesk.callcenter.cti.CtiDialplan;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.RedirectAction;

import java.util.Map;

/**
 * The AMI actions of the supervisor's steps, built in one place so their exact fields are unit-tested
 * (docs/supervisor.md). The dialplan they land in is rendered by AsteriskConfigRenderer.
 */
public final class SupervisorActions {

    /** normal clearing */
    static final int CAUSE_NORMAL = 16;

    /** the three ways of joining an agent's call through ChanSpy */
    public enum SpyMode {
        /** 监听: ChanSpy q E — the supervisor hears both sides, nobody hears the supervisor */
        LISTEN("监听", "qE"),
        /** 耳语: ChanSpy w — only the agent hears the supervisor */
        WHISPER("耳语", "qEw"),
        /** 强插: ChanSpy B — both sides hear the supervisor (three-way) */
        BARGE("强插", "qEB");

        public final String label;
        public final String options;

        SpyMode(String label, String options) {
            this.label = label;
            this.options = options;
        }

        String exten(String agentExtension) {
            return switch (this) {
                case LISTEN -> DialplanNames.listenExten(agentExtension);
                case WHISPER -> DialplanNames.whisperExten(agentExtension);
                case BARGE -> DialplanNames.bargeExten(agentExtension);
            };
        }
    }

    private SupervisorActions() {
    }

    /**
     * Rings the supervisor's phone (Async: the request does not wait for the pick-up); answered, it runs
     * {@code supervisor,<mode>_<agent ext>} = {@code ChanSpy(PJSIP/<agent endpoint>-,<options>)}. ChannelId becomes
     * the spy leg's Uniqueid, so the console can name it.
     */
    public static OriginateAction spy(SpyMode mode, String supervisorEndpoint, String supervisorExtension,
                                      String agentExtension, String channelId, Map<String, String> variables) {
        OriginateAction a = new OriginateAction();
        a.setChannel("PJSIP/" + supervisorEndpoint);
        a.setContext(DialplanNames.SUPERVISOR);
        a.setExten(mode.exten(agentExtension));
        a.setPriority(1);
        a.setCallerId("\"" + mode.label + " " + agentExtension + "\" <" + supervisorExtension + ">");
        a.setTimeout(30_000L);
        a.setAsync(Boolean.TRUE);
        a.setChannelId(channelId);
        a.setVariables(new java.util.LinkedHashMap<>(variables));
        return a;
    }

    /** 强拆: the customer's leg is hung up, the agent's leg ends with the bridge (no survey, unlike the agent hanging up) */
    public static HangupAction release(String channel) {
        HangupAction a = new HangupAction(channel);
        a.setCause(CAUSE_NORMAL);
        return a;
    }

    /**
     * 拦截: the customer leaves the agent's bridge for the supervisor's phone ({@code transfer-targets,<ext>}); the
     * agent's leg, alone in a Queue/Dial bridge, is hung up by Asterisk.
     */
    public static RedirectAction intercept(String customerChannel, String supervisorExtension) {
        return new RedirectAction(customerChannel, CtiDialplan.TRANSFER_TARGETS, supervisorExtension, 1);
    }

    /** 优先: out of Queue() and back into the same queue with QUEUE_PRIO raised (supervisor-queue,<queue>) */
    public static RedirectAction toFront(String callerChannel, String queueName) {
        return new RedirectAction(callerChannel, DialplanNames.SUPERVISOR_QUEUE, DialplanNames.queueExten(queueName), 1);
    }

    /** 指定坐席: out of Queue() straight to the agent's phone (transfer-targets,<ext> dials it) */
    public static RedirectAction toAgent(String callerChannel, String agentExtension) {
        return new RedirectAction(callerChannel, CtiDialplan.TRANSFER_TARGETS, agentExtension, 1);
    }
}
