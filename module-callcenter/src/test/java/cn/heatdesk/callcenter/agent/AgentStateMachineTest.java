package cn.heatdesk.callcenter.agent;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Walks the whole state × input table of the agent state machine: every legal pair leads where the table below
 * says, every other pair is refused. The table is written out here independently of the implementation.
 */
class AgentStateMachineTest {

    /** columns: SIGNED_OUT, IDLE, BUSY, WRAP_UP, BREAK, RINGING, TALKING; "-" = illegal; "back" = resume state */
    private static final String[][] TABLE = {
            //                   SIGNED_OUT  IDLE        BUSY        WRAP_UP     BREAK       RINGING       TALKING
            {"SIGN_IN",          "IDLE",     "-",        "-",        "-",        "-",        "-",          "-"},
            {"SIGN_OUT",         "-",        "SIGNED_OUT", "SIGNED_OUT", "SIGNED_OUT", "SIGNED_OUT", "-",   "-"},
            {"SET_BUSY",         "-",        "BUSY",     "-",        "BUSY",     "BUSY",     "-",          "-"},
            {"SET_IDLE",         "-",        "-",        "IDLE",     "IDLE",     "IDLE",     "-",          "-"},
            {"TAKE_BREAK",       "-",        "BREAK",    "BREAK",    "BREAK",    "-",        "-",          "-"},
            {"END_WRAP_UP",      "-",        "-",        "-",        "IDLE",     "-",        "-",          "-"},
            {"FORCE_BUSY",       "-",        "BUSY",     "-",        "BUSY",     "BUSY",     "-",          "-"},
            {"FORCE_IDLE",       "-",        "-",        "IDLE",     "IDLE",     "IDLE",     "-",          "-"},
            {"FORCE_SIGN_OUT",   "-",        "SIGNED_OUT", "SIGNED_OUT", "SIGNED_OUT", "SIGNED_OUT", "SIGNED_OUT", "-"},
            {"RING",             "-",        "RINGING",  "RINGING",  "RINGING",  "RINGING",  "-",          "-"},
            {"RING_TIMEOUT",     "-",        "-",        "-",        "-",        "-",        "back",       "-"},
            {"CONNECT",          "-",        "TALKING",  "TALKING",  "TALKING",  "TALKING",  "TALKING",    "-"},
            {"COMPLETE",         "-",        "-",        "-",        "-",        "-",        "-",          "WRAP_UP"},
            {"HANGUP",           "-",        "-",        "-",        "-",        "-",        "back",       "-"},
            {"ABANDON",          "-",        "-",        "-",        "-",        "-",        "back",       "-"},
    };
    private static final AgentState[] COLUMNS = {AgentState.SIGNED_OUT, AgentState.IDLE, AgentState.BUSY,
            AgentState.WRAP_UP, AgentState.BREAK, AgentState.RINGING, AgentState.TALKING};

    @Test
    void tableCoversEveryInputAndState() {
        assertThat(TABLE.length).isEqualTo(AgentInput.values().length);
        assertThat(COLUMNS).containsExactlyInAnyOrder(AgentState.values());
        for (String[] row : TABLE) {
            assertThat(AgentInput.parse(row[0])).as(row[0]).isPresent();
            assertThat(row).hasSize(COLUMNS.length + 1);
        }
    }

    @Test
    void everyPairFollowsTheTable() {
        List<String> checked = new ArrayList<>();
        for (String[] row : TABLE) {
            AgentInput input = AgentInput.valueOf(row[0]);
            for (int c = 0; c < COLUMNS.length; c++) {
                AgentState from = COLUMNS[c];
                String want = row[c + 1];
                // "back" with no remembered state goes to IDLE; with one, to that state (checked below)
                Optional<AgentState> got = AgentStateMachine.next(from, input, null);
                if (want.equals("-")) {
                    assertThat(got).as("%s in %s must be illegal", input, from).isEmpty();
                    assertThatThrownBy(() -> AgentStateMachine.require(from, input, null))
                            .isInstanceOf(BizException.class)
                            .satisfies(e -> {
                                BizException b = (BizException) e;
                                assertThat(b.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
                                assertThat(b.getMessage()).contains(from.label()).contains(input.label());
                            });
                } else {
                    AgentState expected = want.equals("back") ? AgentState.IDLE : AgentState.valueOf(want);
                    assertThat(got).as("%s in %s", input, from).contains(expected);
                    assertThat(AgentStateMachine.require(from, input, null)).isEqualTo(expected);
                }
                checked.add(from + "/" + input);
            }
        }
        assertThat(checked).hasSize(AgentState.values().length * AgentInput.values().length);
    }

    @Test
    void anUnansweredRingGoesBackToTheStateItInterrupted() {
        for (AgentInput end : List.of(AgentInput.RING_TIMEOUT, AgentInput.HANGUP, AgentInput.ABANDON)) {
            for (AgentState before : List.of(AgentState.IDLE, AgentState.BUSY, AgentState.BREAK, AgentState.WRAP_UP)) {
                AgentState ringing = AgentStateMachine.require(before, AgentInput.RING, null);
                assertThat(ringing).isEqualTo(AgentState.RINGING);
                assertThat(AgentStateMachine.require(ringing, end, before)).as("%s after ring from %s", end, before)
                        .isEqualTo(before);
            }
            // a remembered state a ring cannot resume into falls back to IDLE
            assertThat(AgentStateMachine.require(AgentState.RINGING, end, AgentState.TALKING)).isEqualTo(AgentState.IDLE);
            assertThat(AgentStateMachine.require(AgentState.RINGING, end, AgentState.SIGNED_OUT)).isEqualTo(AgentState.IDLE);
        }
    }

    @Test
    void allowedListsExactlyTheLegalInputs() {
        Map<AgentState, List<AgentInput>> legal = new EnumMap<>(AgentState.class);
        for (String[] row : TABLE) {
            for (int c = 0; c < COLUMNS.length; c++) {
                if (!row[c + 1].equals("-")) {
                    legal.computeIfAbsent(COLUMNS[c], k -> new ArrayList<>()).add(AgentInput.valueOf(row[0]));
                }
            }
        }
        for (AgentState s : AgentState.values()) {
            assertThat(AgentStateMachine.allowed(s)).as("allowed in %s", s)
                    .containsExactlyInAnyOrderElementsOf(legal.getOrDefault(s, List.of()));
        }
    }

    @Test
    void reasonsAreRequiredForBusyAndBreakOnly() {
        assertThat(List.of(AgentInput.values()).stream().filter(AgentInput::needsReason))
                .containsExactlyInAnyOrder(AgentInput.SET_BUSY, AgentInput.TAKE_BREAK, AgentInput.FORCE_BUSY);
    }

    @Test
    void illegalCommandsExplainThemselvesInChinese() {
        assertThatThrownBy(() -> AgentStateMachine.require(AgentState.TALKING, AgentInput.SIGN_OUT, null))
                .hasMessage("坐席当前为“通话中”，不能“签出”，请先结束通话");
        assertThatThrownBy(() -> AgentStateMachine.require(AgentState.SIGNED_OUT, AgentInput.SET_BUSY, null))
                .hasMessage("坐席当前为“签出”，不能“示忙”，请先签入");
    }
}
