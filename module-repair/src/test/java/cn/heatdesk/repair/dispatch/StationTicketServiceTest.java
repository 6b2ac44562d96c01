package cn.heatdesk.repair.dispatch;

import cn.heatdesk.baseinfo.api.HouseholdApi;
import cn.heatdesk.baseinfo.api.HouseholdSummary;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.repair.worker.Skill;
import cn.heatdesk.repair.worker.SkillService;
import cn.heatdesk.repair.worker.Worker;
import cn.heatdesk.repair.worker.WorkerArea;
import cn.heatdesk.repair.worker.WorkerService;
import cn.heatdesk.servicedesk.api.TicketAction;
import cn.heatdesk.servicedesk.api.TicketApi;
import cn.heatdesk.servicedesk.api.TicketCommand;
import cn.heatdesk.servicedesk.api.TicketFilter;
import cn.heatdesk.servicedesk.api.TicketOrigin;
import cn.heatdesk.servicedesk.api.TicketPool;
import cn.heatdesk.servicedesk.api.TicketRow;
import cn.heatdesk.servicedesk.api.TicketStatus;
import cn.heatdesk.settings.api.UserApi;
import cn.heatdesk.settings.api.UserInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static cn.heatdesk.repair.dispatch.TicketFixtures.ST01;
import static cn.heatdesk.repair.dispatch.TicketFixtures.ST02;
import static cn.heatdesk.repair.dispatch.TicketFixtures.row;
import static cn.heatdesk.repair.dispatch.TicketFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The station side against a mocked ticket core: what is refused before the core is asked, and what it is asked. */
class StationTicketServiceTest {

    static final CurrentUser LEAD = new CurrentUser(9L, "lead01", "赵站长", 2L, ST01, "/1/2/501/",
            DataScope.ORG_AND_CHILDREN, List.of(), Set.of("repair:pool", "repair:assign", "repair:handle"),
            Set.of("STATION_LEAD"));
    static final long WORKER01 = 101L;
    static final long WORKER02 = 102L;
    static final long WORKER03 = 103L;

    TicketApi tickets = mock(TicketApi.class);
    WorkerService workers = mock(WorkerService.class);
    SkillService skills = mock(SkillService.class);
    UserApi users = mock(UserApi.class);
    HouseholdApi households = mock(HouseholdApi.class);
    StationTicketService service = new StationTicketService(tickets, workers, skills, users, households);

    static <T> T asLead(Supplier<T> work) {
        return SecurityContext.callAs(LEAD, work);
    }

    static UserInfo user(long id, String name, long orgId, boolean enabled) {
        return new UserInfo(id, "worker" + id, name, "W" + id, orgId, "第一维修站", "/1/2/" + orgId + "/", 2L, enabled);
    }

    static Worker profile(long id, long userId, long station, String skills, boolean onDuty, int maxLoad) {
        Worker w = new Worker();
        w.setId(id);
        w.setUserId(userId);
        w.setStationOrgId(station);
        w.setWorkerType("REPAIR");
        w.setSkillCodes(skills);
        w.setOnDuty(onDuty ? 1 : 0);
        w.setMaxLoad(maxLoad);
        return w;
    }

    static StationCommand cmd(String action, Integer version, String reason, String note, Long workerId,
                              Map<String, Object> fields) {
        return new StationCommand(action, version, reason, note, workerId, null, null, fields);
    }

    @BeforeEach
    void crew() {
        when(users.find(WORKER01)).thenReturn(Optional.of(user(WORKER01, "孙师傅", ST01, true)));
        when(users.find(WORKER02)).thenReturn(Optional.of(user(WORKER02, "周师傅", ST01, true)));
        when(users.find(WORKER03)).thenReturn(Optional.of(user(WORKER03, "吴师傅", ST02, true)));
        when(workers.byUser(WORKER01)).thenReturn(Optional.of(profile(1, WORKER01, ST01, ",PIPE,", true, 8)));
        when(workers.byUser(WORKER02)).thenReturn(Optional.of(profile(2, WORKER02, ST01, ",TEMP_CHECK,", false, 8)));
        when(workers.byUser(WORKER03)).thenReturn(Optional.of(profile(3, WORKER03, ST02, ",PIPE,", true, 8)));
        when(tickets.detail(7L)).thenReturn(view(row(7L, TicketStatus.CONFIRMED, ST01, null, "REPAIR", "H01000001", 2L, 3), 900L));
    }

    @Test
    void assignGoesToTheTicketCoreFromTheWebWithTheVersionSeen() {
        asLead(() -> service.perform(7L, cmd("ASSIGN", 3, null, null, WORKER01, null)));
        ArgumentCaptor<TicketCommand> sent = ArgumentCaptor.forClass(TicketCommand.class);
        verify(tickets).perform(eq(7L), sent.capture(), eq(TicketOrigin.WEB));
        assertThat(sent.getValue().action()).isEqualTo(TicketAction.ASSIGN);
        assertThat(sent.getValue().expectedVersion()).isEqualTo(3);
        assertThat(sent.getValue().workerId()).isEqualTo(WORKER01);
        assertThat(sent.getValue().stationOrgId()).isNull();
    }

    @Test
    void reassignWithoutReasonIsRefusedBeforeTheCoreIsAsked() {
        assertThatThrownBy(() -> asLead(() -> service.perform(7L, cmd("REASSIGN", 3, "  ", null, WORKER01, null))))
                .isInstanceOfSatisfying(BizException.class, e -> {
                    assertThat(e.field()).isEqualTo("reason");
                    assertThat(e.getMessage()).isEqualTo("请填写改派人员原因");
                });
        verifyNoInteractions(tickets);
    }

    @Test
    void theVersionIsMandatorySoTwoLeadsCannotBothWin() {
        assertThatThrownBy(() -> asLead(() -> service.perform(7L, cmd("ASSIGN", null, null, null, WORKER01, null))))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.field()).isEqualTo("expectedVersion"));
        verifyNoInteractions(tickets);
    }

    @Test
    void onlyOnDutyWorkersOfTheTicketsStationCanBeAssigned() {
        assertThatThrownBy(() -> asLead(() -> service.perform(7L, cmd("ASSIGN", 3, null, null, WORKER02, null))))
                .isInstanceOfSatisfying(BizException.class, e -> {
                    assertThat(e.field()).isEqualTo("workerId");
                    assertThat(e.getMessage()).contains("周师傅").contains("不在岗");
                });
        assertThatThrownBy(() -> asLead(() -> service.perform(7L, cmd("ASSIGN", 3, null, null, WORKER03, null))))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.getMessage()).contains("不是第一维修站的维修人员"));
        when(users.find(WORKER01)).thenReturn(Optional.of(user(WORKER01, "孙师傅", ST02, true)));
        assertThatThrownBy(() -> asLead(() -> service.perform(7L, cmd("ASSIGN", 3, null, null, WORKER01, null))))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.getMessage()).contains("已调离"));
        verify(tickets, never()).perform(anyLong(), any(), any());
    }

    @Test
    void dispatchingIsForbiddenToTheStation() {
        assertThatThrownBy(() -> asLead(() -> service.perform(7L, cmd("DISPATCH", 3, null, null, null, null))))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
        verifyNoInteractions(tickets);
    }

    @Test
    void aTicketNoLongerAtAStationIsAConflict() {
        when(tickets.detail(8L)).thenReturn(view(row(8L, TicketStatus.RETURNED, null, null, "REPAIR", null, 2L, 5), null));
        assertThatThrownBy(() -> asLead(() -> service.perform(8L, cmd("CONFIRM", 5, null, null, null, null))))
                .isInstanceOfSatisfying(BizException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.getMessage()).contains("当前不在维修站").contains("已退回");
                });
        verify(tickets, never()).perform(anyLong(), any(), any());
    }

    @Test
    void theLeadsHandlingRecordIsCheckedAndPassedOn() {
        Map<String, Object> in = new HashMap<>();
        in.put("handlingResult", " 更换阀门，恢复供热 ");
        in.put("parts", "DN20 阀门");
        in.put("durationMinutes", "45");
        in.put("ignored", "x");
        asLead(() -> service.perform(7L, cmd("COMPLETE", 3, null, null, null, in)));
        ArgumentCaptor<TicketCommand> sent = ArgumentCaptor.forClass(TicketCommand.class);
        verify(tickets).perform(eq(7L), sent.capture(), eq(TicketOrigin.WEB));
        assertThat(sent.getValue().fields()).containsExactly(Map.entry("handlingResult", "更换阀门，恢复供热"),
                Map.entry("parts", "DN20 阀门"), Map.entry("durationMinutes", 45));

        assertThatThrownBy(() -> StationTicketService.handling(Map.of("parts", "x")))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.field()).isEqualTo("handlingResult"));
        assertThatThrownBy(() -> StationTicketService.handling(Map.of("handlingResult", "好", "durationMinutes", "1.5")))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.field()).isEqualTo("durationMinutes"));
        assertThatThrownBy(() -> StationTicketService.handling(Map.of("handlingResult", "好", "durationMinutes", -1)))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.field()).isEqualTo("durationMinutes"));
    }

    @Test
    void progressReportsNeedANote() {
        assertThatThrownBy(() -> asLead(() -> service.perform(7L, cmd("REPORT_PROGRESS", 3, null, " ", null, null))))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.field()).isEqualTo("note"));
        asLead(() -> service.perform(7L, cmd("REPORT_PROGRESS", 3, null, "已到现场，正在抢修", null, null)));
        ArgumentCaptor<TicketCommand> sent = ArgumentCaptor.forClass(TicketCommand.class);
        verify(tickets).perform(eq(7L), sent.capture(), eq(TicketOrigin.WEB));
        assertThat(sent.getValue().note()).isEqualTo("已到现场，正在抢修");
    }

    @Test
    void poolsAreTheStationsOnly() {
        when(tickets.search(any(), any())).thenReturn(new PageResult<>(List.of(), 0, 1, 20));
        StationTicketQuery q = new StationTicketQuery();
        q.setTiming("OVERDUE");
        q.setWorkerId(WORKER01);
        service.page(q, new PageQuery());
        ArgumentCaptor<TicketFilter> f = ArgumentCaptor.forClass(TicketFilter.class);
        verify(tickets).search(f.capture(), any());
        assertThat(f.getValue().pool()).isEqualTo(TicketPool.STATION_PENDING);
        assertThat(f.getValue().timing()).isEqualTo("OVERDUE");
        assertThat(f.getValue().workerId()).isEqualTo(WORKER01);

        q.setPool("UNARRANGED");
        assertThatThrownBy(() -> service.page(q, new PageQuery()))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.field()).isEqualTo("pool"));
        q.setPool("STATION_ASSIGNED");
        q.setTiming("LATE");
        assertThatThrownBy(() -> service.page(q, new PageQuery()))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.field()).isEqualTo("timing"));
    }

    @Test
    void countsAreTheTotalsOfBothPoolsAndTheirOverdueParts() {
        when(tickets.search(any(), any())).thenAnswer(inv -> {
            TicketFilter f = inv.getArgument(0);
            long n = (f.pool() == TicketPool.STATION_PENDING ? 10 : 20) + ("OVERDUE".equals(f.timing()) ? 1 : 0);
            return new PageResult<>(List.of(), n, 1, 1);
        });
        StationViews.Counts c = service.counts(ST01);
        assertThat(c).isEqualTo(new StationViews.Counts(10, 20, 11, 21));
        verify(tickets, times(4)).search(any(), any());
    }

    @Test
    void candidatesAreRankedWithReasons() {
        when(households.find(900L)).thenReturn(Optional.of(new HouseholdSummary(900L, "H01000001", 60L, "/1/2/3/40/50/60/",
                "幸福家园1号楼1单元101", "101", BigDecimal.TEN, "HEATING", BigDecimal.ZERO, null, "王建国", 2L, "/1/2/501/")));
        Worker w1 = profile(1, WORKER01, ST01, ",PIPE,", true, 8);
        Worker w2 = profile(2, WORKER02, ST01, ",TEMP_CHECK,", true, 8);
        w2.setWorkerType("GRID");
        when(workers.ofStation(ST01)).thenReturn(List.of(w2, w1));
        when(users.findAll(anyCollection())).thenReturn(List.of(user(WORKER01, "孙师傅", ST01, true),
                user(WORKER02, "周师傅", ST01, true)));
        when(tickets.openLoadByWorker(anyCollection())).thenReturn(Map.of(WORKER01, 3));
        WorkerArea area = new WorkerArea();
        area.setWorkerId(1L);
        area.setNodeId(40L);
        area.setNodeName("城北热力有限公司/城北热电厂/城北1-1号换热站/幸福家园");
        area.setNodePath("/1/2/3/40/");
        when(workers.areasOf(anyCollection())).thenReturn(Map.of(1L, List.of(area)));
        Map<String, Skill> skillRows = new LinkedHashMap<>();
        skillRows.put("PIPE", skill("PIPE", "管网维修", ",REPAIR,"));
        skillRows.put("TEMP_CHECK", skill("TEMP_CHECK", "测温", ",TEMP_CHECK,COMPLAINT,"));
        when(skills.byCode()).thenReturn(skillRows);

        StationViews.Candidates c = asLead(() -> service.candidates(7L));
        assertThat(c.householdPath()).isEqualTo("/1/2/3/40/50/60/");
        assertThat(c.candidates()).extracting(StationViews.Candidate::realName).containsExactly("孙师傅", "周师傅");
        StationViews.Candidate best = c.candidates().get(0);
        assertThat(best.reasons()).containsExactly("技能匹配：管网维修", "负责区域：幸福家园", "当前工单 3 张");
        assertThat(best.openLoad()).isEqualTo(3);
        assertThat(best.matchedArea()).isEqualTo("幸福家园");
        assertThat(best.score()).isEqualTo(40 + 30 + 19);
        assertThat(c.candidates().get(1).score()).isEqualTo(30);
        assertThat(c.candidates().get(1).workerTypeLabel()).isEqualTo("网格员");
    }

    static Skill skill(String code, String name, String types) {
        Skill s = new Skill();
        s.setSkillCode(code);
        s.setSkillName(name);
        s.setTicketTypes(types);
        s.setEnabled(1);
        return s;
    }
}
