package cn.heatdesk.servicedesk.api;

import java.time.LocalDateTime;

/**
 * Published inside the transaction of every ticket change. Listeners that push to consoles act after commit
 * ({@code @TransactionalEventListener}); anything that must not be lost goes through the notice outbox in the
 * same transaction instead.
 *
 * @param previousWorkerId the worker who lost the ticket on reassign (null otherwise)
 */
public record TicketChanged(Long ticketId, String ticketNo, TicketAction action, TicketStatus fromStatus,
                            TicketStatus toStatus, Long subsidiaryId, String orgPath, Long stationOrgId,
                            Long workerId, Long previousWorkerId, boolean supervised, boolean overLevel,
                            int rowVersion, Long operatorId, String operatorName, LocalDateTime at) {
}
