package cn.heatdesk.servicedesk.ticket;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.servicedesk.api.TicketAction;
import cn.heatdesk.servicedesk.api.TicketStatus;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.heatdesk.servicedesk.api.TicketStatus.*;

/**
 * The work-order flow as a table: for each action, the statuses it may start from and where it leads.
 * Actions without a target status record on the timeline and leave the status alone. Extra nodes are decided
 * by {@link TicketFlow} after this table has answered (a subsidiary's nodes are data, the table is code).
 */
public final class TicketStateMachine {

    /** @param to null = the status does not change */
    public record Rule(Set<TicketStatus> from, TicketStatus to) {
    }

    private static final Set<TicketStatus> WITH_STATION = EnumSet.of(DISPATCHED, CONFIRMED, ASSIGNED, ACCEPTED, IN_PROGRESS);
    private static final Set<TicketStatus> OPEN = EnumSet.of(PENDING_DISPATCH, DISPATCHED, CONFIRMED, ASSIGNED, ACCEPTED,
            IN_PROGRESS, RETURNED, COMPLETED, EXTRA_NODE);
    private static final Set<TicketStatus> ALL = EnumSet.allOf(TicketStatus.class);

    private static final Map<TicketAction, Rule> RULES = new EnumMap<>(TicketAction.class);

    static {
        rule(TicketAction.DISPATCH, EnumSet.of(PENDING_DISPATCH, RETURNED), DISPATCHED);
        rule(TicketAction.REDISPATCH, WITH_STATION, DISPATCHED);
        rule(TicketAction.CONFIRM, EnumSet.of(DISPATCHED), CONFIRMED);
        rule(TicketAction.ASSIGN, EnumSet.of(DISPATCHED, CONFIRMED), ASSIGNED);
        rule(TicketAction.REASSIGN, EnumSet.of(ASSIGNED, ACCEPTED, IN_PROGRESS), ASSIGNED);
        rule(TicketAction.WORKER_ACCEPT, EnumSet.of(ASSIGNED), ACCEPTED);
        rule(TicketAction.WORKER_REJECT, EnumSet.of(ASSIGNED), CONFIRMED);
        rule(TicketAction.CHECK_IN, EnumSet.of(ACCEPTED), IN_PROGRESS);
        rule(TicketAction.COMPLETE, EnumSet.of(CONFIRMED, ASSIGNED, ACCEPTED, IN_PROGRESS), COMPLETED);
        rule(TicketAction.CLOSE_DIRECT, WITH_STATION, COMPLETED);
        rule(TicketAction.DESK_RESOLVE, EnumSet.of(PENDING_DISPATCH), COMPLETED);
        rule(TicketAction.RETURN, EnumSet.of(DISPATCHED, CONFIRMED), RETURNED);
        // an unsatisfied or unreachable visit keeps the ticket in COMPLETED; TicketService decides (see resolveTarget)
        rule(TicketAction.VISIT, EnumSet.of(COMPLETED), CLOSED);
        rule(TicketAction.SECOND_DISPATCH, EnumSet.of(COMPLETED), DISPATCHED);
        rule(TicketAction.CLOSE_WITHOUT_VISIT, EnumSet.of(COMPLETED), CLOSED);
        rule(TicketAction.VOID, OPEN, VOIDED);
        rule(TicketAction.CANCEL, EnumSet.of(PENDING_DISPATCH, DISPATCHED, CONFIRMED, ASSIGNED, ACCEPTED, IN_PROGRESS,
                RETURNED, EXTRA_NODE), CANCELLED);
        // the target of PASS_NODE is the next extra node or the status the ticket resumes (TicketFlow)
        rule(TicketAction.PASS_NODE, EnumSet.of(EXTRA_NODE), null);
        rule(TicketAction.TRANSFER, EnumSet.of(PENDING_DISPATCH, RETURNED, DISPATCHED, CONFIRMED), PENDING_DISPATCH);
        rule(TicketAction.DELAY, OPEN, null);
        rule(TicketAction.SUPERVISE, OPEN, null);
        rule(TicketAction.URGE, OPEN, null);
        rule(TicketAction.ESCALATE, OPEN, null);
        rule(TicketAction.REPORT_PROGRESS, OPEN, null);
        rule(TicketAction.COLLABORATE, OPEN, null);
        rule(TicketAction.EDIT, OPEN, null);
        rule(TicketAction.APPROVAL_REQUESTED, OPEN, null);
        rule(TicketAction.APPROVAL_REJECTED, OPEN, null);
        // the group's feedback on an over-level complaint and plain notes are allowed after closing too
        rule(TicketAction.FEEDBACK, ALL, null);
        rule(TicketAction.NOTE, ALL, null);
    }

    private TicketStateMachine() {
    }

    private static void rule(TicketAction action, Set<TicketStatus> from, TicketStatus to) {
        RULES.put(action, new Rule(Collections.unmodifiableSet(EnumSet.copyOf(from)), to));
    }

    /** the rule of an action; CREATE has none (a ticket is born, not moved) */
    public static Rule rule(TicketAction action) {
        return RULES.get(action);
    }

    public static boolean allowed(TicketAction action, TicketStatus from) {
        Rule r = RULES.get(action);
        return r != null && r.from().contains(from);
    }

    /**
     * The status an action leads to from {@code from} (the same status for actions that don't move the ticket).
     *
     * @throws BizException ILLEGAL_TRANSITION (409) naming the action and the current status
     */
    public static TicketStatus next(TicketAction action, TicketStatus from) {
        Rule r = RULES.get(action);
        if (r == null || !r.from().contains(from)) {
            throw illegal(action, from);
        }
        return r.to() == null ? from : r.to();
    }

    /** actions legal from a status, in declaration order (the console shows buttons for these) */
    public static List<TicketAction> legalFrom(TicketStatus from) {
        return RULES.entrySet().stream().filter(e -> e.getValue().from().contains(from)).map(Map.Entry::getKey).toList();
    }

    public static BizException illegal(TicketAction action, TicketStatus from) {
        return new BizException(ErrorCode.ILLEGAL_TRANSITION,
                "工单当前状态为“" + from.label() + "”，不能执行“" + action.label() + "”",
                null, Map.of("status", from.name(), "action", action.name()));
    }
}
