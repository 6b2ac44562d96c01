package cn.heatdesk.servicedesk.ticket;

import cn.heatdesk.baseinfo.api.HouseholdTicketProvider;
import cn.heatdesk.baseinfo.api.TicketBrief;
import cn.heatdesk.servicedesk.api.TicketStatus;
import cn.heatdesk.settings.api.DictionaryApi;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** Tickets in the household panel (screen pop): history, same-unit open tickets, open counts under a node. */
@Component
public class PanelTickets implements HouseholdTicketProvider {

    private final TicketService tickets;
    private final DictionaryApi dict;

    public PanelTickets(TicketService tickets, DictionaryApi dict) {
        this.tickets = tickets;
        this.dict = dict;
    }

    @Override
    public List<TicketBrief> recentForHousehold(long householdId, int limit) {
        return briefs(tickets.recentForHousehold(householdId, limit));
    }

    @Override
    public List<TicketBrief> openInUnit(long unitId, long excludeHouseholdId, int limit) {
        return briefs(tickets.openInUnit(unitId, excludeHouseholdId, limit));
    }

    @Override
    public long countOpenUnder(String nodePathPrefix) {
        return tickets.countOpenUnder(nodePathPrefix);
    }

    private List<TicketBrief> briefs(List<Ticket> list) {
        Map<String, String> types = dict.labels("ticket_type");
        return list.stream().map(t -> new TicketBrief(t.getId(), t.getTicketNo(), types.getOrDefault(t.getTicketType(), t.getTicketType()),
                TicketStatus.valueOf(t.getStatus()).label(), t.getTitle(), t.getHouseholdId(), t.getAddress(),
                t.getCreatedAt(), t.getDeadline())).toList();
    }
}
