package cn.heatdesk.servicedesk.ticket;

import cn.heatdesk.servicedesk.api.TicketRow;
import cn.heatdesk.servicedesk.api.TicketStatus;
import cn.heatdesk.servicedesk.config.FlowService;
import cn.heatdesk.settings.api.DictionaryApi;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Turns ticket rows into list rows: labels, subsidiary names, node names and the timing colour. */
@Component
public class TicketRows {

    /** a completed ticket turns yellow this many hours before its visit is due */
    static final int VISIT_NEAR_HOURS = 4;

    private final DictionaryApi dict;
    private final OrgApi orgs;
    private final FlowService flow;

    public TicketRows(DictionaryApi dict, OrgApi orgs, FlowService flow) {
        this.dict = dict;
        this.orgs = orgs;
        this.flow = flow;
    }

    /** a converter that looks each dictionary and org up once, for a page of rows */
    public Function<Ticket, TicketRow> converter() {
        Map<String, String> types = dict.labels("ticket_type");
        Map<String, String> sources = dict.labels("ticket_source");
        Map<String, String> urgencies = dict.labels("ticket_urgency");
        Map<Long, String> subs = new HashMap<>();
        LocalDateTime now = LocalDateTime.now();
        return t -> row(t, types, sources, urgencies,
                subs.computeIfAbsent(t.getSubsidiaryId(), id -> orgs.find(id).map(OrgInfo::orgName).orElse("")), now);
    }

    public List<TicketRow> rows(List<Ticket> tickets) {
        Function<Ticket, TicketRow> c = converter();
        return tickets.stream().map(c).toList();
    }

    public TicketRow row(Ticket t) {
        return converter().apply(t);
    }

    private TicketRow row(Ticket t, Map<String, String> types, Map<String, String> sources, Map<String, String> urgencies,
                          String subsidiaryName, LocalDateTime now) {
        TicketStatus st = TicketStatus.valueOf(t.getStatus());
        return new TicketRow(t.getId(), t.getTicketNo(), t.getTicketType(), types.getOrDefault(t.getTicketType(), t.getTicketType()),
                t.getSource(), sources.getOrDefault(t.getSource(), t.getSource()), t.getUrgency(),
                urgencies.getOrDefault(t.getUrgency(), t.getUrgency()), nz(t.getPriority()), st,
                st == TicketStatus.EXTRA_NODE ? flow.nodeName(t.getSubsidiaryId(), t.getNodeCode()) : st.label(),
                t.getNodeCode(), flow.nodeName(t.getSubsidiaryId(), t.getNodeCode()), t.getTitle(), t.getAddress(),
                t.getHouseholdCode(), t.getContactName(), t.getPhoneMask(), t.getSubsidiaryId(), subsidiaryName,
                t.getStationOrgId(), t.getStationName(), t.getWorkerId(), t.getWorkerName(), t.getDeadline(),
                timing(t, st, now), nz(t.getSupervised()) == 1, nz(t.getOverLevel()) == 1, nz(t.getUrgeCount()),
                nz(t.getEscalationLevel()), nz(t.getReworkCount()), t.getPendingApproval(), t.getVisitResult(),
                t.getSatisfaction(), t.getCreatedAt(), t.getCreatedByName(), t.getCompletedAt(), t.getClosedAt(),
                nz(t.getRowVersion()));
    }

    /** NORMAL / NEAR (临期, yellow) / OVERDUE (超时, red) while open; LATE when finished after the deadline */
    static String timing(Ticket t, TicketStatus st, LocalDateTime now) {
        if (st == TicketStatus.COMPLETED && t.getVisitDueAt() != null) {
            if (t.getVisitDueAt().isBefore(now)) {
                return "OVERDUE";
            }
            return t.getVisitDueAt().isBefore(now.plusHours(VISIT_NEAR_HOURS)) ? "NEAR" : "NORMAL";
        }
        if (st.isOpen() && st != TicketStatus.COMPLETED) {
            if (t.getDeadline().isBefore(now)) {
                return "OVERDUE";
            }
            return !t.getWarnAt().isAfter(now) ? "NEAR" : "NORMAL";
        }
        LocalDateTime done = t.getCompletedAt() != null ? t.getCompletedAt() : t.getClosedAt();
        return done != null && done.isAfter(t.getDeadline()) ? "LATE" : "NORMAL";
    }

    private static int nz(Integer i) {
        return i == null ? 0 : i;
    }
}
