package cn.heatdesk.callcenter.agent;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static cn.heatdesk.callcenter.agent.AgentState.BREAK;
import static cn.heatdesk.callcenter.agent.AgentState.BUSY;
import static cn.heatdesk.callcenter.agent.AgentState.IDLE;
import static cn.heatdesk.callcenter.agent.AgentState.RINGING;
import static cn.heatdesk.callcenter.agent.AgentState.SIGNED_OUT;
import static cn.heatdesk.callcenter.agent.AgentState.TALKING;
import static cn.heatdesk.callcenter.agent.AgentState.WRAP_UP;

/**
 * The agent state machine, as one explicit table: for each input the states it is legal in and where it leads.
 * Anything not listed is illegal. Pure: no database, no AMI — {@link AgentService} applies the result.
 * <pre>
 * SIGN_IN                      SIGNED_OUT                         → IDLE
 * SIGN_OUT                     IDLE BUSY BREAK WRAP_UP            → SIGNED_OUT   (not while ringing or talking)
 * SET_BUSY / FORCE_BUSY        IDLE BREAK WRAP_UP                 → BUSY         (reason required)
 * SET_IDLE / FORCE_IDLE        BUSY BREAK WRAP_UP                 → IDLE
 * TAKE_BREAK                   IDLE BUSY WRAP_UP                  → BREAK        (reason required)
 * END_WRAP_UP                  WRAP_UP                            → IDLE         (agent, or the wrap-up timer)
 * FORCE_SIGN_OUT               IDLE BUSY BREAK WRAP_UP RINGING    → SIGNED_OUT   (not while talking)
 * RING          (AgentCalled)  IDLE BUSY BREAK WRAP_UP            → RINGING      (remembering the state rung from)
 * RING_TIMEOUT / HANGUP / ABANDON  RINGING                        → the state rung from (IDLE when unknown)
 * CONNECT       (AgentConnect) RINGING IDLE BUSY BREAK WRAP_UP    → TALKING      (a missed AgentCalled is tolerated)
 * COMPLETE      (AgentComplete) TALKING                           → WRAP_UP      (timed by the queue's wrap-up)
 * </pre>
 * A ring is legal from the paused states because AMI events are facts: a pause can cross a ring already on its way.
 */
public final class AgentStateMachine {

    private static final Set<AgentState> SIGNED_IN_QUIET = EnumSet.of(IDLE, BUSY, BREAK, WRAP_UP);

    private AgentStateMachine() {
    }

    /**
     * Where {@code input} leads from {@code from}; empty when the pair is illegal.
     *
     * @param resume the state a ring interrupted ({@code cc_agent.resume_state}); null means IDLE
     */
    public static Optional<AgentState> next(AgentState from, AgentInput input, AgentState resume) {
        AgentState to = switch (input) {
            case SIGN_IN -> from == SIGNED_OUT ? IDLE : null;
            case SIGN_OUT -> SIGNED_IN_QUIET.contains(from) ? SIGNED_OUT : null;
            case SET_BUSY, FORCE_BUSY -> from == IDLE || from == BREAK || from == WRAP_UP ? BUSY : null;
            case SET_IDLE, FORCE_IDLE -> from == BUSY || from == BREAK || from == WRAP_UP ? IDLE : null;
            case TAKE_BREAK -> from == IDLE || from == BUSY || from == WRAP_UP ? BREAK : null;
            case END_WRAP_UP -> from == WRAP_UP ? IDLE : null;
            case FORCE_SIGN_OUT -> SIGNED_IN_QUIET.contains(from) || from == RINGING ? SIGNED_OUT : null;
            case RING -> SIGNED_IN_QUIET.contains(from) ? RINGING : null;
            case RING_TIMEOUT, HANGUP, ABANDON -> from == RINGING ? back(resume) : null;
            case CONNECT -> from == RINGING || SIGNED_IN_QUIET.contains(from) ? TALKING : null;
            case COMPLETE -> from == TALKING ? WRAP_UP : null;
        };
        return Optional.ofNullable(to);
    }

    /** {@link #next}, or a 409 naming the state and the refused action in Chinese */
    public static AgentState require(AgentState from, AgentInput input, AgentState resume) {
        return next(from, input, resume).orElseThrow(() -> illegal(from, input));
    }

    /** the inputs legal in {@code from} (the console enables its buttons from this) */
    public static Set<AgentInput> allowed(AgentState from) {
        Set<AgentInput> out = EnumSet.noneOf(AgentInput.class);
        for (AgentInput i : AgentInput.values()) {
            if (next(from, i, null).isPresent()) {
                out.add(i);
            }
        }
        return out;
    }

    public static BizException illegal(AgentState from, AgentInput input) {
        String hint = switch (from) {
            case TALKING -> "，请先结束通话";
            case RINGING -> "，请先接听或等待振铃结束";
            case SIGNED_OUT -> "，请先签入";
            default -> "";
        };
        return new BizException(ErrorCode.ILLEGAL_TRANSITION,
                "坐席当前为“" + from.label() + "”，不能“" + input.label() + "”" + hint, "action");
    }

    private static AgentState back(AgentState resume) {
        return resume != null && resume.resumable() ? resume : IDLE;
    }
}
