package cn.heatdesk.callcenter.agent;

import java.util.Optional;

/** Everything that can change an agent's state: the agent's commands, a supervisor's, and AMI events. */
public enum AgentInput {
    // the agent's own commands
    SIGN_IN("签入", Kind.COMMAND),
    SIGN_OUT("签出", Kind.COMMAND),
    SET_BUSY("示忙", Kind.COMMAND),
    SET_IDLE("示闲", Kind.COMMAND),
    TAKE_BREAK("小休", Kind.COMMAND),
    /** also sent by the wrap-up timer (source SYSTEM) */
    END_WRAP_UP("结束整理", Kind.COMMAND),
    // supervisor (班长)
    FORCE_BUSY("强制示忙", Kind.SUPERVISOR),
    FORCE_IDLE("强制示闲", Kind.SUPERVISOR),
    FORCE_SIGN_OUT("强制签出", Kind.SUPERVISOR),
    // AMI events
    /** AgentCalled */
    RING("振铃", Kind.AMI),
    /** AgentRingNoAnswer */
    RING_TIMEOUT("振铃未接", Kind.AMI),
    /** AgentConnect */
    CONNECT("接通", Kind.AMI),
    /** AgentComplete */
    COMPLETE("通话结束", Kind.AMI),
    /** the ringing leg hung up (another member answered, or the call went away) */
    HANGUP("振铃挂断", Kind.AMI),
    /** QueueCallerAbandon: the caller left while the agent was ringing */
    ABANDON("来电放弃", Kind.AMI);

    public enum Kind { COMMAND, SUPERVISOR, AMI }

    private final String label;
    private final Kind kind;

    AgentInput(String label, Kind kind) {
        this.label = label;
        this.kind = kind;
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    /** the inputs that need a reason (示忙 / 小休 and their forced forms) */
    public boolean needsReason() {
        return this == SET_BUSY || this == TAKE_BREAK || this == FORCE_BUSY;
    }

    public static Optional<AgentInput> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(s.strip().toUpperCase()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
