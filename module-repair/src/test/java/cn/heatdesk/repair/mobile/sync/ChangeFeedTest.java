package cn.heatdesk.repair.mobile.sync;

import cn.heatdesk.servicedesk.api.TicketAction;
import cn.heatdesk.servicedesk.api.TicketChanged;
import cn.heatdesk.servicedesk.api.TicketStatus;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Who hears what in the field app's change feed. */
class ChangeFeedTest {

    static TicketChanged changed(TicketAction a, TicketStatus from, TicketStatus to, Long worker, Long previous) {
        return new TicketChanged(1L, "T1", a, from, to, 10L, "/1/10/100/", 100L, worker, previous, false, false, 3,
                5L, "赵站长", LocalDateTime.now());
    }

    @Test
    void assignmentAndChangesWhileHeldAreTicketUpserts() {
        assertThat(ChangeFeed.entries(changed(TicketAction.ASSIGN, TicketStatus.CONFIRMED, TicketStatus.ASSIGNED, 7L, null)))
                .containsExactly(Map.entry(7L, new ChangeFeed.Entry("TICKET", null)));
        assertThat(ChangeFeed.entries(changed(TicketAction.URGE, TicketStatus.ACCEPTED, TicketStatus.ACCEPTED, 7L, null)))
                .containsExactly(Map.entry(7L, new ChangeFeed.Entry("TICKET", null)));
    }

    @Test
    void reassignmentRemovesItFromTheOldWorkerAndGivesItToTheNewOneInUserIdOrder() {
        var e = ChangeFeed.entries(changed(TicketAction.REASSIGN, TicketStatus.ACCEPTED, TicketStatus.ASSIGNED, 8L, 9L));
        assertThat(e.keySet()).containsExactly(8L, 9L);
        assertThat(e.get(9L)).isEqualTo(new ChangeFeed.Entry("TICKET_REMOVED", "REASSIGNED"));
        assertThat(e.get(8L)).isEqualTo(new ChangeFeed.Entry("TICKET", null));
        // the worker's own rejection and a return to the desk take it away as well
        assertThat(ChangeFeed.entries(changed(TicketAction.WORKER_REJECT, TicketStatus.ASSIGNED, TicketStatus.CONFIRMED, null, 7L)))
                .containsExactly(Map.entry(7L, new ChangeFeed.Entry("TICKET_REMOVED", "REASSIGNED")));
    }

    @Test
    void leavingTheListSaysWhyAndLaterChangesAreNotSent() {
        for (var c : List.of(
                List.of(TicketStatus.VOIDED, "VOIDED"), List.of(TicketStatus.CANCELLED, "CANCELLED"),
                List.of(TicketStatus.COMPLETED, "FINISHED"), List.of(TicketStatus.EXTRA_NODE, "FINISHED"))) {
            var e = ChangeFeed.entries(changed(TicketAction.VOID, TicketStatus.IN_PROGRESS, (TicketStatus) c.get(0), 7L, null));
            assertThat(e).containsExactly(Map.entry(7L, new ChangeFeed.Entry("TICKET_REMOVED", (String) c.get(1))));
        }
        assertThat(ChangeFeed.entries(changed(TicketAction.VISIT, TicketStatus.COMPLETED, TicketStatus.CLOSED, 7L, null))).isEmpty();
        assertThat(ChangeFeed.entries(changed(TicketAction.DISPATCH, TicketStatus.PENDING_DISPATCH, TicketStatus.DISPATCHED, null, null))).isEmpty();
    }
}
