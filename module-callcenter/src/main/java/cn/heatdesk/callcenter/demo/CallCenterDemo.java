package cn.heatdesk.callcenter.demo;

import cn.heatdesk.callcenter.agent.AgentAdminService;
import cn.heatdesk.callcenter.agent.AgentMapper;
import cn.heatdesk.callcenter.agent.AgentRequests;
import cn.heatdesk.callcenter.agi.FastAgiServer;
import cn.heatdesk.callcenter.call.LocalRecordingStore;
import cn.heatdesk.callcenter.gateway.CallQueue;
import cn.heatdesk.callcenter.gateway.Gateway;
import cn.heatdesk.callcenter.gateway.GatewayMapper;
import cn.heatdesk.callcenter.gateway.GatewayRequests;
import cn.heatdesk.callcenter.gateway.GatewayService;
import cn.heatdesk.callcenter.gateway.GatewayViews;
import cn.heatdesk.callcenter.gateway.Phone;
import cn.heatdesk.callcenter.gateway.PhoneMapper;
import cn.heatdesk.callcenter.gateway.PhoneService;
import cn.heatdesk.callcenter.gateway.QueueMapper;
import cn.heatdesk.callcenter.gateway.QueueService;
import cn.heatdesk.callcenter.sim.AsteriskSimulator;
import cn.heatdesk.callcenter.sim.SimConfig;
import cn.heatdesk.kernel.config.HeatDeskProperties;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import cn.heatdesk.settings.api.UserApi;
import cn.heatdesk.settings.api.UserInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The demo's telephone system, so a newcomer sees a call ring, pop and get answered on a fresh machine without a PBX:
 * one headquarters gateway and two station gateways, each an {@link AsteriskSimulator} on a free local port whose
 * dialplan calls HeatDesk's FastAGI server; their gateway rows, IP phones, queues and agent bindings are made once
 * through the real services (agent01 ↔ 8001, monitor01 ↔ 8002 at headquarters) and the rows' AMI ports follow the
 * simulators at every start. {@code heatdesk.callcenter.demo-simulators=false} leaves it out.
 */
@Component
@Order(60)
public class CallCenterDemo implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CallCenterDemo.class);
    static final String SECRET = "heatdesk-demo-secret";
    static final String HQ = "GW-HQ";

    private final HeatDeskProperties properties;
    private final boolean enabled;
    private final GatewayService gatewayService;
    private final GatewayMapper gateways;
    private final PhoneService phoneService;
    private final PhoneMapper phones;
    private final QueueService queueService;
    private final QueueMapper queues;
    private final AgentAdminService agentAdmin;
    private final AgentMapper agents;
    private final UserApi users;
    private final OrgApi orgs;
    private final FastAgiServer agi;
    private final LocalRecordingStore recordings;
    /** gateway id → its simulator, in creation order (headquarters first) */
    private final Map<Long, AsteriskSimulator> simulators = new LinkedHashMap<>();

    public CallCenterDemo(HeatDeskProperties properties, @Value("${heatdesk.callcenter.demo-simulators:true}") boolean enabled,
                          GatewayService gatewayService, GatewayMapper gateways, PhoneService phoneService,
                          PhoneMapper phones, QueueService queueService, QueueMapper queues,
                          AgentAdminService agentAdmin, AgentMapper agents, UserApi users, OrgApi orgs, FastAgiServer agi,
                          LocalRecordingStore recordings) {
        this.properties = properties;
        this.enabled = enabled;
        this.gatewayService = gatewayService;
        this.gateways = gateways;
        this.phoneService = phoneService;
        this.phones = phones;
        this.queueService = queueService;
        this.queues = queues;
        this.agentAdmin = agentAdmin;
        this.agents = agents;
        this.users = users;
        this.orgs = orgs;
        this.agi = agi;
        this.recordings = recordings;
    }

    public boolean active() {
        return !simulators.isEmpty();
    }

    /** the simulators by gateway id (headquarters first) */
    public Map<Long, AsteriskSimulator> simulators() {
        return simulators;
    }

    public Optional<AsteriskSimulator> simulator(Long gatewayId) {
        if (gatewayId == null) {
            return simulators.values().stream().findFirst();
        }
        return Optional.ofNullable(simulators.get(gatewayId));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.isDemo() || !enabled) {
            return;
        }
        Optional<UserInfo> admin = users.findByUsername("admin");
        if (admin.isEmpty()) {
            return;
        }
        UserInfo a = admin.get();
        CurrentUser as = new CurrentUser(a.id(), a.username(), a.realName(), a.subsidiaryId(), a.orgId(), a.orgPath(),
                DataScope.ALL, List.of(), Set.of("*"), Set.of("GROUP_ADMIN"));
        SecurityContext.callAs(as, () -> {
            setUp();
            return null;
        });
    }

    private void setUp() {
        List<Gateway> demo = new ArrayList<>();
        demo.add(gateway(HQ, "总部网关（演示模拟）", "HQ", null));
        orgs.findByCode("ST01").ifPresent(o -> demo.add(gateway("GW-ST01", o.orgName() + "网关（演示模拟）", "STATION", o)));
        orgs.findByCode("ST02").ifPresent(o -> demo.add(gateway("GW-ST02", o.orgName() + "网关（演示模拟）", "STATION", o)));
        Gateway hq = demo.get(0);
        queue(hq, "repair", "报修队列", "REPAIR");
        queue(hq, "complaint", "投诉队列", "COMPLAINT");
        queue(hq, "inquiry", "咨询队列", "INQUIRY");
        phone(hq, "8001", "坐席话机 1");
        phone(hq, "8002", "坐席话机 2");
        phone(hq, "8101", "班长话机");
        for (Gateway st : demo.subList(1, demo.size())) {
            queue(st, "repair", "报修队列", "REPAIR");
            phone(st, "8001", "站部话机");
        }
        agent("agent01", hq, "8001", Map.of("repair", 0, "complaint", 1, "inquiry", 1));
        agent("monitor01", hq, "8002", Map.of("repair", 1, "complaint", 0));

        for (Gateway g : demo) {
            AsteriskSimulator sim = start(g);
            simulators.put(g.getId(), sim);
            point(g.getId(), sim.port());
        }
        log.info("演示电话系统：{} 个模拟网关已启动（{}），坐席 agent01 ↔ 分机 8001", simulators.size(),
                simulators.values().stream().map(s -> s.config().systemName() + ":" + s.port()).toList());
    }

    private Gateway gateway(String code, String name, String kind, OrgInfo station) {
        Gateway g = gateways.selectByCode(code);
        if (g == null) {
            gatewayService.create(new GatewayRequests.GatewaySave(code, name, kind, station == null ? null : station.id(),
                    "127.0.0.1", 5038, "heatdesk", SECRET, "127.0.0.1", agi.port() > 0 ? agi.port() : 4573, null, true,
                    "演示环境：HeatDesk 自带的 Asterisk 模拟器，端口随每次启动变化", null));
            g = gateways.selectByCode(code);
        }
        return g;
    }

    private void queue(Gateway g, String name, String display, String skill) {
        if (queues.selectByName(g.getId(), name) == null) {
            queueService.create(new GatewayRequests.QueueSave(g.getId(), name, display, skill, "rrmemory", 15, 5, 300,
                    true, null, null));
        }
    }

    private void phone(Gateway g, String ext, String remark) {
        if (phones.selectByExtension(g.getId(), ext) == null) {
            phoneService.create(new GatewayRequests.PhoneSave(g.getId(), ext, null, "Demo#" + ext + "sip", null, null,
                    remark, true, null));
        }
    }

    private void agent(String username, Gateway g, String ext, Map<String, Integer> skills) {
        Optional<UserInfo> u = users.findByUsername(username);
        Phone p = phones.selectByExtension(g.getId(), ext);
        if (u.isEmpty() || p == null || agents.selectByUserId(u.get().id()) != null || agents.selectByPhoneId(p.getId()) != null) {
            return;
        }
        List<AgentRequests.SkillAssign> assigned = new ArrayList<>();
        skills.forEach((q, level) -> {
            CallQueue cq = queues.selectByName(g.getId(), q);
            if (cq != null) {
                assigned.add(new AgentRequests.SkillAssign(cq.getId(), level));
            }
        });
        agentAdmin.create(new AgentRequests.Create(u.get().id(), null, p.getId(), assigned, "演示坐席"));
    }

    private AsteriskSimulator start(Gateway g) {
        SimConfig c = new SimConfig().port(0).systemName(g.getGatewayCode().toLowerCase(java.util.Locale.ROOT))
                .credentials("heatdesk", SECRET).promptDuration(Duration.ofSeconds(2));
        Map<String, String> ph = new LinkedHashMap<>();
        for (Phone p : phones.selectByGatewayUnscoped(g.getId())) {
            ph.put(p.getExtension(), p.getRemark() == null ? p.getExtension() : p.getRemark());
        }
        c.phones(ph);
        List<SimConfig.QueueConfig> qs = new ArrayList<>();
        for (CallQueue q : queues.selectByGatewayUnscoped(g.getId())) {
            qs.add(new SimConfig.QueueConfig(q.getQueueName(), q.getStrategy() == null ? "rrmemory" : q.getStrategy(),
                    false, Duration.ofSeconds(q.getWrapupSeconds()), Duration.ofSeconds(q.getTimeoutSeconds()),
                    Duration.ofSeconds(2), 30, q.getMaxWaitSeconds()));
        }
        if (!qs.isEmpty()) {
            c.queues(qs);
        }
        if (agi.port() > 0) {
            c.agi("127.0.0.1", agi.port());
        }
        // the stand-in recordings land where the recording store looks for this gateway's files
        c.recordingDir(recordings.root().resolve(String.valueOf(g.getId())));
        AsteriskSimulator sim = new AsteriskSimulator(c);
        sim.start();
        return sim;
    }

    /** the row follows the simulator's port of this start (publishes GatewayChanged: the AMI layer reconnects) */
    private void point(long gatewayId, int port) {
        GatewayViews.GatewayView v = gatewayService.get(gatewayId);
        if (v.amiPort() == port && (agi.port() <= 0 || Integer.valueOf(agi.port()).equals(v.agiPort()))) {
            return;
        }
        gatewayService.update(gatewayId, new GatewayRequests.GatewaySave(v.code(), v.name(), v.kind(), v.stationOrgId(),
                v.amiHost(), port, v.amiUsername(), null, v.agiHost(), agi.port() > 0 ? agi.port() : v.agiPort(),
                v.recordingDir(), true, v.remark(), v.rowVersion()));
    }

    @Override
    public void destroy() {
        simulators.values().forEach(AsteriskSimulator::close);
        simulators.clear();
    }
}
