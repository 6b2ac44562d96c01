package cn.heatdesk.callcenter.agent;

import java.util.Optional;

/** The states of an agent (坐席状态). */
public enum AgentState {
    SIGNED_OUT("签出"),
    IDLE("示闲"),
    BUSY("示忙"),
    WRAP_UP("整理"),
    BREAK("小休"),
    RINGING("振铃"),
    TALKING("通话中");

    private final String label;

    AgentState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** signed in at all (a queue member in Asterisk) */
    public boolean signedIn() {
        return this != SIGNED_OUT;
    }

    /**
     * Whether the agent's queue memberships are paused in Asterisk in this state. RINGING and TALKING are driven by
     * Asterisk itself: the pause stays what it was (see {@link #resumable()}), so this answers only for the others.
     */
    public boolean paused() {
        return this == BUSY || this == BREAK || this == WRAP_UP;
    }

    /** a state a ring can interrupt and the agent goes back to when the ring ends unanswered */
    public boolean resumable() {
        return this == IDLE || this == BUSY || this == BREAK || this == WRAP_UP;
    }

    public static Optional<AgentState> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(s.strip().toUpperCase()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static String labelOf(String code) {
        return parse(code).map(AgentState::label).orElse(code);
    }
}
