package cn.heatdesk.repair.mobile.sync;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.monitor.api.ApprovalApi;
import cn.heatdesk.monitor.api.ApprovalRequest;
import cn.heatdesk.monitor.api.ApprovalSummary;
import cn.heatdesk.repair.mobile.MobileException;
import cn.heatdesk.repair.mobile.media.FieldMedia;
import cn.heatdesk.servicedesk.api.TicketAction;
import cn.heatdesk.servicedesk.api.TicketApi;
import cn.heatdesk.servicedesk.api.TicketCommand;
import cn.heatdesk.servicedesk.api.TicketOrigin;
import cn.heatdesk.servicedesk.api.TicketRow;
import cn.heatdesk.servicedesk.api.TicketStatus;
import cn.heatdesk.servicedesk.api.TicketView;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.ObjectProvider;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The mapping of pushed commands onto the ticket core, approvals and the repair records, against mocks. */
class FieldCommandsTest {

    static final long WORKER = 7001L;
    static final long TICKET = 9001L;
    static final String PATH = "/1/10/100/";

    TicketApi tickets;
    ApprovalApi approvals;
    FieldMedia media;
    SyncMapper mapper;
    ReferenceService reference;
    FieldCommands commands;
    CurrentUser worker;
    /** the user the core was called as */
    AtomicReference<CurrentUser> actingAs = new AtomicReference<>();

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        tickets = mock(TicketApi.class);
        approvals = mock(ApprovalApi.class);
        media = mock(FieldMedia.class);
        mapper = mock(SyncMapper.class);
        reference = mock(ReferenceService.class);
        when(reference.template()).thenReturn(List.of(
                new SyncDtos.TemplateField("handlingResult", "处理结果", "TEXTAREA", true, null),
                new SyncDtos.TemplateField("faultCause", "故障原因", "SELECT", true, List.of("阀门故障", "其他")),
                new SyncDtos.TemplateField("parts", "更换配件", "TEXT", false, null),
                new SyncDtos.TemplateField("durationMinutes", "处理时长（分钟）", "NUMBER", true, null),
                new SyncDtos.TemplateField("indoorTempAfter", "处理后室温（℃）", "NUMBER", false, null)));
        ObjectProvider<ApprovalApi> ap = mock(ObjectProvider.class);
        when(ap.getIfAvailable()).thenReturn(approvals);
        ObjectProvider<FieldMedia> mp = mock(ObjectProvider.class);
        when(mp.getIfAvailable()).thenReturn(media);
        AtomicLong ids = new AtomicLong(1);
        IdGenerator gen = ids::incrementAndGet;
        commands = new FieldCommands(tickets, ap, mp, mapper, reference, gen, new ObjectMapper());
        worker = new CurrentUser(WORKER, "worker01", "孙师傅", 10L, 100L, PATH, DataScope.SELF, List.of(),
                Set.of("notice"), Set.of("WORKER"));
        when(tickets.perform(anyLong(), any(), any())).thenAnswer(inv -> {
            actingAs.set(SecurityContext.current().orElse(null));
            return view(row(TicketStatus.ACCEPTED, WORKER, null, false, 5));
        });
        when(tickets.find(TICKET)).thenReturn(row(TicketStatus.ACCEPTED, WORKER, null, false, 4));
    }

    static TicketRow row(TicketStatus status, Long workerId, String pendingApproval, boolean supervised, int version) {
        return new TicketRow(TICKET, "SUB01-20261121-00001", "REPAIR", "报修", "PHONE", "电话", "NORMAL", "一般", 0,
                status, status.label(), null, null, "报修", "幸福家园1号楼1单元101", "H01000001", "王建国", "138****8000",
                10L, "城北热力分公司", 100L, "第一维修站", workerId, workerId == null ? null : workerId == WORKER ? "孙师傅" : "周师傅",
                LocalDateTime.now().plusHours(4), "NORMAL", supervised, false, 0, 0, 0, pendingApproval, null, null,
                LocalDateTime.now().minusHours(1), "李坐席", null, null, version);
    }

    static TicketView view(TicketRow r) {
        return new TicketView(r, "暖气不热", 1L, null, "王建国", Map.of(), null, null, null, null, null, null,
                List.of(), List.of(), List.of(), List.of());
    }

    FieldCommands.Context ctx(CommandType type, Map<String, Object> payload) {
        return new FieldCommands.Context(worker, "dev-1", "op-1", type, type.needsTicket() ? TICKET : null, payload,
                LocalDateTime.of(2026, 11, 21, 9, 30), PATH, 10L);
    }

    FieldCommands.Outcome run(CommandType type, Map<String, Object> payload) {
        FieldCommands.Context c = ctx(type, payload);
        TicketRow t = type.needsTicket() ? commands.owned(c) : null;
        return commands.apply(c, t);
    }

    TicketCommand performed() {
        ArgumentCaptor<TicketCommand> cmd = ArgumentCaptor.forClass(TicketCommand.class);
        verify(tickets).perform(eq(TICKET), cmd.capture(), eq(TicketOrigin.APP));
        return cmd.getValue();
    }

    static String code(Throwable t) {
        return t instanceof MobileException m ? m.code() : ((BizException) t).code().name();
    }

    @Test
    void ownershipAndTicketStateAreCheckedBeforeAnything() {
        when(tickets.find(TICKET)).thenReturn(row(TicketStatus.ASSIGNED, 7002L, null, false, 3));
        assertThatThrownBy(() -> run(CommandType.ACCEPT, Map.of())).satisfies(e -> {
            assertThat(code(e)).isEqualTo("TICKET_REASSIGNED");
            assertThat(e.getMessage()).contains("周师傅");
        });
        when(tickets.find(TICKET)).thenReturn(row(TicketStatus.VOIDED, WORKER, null, false, 3));
        assertThatThrownBy(() -> run(CommandType.ACCEPT, Map.of())).satisfies(e -> assertThat(code(e)).isEqualTo("TICKET_VOIDED"));
        when(tickets.find(TICKET)).thenReturn(row(TicketStatus.CANCELLED, WORKER, null, false, 3));
        assertThatThrownBy(() -> run(CommandType.ACCEPT, Map.of())).satisfies(e -> assertThat(code(e)).isEqualTo("TICKET_CANCELLED"));
        for (TicketStatus done : List.of(TicketStatus.COMPLETED, TicketStatus.CLOSED, TicketStatus.EXTRA_NODE)) {
            when(tickets.find(TICKET)).thenReturn(row(done, WORKER, null, false, 3));
            assertThatThrownBy(() -> run(CommandType.FILL_BACK, Map.of())).satisfies(e -> assertThat(code(e)).isEqualTo("TICKET_FINISHED"));
        }
        when(tickets.find(TICKET)).thenReturn(null);
        assertThatThrownBy(() -> run(CommandType.ACCEPT, Map.of())).satisfies(e -> assertThat(code(e)).isEqualTo("NOT_FOUND"));
        verify(tickets, never()).perform(anyLong(), any(), any());
    }

    @Test
    void acceptIsTheWorkersAcceptFromTheAppWithTheScopeNarrowedToTheTicket() {
        when(tickets.find(TICKET)).thenReturn(row(TicketStatus.ASSIGNED, WORKER, null, false, 3));
        FieldCommands.Outcome out = run(CommandType.ACCEPT, Map.of());
        assertThat(performed().action()).isEqualTo(TicketAction.WORKER_ACCEPT);
        assertThat(performed().expectedVersion()).isNull();
        assertThat(out.ticketVersion()).isEqualTo(5);
        CurrentUser as = actingAs.get();
        assertThat(as.userId()).isEqualTo(WORKER);
        assertThat(as.realName()).isEqualTo("孙师傅");
        assertThat(as.dataScope()).isEqualTo(DataScope.CUSTOM);
        assertThat(as.customOrgPaths()).containsExactly(PATH);
        assertThat(SecurityContext.current()).isEmpty();
    }

    @Test
    void rejectNeedsAReasonAndCarriesIt() {
        when(tickets.find(TICKET)).thenReturn(row(TicketStatus.ASSIGNED, WORKER, null, false, 3));
        assertThatThrownBy(() -> run(CommandType.REJECT, Map.of())).isInstanceOfSatisfying(BizException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(e.field()).isEqualTo("reason");
        });
        verify(tickets, never()).perform(anyLong(), any(), any());
        run(CommandType.REJECT, Map.of("reason", "不在负责区域"));
        assertThat(performed().action()).isEqualTo(TicketAction.WORKER_REJECT);
        assertThat(performed().reason()).isEqualTo("不在负责区域");
    }

    @Test
    void siteCheckInMovesTheTicketOnceAndIsAlwaysRecorded() {
        Map<String, Object> gps = Map.of("lat", 41.8, "lng", 123.4, "address", "幸福家园");
        run(CommandType.CHECK_IN_SITE, gps);
        TicketCommand first = performed();
        assertThat(first.action()).isEqualTo(TicketAction.CHECK_IN);
        assertThat(first.fields()).containsEntry("签到位置", "幸福家园");
        ArgumentCaptor<CheckIn> ci = ArgumentCaptor.forClass(CheckIn.class);
        verify(mapper).insertCheckIn(ci.capture());
        assertThat(ci.getValue().checkType).isEqualTo("SITE");
        assertThat(ci.getValue().ticketId).isEqualTo(TICKET);
        assertThat(ci.getValue().orgPath).isEqualTo(PATH);

        setUp();
        when(tickets.find(TICKET)).thenReturn(row(TicketStatus.IN_PROGRESS, WORKER, null, false, 6));
        run(CommandType.CHECK_IN_SITE, gps);
        assertThat(performed().action()).isEqualTo(TicketAction.NOTE);
        assertThat(performed().note()).contains("再次现场签到");

        assertThatThrownBy(() -> run(CommandType.CHECK_IN_DAILY, Map.of("lat", 91, "lng", 1)))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.field()).isEqualTo("lat"));
        FieldCommands.Outcome daily = run(CommandType.CHECK_IN_DAILY, Map.of("lat", 41.8, "lng", 123.4));
        assertThat(daily.ticketVersion()).isNull();
    }

    @Test
    void fillBackFollowsTheGroupTemplate() {
        Map<String, Object> p = new HashMap<>(Map.of("handlingResult", "更换阀门", "durationMinutes", 30));
        assertThatThrownBy(() -> run(CommandType.FILL_BACK, p))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.field()).isEqualTo("faultCause"));
        p.put("answers", Map.of("faultCause", "漏水"));
        assertThatThrownBy(() -> run(CommandType.FILL_BACK, p))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.getMessage()).contains("只能选择"));
        p.put("answers", Map.of("faultCause", "阀门故障", "indoorTempAfter", "暖和"));
        assertThatThrownBy(() -> run(CommandType.FILL_BACK, p))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.field()).isEqualTo("indoorTempAfter"));
        verify(mapper, never()).insertFillBack(any());

        p.put("answers", Map.of("faultCause", "阀门故障", "indoorTempAfter", "20.5"));
        p.put("parts", "DN20 阀门");
        run(CommandType.FILL_BACK, p);
        ArgumentCaptor<FillBack> f = ArgumentCaptor.forClass(FillBack.class);
        verify(mapper).insertFillBack(f.capture());
        assertThat(f.getValue().handlingResult).isEqualTo("更换阀门");
        assertThat(f.getValue().durationMinutes).isEqualTo(30);
        assertThat(f.getValue().answersJson).contains("阀门故障").contains("20.5").doesNotContain("handlingResult");
        assertThat(performed().action()).isEqualTo(TicketAction.NOTE);
        assertThat(performed().note()).isEqualTo("回填处理结果：更换阀门；更换配件：DN20 阀门；用时 30 分钟");

        setUp();
        when(tickets.find(TICKET)).thenReturn(row(TicketStatus.ASSIGNED, WORKER, null, false, 3));
        assertThatThrownBy(() -> run(CommandType.FILL_BACK, p))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION));
    }

    @Test
    void incompleteIsANoteOrAProgressReportForSupervisedTickets() {
        run(CommandType.INCOMPLETE, Map.of("reason", "缺少配件"));
        assertThat(performed().action()).isEqualTo(TicketAction.NOTE);
        assertThat(performed().note()).isEqualTo("未完成：缺少配件");
        setUp();
        when(tickets.find(TICKET)).thenReturn(row(TicketStatus.ACCEPTED, WORKER, null, true, 3));
        run(CommandType.INCOMPLETE, Map.of("reason", "缺少配件"));
        assertThat(performed().action()).isEqualTo(TicketAction.REPORT_PROGRESS);
    }

    @Test
    void delayGoesToApprovalWhenAChainIsConfiguredAndAPendingOneRefuses() {
        when(approvals.requiresApproval("TICKET", "DELAY", 10L)).thenReturn(true);
        List<CurrentUser> submitters = new ArrayList<>();
        when(approvals.submit(any())).thenAnswer(inv -> {
            submitters.add(SecurityContext.current().orElse(null));
            return new ApprovalSummary(55L, "SP2026112100001", "TICKET", TICKET, "SUB01-20261121-00001", "DELAY",
                    "延期", "等配件", null, null, 1, 1, "孙师傅", null, false, null, null);
        });
        FieldCommands.Outcome out = run(CommandType.DELAY_REQUEST, Map.of("extendMinutes", 120, "reason", "等配件"));
        ArgumentCaptor<ApprovalRequest> req = ArgumentCaptor.forClass(ApprovalRequest.class);
        verify(approvals).submit(req.capture());
        assertThat(req.getValue().action()).isEqualTo("DELAY");
        assertThat(req.getValue().bizId()).isEqualTo(TICKET);
        assertThat(req.getValue().payload()).containsEntry("extendMinutes", 120).containsEntry("expectedVersion", 4);
        assertThat(submitters.get(0).customOrgPaths()).containsExactly(PATH);
        assertThat(out.result()).containsEntry("approvalNo", "SP2026112100001");
        verify(tickets, never()).perform(anyLong(), any(), any());

        when(tickets.find(TICKET)).thenReturn(row(TicketStatus.ACCEPTED, WORKER, "DELAY", false, 5));
        assertThatThrownBy(() -> run(CommandType.DELAY_REQUEST, Map.of("extendMinutes", 120, "reason", "等配件")))
                .satisfies(e -> assertThat(code(e)).isEqualTo("APPROVAL_PENDING"));
        assertThatThrownBy(() -> run(CommandType.CANCEL_REQUEST, Map.of("reason", "用户取消")))
                .satisfies(e -> assertThat(code(e)).isEqualTo("APPROVAL_PENDING"));
    }

    @Test
    void withoutAChainTheRequestIsPerformedDirectly() {
        run(CommandType.CANCEL_REQUEST, Map.of("reason", "用户取消"));
        assertThat(performed().action()).isEqualTo(TicketAction.CANCEL);
        assertThat(performed().reason()).isEqualTo("用户取消");
        assertThatThrownBy(() -> run(CommandType.DELAY_REQUEST, Map.of("reason", "等配件", "extendMinutes", 0)))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.field()).isEqualTo("extendMinutes"));
    }

    @Test
    void completeNeedsAFillBackAndASignatureOrAReason() {
        when(mapper.selectFillBacks(TICKET)).thenReturn(List.of());
        assertThatThrownBy(() -> run(CommandType.COMPLETE, Map.of()))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.field()).isEqualTo("fillBack"));
        FillBack f = new FillBack();
        f.handlingResult = "更换阀门";
        f.parts = "DN20 阀门";
        f.durationMinutes = 30;
        when(mapper.selectFillBacks(TICKET)).thenReturn(List.of(f));
        when(media.signatureOf(TICKET)).thenReturn(Optional.empty());
        assertThatThrownBy(() -> run(CommandType.COMPLETE, Map.of()))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.field()).isEqualTo("signature"));
        verify(tickets, never()).perform(anyLong(), any(), any());

        run(CommandType.COMPLETE, Map.of("noSignatureReason", "用户不在家"));
        TicketCommand c = performed();
        assertThat(c.action()).isEqualTo(TicketAction.COMPLETE);
        assertThat(c.fields()).containsEntry("handlingResult", "更换阀门").containsEntry("parts", "DN20 阀门")
                .containsEntry("durationMinutes", 30);
        assertThat(c.note()).isEqualTo("客户未签名：用户不在家");
    }

    @Test
    void mediaCommandsGoToTheFieldMediaWithTheOpIdAsIdempotencyKey() {
        run(CommandType.ATTACH, Map.of("contentHash", "ab12", "kind", "PHOTO"));
        verify(media).attach(eq(TICKET), eq("ab12"), eq(cn.heatdesk.repair.mobile.media.MediaKind.PHOTO), eq(null),
                eq(new cn.heatdesk.repair.mobile.media.FieldActor(WORKER, "孙师傅", "dev-1", "op-1")));
        assertThatThrownBy(() -> run(CommandType.ATTACH, Map.of("contentHash", "ab12", "kind", "SIGNATURE")))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.field()).isEqualTo("kind"));
        assertThatThrownBy(() -> run(CommandType.SIGN, Map.of("signatureHash", "cd34", "satisfaction", 6)))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.field()).isEqualTo("satisfaction"));
        run(CommandType.SIGN, Map.of("signatureHash", "cd34", "satisfaction", 5, "comment", "很好"));
        verify(media).sign(eq(TICKET), eq("cd34"), eq(5), eq("很好"), eq(LocalDateTime.of(2026, 11, 21, 9, 30)), any());
    }
}
