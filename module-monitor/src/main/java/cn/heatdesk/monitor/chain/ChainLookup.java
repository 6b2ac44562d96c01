package cn.heatdesk.monitor.chain;

import cn.heatdesk.monitor.api.ApprovalBizTypes;
import cn.heatdesk.servicedesk.api.TicketAction;
import cn.heatdesk.servicedesk.api.TicketApprovalGate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * Finds the chain that applies to a request, and answers the service desk's question whether an action needs an
 * approval ({@link TicketApprovalGate}). Depends on the mapper only: the ticket service calls it while the ticket
 * service itself is being built, so it must not reach back to anything that needs the ticket service.
 */
@Component
public class ChainLookup implements TicketApprovalGate {

    /** a chain with its levels in order */
    public record Effective(ApprovalChain chain, List<ChainStep> steps) {
    }

    private final ChainMapper mapper;

    public ChainLookup(ChainMapper mapper) {
        this.mapper = mapper;
    }

    /** the chain that applies to (type, action) for the subsidiary; empty when none is enabled */
    @Transactional(readOnly = true)
    public Optional<Effective> effective(String bizType, String action, Long subsidiaryId) {
        return pick(mapper.selectEnabled(bizType, action, subsidiaryId), subsidiaryId)
                .map(c -> new Effective(c, mapper.selectSteps(List.of(c.getId()))));
    }

    /** approvable actions need an approval when a chain applies; close-without-visit always does */
    @Override
    public boolean requiresApproval(TicketAction action, long subsidiaryId, String orgPath) {
        if (action == null || !action.approvable()) {
            return false;
        }
        if (action == TicketAction.CLOSE_WITHOUT_VISIT) {
            return true;
        }
        return !mapper.selectEnabled(ApprovalBizTypes.TICKET, action.name(), subsidiaryId).isEmpty();
    }

    /** the subsidiary's own chain wins over the group default */
    static Optional<ApprovalChain> pick(List<ApprovalChain> enabled, Long subsidiaryId) {
        ApprovalChain group = null;
        for (ApprovalChain c : enabled) {
            if (subsidiaryId != null && subsidiaryId.equals(c.getScopeOrgId())) {
                return Optional.of(c);
            }
            if (c.getScopeOrgId() != null && c.getScopeOrgId() == 0L) {
                group = c;
            }
        }
        return Optional.ofNullable(group);
    }
}
