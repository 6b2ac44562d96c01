package cn.heatdesk.servicedesk.api;

import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Work orders for other modules (repair station side, approvals and global management in monitor, mobile,
 * call center). Every change goes through the state machine and writes the timeline; reads of lists are
 * limited to the current user's data scope, single-ticket reads check it too unless stated otherwise.
 */
public interface TicketApi {

    TicketView create(TicketCreate create, TicketOrigin origin);

    /** detail with timeline; 404 when missing or outside the caller's data scope */
    TicketView detail(long ticketId);

    /** the ticket row without scope check (system use: approvals, notifications) */
    TicketRow find(long ticketId);

    /**
     * Several tickets with content, household and timeline in two queries, without scope check (system use: the
     * field app's sync, which filters by worker). Visits, attachments and allowed actions are not loaded (empty
     * lists). Unknown ids are left out; the order is unspecified.
     */
    List<TicketView> withTimelines(Collection<Long> ticketIds);

    /** one page in the caller's scope; the total stops at 10,000 ({@code totalCapped}) and later pages are empty */
    PageResult<TicketRow> search(TicketFilter filter, PageQuery query);

    /** streams matching rows (scoped) in creation order, newest first, at most {@code max}; for exports */
    void stream(TicketFilter filter, int max, Consumer<TicketRow> sink);

    List<TicketHistoryEntry> timeline(long ticketId);

    /**
     * Applies one action. Illegal transitions are a 409 naming the status; a stale {@code expectedVersion} is a
     * 409 conflict (someone else changed the ticket first); approvable actions whose chain is configured are
     * refused with APPROVAL_REQUIRED unless they come from an approval.
     */
    TicketView perform(long ticketId, TicketCommand command, TicketOrigin origin);

    /**
     * Approval hooks (module-monitor): check that the action could be applied now, mark it pending so it is not
     * asked twice, and replay it when the last level approves.
     */
    TicketRow requestApproval(long ticketId, TicketCommand command, long approvalId);

    void approvalRejected(long ticketId, TicketAction action, long approvalId, String reason);

    TicketView applyApproved(long ticketId, TicketCommand command, long approvalId, String approverName);

    /** open tickets currently held by each worker (assignment suggestions show the load) */
    Map<Long, Integer> openLoadByWorker(Collection<Long> workerIds);
}
