package cn.heatdesk.monitor.ticket;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.monitor.api.ApprovalInfo;
import cn.heatdesk.monitor.api.ApprovalRequest;
import cn.heatdesk.monitor.api.ApprovalStatus;
import cn.heatdesk.monitor.api.ApprovalTarget;
import cn.heatdesk.servicedesk.api.TicketAction;
import cn.heatdesk.servicedesk.api.TicketApi;
import cn.heatdesk.servicedesk.api.TicketCommand;
import cn.heatdesk.servicedesk.api.TicketRow;
import cn.heatdesk.servicedesk.api.TicketStatus;
import cn.heatdesk.servicedesk.api.TicketView;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The work-order side of approvals: the payload becomes the TicketCommand, replayed through the ticket hooks. */
class TicketApprovalHandlerTest {

    TicketApi tickets = mock(TicketApi.class);
    OrgApi orgs = mock(OrgApi.class);
    ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    TicketApprovalHandler handler = new TicketApprovalHandler(tickets, orgs, json);

    static TicketRow row(Long station) {
        return new TicketRow(42L, "GD20260101-0001", "REPAIR", "报修", "PHONE", "电话", "NORMAL", "一般", 1,
                TicketStatus.CONFIRMED, "待分派", "DISPATCH", "派单", "暖气不热", "幸福家园1-1-101", "H001", "张三",
                "13800138000", 12L, "城北热力分公司", station, station == null ? null : "第一维修站", null, null,
                LocalDateTime.now().plusHours(4), "NORMAL", false, false, 0, 0, 0, null, null, null,
                LocalDateTime.now(), "李坐席", null, null, 3);
    }

    static TicketView view(TicketRow r) {
        return new TicketView(r, null, null, null, null, Map.of(), null, null, null, null, null, null, List.of(),
                List.of(), List.of(), List.of());
    }

    @Test
    void theTargetIsTheTicketAndThePayloadItsCommand() throws Exception {
        when(tickets.detail(42L)).thenReturn(view(row(57L)));
        when(orgs.find(57L)).thenReturn(Optional.of(new OrgInfo(57L, 12L, "STATION", "ST01", "第一维修站", "/1/12/57/", 12L, true)));
        ApprovalTarget t = handler.validate(new ApprovalRequest("TICKET", 42L, "DELAY", "用户改约",
                Map.of("extendMinutes", "120", "expectedVersion", 3, "stationOrgId", "57", "unknownField", "x")));
        assertThat(t.bizNo()).isEqualTo("GD20260101-0001");
        assertThat(t.subsidiaryId()).isEqualTo(12L);
        assertThat(t.stationOrgId()).isEqualTo(57L);
        assertThat(t.orgPath()).isEqualTo("/1/12/57/");
        TicketCommand c = json.readValue(t.payloadJson(), TicketCommand.class);
        assertThat(c.action()).isEqualTo(TicketAction.DELAY);
        assertThat(c.extendMinutes()).isEqualTo(120);
        assertThat(c.expectedVersion()).isEqualTo(3);
        assertThat(c.stationOrgId()).isEqualTo(57L);
        // the approval's reason is the command's reason unless the payload says otherwise
        assertThat(c.reason()).isEqualTo("用户改约");
    }

    @Test
    void aTicketWithoutStationBelongsToItsSubsidiary() {
        when(tickets.detail(42L)).thenReturn(view(row(null)));
        when(orgs.find(12L)).thenReturn(Optional.of(new OrgInfo(12L, 1L, "SUBSIDIARY", "SUB01", "城北", "/1/12/", 12L, true)));
        ApprovalTarget t = handler.validate(new ApprovalRequest("TICKET", 42L, "VOID", "重复工单", Map.of("reason", "重复")));
        assertThat(t.orgPath()).isEqualTo("/1/12/");
        assertThat(t.payloadJson()).contains("\"reason\":\"重复\"");
    }

    @Test
    void invalidRequestsAreRefusedBeforeTheTicketIsTouched() {
        when(tickets.detail(42L)).thenReturn(view(row(57L)));
        when(orgs.find(anyLong())).thenReturn(Optional.empty());
        assertThatThrownBy(() -> handler.validate(new ApprovalRequest("TICKET", 42L, "DELAY", "改约", Map.of())))
                .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).field()).isEqualTo("extendMinutes");
        assertThatThrownBy(() -> handler.validate(new ApprovalRequest("TICKET", 42L, "ASSIGN", "x", Map.of())))
                .hasMessageContaining("不需要审批");
        assertThatThrownBy(() -> handler.validate(new ApprovalRequest("TICKET", 42L, "FLY", "x", Map.of())))
                .hasMessageContaining("不存在");
        verify(tickets, never()).requestApproval(anyLong(), any(), anyLong());
    }

    @Test
    void theHooksReplayTheStoredCommand() {
        ApprovalInfo info = new ApprovalInfo(900L, "SP1", "TICKET", 42L, "GD1", "DELAY",
                "{\"action\":\"DELAY\",\"expectedVersion\":3,\"reason\":\"改约\",\"extendMinutes\":120}", "改约",
                ApprovalStatus.APPROVED, 500L, "李坐席", 12L, "/1/12/57/");
        handler.onSubmitted(info);
        ArgumentCaptor<TicketCommand> asked = ArgumentCaptor.forClass(TicketCommand.class);
        verify(tickets).requestApproval(eq(42L), asked.capture(), eq(900L));
        assertThat(asked.getValue().expectedVersion()).isEqualTo(3);

        handler.onApproved(info, "分公司管理员");
        ArgumentCaptor<TicketCommand> applied = ArgumentCaptor.forClass(TicketCommand.class);
        verify(tickets).applyApproved(eq(42L), applied.capture(), eq(900L), eq("分公司管理员"));
        // the ticket changed when it was marked pending: the replay must not carry the old version
        assertThat(applied.getValue().expectedVersion()).isNull();
        assertThat(applied.getValue().extendMinutes()).isEqualTo(120);
        assertThat(applied.getValue().action()).isEqualTo(TicketAction.DELAY);

        handler.onRejected(info, "理由不充分");
        verify(tickets).approvalRejected(42L, TicketAction.DELAY, 900L, "理由不充分");
        handler.onWithdrawn(info, "申请人撤回");
        verify(tickets).approvalRejected(42L, TicketAction.DELAY, 900L, "申请人撤回");
    }

    @Test
    void labels() {
        assertThat(handler.actionLabel("CLOSE_WITHOUT_VISIT")).isEqualTo("免回访处结");
        assertThat(handler.actionLabel("WHATEVER")).isEqualTo("WHATEVER");
    }
}
