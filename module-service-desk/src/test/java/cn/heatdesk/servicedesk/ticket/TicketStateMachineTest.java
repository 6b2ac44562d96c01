package cn.heatdesk.servicedesk.ticket;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.servicedesk.api.TicketAction;
import cn.heatdesk.servicedesk.api.TicketStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every action × every status, against a table written out by hand from the flow in docs/workorders.md
 * (not derived from the code under test): legal pairs lead where the table says, all others are refused.
 */
class TicketStateMachineTest {

    /** action: from-status → to-status ("=" keeps the status); statuses abbreviated */
    private static final String TABLE = """
            DISPATCH: PD>DS RT>DS
            REDISPATCH: DS>DS CF>DS AS>DS AC>DS IP>DS
            CONFIRM: DS>CF
            ASSIGN: DS>AS CF>AS
            REASSIGN: AS>AS AC>AS IP>AS
            WORKER_ACCEPT: AS>AC
            WORKER_REJECT: AS>CF
            CHECK_IN: AC>IP
            COMPLETE: CF>CO AS>CO AC>CO IP>CO
            CLOSE_DIRECT: DS>CO CF>CO AS>CO AC>CO IP>CO
            DESK_RESOLVE: PD>CO
            RETURN: DS>RT CF>RT
            VISIT: CO>CL
            SECOND_DISPATCH: CO>DS
            CLOSE_WITHOUT_VISIT: CO>CL
            VOID: PD>VO DS>VO CF>VO AS>VO AC>VO IP>VO RT>VO CO>VO EX>VO
            CANCEL: PD>CA DS>CA CF>CA AS>CA AC>CA IP>CA RT>CA EX>CA
            PASS_NODE: EX>=
            TRANSFER: PD>PD RT>PD DS>PD CF>PD
            DELAY: PD>= DS>= CF>= AS>= AC>= IP>= RT>= CO>= EX>=
            SUPERVISE: PD>= DS>= CF>= AS>= AC>= IP>= RT>= CO>= EX>=
            URGE: PD>= DS>= CF>= AS>= AC>= IP>= RT>= CO>= EX>=
            ESCALATE: PD>= DS>= CF>= AS>= AC>= IP>= RT>= CO>= EX>=
            REPORT_PROGRESS: PD>= DS>= CF>= AS>= AC>= IP>= RT>= CO>= EX>=
            COLLABORATE: PD>= DS>= CF>= AS>= AC>= IP>= RT>= CO>= EX>=
            EDIT: PD>= DS>= CF>= AS>= AC>= IP>= RT>= CO>= EX>=
            APPROVAL_REQUESTED: PD>= DS>= CF>= AS>= AC>= IP>= RT>= CO>= EX>=
            APPROVAL_REJECTED: PD>= DS>= CF>= AS>= AC>= IP>= RT>= CO>= EX>=
            FEEDBACK: PD>= DS>= CF>= AS>= AC>= IP>= RT>= CO>= EX>= CL>= VO>= CA>=
            NOTE: PD>= DS>= CF>= AS>= AC>= IP>= RT>= CO>= EX>= CL>= VO>= CA>=
            CREATE:
            """;

    private static final Map<String, TicketStatus> ABBR = Map.ofEntries(
            Map.entry("PD", TicketStatus.PENDING_DISPATCH), Map.entry("DS", TicketStatus.DISPATCHED),
            Map.entry("CF", TicketStatus.CONFIRMED), Map.entry("AS", TicketStatus.ASSIGNED),
            Map.entry("AC", TicketStatus.ACCEPTED), Map.entry("IP", TicketStatus.IN_PROGRESS),
            Map.entry("RT", TicketStatus.RETURNED), Map.entry("CO", TicketStatus.COMPLETED),
            Map.entry("EX", TicketStatus.EXTRA_NODE), Map.entry("CL", TicketStatus.CLOSED),
            Map.entry("VO", TicketStatus.VOIDED), Map.entry("CA", TicketStatus.CANCELLED));

    private static Map<TicketAction, Map<TicketStatus, TicketStatus>> expected() {
        Map<TicketAction, Map<TicketStatus, TicketStatus>> m = new HashMap<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] parts = line.strip().split(":", 2);
            Map<TicketStatus, TicketStatus> pairs = new HashMap<>();
            for (String p : parts[1].trim().split("\\s+")) {
                if (p.isEmpty()) {
                    continue;
                }
                String[] ft = p.split(">");
                TicketStatus from = ABBR.get(ft[0]);
                pairs.put(from, "=".equals(ft[1]) ? from : ABBR.get(ft[1]));
            }
            m.put(TicketAction.valueOf(parts[0].trim()), pairs);
        }
        return m;
    }

    @Test
    void tableCoversEveryAction() {
        assertThat(expected().keySet()).containsExactlyInAnyOrder(TicketAction.values());
    }

    @Test
    void everyActionFromEveryStatusIsLegalExactlyAsTabled() {
        Map<TicketAction, Map<TicketStatus, TicketStatus>> exp = expected();
        List<String> mismatches = new ArrayList<>();
        int legal = 0;
        int illegal = 0;
        for (TicketAction a : TicketAction.values()) {
            for (TicketStatus s : TicketStatus.values()) {
                TicketStatus want = exp.get(a).get(s);
                if (want != null) {
                    legal++;
                    TicketStatus got = TicketStateMachine.next(a, s);
                    if (got != want) {
                        mismatches.add(a + " from " + s + ": want " + want + " got " + got);
                    }
                    assertThat(TicketStateMachine.allowed(a, s)).as(a + " from " + s).isTrue();
                } else {
                    illegal++;
                    assertThat(TicketStateMachine.allowed(a, s)).as(a + " from " + s).isFalse();
                    assertThatThrownBy(() -> TicketStateMachine.next(a, s))
                            .as(a + " from " + s)
                            .isInstanceOfSatisfying(BizException.class, e -> {
                                assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
                                assertThat(e.getMessage()).contains(s.label()).contains(a.label());
                            });
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(legal).isGreaterThan(100);
        assertThat(illegal).isGreaterThan(200);
    }

    @Test
    void finishedTicketsAcceptOnlyNotesAndFeedback() {
        for (TicketStatus s : List.of(TicketStatus.CLOSED, TicketStatus.VOIDED, TicketStatus.CANCELLED)) {
            assertThat(TicketStateMachine.legalFrom(s)).containsExactlyInAnyOrder(TicketAction.FEEDBACK, TicketAction.NOTE);
        }
    }
}
