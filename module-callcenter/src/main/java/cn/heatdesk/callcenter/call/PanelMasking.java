package cn.heatdesk.callcenter.call;

import cn.heatdesk.baseinfo.api.BlacklistHit;
import cn.heatdesk.baseinfo.api.CallerPanel;
import cn.heatdesk.baseinfo.api.HouseholdPanel;
import cn.heatdesk.kernel.crypto.Masking;

import java.util.List;

/**
 * The caller panel as an agent without permission to see full numbers may receive it. Base information's api records
 * carry plaintext (its REST views mask when serialised in a request); a screen pop is serialised for a live stream
 * outside any request of the agent, so the call center masks the copy it pushes itself.
 */
final class PanelMasking {

    private PanelMasking() {
    }

    static CallerPanel masked(CallerPanel p) {
        if (p == null) {
            return null;
        }
        return new CallerPanel(phone(p.phone()), p.households(), masked(p.panel()), hits(p.blacklist()));
    }

    static HouseholdPanel masked(HouseholdPanel h) {
        if (h == null) {
            return null;
        }
        HouseholdPanel.Customer c = h.customer();
        HouseholdPanel.Customer mc = c == null ? null : new HouseholdPanel.Customer(c.id(), c.customerCode(), c.name(),
                c.customerType(), c.idNumber() == null ? null : Masking.idNumber(c.idNumber()), c.contactPref(),
                c.contactTime(), c.noDisturb(), c.phones() == null ? null : c.phones().stream()
                .map(ph -> new HouseholdPanel.Phone(ph.id(), phone(ph.phone()), ph.phoneKind(), ph.primary(), ph.dataSource()))
                .toList());
        return new HouseholdPanel(h.household(), h.meterNo(), h.valveNo(), h.tags(), h.remark(), h.dataSource(),
                h.billingUpdatedAt(), mc, h.path(), h.stationId(), h.recentTickets(), h.unitOpenTickets(),
                h.ticketsAvailable(), h.payments(), h.temperatures(), hits(h.blacklist()));
    }

    private static List<BlacklistHit> hits(List<BlacklistHit> hits) {
        return hits == null ? null : hits.stream()
                .map(b -> new BlacklistHit(b.id(), phone(b.phone()), b.reason(), b.expiresAt(), b.createdAt(), b.createdByName()))
                .toList();
    }

    private static String phone(String p) {
        return p == null ? null : Masking.phone(p);
    }
}
