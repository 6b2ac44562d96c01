package cn.heatdesk.servicedesk.ticket;

import cn.heatdesk.notice.api.Notice;
import cn.heatdesk.notice.api.NoticeApi;
import cn.heatdesk.servicedesk.api.TicketAction;
import cn.heatdesk.servicedesk.api.TicketCommand;
import cn.heatdesk.servicedesk.api.TicketStatus;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.UserApi;
import cn.heatdesk.settings.api.UserInfo;
import cn.heatdesk.settings.api.DictionaryApi;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who hears about what. Runs inside the ticket transaction: the notice module writes in-app messages and outbox
 * rows there, so a rolled-back action sends nothing and a committed one is delivered with retries.
 */
@Component
public class TicketNotifier {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final ObjectProvider<NoticeApi> notice;
    private final UserApi users;
    private final OrgApi orgs;
    private final DictionaryApi dict;

    public TicketNotifier(ObjectProvider<NoticeApi> notice, UserApi users, OrgApi orgs, DictionaryApi dict) {
        this.notice = notice;
        this.users = users;
        this.orgs = orgs;
        this.dict = dict;
    }

    void created(Ticket t) {
        if (t.getOverLevel() == 1 || t.getSupervised() == 1) {
            send("TICKET_SUPERVISED", t, groupAdmins(), Map.of("level", t.getOverLevel() == 1 ? "越级投诉" : "督办"));
        }
    }

    void changed(Ticket t, TicketAction a, TicketStatus from, TicketStatus to, Long previousWorker, TicketCommand cmd) {
        String reason = cmd.reason() != null ? cmd.reason() : cmd.note() != null ? cmd.note() : "";
        switch (a) {
            case DISPATCH, REDISPATCH, SECOND_DISPATCH -> send("TICKET_DISPATCHED", t, leads(t.getStationOrgId()), Map.of());
            case ASSIGN -> send("TICKET_ASSIGNED", t, one(t.getWorkerId()), Map.of());
            case REASSIGN -> {
                List<Long> both = new ArrayList<>(one(previousWorker));
                both.addAll(one(t.getWorkerId()));
                send("TICKET_REASSIGNED", t, both, Map.of("reason", reason, "workerName", nz(t.getWorkerName())));
            }
            case URGE -> {
                List<Long> to2 = new ArrayList<>(leads(t.getStationOrgId()));
                to2.addAll(one(t.getWorkerId()));
                send("TICKET_URGED", t, to2, Map.of("reason", reason));
            }
            case RETURN -> send("TICKET_RETURNED", t, one(t.getCreatedBy()), Map.of("reason", reason));
            case COMPLETE, CLOSE_DIRECT, DESK_RESOLVE -> send("TICKET_COMPLETED", t, one(t.getCreatedBy()), Map.of());
            case SUPERVISE -> {
                List<Long> to2 = new ArrayList<>(leads(t.getStationOrgId()));
                to2.addAll(subsidiaryAdmins(t.getSubsidiaryId()));
                send("TICKET_SUPERVISED", t, to2, Map.of("level", "督办", "reason", reason));
            }
            case TRANSFER -> send("TICKET_TRANSFERRED", t, subsidiaryAdmins(t.getSubsidiaryId()), Map.of("reason", reason));
            case COLLABORATE -> send("TICKET_DISPATCHED", t, leads(cmd.stationOrgId()), Map.of());
            case REPORT_PROGRESS, FEEDBACK -> {
                List<Long> to2 = new ArrayList<>(groupAdmins());
                to2.addAll(one(t.getCreatedBy()));
                send("TICKET_PROGRESS", t, to2, Map.of("progress", reason));
            }
            default -> {
            }
        }
    }

    void escalated(Ticket t) {
        int level = t.getEscalationLevel();
        List<Long> to = new ArrayList<>();
        if (level <= 1) {
            to.addAll(leads(t.getStationOrgId()));
            to.addAll(one(t.getWorkerId()));
            if (t.getStationOrgId() == null) {
                to.addAll(subsidiaryAdmins(t.getSubsidiaryId()));
            }
        } else if (level == 2) {
            to.addAll(subsidiaryAdmins(t.getSubsidiaryId()));
        } else {
            to.addAll(groupAdmins());
        }
        to.addAll(one(t.getCreatedBy()));
        send("TICKET_ESCALATED", t, to, Map.of("level", String.valueOf(level)));
    }

    void nearDeadline(Ticket t) {
        List<Long> to = new ArrayList<>(leads(t.getStationOrgId()));
        to.addAll(one(t.getWorkerId()));
        to.addAll(one(t.getCreatedBy()));
        send("TICKET_URGED", t, to, Map.of("reason", "工单即将到期，请尽快处理"));
    }

    private void send(String event, Ticket t, List<Long> recipients, Map<String, Object> extra) {
        NoticeApi api = notice.getIfAvailable();
        Set<Long> ids = new LinkedHashSet<>(recipients);
        ids.remove(null);
        if (api == null || ids.isEmpty()) {
            return;
        }
        Map<String, Object> p = new HashMap<>(extra);
        p.put("ticketNo", t.getTicketNo());
        p.put("ticketType", dict.label("ticket_type", t.getTicketType()));
        p.put("title", nz(t.getTitle()));
        p.put("address", nz(t.getAddress()));
        p.put("deadline", t.getDeadline() == null ? "" : t.getDeadline().format(TIME));
        p.put("stationName", nz(t.getStationName()));
        api.send(Notice.of(event, List.copyOf(ids), "TICKET", t.getId(), t.getTicketNo(), p));
    }

    private List<Long> leads(Long stationOrgId) {
        return stationOrgId == null ? List.of() : ids(users.usersWithRole("STATION_LEAD", stationOrgId, false));
    }

    private List<Long> subsidiaryAdmins(Long subsidiaryId) {
        return subsidiaryId == null ? List.of() : ids(users.usersWithRole("SUBSIDIARY_ADMIN", subsidiaryId, false));
    }

    private List<Long> groupAdmins() {
        return orgs.root().map(r -> ids(users.usersWithRole("GROUP_ADMIN", r.id(), false))).orElse(List.of());
    }

    private static List<Long> one(Long id) {
        return id == null ? List.of() : List.of(id);
    }

    private static List<Long> ids(List<UserInfo> list) {
        return list.stream().map(UserInfo::id).toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
