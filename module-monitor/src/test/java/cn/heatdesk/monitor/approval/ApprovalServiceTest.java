package cn.heatdesk.monitor.approval;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.monitor.api.ApprovalHandler;
import cn.heatdesk.monitor.api.ApprovalInfo;
import cn.heatdesk.monitor.api.ApprovalRequest;
import cn.heatdesk.monitor.api.ApprovalStatus;
import cn.heatdesk.monitor.api.ApprovalSummary;
import cn.heatdesk.monitor.api.ApprovalTarget;
import cn.heatdesk.monitor.api.ApproverLevel;
import cn.heatdesk.monitor.chain.ApprovalChain;
import cn.heatdesk.monitor.chain.ChainLookup;
import cn.heatdesk.monitor.chain.ChainStep;
import cn.heatdesk.settings.api.UserInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** Submitting, level progression, decisions, authorisation, the optimistic lock and the overdue flag. */
class ApprovalServiceTest {

    static final long ID = 900, TICKET = 42, SUB = 12, STATION = 57;
    static final CurrentUser AGENT = user(500, "/1/99/", Set.of("monitor:approval"), "AGENT");
    static final CurrentUser LEAD = user(501, "/1/12/57/", Set.of("monitor:approval"), "STATION_LEAD");
    static final CurrentUser OTHER_LEAD = user(502, "/1/12/58/", Set.of("monitor:approval"), "STATION_LEAD");
    static final CurrentUser SUB_ADMIN = user(600, "/1/12/", Set.of("monitor:approval"), "SUBSIDIARY_ADMIN");
    static final CurrentUser MONITOR = user(800, "/1/99/", Set.of("monitor:approval", "monitor:approval:all"), "SUPERVISOR");

    ApprovalMapper approvals = mock(ApprovalMapper.class);
    ApprovalStepMapper steps = mock(ApprovalStepMapper.class);
    ApprovalNumbers numbers = mock(ApprovalNumbers.class);
    ApproverResolver resolver = mock(ApproverResolver.class);
    ChainLookup chains = mock(ChainLookup.class);
    ApprovalNotifier notifier = mock(ApprovalNotifier.class);
    ApprovalHandler handler = mock(ApprovalHandler.class);
    AtomicLong nextId = new AtomicLong(1000);
    ApprovalService service;

    static CurrentUser user(long id, String orgPath, Set<String> perms, String... roles) {
        return new CurrentUser(id, "u" + id, "用户" + id, 12L, 1L, orgPath, DataScope.ORG_AND_CHILDREN, List.of(), perms,
                Set.of(roles));
    }

    static <T> T as(CurrentUser u, Supplier<T> work) {
        return SecurityContext.callAs(u, work);
    }

    @BeforeEach
    void setUp() {
        when(handler.bizType()).thenReturn("TICKET");
        when(handler.actionLabel(anyString())).thenAnswer(i -> "延期");
        service = new ApprovalService(approvals, steps, numbers, resolver, chains, new HandlerRegistry(List.of(handler)),
                notifier, nextId::incrementAndGet, new ObjectMapper().findAndRegisterModules(),
                mock(PlatformTransactionManager.class));
    }

    // ------------------------------------------------------------------ submit

    private void chainOfTwo() {
        ApprovalChain c = new ApprovalChain();
        c.setId(100L);
        c.setScopeOrgId(0L);
        ChainStep s1 = new ChainStep();
        s1.setLevelNo(1);
        s1.setApproverLevel("STATION");
        s1.setApproverRole("STATION_LEAD");
        s1.setTimeoutMinutes(120);
        ChainStep s2 = new ChainStep();
        s2.setLevelNo(2);
        s2.setApproverLevel("SUBSIDIARY");
        s2.setApproverRole("SUBSIDIARY_ADMIN");
        s2.setTimeoutMinutes(240);
        when(chains.effective("TICKET", "DELAY", SUB)).thenReturn(Optional.of(new ChainLookup.Effective(c, List.of(s1, s2))));
        when(resolver.resolve(eq(List.of(s1, s2)), any(), eq(500L))).thenReturn(List.of(
                new ApproverResolver.Resolved(1, ApproverLevel.STATION, ApproverLevel.STATION, "STATION_LEAD", STATION,
                        "/1/12/57/", "第一维修站", List.of(new UserInfo(501L, "lead01", "赵站长", null, null, null, null, null, true)), 120),
                new ApproverResolver.Resolved(2, ApproverLevel.SUBSIDIARY, ApproverLevel.SUBSIDIARY, "SUBSIDIARY_ADMIN", SUB,
                        "/1/12/", "城北热力分公司", List.of(), 240)));
    }

    private ApprovalRequest delay(String reason) {
        return new ApprovalRequest("ticket", TICKET, "delay", reason, Map.of("extendMinutes", 120, "expectedVersion", 3));
    }

    @Test
    void submittingResolvesTheLevelsOpensTheFirstAndNotifiesItsApprovers() {
        chainOfTwo();
        when(handler.validate(any())).thenReturn(new ApprovalTarget("GD001", SUB, "/1/12/57/", STATION, "{\"action\":\"DELAY\"}"));
        when(numbers.next(any(LocalDate.class))).thenReturn("SP202601010001");
        LocalDateTime before = LocalDateTime.now();

        ApprovalSummary s = as(AGENT, () -> service.submit(delay("  用户不在家，需改约  ")));

        ArgumentCaptor<ApprovalRequest> req = ArgumentCaptor.forClass(ApprovalRequest.class);
        verify(handler).validate(req.capture());
        assertThat(req.getValue().bizType()).isEqualTo("TICKET");
        assertThat(req.getValue().action()).isEqualTo("DELAY");
        assertThat(req.getValue().reason()).isEqualTo("用户不在家，需改约");
        ArgumentCaptor<Approval> a = ArgumentCaptor.forClass(Approval.class);
        verify(approvals).insert(a.capture());
        Approval row = a.getValue();
        assertThat(row.getApprovalNo()).isEqualTo("SP202601010001");
        assertThat(row.getStatus()).isEqualTo("PENDING");
        assertThat(row.getCurrentLevel()).isEqualTo(1);
        assertThat(row.getTotalLevels()).isEqualTo(2);
        assertThat(row.getApplicantId()).isEqualTo(500L);
        assertThat(row.getBizNo()).isEqualTo("GD001");
        assertThat(row.getOrgPath()).isEqualTo("/1/12/57/");
        assertThat(row.getPayloadJson()).isEqualTo("{\"action\":\"DELAY\"}");
        assertThat(row.getCurrentDueAt()).isBetween(before.plusMinutes(120), LocalDateTime.now().plusMinutes(120));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<ApprovalStep>> rows = ArgumentCaptor.forClass(List.class);
        verify(steps).insertBatch(rows.capture());
        assertThat(rows.getValue()).extracting(ApprovalStep::getDecision).containsExactly("PENDING", "WAITING");
        assertThat(rows.getValue().get(0).getApproverNames()).isEqualTo("赵站长");
        assertThat(rows.getValue().get(0).getDueAt()).isEqualTo(row.getCurrentDueAt());
        assertThat(rows.getValue().get(1).getDueAt()).isNull();
        ArgumentCaptor<ApprovalInfo> info = ArgumentCaptor.forClass(ApprovalInfo.class);
        verify(handler).onSubmitted(info.capture());
        assertThat(info.getValue().id()).isEqualTo(row.getId());
        verify(notifier).toApprovers(eq(ApprovalNotifier.PENDING), eq(row), eq(rows.getValue().get(0)), eq("延期"), eq(Map.of()));
        assertThat(s.status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(s.totalLevels()).isEqualTo(2);
    }

    @Test
    void aReasonIsMandatory() {
        assertThatThrownBy(() -> as(AGENT, () -> service.submit(delay("   "))))
                .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).field()).isEqualTo("reason");
        verifyNoInteractions(approvals);
    }

    @Test
    void anObjectWaitsForOneApprovalAtATime() {
        chainOfTwo();
        when(handler.validate(any())).thenReturn(new ApprovalTarget("GD001", SUB, "/1/12/57/", STATION, null));
        when(approvals.countPendingByBiz("TICKET", TICKET)).thenReturn(1);
        assertThatThrownBy(() -> as(AGENT, () -> service.submit(delay("改约"))))
                .isInstanceOf(BizException.class).hasMessageContaining("已有审批中的申请")
                .extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.CONFLICT);
        verify(approvals, never()).insert(any());
    }

    @Test
    void withoutAChainThereIsNothingToApproveExceptCloseWithoutVisit() {
        when(handler.validate(any())).thenReturn(new ApprovalTarget("GD001", SUB, "/1/12/", null, null));
        when(chains.effective(anyString(), anyString(), any())).thenReturn(Optional.empty());
        assertThatThrownBy(() -> as(AGENT, () -> service.submit(
                new ApprovalRequest("TICKET", TICKET, "SECOND_DISPATCH", "返工", Map.of()))))
                .isInstanceOf(BizException.class).hasMessageContaining("未配置审批流程");

        when(numbers.next(any(LocalDate.class))).thenReturn("SP202601010002");
        when(resolver.resolve(any(), any(), anyLong())).thenAnswer(i -> {
            List<ChainStep> chain = i.getArgument(0);
            assertThat(chain).singleElement().satisfies(s -> {
                assertThat(s.getApproverLevel()).isEqualTo("SUBSIDIARY");
                assertThat(s.getApproverRole()).isEqualTo("SUBSIDIARY_ADMIN");
            });
            return List.of(new ApproverResolver.Resolved(1, ApproverLevel.SUBSIDIARY, ApproverLevel.SUBSIDIARY,
                    "SUBSIDIARY_ADMIN", SUB, "/1/12/", "城北热力分公司", List.of(), 1440));
        });
        ApprovalSummary s = as(AGENT, () -> service.submit(
                new ApprovalRequest("TICKET", TICKET, "CLOSE_WITHOUT_VISIT", "用户已搬离", Map.of())));
        assertThat(s.totalLevels()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ decide

    private Approval pending(int level) {
        Approval a = new Approval();
        a.setId(ID);
        a.setApprovalNo("SP202601010001");
        a.setBizType("TICKET");
        a.setBizId(TICKET);
        a.setBizNo("GD001");
        a.setBizAction("DELAY");
        a.setPayloadJson("{\"action\":\"DELAY\",\"extendMinutes\":120}");
        a.setReason("改约");
        a.setStatus("PENDING");
        a.setCurrentLevel(level);
        a.setTotalLevels(2);
        a.setApplicantId(500L);
        a.setApplicantName("李坐席");
        a.setSubsidiaryId(SUB);
        a.setOrgPath("/1/12/57/");
        a.setRowVersion(level - 1);
        a.setUrgeCount(0);
        a.setCreatedAt(LocalDateTime.now());
        return a;
    }

    private ApprovalStep level(int no, String decision) {
        ApprovalStep s = new ApprovalStep();
        s.setId(2000L + no);
        s.setApprovalId(ID);
        s.setLevelNo(no);
        s.setChainLevel(no == 1 ? "STATION" : "SUBSIDIARY");
        s.setApproverLevel(no == 1 ? "STATION" : "SUBSIDIARY");
        s.setApproverRole(no == 1 ? "STATION_LEAD" : "SUBSIDIARY_ADMIN");
        s.setApproverOrgId(no == 1 ? STATION : SUB);
        s.setApproverOrgPath(no == 1 ? "/1/12/57/" : "/1/12/");
        s.setApproverOrgName(no == 1 ? "第一维修站" : "城北热力分公司");
        s.setTimeoutMinutes(no == 1 ? 120 : 240);
        s.setDecision(decision);
        s.setOverdueFlag(0);
        return s;
    }

    private void stored(Approval a, ApprovalStep... levels) {
        when(approvals.selectById(ID)).thenReturn(a);
        for (ApprovalStep s : levels) {
            when(steps.selectLevel(ID, s.getLevelNo())).thenReturn(s);
        }
        when(steps.selectByApproval(ID)).thenReturn(List.of(levels));
    }

    @Test
    void theStationLeadApprovesTheFirstLevelAndTheSecondOpens() {
        stored(pending(1), level(1, "PENDING"), level(2, "WAITING"));
        when(approvals.advance(eq(ID), eq(0), eq(2), any(), any())).thenReturn(1);

        as(LEAD, () -> service.approve(ID, "同意延期", 0));

        verify(steps).decide(eq(2001L), eq("APPROVED"), eq("同意延期"), eq(501L), eq("用户501"), any());
        ArgumentCaptor<LocalDateTime> due = ArgumentCaptor.forClass(LocalDateTime.class);
        verify(steps).start(eq(ID), eq(2), any(), due.capture());
        assertThat(due.getValue()).isAfter(LocalDateTime.now().plusMinutes(239));
        ArgumentCaptor<ApprovalStep> next = ArgumentCaptor.forClass(ApprovalStep.class);
        verify(notifier).toApprovers(eq(ApprovalNotifier.PENDING), any(), next.capture(), eq("延期"), eq(Map.of()));
        assertThat(next.getValue().getLevelNo()).isEqualTo(2);
        verify(handler, never()).onApproved(any(), any());
        verify(approvals, never()).finish(anyLong(), anyInt(), any(), any());
    }

    @Test
    void theLastLevelApprovesAndTheActionIsCarriedOut() {
        stored(pending(2), level(1, "APPROVED"), level(2, "PENDING"));
        when(approvals.finish(eq(ID), eq(1), eq("APPROVED"), any())).thenReturn(1);

        as(SUB_ADMIN, () -> service.approve(ID, null, 1));

        verify(steps).decide(eq(2002L), eq("APPROVED"), isNull(), eq(600L), eq("用户600"), any());
        ArgumentCaptor<ApprovalInfo> info = ArgumentCaptor.forClass(ApprovalInfo.class);
        verify(handler).onApproved(info.capture(), eq("用户600"));
        assertThat(info.getValue().status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(info.getValue().payloadJson()).contains("extendMinutes");
        verify(notifier).toApplicant(any(), eq("延期"), eq("通过"), isNull(), eq("用户600"));
        verify(steps, never()).start(anyLong(), anyInt(), any(), any());
    }

    @Test
    void rejectingNeedsAReasonAndReleasesTheTicket() {
        stored(pending(1), level(1, "PENDING"), level(2, "WAITING"));
        assertThatThrownBy(() -> as(LEAD, () -> service.reject(ID, " ", 0)))
                .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).field()).isEqualTo("reason");
        verify(approvals, never()).finish(anyLong(), anyInt(), any(), any());

        when(approvals.finish(eq(ID), eq(0), eq("REJECTED"), any())).thenReturn(1);
        as(LEAD, () -> service.reject(ID, "理由不充分", 0));
        verify(steps).decide(eq(2001L), eq("REJECTED"), eq("理由不充分"), eq(501L), any(), any());
        verify(handler).onRejected(any(), eq("理由不充分"));
        verify(notifier).toApplicant(any(), eq("延期"), eq("驳回"), eq("理由不充分"), eq("用户501"));
    }

    @Test
    void onlyAnApproverOfTheCurrentLevelDecides() {
        stored(pending(1), level(1, "PENDING"), level(2, "WAITING"));
        for (CurrentUser u : List.of(OTHER_LEAD, SUB_ADMIN, MONITOR)) {
            assertThatThrownBy(() -> as(u, () -> service.approve(ID, null, 0)))
                    .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.FORBIDDEN);
        }
        assertThatThrownBy(() -> as(AGENT, () -> service.approve(ID, null, 0)))
                .hasMessageContaining("不能审批本人");
        verify(approvals, never()).advance(anyLong(), anyInt(), anyInt(), any(), any());
        verify(steps, never()).decide(anyLong(), any(), any(), anyLong(), any(), any());
    }

    @Test
    void theSecondOfTwoConcurrentDecisionsGetsAConflictAndChangesNothing() {
        stored(pending(1), level(1, "PENDING"), level(2, "WAITING"));
        // the other approver's update got there first: the conditional update matches no row
        when(approvals.advance(eq(ID), eq(0), eq(2), any(), any())).thenReturn(0);
        assertThatThrownBy(() -> as(LEAD, () -> service.approve(ID, null, 0)))
                .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.CONFLICT);
        verify(steps, never()).decide(anyLong(), any(), any(), anyLong(), any(), any());
        verify(steps, never()).start(anyLong(), anyInt(), any(), any());
        verifyNoInteractions(notifier);
    }

    @Test
    void aStaleVersionOrAFinishedApprovalIsAConflict() {
        stored(pending(1), level(1, "PENDING"), level(2, "WAITING"));
        assertThatThrownBy(() -> as(LEAD, () -> service.approve(ID, null, 5)))
                .extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.CONFLICT);
        Approval done = pending(2);
        done.setStatus("REJECTED");
        stored(done, level(1, "REJECTED"), level(2, "WAITING"));
        assertThatThrownBy(() -> as(LEAD, () -> service.approve(ID, null, null)))
                .hasMessageContaining("已驳回");
        when(approvals.selectById(ID)).thenReturn(null);
        assertThatThrownBy(() -> as(LEAD, () -> service.approve(ID, null, null)))
                .extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void onlyTheApplicantWithdraws() {
        stored(pending(1), level(1, "PENDING"), level(2, "WAITING"));
        assertThatThrownBy(() -> as(LEAD, () -> service.withdraw(ID, null, null)))
                .extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.FORBIDDEN);
        when(approvals.finish(eq(ID), eq(0), eq("WITHDRAWN"), any())).thenReturn(1);
        as(AGENT, () -> service.withdraw(ID, "已与用户重新约定", null));
        verify(handler).onWithdrawn(any(), eq("申请人撤回：已与用户重新约定"));
        verify(steps).decide(eq(2001L), eq("WITHDRAWN"), eq("已与用户重新约定"), eq(500L), any(), any());
    }

    @Test
    void urgingNotifiesTheCurrentApproversAtMostEveryFiveMinutes() {
        Approval a = pending(1);
        stored(a, level(1, "PENDING"), level(2, "WAITING"));
        when(approvals.urge(eq(ID), any())).thenReturn(1);
        when(approvals.selectVisible(ID)).thenReturn(new ApprovalListRow());
        as(AGENT, () -> service.urge(ID));
        verify(notifier).toApprovers(eq(ApprovalNotifier.URGED), any(), any(), eq("延期"), any());

        a.setLastUrgedAt(LocalDateTime.now().minusMinutes(1));
        assertThatThrownBy(() -> as(MONITOR, () -> service.urge(ID))).hasMessageContaining("分钟后再催办");
        a.setLastUrgedAt(LocalDateTime.now().minusMinutes(6));
        as(MONITOR, () -> service.urge(ID));
        verify(approvals, times(2)).urge(eq(ID), any());
        // an approver of the level neither applied nor monitors: they decide instead
        assertThatThrownBy(() -> as(LEAD, () -> service.urge(ID)))
                .extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.FORBIDDEN);
    }

    // ------------------------------------------------------------------ overdue

    @Test
    void anOverdueLevelIsFlaggedAndNotifiedOnce() {
        Approval a = pending(1);
        a.setCurrentDueAt(LocalDateTime.now().minusMinutes(30));
        when(approvals.selectOverdueUnflagged(any())).thenReturn(List.of(a));
        when(steps.selectLevel(ID, 1)).thenReturn(level(1, "PENDING"));
        when(approvals.markOverdue(ID, 1)).thenReturn(1).thenReturn(0);

        assertThat(service.flagOverdue(LocalDateTime.now())).isEqualTo(1);
        verify(steps).markOverdue(ID, 1);
        verify(notifier).toApprovers(eq(ApprovalNotifier.OVERDUE), eq(a), any(), eq("延期"), any());
        // another instance (or a rerun) finds the flag already set and sends nothing
        assertThat(service.flagOverdue(LocalDateTime.now())).isZero();
        verify(notifier, times(1)).toApprovers(eq(ApprovalNotifier.OVERDUE), any(), any(), any(), any());
    }

    @Test
    void overdueMeansPendingAndPastTheCurrentDeadline() {
        LocalDateTime now = LocalDateTime.now();
        Approval a = pending(1);
        assertThat(ApprovalService.overdue(a, now)).isFalse();
        a.setCurrentDueAt(now.minusSeconds(1));
        assertThat(ApprovalService.overdue(a, now)).isTrue();
        a.setStatus("APPROVED");
        assertThat(ApprovalService.overdue(a, now)).isFalse();
        assertThat(ApprovalService.parseTime("2026-03-01", "createdTo", true)).isEqualTo(LocalDateTime.of(2026, 3, 2, 0, 0));
        assertThatThrownBy(() -> ApprovalService.parseTime("01/03/2026", "createdFrom", false))
                .extracting(e -> ((BizException) e).field()).isEqualTo("createdFrom");
    }
}
