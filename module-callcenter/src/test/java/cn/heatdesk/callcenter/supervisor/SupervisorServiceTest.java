package cn.heatdesk.callcenter.supervisor;

import cn.heatdesk.baseinfo.api.HouseholdApi;
import cn.heatdesk.callcenter.agent.Agent;
import cn.heatdesk.callcenter.agent.AgentMapper;
import cn.heatdesk.callcenter.call.CallStatsService;
import cn.heatdesk.callcenter.call.NumberVisibility;
import cn.heatdesk.callcenter.call.WaitingCalls;
import cn.heatdesk.callcenter.gateway.FakeGatewayActions;
import cn.heatdesk.callcenter.gateway.Gateway;
import cn.heatdesk.callcenter.gateway.GatewayMapper;
import cn.heatdesk.callcenter.gateway.Phone;
import cn.heatdesk.callcenter.gateway.PhoneMapper;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import cn.heatdesk.kernel.security.SecurityContext;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * SupervisorService's rules without a database: the mappers answer as the data scope would, the gateway is
 * {@link FakeGatewayActions} with a scripted CoreShowChannels. Every refusal is checked for its Chinese reason, for
 * sending no action, and for its FAILED row in the log.
 */
class SupervisorServiceTest {

    static final long GW = 1L;
    static final long AGENT = 11L;
    static final long SUP_AGENT = 12L;
    static final String AGENT_LEG = "PJSIP/8001-00000002";
    static final String CUSTOMER = "PJSIP/9000-00000001";

    AgentMapper agents = mock(AgentMapper.class);
    PhoneMapper phones = mock(PhoneMapper.class);
    GatewayMapper gateways = mock(GatewayMapper.class);
    WaitingCalls waiting = mock(WaitingCalls.class);
    SupervisorActionMapper logs = mock(SupervisorActionMapper.class);
    FakeGatewayActions ami = new FakeGatewayActions();
    List<SupervisorActionRow> logged = new ArrayList<>();
    SupervisorService service;
    Agent agent;
    Agent sup;
    CurrentUser boss = new CurrentUser(7L, "monitor01", "王班长", 100L, 9L, "/1/9/", DataScope.ALL, List.of(),
            Set.of("callcenter:agent:supervise"), Set.of("SUPERVISOR"));

    @BeforeEach
    void setUp() {
        AtomicLong ids = new AtomicLong(1000);
        service = new SupervisorService(agents, phones, gateways, ami, waiting, mock(CallStatsService.class), logs,
                mock(NumberVisibility.class), mock(HouseholdApi.class), ids::incrementAndGet);
        doAnswer(i -> logged.add(i.getArgument(0))).when(logs).insert(any());
        Gateway g = new Gateway();
        g.setId(GW);
        g.setGatewayName("总部网关");
        g.setSubsidiaryId(100L);
        g.setOrgPath("/1/9/");
        when(gateways.selectByIdUnscoped(GW)).thenReturn(g);
        agent = agent(AGENT, "A001", 21L, "TALKING");
        sup = agent(SUP_AGENT, "S001", 22L, "IDLE");
        sup.setUserId(7L);
        when(agents.selectByUserId(7L)).thenReturn(sup);
        phone(21L, "8001");
        phone(22L, "8101");
        channels(chan(CUSTOMER, "gw-1.1", "B1", "Queue"), chan(AGENT_LEG, "gw-1.1", "B1", "AppQueue"));
    }

    Agent agent(long id, String jobNo, long phoneId, String state) {
        Agent a = new Agent();
        a.setId(id);
        a.setJobNo(jobNo);
        a.setPhoneId(phoneId);
        a.setState(state);
        a.setSubsidiaryId(100L);
        a.setOrgPath("/1/9/");
        when(agents.selectByIdUnscoped(id)).thenReturn(a);
        when(agents.selectById(id)).thenReturn(a);
        return a;
    }

    void phone(long id, String ext) {
        Phone p = new Phone();
        p.setId(id);
        p.setGatewayId(GW);
        p.setExtension(ext);
        when(phones.selectByIdUnscoped(id)).thenReturn(p);
    }

    static CoreShowChannelEvent chan(String name, String linkedid, String bridge, String app) {
        CoreShowChannelEvent e = new CoreShowChannelEvent(new Object());
        e.setChannel(name);
        e.setUniqueid(name.startsWith("PJSIP/9000-") ? linkedid : name + "-u");
        e.setLinkedid(linkedid);
        e.setChannelState(6);
        e.setBridgeid(bridge);
        e.setApplication(app);
        return e;
    }

    void channels(ResponseEvent... events) {
        ami.listAnswer(List.of(events));
    }

    <T> T as(CurrentUser u, Supplier<T> work) {
        return SecurityContext.callAs(u, work);
    }

    /** AMI actions other than the CoreShowChannels / QueueStatus reads */
    List<ManagerAction> writes() {
        return ami.actions().stream().filter(a -> !a.getAction().equalsIgnoreCase("CoreShowChannels")
                && !a.getAction().equalsIgnoreCase("QueueStatus")).toList();
    }

    void refused(Supplier<?> work, ErrorCode code, String message) {
        assertThatThrownBy(() -> as(boss, work)).isInstanceOf(BizException.class)
                .satisfies(e -> assertThat(((BizException) e).code()).isEqualTo(code))
                .hasMessageContaining(message);
        assertThat(writes()).as("nothing sent to Asterisk").isEmpty();
        assertThat(logged).last().satisfies(r -> {
            assertThat(r.result).isEqualTo("FAILED");
            assertThat(r.errorMessage).contains(message);
            assertThat(r.supervisorId).isEqualTo(7L);
            assertThat(r.subsidiaryId).isEqualTo(100L);
        });
    }

    @Test
    void listenOriginatesMyPhoneIntoChanSpyAndIsLogged() {
        SupervisorViews.Result r = as(boss, () -> service.spy(AGENT, SupervisorActions.SpyMode.LISTEN));
        assertThat(r.channel()).startsWith("hd-spy-");
        OriginateAction o = (OriginateAction) writes().get(0);
        assertThat(o.getChannel()).isEqualTo("PJSIP/8101");
        assertThat(o.getContext()).isEqualTo("supervisor");
        assertThat(o.getExten()).isEqualTo("listen_8001");
        assertThat(o.getChannelId()).isEqualTo(r.channel());
        assertThat(logged).singleElement().satisfies(l -> {
            assertThat(l.action).isEqualTo("LISTEN");
            assertThat(l.result).isEqualTo("OK");
            assertThat(l.linkedid).isEqualTo("gw-1.1");
            assertThat(l.gatewayId).isEqualTo(GW);
            assertThat(l.targetJobNo).isEqualTo("A001");
            assertThat(l.supervisorExtension).isEqualTo("8101");
        });
    }

    @Test
    void releaseHangsUpTheCustomerNotTheAgent() {
        as(boss, () -> service.release(AGENT));
        HangupAction h = (HangupAction) writes().get(0);
        assertThat(h.getChannel()).isEqualTo(CUSTOMER);
        assertThat(logged).singleElement().satisfies(l -> assertThat(l.action).isEqualTo("RELEASE"));
    }

    @Test
    void interceptRedirectsTheCustomerToMyExtension() {
        as(boss, () -> service.intercept(AGENT));
        RedirectAction a = (RedirectAction) writes().get(0);
        assertThat(a.getChannel()).isEqualTo(CUSTOMER);
        assertThat(a.getContext()).isEqualTo("transfer-targets");
        assertThat(a.getExten()).isEqualTo("8101");
    }

    @Test
    void supervisorWithoutABoundPhoneIsRefused() {
        sup.setPhoneId(null);
        refused(() -> service.spy(AGENT, SupervisorActions.SpyMode.BARGE), ErrorCode.ILLEGAL_TRANSITION, "尚未绑定话机");
        assertThat(logged.get(0).gatewayId).as("the call was found: the row names its gateway").isEqualTo(GW);
    }

    @Test
    void myPhoneOfflineIsRefused() {
        phones.selectByIdUnscoped(22L).setRegistered(0);
        refused(() -> service.intercept(AGENT), ErrorCode.ILLEGAL_TRANSITION, "未注册");
    }

    @Test
    void agentWithoutACallIsRefused() {
        channels();
        refused(() -> service.spy(AGENT, SupervisorActions.SpyMode.WHISPER), ErrorCode.ILLEGAL_TRANSITION, "当前没有通话");
        refused(() -> service.release(AGENT), ErrorCode.ILLEGAL_TRANSITION, "当前没有通话");
    }

    @Test
    void myPhoneInUseIsRefused() {
        channels(chan(CUSTOMER, "gw-1.1", "B1", "Queue"), chan(AGENT_LEG, "gw-1.1", "B1", "AppQueue"),
                chan("PJSIP/8101-00000009", "gw-1.9", null, "Dial"));
        refused(() -> service.spy(AGENT, SupervisorActions.SpyMode.LISTEN), ErrorCode.ILLEGAL_TRANSITION, "正在通话中");
    }

    @Test
    void agentOutsideMyScopeIsRefused() {
        when(agents.selectById(AGENT)).thenReturn(null);
        refused(() -> service.release(AGENT), ErrorCode.FORBIDDEN, "数据权限");
        assertThat(logged.get(0).targetJobNo).isEqualTo("A001");
    }

    @Test
    void gatewayOutsideMyScopeIsRefused() {
        CurrentUser station = new CurrentUser(8L, "st01", "站长", 200L, 19L, "/1/19/", DataScope.ORG_AND_CHILDREN,
                List.of(), Set.of("callcenter:agent:supervise"), Set.of());
        assertThatThrownBy(() -> as(station, () -> service.intercept(AGENT))).isInstanceOf(BizException.class)
                .hasMessageContaining("数据权限");
        assertThat(writes()).isEmpty();
        assertThat(logged).singleElement().satisfies(l -> {
            assertThat(l.result).isEqualTo("FAILED");
            assertThat(l.orgPath).as("recorded under the gateway's org").isEqualTo("/1/9/");
        });
    }

    @Test
    void asteriskErrorIsTranslatedAndLogged() {
        ami.refuse(a -> a instanceof HangupAction, "No such channel");
        assertThatThrownBy(() -> as(boss, () -> service.release(AGENT))).isInstanceOf(BizException.class)
                .hasMessageStartingWith("强拆失败：");
        assertThat(logged).singleElement().satisfies(l -> assertThat(l.result).isEqualTo("FAILED"));
    }

    WaitingCalls.Waiting waitingCaller() {
        return new WaitingCalls.Waiting(GW, "gw-1.5", "repair", Instant.now().minusSeconds(30), "13800138000",
                "138****8000", null, "PJSIP/9000-00000005", "gw-1.5", 100L, "/1/9/");
    }

    SupervisorRequests.Prioritize req(String mode, Long agentId) {
        return new SupervisorRequests.Prioritize(String.valueOf(GW), "gw-1.5", mode,
                agentId == null ? null : String.valueOf(agentId));
    }

    @Test
    void callerNoLongerWaitingIsRefused() {
        when(waiting.find(anyLong(), any())).thenReturn(Optional.empty());
        refused(() -> service.prioritize(req("FRONT", null)), ErrorCode.ILLEGAL_TRANSITION, "已不在排队");
        // the tracker still lists it, but Asterisk has it out of Queue() already
        when(waiting.find(GW, "gw-1.5")).thenReturn(Optional.of(waitingCaller()));
        channels(chan("PJSIP/9000-00000005", "gw-1.5", "B7", "AppQueue"));
        refused(() -> service.prioritize(req("FRONT", null)), ErrorCode.ILLEGAL_TRANSITION, "已不在排队");
    }

    @Test
    void toFrontRedirectsIntoSupervisorQueue_toAgentNeedsAFreeAgent() {
        when(waiting.find(GW, "gw-1.5")).thenReturn(Optional.of(waitingCaller()));
        CoreShowChannelEvent c = chan("PJSIP/9000-00000005", "gw-1.5", null, "Queue");
        channels(c);
        as(boss, () -> service.prioritize(req("FRONT", null)));
        RedirectAction front = (RedirectAction) writes().get(0);
        assertThat(front.getContext()).isEqualTo("supervisor-queue");
        assertThat(front.getExten()).isEqualTo("repair");
        assertThat(front.getChannel()).isEqualTo("PJSIP/9000-00000005");
        assertThat(logged).last().satisfies(l -> {
            assertThat(l.action).isEqualTo("TO_FRONT");
            assertThat(l.queueName).isEqualTo("repair");
        });

        ami.reset();
        channels(c);
        // A001 is talking: not free
        refused(() -> service.prioritize(req("AGENT", AGENT)), ErrorCode.ILLEGAL_TRANSITION, "不是空闲状态");
        assertThatThrownBy(() -> as(boss, () -> service.prioritize(req("AGENT", null))))
                .hasMessageContaining("请选择要接听的坐席");
        as(boss, () -> service.prioritize(req("AGENT", SUP_AGENT)));
        RedirectAction to = (RedirectAction) writes().get(0);
        assertThat(to.getContext()).isEqualTo("transfer-targets");
        assertThat(to.getExten()).isEqualTo("8101");
    }

    @Test
    void unknownModeIsA400NamingTheField() {
        assertThatThrownBy(() -> as(boss, () -> service.prioritize(req("SIDEWAYS", null))))
                .isInstanceOf(BizException.class)
                .satisfies(e -> assertThat(((BizException) e).field()).isEqualTo("mode"));
    }
}
