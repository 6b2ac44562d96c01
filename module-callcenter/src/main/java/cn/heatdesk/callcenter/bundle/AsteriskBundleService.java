package cn.heatdesk.callcenter.bundle;

import cn.heatdesk.callcenter.gateway.CallQueue;
import cn.heatdesk.callcenter.gateway.Gateway;
import cn.heatdesk.callcenter.gateway.GatewayKind;
import cn.heatdesk.callcenter.gateway.GatewayService;
import cn.heatdesk.callcenter.gateway.Phone;
import cn.heatdesk.callcenter.gateway.PhoneMapper;
import cn.heatdesk.callcenter.gateway.QueueMapper;
import cn.heatdesk.callcenter.gateway.QueueService;
import cn.heatdesk.settings.api.DictItemOption;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import cn.heatdesk.callcenter.ivr.IvrMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one gateway with its enabled phones and queues (secrets decrypted by the mappers) and renders its Asterisk
 * configuration. The gateway must be in the caller's data scope (404 otherwise, like every gateway read).
 * {@code heatdesk.callcenter.bundle.ami-permit}: comma-separated IPv4 addresses/CIDRs of HeatDesk's instances allowed
 * to log in to AMI; when blank the gateway's FastAGI host (HeatDesk's address as the gateway sees it) is used.
 */
@Service
public class AsteriskBundleService {

    private final GatewayService gateways;
    private final PhoneMapper phones;
    private final QueueMapper queues;
    private final QueueService queueService;
    private final OrgApi orgs;
    private final IvrMapper ivrMenus;
    private final List<String> amiPermit;
    private final AsteriskConfigRenderer renderer = new AsteriskConfigRenderer();

    public AsteriskBundleService(GatewayService gateways, PhoneMapper phones, QueueMapper queues, QueueService queueService,
                                 OrgApi orgs, IvrMapper ivrMenus,
                                 @Value("${heatdesk.callcenter.bundle.ami-permit:}") String amiPermit) {
        this.ivrMenus = ivrMenus;
        this.gateways = gateways;
        this.phones = phones;
        this.queues = queues;
        this.queueService = queueService;
        this.orgs = orgs;
        this.amiPermit = Arrays.stream(amiPermit.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Transactional(readOnly = true)
    public AsteriskBundle render(long gatewayId) {
        return renderer.render(input(gatewayId));
    }

    @Transactional(readOnly = true)
    public BundleInput input(long gatewayId) {
        Gateway g = gateways.scoped(gatewayId);
        List<String> omitted = new ArrayList<>();
        List<BundleInput.PhoneEntry> ph = new ArrayList<>();
        for (Phone p : phones.selectByGatewayUnscoped(g.getId())) {
            if (p.enabledNow()) {
                ph.add(new BundleInput.PhoneEntry(p.getExtension(), p.getEndpointName(), p.getSipSecret(), p.getRemark()));
            } else {
                omitted.add("分机 " + p.getExtension() + " 已停用，未写入 pjsip.conf（该话机无法注册）");
            }
        }
        List<DictItemOption> skills = queueService.skills();
        Map<String, Integer> skillOrder = new HashMap<>();
        Map<String, String> skillLabel = new HashMap<>();
        for (int i = 0; i < skills.size(); i++) {
            skillOrder.put(skills.get(i).code(), i);
            skillLabel.put(skills.get(i).code(), skills.get(i).label());
        }
        List<CallQueue> enabled = new ArrayList<>();
        for (CallQueue q : queues.selectByGatewayUnscoped(g.getId())) {
            if (q.enabledNow()) {
                enabled.add(q);
            } else {
                omitted.add("队列 " + q.getQueueName() + " 已停用，未写入 queues.conf 和语音菜单");
            }
        }
        // menu keys follow the skill dictionary's order (报修 first), then the queue name
        enabled.sort(Comparator.<CallQueue>comparingInt(q -> skillOrder.getOrDefault(q.getSkillCode(), Integer.MAX_VALUE))
                .thenComparing(CallQueue::getQueueName));
        List<BundleInput.QueueEntry> qs = enabled.stream().map(q -> new BundleInput.QueueEntry(q.getQueueName(),
                q.getDisplayName(), q.getSkillCode(), skillLabel.getOrDefault(q.getSkillCode(), q.getSkillCode()),
                q.getStrategy(), q.getTimeoutSeconds(), q.getWrapupSeconds(), q.getMaxWaitSeconds())).toList();
        String station = g.getStationOrgId() == null ? null
                : orgs.find(g.getStationOrgId()).map(OrgInfo::orgName).orElse(null);
        return new BundleInput(g.getGatewayCode(), g.getGatewayName(), GatewayKind.labelOf(g.getKind()), station,
                g.getAmiPort(), g.getAmiUsername(), g.getAmiSecret(), g.getAgiHost(), g.getAgiPort(), g.getRecordingDir(),
                amiPermit, ph, qs, omitted, LocalDateTime.now(), ivrMenus.list(g.getId()).stream()
                .filter(m -> m.enabled != null && m.enabled == 1).map(m -> m.hotline).toList());
    }
}
