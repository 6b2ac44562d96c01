package cn.heatdesk.repair.dispatch;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * One station action (POST /api/repair/tickets/{id}/actions). Same fields as the service desk's TicketCommand, minus
 * what a station may not decide (station, subsidiary, visit).
 *
 * @param action          CONFIRM, ASSIGN, REASSIGN, COMPLETE, CLOSE_DIRECT, REPORT_PROGRESS, NOTE, or the
 *                        approvable RETURN, VOID, CANCEL, DELAY
 * @param expectedVersion the ticket's rowVersion the lead saw (mandatory: two leads must not both win)
 * @param fields          COMPLETE / CLOSE_DIRECT: handlingResult (mandatory), parts, durationMinutes
 */
public record StationCommand(String action, Integer expectedVersion, String reason, String note, Long workerId,
                             Integer extendMinutes, LocalDateTime deadline, Map<String, Object> fields) {
}
