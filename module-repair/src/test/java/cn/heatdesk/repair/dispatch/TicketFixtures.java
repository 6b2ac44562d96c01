package cn.heatdesk.repair.dispatch;

import cn.heatdesk.servicedesk.api.TicketRow;
import cn.heatdesk.servicedesk.api.TicketStatus;
import cn.heatdesk.servicedesk.api.TicketView;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** Ticket records as the service desk's TicketApi returns them, for tests that mock it. */
final class TicketFixtures {

    static final long ST01 = 501L;
    static final long ST02 = 502L;

    private TicketFixtures() {
    }

    static TicketRow row(long id, TicketStatus status, Long stationOrgId, Long workerId, String ticketType,
                         String householdCode, Long subsidiaryId, int rowVersion) {
        return new TicketRow(id, "GD" + id, ticketType, ticketType, "PHONE", "电话", "NORMAL", "一般", 0, status,
                status.label(), status.node() == null ? null : status.node().name(), null, "报修", "幸福家园1号楼1单元101",
                householdCode, "王建国", "138****8000", subsidiaryId, "城北热力分公司", stationOrgId,
                stationOrgId == null ? null : "第一维修站", workerId, workerId == null ? null : "孙师傅",
                LocalDateTime.now().plusHours(4), "NORMAL", false, false, 0, 0, 0, null, null, null,
                LocalDateTime.now().minusHours(1), "李坐席", null, null, rowVersion);
    }

    static TicketView view(TicketRow row, Long householdId) {
        return new TicketView(row, "暖气不热", householdId, null, "王建国", Map.of(), null, null, null, null, null, null,
                List.of(), List.of(), List.of(), List.of());
    }
}
