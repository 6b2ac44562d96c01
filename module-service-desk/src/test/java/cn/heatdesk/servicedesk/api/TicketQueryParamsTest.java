package cn.heatdesk.servicedesk.api;

import cn.heatdesk.kernel.error.BizException;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketQueryParamsTest {

    @Test
    void everyFilterIsCarriedOver() {
        TicketQueryParams p = new TicketQueryParams();
        p.setTicketNo(" GD001 ");
        p.setKeyword("暖气");
        p.setStatuses(List.of("dispatched,CONFIRMED", "CONFIRMED"));
        p.setTicketType("REPAIR");
        p.setSource("PHONE");
        p.setUrgency("URGENT");
        p.setSupervised(true);
        p.setOverLevel(false);
        p.setOrgId(12L);
        p.setSubsidiaryId(12L);
        p.setStationOrgId(57L);
        p.setWorkerId(8L);
        p.setHouseholdId(9L);
        p.setPhone("13800138000");
        p.setPool("visit_due");
        p.setTiming("overdue");
        p.setVisitResult("unsatisfied");
        p.setCreatedFrom("2026-01-01");
        p.setCreatedTo("2026-01-31");
        p.setDeadlineBefore("2026-02-01 08:30");
        TicketFilter f = p.toFilter();
        assertThat(f.ticketNo()).isEqualTo("GD001");
        assertThat(f.statuses()).containsExactly(TicketStatus.DISPATCHED, TicketStatus.CONFIRMED);
        assertThat(f.pool()).isEqualTo(TicketPool.VISIT_DUE);
        assertThat(f.timing()).isEqualTo("OVERDUE");
        assertThat(f.visitResult()).isEqualTo("UNSATISFIED");
        assertThat(f.supervised()).isTrue();
        assertThat(f.overLevel()).isFalse();
        assertThat(f.stationOrgId()).isEqualTo(57L);
        assertThat(f.createdFrom()).isEqualTo(LocalDateTime.of(2026, 1, 1, 0, 0));
        // a date alone as the end means the whole day
        assertThat(f.createdTo()).isEqualTo(LocalDateTime.of(2026, 2, 1, 0, 0));
        assertThat(f.deadlineBefore()).isEqualTo(LocalDateTime.of(2026, 2, 1, 8, 30));
        assertThat(p.describe()).contains("工单号=GD001").contains("电话=（已填）").doesNotContain("13800138000");
    }

    @Test
    void emptyParametersMeanNoFilter() {
        TicketFilter f = new TicketQueryParams().toFilter();
        assertThat(f).isEqualTo(TicketFilter.empty());
        assertThat(new TicketQueryParams().describe()).isEqualTo("全部");
    }

    @Test
    void badValuesNameTheirField() {
        TicketQueryParams p = new TicketQueryParams();
        p.setStatuses(List.of("OPEN"));
        assertThatThrownBy(p::toFilter).isInstanceOf(BizException.class)
                .extracting(e -> ((BizException) e).field()).isEqualTo("statuses");
        TicketQueryParams t = new TicketQueryParams();
        t.setTiming("LATE");
        assertThatThrownBy(t::toFilter).extracting(e -> ((BizException) e).field()).isEqualTo("timing");
        TicketQueryParams d = new TicketQueryParams();
        d.setCreatedFrom("yesterday");
        assertThatThrownBy(d::toFilter).extracting(e -> ((BizException) e).field()).isEqualTo("createdFrom");
        TicketQueryParams q = new TicketQueryParams();
        q.setPool("NOWHERE");
        assertThatThrownBy(q::toFilter).extracting(e -> ((BizException) e).field()).isEqualTo("pool");
    }
}
