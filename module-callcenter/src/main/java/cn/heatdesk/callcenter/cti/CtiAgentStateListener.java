package cn.heatdesk.callcenter.cti;

import cn.heatdesk.callcenter.agent.Agent;
import cn.heatdesk.callcenter.agent.AgentInput;
import cn.heatdesk.callcenter.agent.AgentLookup;
import cn.heatdesk.callcenter.agent.AgentMapper;
import cn.heatdesk.callcenter.agent.AgentService;
import cn.heatdesk.callcenter.agent.AgentState;
import cn.heatdesk.callcenter.ami.GatewayEvent;
import cn.heatdesk.callcenter.ami.GatewayEventListener;
import org.asteriskjava.manager.event.BridgeDestroyEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Agent state for calls that do not go through a queue (click-to-dial, callback, transfers to an agent, pickup):
 * app_queue sends no AgentConnect/AgentComplete for them, so the agent would stay IDLE while talking and keep being
 * offered queue calls. An agent phone's leg sharing a bridge with another channel drives CONNECT (TALKING); the
 * hang-up of the leg of the call the agent talks on drives COMPLETE (wrap-up). Queue calls are unaffected: their
 * AgentConnect comes before the bridge (CONNECT is then refused as a duplicate by the state machine) and their
 * AgentComplete before the agent leg's hang-up. A held leg (in cti-hold-agent) left its bridge but did not hang up,
 * so the agent stays TALKING.
 */
@Component
public class CtiAgentStateListener implements GatewayEventListener {

    private static final Logger log = LoggerFactory.getLogger(CtiAgentStateListener.class);

    private final AgentService agents;
    private final AgentMapper mapper;
    private final AgentLookup lookup;
    /** (gateway, bridge id) → channel → linkedid of the channels in it */
    private final Map<String, Map<String, String>> bridges = new ConcurrentHashMap<>();

    public CtiAgentStateListener(AgentService agents, AgentMapper mapper, AgentLookup lookup) {
        this.agents = agents;
        this.mapper = mapper;
        this.lookup = lookup;
    }

    private static final Set<Class<? extends ManagerEvent>> EVENTS = Set.of(BridgeEnterEvent.class,
            BridgeLeaveEvent.class, BridgeDestroyEvent.class, HangupEvent.class);

    @Override
    public Set<Class<? extends ManagerEvent>> eventTypes() {
        return EVENTS;
    }

    @Override
    public void onEvent(GatewayEvent e) {
        ManagerEvent ev = e.event();
        long gw = e.gatewayId();
        try {
            if (ev instanceof BridgeEnterEvent b && b.getBridgeUniqueId() != null && b.getChannel() != null) {
                Map<String, String> members = bridges.computeIfAbsent(gw + "/" + b.getBridgeUniqueId(),
                        k -> new LinkedHashMap<>());
                Map<String, String> copy;
                synchronized (members) {
                    members.put(b.getChannel(), b.getLinkedId());
                    copy = new LinkedHashMap<>(members);
                }
                if (copy.size() >= 2) {
                    copy.forEach((channel, linkedid) -> connect(gw, channel, linkedid));
                }
            } else if (ev instanceof BridgeLeaveEvent b && b.getBridgeUniqueId() != null) {
                Map<String, String> members = bridges.get(gw + "/" + b.getBridgeUniqueId());
                if (members != null) {
                    synchronized (members) {
                        members.remove(b.getChannel());
                    }
                }
            } else if (ev instanceof BridgeDestroyEvent b && b.getBridgeUniqueId() != null) {
                bridges.remove(gw + "/" + b.getBridgeUniqueId());
            } else if (ev instanceof HangupEvent h) {
                complete(gw, h.getChannel(), h.getLinkedId());
            }
        } catch (RuntimeException ex) {
            log.warn("gateway {}: agent state from {} failed: {}", gw, ev.getClass().getSimpleName(), ex.toString());
        }
    }

    @Override
    public void onDisconnected(long gatewayId) {
        // bridges are re-learnt from the next events; a stale entry would only repeat a refused CONNECT
        bridges.keySet().removeIf(k -> k.startsWith(gatewayId + "/"));
    }

    private void connect(long gw, String channel, String linkedid) {
        agentOf(gw, channel).ifPresent(a -> {
            if (a.state() != AgentState.TALKING && a.state() != AgentState.SIGNED_OUT) {
                agents.onAmi(a.getId(), AgentInput.CONNECT, linkedid, null);
            }
        });
    }

    private void complete(long gw, String channel, String linkedid) {
        agentOf(gw, channel).ifPresent(a -> {
            if (a.state() == AgentState.TALKING && (a.getCurrentCall() == null || a.getCurrentCall().equals(linkedid))) {
                agents.onAmi(a.getId(), AgentInput.COMPLETE, linkedid, null);
            }
        });
    }

    private Optional<Agent> agentOf(long gw, String channel) {
        // the binding snapshot tells without the database whether the channel is an agent's phone at all
        return lookup.byInterface(gw, channel).map(r -> mapper.selectByIdUnscoped(r.agentId()));
    }
}
