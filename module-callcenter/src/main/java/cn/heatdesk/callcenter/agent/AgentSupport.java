package cn.heatdesk.callcenter.agent;

import cn.heatdesk.callcenter.gateway.CallQueue;
import cn.heatdesk.callcenter.gateway.Gateway;
import cn.heatdesk.callcenter.gateway.GatewayMapper;
import cn.heatdesk.callcenter.gateway.Phone;
import cn.heatdesk.callcenter.gateway.PhoneMapper;
import cn.heatdesk.callcenter.gateway.QueueMapper;
import cn.heatdesk.callcenter.gateway.QueueService;
import cn.heatdesk.settings.api.DictionaryApi;
import cn.heatdesk.settings.api.UserApi;
import cn.heatdesk.settings.api.UserInfo;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Shared reads of the agent services: an agent's queue memberships as Asterisk must have them, and views. */
@Component
public class AgentSupport {

    public static final String BUSY_REASON_DICT = "busy_reason";
    public static final String BREAK_REASON_DICT = "break_reason";

    private final AgentSkillMapper skills;
    private final PhoneMapper phones;
    private final QueueMapper queues;
    private final GatewayMapper gateways;
    private final UserApi users;
    private final DictionaryApi dictionaries;

    public AgentSupport(AgentSkillMapper skills, PhoneMapper phones, QueueMapper queues, GatewayMapper gateways,
                        UserApi users, DictionaryApi dictionaries) {
        this.skills = skills;
        this.phones = phones;
        this.queues = queues;
        this.gateways = gateways;
        this.users = users;
        this.dictionaries = dictionaries;
    }

    /** MemberName in Asterisk: "<jobNo> <name>", so queue_log and the CLI show who it is */
    public static String memberName(Agent a) {
        return a.getJobNo() + " " + a.getAgentName();
    }

    public Phone phone(Agent a) {
        return a.getPhoneId() == null ? null : phones.selectByIdUnscoped(a.getPhoneId());
    }

    private record Cached<T>(T value, long at) {
        boolean fresh() {
            return System.nanoTime() - at < CACHE_NANOS;
        }
    }

    /** a bound phone or a queue's wrap-up changes rarely (a phone only while nobody is signed in on it) */
    private static final long CACHE_NANOS = java.time.Duration.ofSeconds(10).toNanos();
    private final Map<Long, Cached<Phone>> phoneCache = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Cached<Integer>> wrapupCache = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The agent's phone for state changes Asterisk or a timer drives (several per call, on the event lanes): at most
     * ten seconds old. Commands read it fresh through {@link #phone}.
     */
    public Phone phoneCached(Agent a) {
        if (a.getPhoneId() == null) {
            return null;
        }
        Cached<Phone> c = phoneCache.get(a.getPhoneId());
        if (c == null || !c.fresh()) {
            Phone p = phones.selectByIdUnscoped(a.getPhoneId());
            if (p == null) {
                phoneCache.remove(a.getPhoneId());
                return null;
            }
            c = new Cached<>(p, System.nanoTime());
            phoneCache.put(a.getPhoneId(), c);
        }
        return c.value();
    }

    /** the queues the agent is a member of, with penalties, on its phone's interface; enabled queues only */
    public List<QueueMembers.Member> members(Agent a, Phone phone) {
        if (phone == null) {
            return List.of();
        }
        List<AgentSkill> list = skills.selectByAgent(a.getId());
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, CallQueue> byId = queuesById(list.stream().map(AgentSkill::getQueueId).toList());
        List<QueueMembers.Member> out = new ArrayList<>();
        for (AgentSkill s : list) {
            CallQueue q = byId.get(s.getQueueId());
            if (q != null && q.enabledNow() && q.getGatewayId().equals(phone.getGatewayId())) {
                out.add(new QueueMembers.Member(q.getQueueName(), phone.iface(), memberName(a), s.getPenalty()));
            }
        }
        return out;
    }

    public Map<Long, CallQueue> queuesById(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return queues.selectByIdsUnscoped(ids).stream()
                .collect(Collectors.toMap(CallQueue::getId, Function.identity(), (x, y) -> x, LinkedHashMap::new));
    }

    /** wrap-up seconds of the queue a call came from (the default when unknown) */
    public int wrapupSeconds(Long gatewayId, String queueName) {
        if (gatewayId == null || queueName == null) {
            return QueueService.DEFAULT_WRAPUP;
        }
        String key = gatewayId + "|" + queueName;
        Cached<Integer> c = wrapupCache.get(key);
        if (c == null || !c.fresh()) {
            CallQueue q = queues.selectByName(gatewayId, queueName);
            c = new Cached<>(q == null ? QueueService.DEFAULT_WRAPUP : q.getWrapupSeconds(), System.nanoTime());
            wrapupCache.put(key, c);
        }
        return c.value();
    }

    public String reasonLabel(AgentState state, String code) {
        if (code == null) {
            return null;
        }
        return switch (state) {
            case BUSY -> dictionaries.label(BUSY_REASON_DICT, code);
            case BREAK -> dictionaries.label(BREAK_REASON_DICT, code);
            default -> code;
        };
    }

    public List<AgentViews.AgentView> views(List<Agent> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, UserInfo> userById = users.findAll(list.stream().map(Agent::getUserId).toList()).stream()
                .collect(Collectors.toMap(UserInfo::id, Function.identity(), (x, y) -> x));
        List<Long> phoneIds = list.stream().map(Agent::getPhoneId).filter(java.util.Objects::nonNull).toList();
        Map<Long, Phone> phoneById = phoneIds.isEmpty() ? Map.of() : phones.selectByIdsUnscoped(phoneIds).stream()
                .collect(Collectors.toMap(Phone::getId, Function.identity(), (x, y) -> x));
        List<Long> gatewayIds = list.stream().map(Agent::getGatewayId).filter(java.util.Objects::nonNull).distinct().toList();
        Map<Long, Gateway> gatewayById = gatewayIds.isEmpty() ? Map.of() : gateways.selectByIdsUnscoped(gatewayIds).stream()
                .collect(Collectors.toMap(Gateway::getId, Function.identity(), (x, y) -> x));
        Map<Long, List<AgentSkill>> skillsByAgent = skills.selectByAgents(list.stream().map(Agent::getId).toList()).stream()
                .collect(Collectors.groupingBy(AgentSkill::getAgentId));
        Map<Long, CallQueue> queueById = queuesById(skillsByAgent.values().stream().flatMap(List::stream)
                .map(AgentSkill::getQueueId).distinct().toList());
        Map<String, String> skillLabels = dictionaries.labels(QueueService.SKILL_DICT);
        Map<Long, List<AgentViews.SkillView>> skillViews = new HashMap<>();
        skillsByAgent.forEach((agentId, ss) -> skillViews.put(agentId, ss.stream().map(s -> {
            CallQueue q = queueById.get(s.getQueueId());
            return new AgentViews.SkillView(s.getQueueId(), q == null ? null : q.getQueueName(),
                    q == null ? null : q.getDisplayName(), q == null ? null : q.getSkillCode(),
                    q == null ? null : skillLabels.getOrDefault(q.getSkillCode(), q.getSkillCode()), s.getPenalty());
        }).toList()));
        List<AgentViews.AgentView> out = new ArrayList<>(list.size());
        for (Agent a : list) {
            UserInfo u = userById.get(a.getUserId());
            Phone p = a.getPhoneId() == null ? null : phoneById.get(a.getPhoneId());
            Gateway g = a.getGatewayId() == null ? null : gatewayById.get(a.getGatewayId());
            AgentState st = a.state();
            out.add(new AgentViews.AgentView(a.getId(), a.getUserId(), u == null ? null : u.username(), a.getJobNo(),
                    a.getAgentName(), u == null ? null : u.orgName(), a.getPhoneId(), p == null ? null : p.getExtension(),
                    a.getGatewayId(), g == null ? null : g.getGatewayName(),
                    p == null || p.getRegistered() == null ? null : p.getRegistered() == 1,
                    p == null ? null : p.getDeviceState(), st.name(), st.label(), a.getStateReason(),
                    reasonLabel(st, a.getStateReason()), a.getStateSince(), a.getStateUntil(), a.getCurrentCall(),
                    a.getCurrentQueue(), skillViews.getOrDefault(a.getId(), List.of()),
                    AgentStateMachine.allowed(st).stream().filter(i -> i.kind() != AgentInput.Kind.AMI)
                            .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(AgentInput.class))),
                    a.getRemark(), a.getRowVersion()));
        }
        return out;
    }
}
