package cn.heatdesk.baseinfo.panel;

import cn.heatdesk.baseinfo.api.BlacklistHit;
import cn.heatdesk.baseinfo.api.CallerPanel;
import cn.heatdesk.baseinfo.api.HouseholdPanel;
import cn.heatdesk.baseinfo.api.HouseholdSummary;
import cn.heatdesk.baseinfo.api.TicketBrief;
import cn.heatdesk.baseinfo.blacklist.BlacklistViews;
import cn.heatdesk.kernel.crypto.MaskType;
import cn.heatdesk.kernel.crypto.Masked;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * REST shapes of the panel. The api records carry plaintext numbers for other modules (the call center dials them)
 * and primitive long ids; what goes to the browser masks numbers for users without data:unmask and carries every
 * id as a boxed Long, which the JSON configuration writes as a string (a JavaScript number cannot hold a
 * snowflake id).
 */
public final class PanelViews {

    private PanelViews() {
    }

    public record SummaryView(Long id, String householdCode, Long unitId, String nodePath, String address, String roomNo,
                              BigDecimal area, String heatingStatus, BigDecimal arrears, Long customerId,
                              String ownerName, Long subsidiaryId, String orgPath) {

        static SummaryView of(HouseholdSummary s) {
            return new SummaryView(s.id(), s.householdCode(), s.unitId(), s.nodePath(), s.address(), s.roomNo(), s.area(),
                    s.heatingStatus(), s.arrears(), s.customerId(), s.ownerName(), s.subsidiaryId(), s.orgPath());
        }
    }

    public record PhoneView(Long id, @Masked(MaskType.PHONE) String phone, String phoneKind, boolean primary,
                            String dataSource) {
    }

    public record CustomerView(Long id, String customerCode, String name, String customerType,
                               @Masked(MaskType.ID_NUMBER) String idNumber, String contactPref, String contactTime,
                               boolean noDisturb, List<PhoneView> phones) {
    }

    public record PathNodeView(Long id, String nodeType, String nodeCode, String nodeName) {
    }

    public record TicketView(Long id, String ticketNo, String ticketType, String status, String summary, Long householdId,
                             String address, LocalDateTime createdAt, LocalDateTime deadline) {

        static TicketView of(TicketBrief t) {
            return new TicketView(t.id(), t.ticketNo(), t.ticketType(), t.status(), t.summary(), t.householdId(),
                    t.address(), t.createdAt(), t.deadline());
        }
    }

    public record PaymentView(Long id, String payKind, BigDecimal amount, LocalDateTime paidAt, String season,
                              String channel, String dataSource, LocalDateTime receivedAt) {
    }

    public record TemperatureView(Long id, BigDecimal temperature, LocalDateTime measuredAt, String dataSource,
                                  LocalDateTime receivedAt) {
    }

    /**
     * @param heatingStatusLabel the dictionary label of the household's heating status
     * @param stationName        name of the covering repair station, when coverage is mapped
     * @param blacklist          active entries of the customer's numbers
     */
    public record HouseholdPanelView(SummaryView household, String heatingStatusLabel, String meterNo,
                                     String valveNo, String tags, String remark, String dataSource,
                                     LocalDateTime billingUpdatedAt, CustomerView customer, List<PathNodeView> path,
                                     Long stationId, String stationName, List<TicketView> recentTickets,
                                     List<TicketView> unitOpenTickets, boolean ticketsAvailable,
                                     List<PaymentView> payments, List<TemperatureView> temperatures,
                                     List<BlacklistViews.HitView> blacklist, boolean blacklisted) {

        static HouseholdPanelView of(HouseholdPanel p, String heatingStatusLabel, String stationName) {
            HouseholdPanel.Customer c = p.customer();
            CustomerView customer = c == null ? null : new CustomerView(c.id(), c.customerCode(), c.name(),
                    c.customerType(), c.idNumber(), c.contactPref(), c.contactTime(), c.noDisturb(),
                    c.phones().stream().map(x -> new PhoneView(x.id(), x.phone(), x.phoneKind(), x.primary(),
                            x.dataSource())).toList());
            return new HouseholdPanelView(SummaryView.of(p.household()), heatingStatusLabel, p.meterNo(), p.valveNo(),
                    p.tags(), p.remark(), p.dataSource(), p.billingUpdatedAt(), customer,
                    p.path().stream().map(n -> new PathNodeView(n.id(), n.nodeType(), n.nodeCode(), n.nodeName())).toList(),
                    p.stationId(), stationName,
                    p.recentTickets().stream().map(TicketView::of).toList(),
                    p.unitOpenTickets().stream().map(TicketView::of).toList(), p.ticketsAvailable(),
                    p.payments().stream().map(x -> new PaymentView(x.id(), x.payKind(), x.amount(), x.paidAt(), x.season(),
                            x.channel(), x.dataSource(), x.receivedAt())).toList(),
                    p.temperatures().stream().map(x -> new TemperatureView(x.id(), x.temperature(), x.measuredAt(),
                            x.dataSource(), x.receivedAt())).toList(),
                    hits(p.blacklist()), !p.blacklist().isEmpty());
        }
    }

    /**
     * @param blacklist   active blacklist entries of the calling number itself
     * @param blacklisted whether the calling number is blacklisted now
     */
    public record CallerPanelView(@Masked(MaskType.PHONE) String phone, List<SummaryView> households,
                                  HouseholdPanelView panel, List<BlacklistViews.HitView> blacklist,
                                  boolean blacklisted) {

        static CallerPanelView of(CallerPanel c, HouseholdPanelView panel) {
            return new CallerPanelView(c.phone(), c.households().stream().map(SummaryView::of).toList(), panel,
                    hits(c.blacklist()), !c.blacklist().isEmpty());
        }
    }

    private static List<BlacklistViews.HitView> hits(List<BlacklistHit> hits) {
        return hits.stream().map(BlacklistViews.HitView::of).toList();
    }
}
