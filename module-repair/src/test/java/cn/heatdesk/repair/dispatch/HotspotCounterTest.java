package cn.heatdesk.repair.dispatch;

import cn.heatdesk.baseinfo.api.HouseholdSummary;
import cn.heatdesk.servicedesk.api.TicketRow;
import cn.heatdesk.servicedesk.api.TicketStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.heatdesk.repair.dispatch.TicketFixtures.ST01;
import static cn.heatdesk.repair.dispatch.TicketFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

class HotspotCounterTest {

    static HouseholdSummary household(long id, String code, String path) {
        return new HouseholdSummary(id, code, null, path, null, "101", BigDecimal.ONE, "HEATING", BigDecimal.ZERO, null,
                null, 2L, "/1/2/");
    }

    @Test
    void ticketsAreCountedPerCommunityAndUnitAndNamedOncePerHousehold() {
        Map<String, HouseholdSummary> byCode = Map.of(
                "H1", household(1, "H1", "/1/2/3/40/50/60/"),
                "H2", household(2, "H2", "/1/2/3/40/50/61/"),
                "H3", household(3, "H3", "/1/2/3/41/52/62/"));
        List<String> lookups = new ArrayList<>();
        HotspotService.Counter counter = new HotspotService.Counter(r -> {
            lookups.add(r.householdCode());
            return Optional.ofNullable(byCode.get(r.householdCode()));
        });
        counter.add(row(1, TicketStatus.ASSIGNED, ST01, null, "REPAIR", "H1", 2L, 0));
        counter.add(row(2, TicketStatus.CLOSED, ST01, null, "REPAIR", "H1", 2L, 0));
        counter.add(row(3, TicketStatus.DISPATCHED, ST01, null, "COMPLAINT", "H2", 2L, 0));
        counter.add(row(4, TicketStatus.CLOSED, ST01, null, "REPAIR", "H3", 2L, 0));
        counter.add(row(5, TicketStatus.CLOSED, ST01, null, "INQUIRY", null, 2L, 0));
        counter.add(row(6, TicketStatus.CLOSED, ST01, null, "INQUIRY", "GONE", 2L, 0));
        assertThat(lookups).containsExactly("H1", "H2", "H3", "GONE");

        List<Long> named = new ArrayList<>();
        StationViews.Hotspots h = counter.result(30, ST01, false, id -> {
            named.add(id);
            return id == 3L
                    ? Map.of(1L, "公司", 2L, "热源", 3L, "换热站", 41L, "阳光花园", 52L, "2号楼", 62L, "1单元")
                    : Map.of(1L, "公司", 2L, "热源", 3L, "换热站", 40L, "幸福家园", 50L, "1号楼", 60L, "1单元", 61L, "2单元");
        });
        assertThat(h.tickets()).isEqualTo(6);
        assertThat(h.unlocated()).isEqualTo(2);
        assertThat(h.communities()).extracting(StationViews.Spot::name).containsExactly("幸福家园", "阳光花园");
        StationViews.Spot top = h.communities().get(0);
        assertThat(top.tickets()).isEqualTo(3);
        assertThat(top.openTickets()).isEqualTo(2);
        assertThat(top.households()).isEqualTo(2);
        assertThat(top.byType()).containsExactly(Map.entry("REPAIR", 2), Map.entry("COMPLAINT", 1));
        assertThat(h.units()).extracting(StationViews.Spot::name)
                .containsExactly("幸福家园/1号楼/1单元", "幸福家园/1号楼/2单元", "阳光花园/2号楼/1单元");
        assertThat(h.units().get(0).tickets()).isEqualTo(2);
        // one name lookup per sample household, not per spot
        assertThat(named).containsExactlyInAnyOrder(1L, 2L, 3L);
    }
}
