package cn.heatdesk.callcenter.gateway;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.settings.api.DictItemOption;
import cn.heatdesk.settings.api.DictionaryApi;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Queues per gateway and skill (报修, 投诉, 咨询, 缴费 … from the {@value #SKILL_DICT} dictionary). Their settings are
 * rendered into the gateway's queues.conf; membership (skills with levels) belongs to the agents.
 */
@Service
public class QueueService {

    public static final String SKILL_DICT = "cc_skill";
    static final Set<String> STRATEGIES = Set.of("ringall", "leastrecent", "fewestcalls", "random", "rrmemory",
            "rrordered", "linear", "wrandom");
    static final String DEFAULT_STRATEGY = "rrmemory";
    static final int DEFAULT_TIMEOUT = 15;
    public static final int DEFAULT_WRAPUP = 10;
    static final int DEFAULT_MAX_WAIT = 300;

    private final QueueMapper queues;
    private final GatewayService gateways;
    private final GatewayMapper gatewayMapper;
    private final DictionaryApi dictionaries;
    private final IdGenerator ids;

    public QueueService(QueueMapper queues, GatewayService gateways, GatewayMapper gatewayMapper,
                        DictionaryApi dictionaries, IdGenerator ids) {
        this.queues = queues;
        this.gateways = gateways;
        this.gatewayMapper = gatewayMapper;
        this.dictionaries = dictionaries;
        this.ids = ids;
    }

    @Transactional(readOnly = true)
    public List<GatewayViews.QueueView> list(Long gatewayId, String skillCode) {
        return views(queues.list(gatewayId, CallcenterScope.blankToNull(skillCode)));
    }

    @Transactional(readOnly = true)
    public List<DictItemOption> skills() {
        return dictionaries.items(SKILL_DICT);
    }

    @Transactional(readOnly = true)
    public CallQueue scoped(long id) {
        CallQueue q = queues.selectById(id);
        if (q == null) {
            throw BizException.notFound("队列");
        }
        return q;
    }

    @Transactional
    public GatewayViews.QueueView create(GatewayRequests.QueueSave req) {
        CurrentUser me = SecurityContext.require();
        Gateway g = gateways.scoped(req.gatewayId());
        String name = req.queueName().strip();
        if (queues.selectByName(g.getId(), name) != null) {
            throw new BizException(ErrorCode.DUPLICATE, "网关“" + g.getGatewayName() + "”已有队列“" + name + "”", "queueName");
        }
        LocalDateTime now = LocalDateTime.now();
        CallQueue q = new CallQueue();
        q.setId(ids.nextId());
        q.setGatewayId(g.getId());
        q.setQueueName(name);
        fill(q, req);
        q.setEnabled(req.enabled() == null || req.enabled() ? 1 : 0);
        q.setSubsidiaryId(g.getSubsidiaryId());
        q.setOrgPath(g.getOrgPath());
        q.setRowVersion(0);
        q.setCreatedBy(me.userId());
        q.setCreatedAt(now);
        q.setUpdatedBy(me.userId());
        q.setUpdatedAt(now);
        queues.insert(q);
        return views(List.of(q)).get(0);
    }

    @Transactional
    public GatewayViews.QueueView update(long id, GatewayRequests.QueueSave req) {
        CurrentUser me = SecurityContext.require();
        CallQueue q = scoped(id);
        if (req.rowVersion() == null || !Objects.equals(req.rowVersion(), q.getRowVersion())) {
            throw BizException.conflict("队列已被他人修改，请刷新后重试");
        }
        if (!Objects.equals(req.gatewayId(), q.getGatewayId())) {
            throw BizException.invalid("gatewayId", "队列不能改到其他网关");
        }
        String name = req.queueName().strip();
        if (!name.equals(q.getQueueName())) {
            if (queues.countMembers(q.getId()) > 0) {
                throw BizException.conflict("队列已有坐席成员，不能改名；请先移除成员的该技能");
            }
            CallQueue other = queues.selectByName(q.getGatewayId(), name);
            if (other != null) {
                throw new BizException(ErrorCode.DUPLICATE, "该网关已有队列“" + name + "”", "queueName");
            }
        }
        q.setQueueName(name);
        fill(q, req);
        q.setEnabled(req.enabled() == null ? q.getEnabled() : req.enabled() ? 1 : 0);
        q.setUpdatedBy(me.userId());
        q.setUpdatedAt(LocalDateTime.now());
        if (queues.update(q) != 1) {
            throw BizException.conflict("队列已被他人修改，请刷新后重试");
        }
        return views(List.of(queues.selectByIdUnscoped(id))).get(0);
    }

    @Transactional
    public void delete(long id) {
        CallQueue q = scoped(id);
        int members = queues.countMembers(id);
        if (members > 0) {
            throw BizException.conflict("队列“" + q.getDisplayName() + "”还有 " + members + " 名坐席成员，请先移除坐席的该技能");
        }
        queues.delete(id);
    }

    private void fill(CallQueue q, GatewayRequests.QueueSave req) {
        dictionaries.requireValid(SKILL_DICT, req.skillCode(), "skillCode");
        q.setSkillCode(req.skillCode().strip());
        q.setDisplayName(req.displayName().strip());
        String strategy = CallcenterScope.blankToNull(req.strategy()) == null ? DEFAULT_STRATEGY : req.strategy().strip().toLowerCase();
        if (!STRATEGIES.contains(strategy)) {
            throw BizException.invalid("strategy", "振铃策略只能是 " + String.join("、", STRATEGIES.stream().sorted().toList()));
        }
        q.setStrategy(strategy);
        q.setTimeoutSeconds(req.timeoutSeconds() == null ? DEFAULT_TIMEOUT : req.timeoutSeconds());
        q.setWrapupSeconds(req.wrapupSeconds() == null ? DEFAULT_WRAPUP : req.wrapupSeconds());
        q.setMaxWaitSeconds(req.maxWaitSeconds() == null ? DEFAULT_MAX_WAIT : req.maxWaitSeconds());
        q.setRemark(CallcenterScope.blankToNull(req.remark()));
    }

    private List<GatewayViews.QueueView> views(List<CallQueue> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<String, String> labels = dictionaries.labels(SKILL_DICT);
        Map<Long, String> gatewayNames = new HashMap<>();
        gatewayMapper.selectByIdsUnscoped(list.stream().map(CallQueue::getGatewayId).distinct().toList())
                .forEach(g -> gatewayNames.put(g.getId(), g.getGatewayName()));
        return list.stream().map(q -> new GatewayViews.QueueView(q.getId(), q.getGatewayId(),
                gatewayNames.get(q.getGatewayId()), q.getQueueName(), q.getDisplayName(), q.getSkillCode(),
                labels.getOrDefault(q.getSkillCode(), q.getSkillCode()), q.getStrategy(), q.getTimeoutSeconds(),
                q.getWrapupSeconds(), q.getMaxWaitSeconds(), q.enabledNow(), q.getRemark(), queues.countMembers(q.getId()),
                q.getRowVersion())).toList();
    }
}
