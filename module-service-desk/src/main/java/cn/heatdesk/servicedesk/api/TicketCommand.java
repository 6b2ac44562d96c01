package cn.heatdesk.servicedesk.api;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * One action on a work order, with whatever that action needs; unused fields stay null. The same record is
 * the payload of an approval, so an approved request is replayed exactly as it was asked for.
 *
 * @param expectedVersion the row version the operator saw (optimistic lock); null skips the check (system jobs)
 * @param reason          why (mandatory for return, void, cancel, reassign, redispatch, delay, transfer, edit)
 * @param stationOrgId    dispatch / redispatch / second dispatch / collaborate: the repair station
 * @param workerId        assign / reassign: the worker (user id)
 * @param extendMinutes   delay: minutes added to the deadline
 * @param targetSubsidiaryId transfer: the subsidiary taking the ticket over
 * @param satisfaction    visit: 1 (很不满意) … 5 (很满意)
 * @param visitResult     visit: SATISFIED, UNSATISFIED, UNREACHABLE
 * @param fields          action-specific extras: handling result, parts, duration, visit answers, edited fields
 */
public record TicketCommand(TicketAction action, Integer expectedVersion, String reason, String note,
                            Long stationOrgId, Long workerId, Integer extendMinutes, Long targetSubsidiaryId,
                            Integer satisfaction, String visitResult, LocalDateTime deadline,
                            Map<String, Object> fields) {

    public static TicketCommand of(TicketAction action, Integer expectedVersion, String reason) {
        return new TicketCommand(action, expectedVersion, reason, null, null, null, null, null, null, null, null, null);
    }

    public TicketCommand withAction(TicketAction a) {
        return new TicketCommand(a, expectedVersion, reason, note, stationOrgId, workerId, extendMinutes,
                targetSubsidiaryId, satisfaction, visitResult, deadline, fields);
    }

    public TicketCommand withoutVersion() {
        return new TicketCommand(action, null, reason, note, stationOrgId, workerId, extendMinutes,
                targetSubsidiaryId, satisfaction, visitResult, deadline, fields);
    }
}
