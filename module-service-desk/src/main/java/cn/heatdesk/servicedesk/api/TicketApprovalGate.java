package cn.heatdesk.servicedesk.api;

/**
 * Implemented by the approvals owner (module-monitor): whether an approvable action on a ticket of this org
 * must go through approval. Without a bean only {@link TicketAction#CLOSE_WITHOUT_VISIT} is refused
 * (it is never allowed without an approval record).
 */
public interface TicketApprovalGate {

    boolean requiresApproval(TicketAction action, long subsidiaryId, String orgPath);
}
