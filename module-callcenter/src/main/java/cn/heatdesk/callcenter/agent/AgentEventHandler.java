package cn.heatdesk.callcenter.agent;

import cn.heatdesk.callcenter.ami.GatewayActions;
import cn.heatdesk.callcenter.ami.GatewayEvent;
import cn.heatdesk.callcenter.ami.GatewayEventListener;
import cn.heatdesk.callcenter.gateway.AfterCommit;
import cn.heatdesk.callcenter.gateway.Phone;
import cn.heatdesk.callcenter.gateway.PhoneService;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.PJSipShowEndpointsAction;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;
import org.asteriskjava.manager.event.EndpointList;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueMemberPauseEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Drives the agent state machine from a gateway's AMI events and keeps Asterisk's queue members in line with the
 * database:
 * <ul>
 *   <li>AgentCalled → RING, AgentConnect → CONNECT, AgentComplete → COMPLETE (wrap-up), AgentRingNoAnswer →
 *       RING_TIMEOUT, QueueCallerAbandon → ABANDON, Hangup of a ringing agent's channel → HANGUP;</li>
 *   <li>QueueMemberPause showing a pause the database does not have → the database's pause is sent back;
 *       QueueMemberRemoved of a signed-in agent's membership → added back;</li>
 *   <li>DeviceStateChange of {@code PJSIP/<endpoint>} → the phone's registration cache (pushed live); after every
 *       login all endpoints' states are read once with PJSIPShowEndpoints;</li>
 *   <li>after every (re)login: calls that no longer exist end (ring back, talk → wrap-up; after an Asterisk restart
 *       all of them), then every signed-in agent's memberships and pauses are pushed back (QueueAdd, tolerant of
 *       "Already there", then QueuePause/QueuePenalty).</li>
 * </ul>
 * Agents are found by the member interface ({@code PJSIP/<endpoint>} of their bound phone), so the MemberName
 * Asterisk reports does not matter.
 */
@Component
public class AgentEventHandler implements GatewayEventListener {

    private static final Logger log = LoggerFactory.getLogger(AgentEventHandler.class);

    private final AgentService agents;
    private final AgentMapper mapper;
    private final PhoneService phones;
    private final AgentLookup lookup;
    private final QueueMembers members;
    private final ObjectProvider<GatewayActions> actions;

    public AgentEventHandler(AgentService agents, AgentMapper mapper, PhoneService phones, AgentLookup lookup,
                             QueueMembers members, ObjectProvider<GatewayActions> actions) {
        this.agents = agents;
        this.mapper = mapper;
        this.phones = phones;
        this.lookup = lookup;
        this.members = members;
        this.actions = actions;
    }

    /** the pauses the state changes of these events sent later (wrap-up …) are out */
    @Override
    public boolean awaitIdle(java.time.Duration timeout) throws InterruptedException {
        return members.awaitLater(timeout);
    }

    private static final Set<Class<? extends ManagerEvent>> EVENTS = Set.of(AgentCalledEvent.class,
            AgentConnectEvent.class, AgentCompleteEvent.class, AgentRingNoAnswerEvent.class, QueueCallerAbandonEvent.class,
            HangupEvent.class, QueueMemberPauseEvent.class, QueueMemberRemovedEvent.class, DeviceStateChangeEvent.class);

    @Override
    public Set<Class<? extends ManagerEvent>> eventTypes() {
        return EVENTS;
    }

    @Override
    public void onEvent(GatewayEvent e) {
        ManagerEvent ev = e.event();
        long gw = e.gatewayId();
        try {
            if (ev instanceof AgentCalledEvent c) {
                agentOf(gw, first(c.getInterface(), c.getAgentCalled()))
                        .ifPresent(id -> agents.onAmi(id, AgentInput.RING, c.getLinkedId(), c.getQueue()));
            } else if (ev instanceof AgentConnectEvent c) {
                agentOf(gw, first(c.getInterface(), c.getMember()))
                        .ifPresent(id -> agents.onAmi(id, AgentInput.CONNECT, c.getLinkedId(), c.getQueue()));
            } else if (ev instanceof AgentCompleteEvent c) {
                agentOf(gw, first(c.getInterface(), c.getMember()))
                        .ifPresent(id -> agents.onAmi(id, AgentInput.COMPLETE, c.getLinkedId(), c.getQueue()));
            } else if (ev instanceof AgentRingNoAnswerEvent c) {
                agentOf(gw, first(c.getInterface(), c.getMember()))
                        .ifPresent(id -> agents.onAmi(id, AgentInput.RING_TIMEOUT, c.getLinkedId(), c.getQueue()));
            } else if (ev instanceof QueueCallerAbandonEvent c) {
                if (c.getLinkedId() != null) {
                    for (Long id : mapper.selectIdsByCall(gw, c.getLinkedId())) {
                        agents.onAmi(id, AgentInput.ABANDON, c.getLinkedId(), c.getQueue());
                    }
                }
            } else if (ev instanceof HangupEvent h) {
                hangup(gw, h);
            } else if (ev instanceof QueueMemberPauseEvent p) {
                agentOf(gw, p.getInterface()).ifPresent(id ->
                        agents.correctPause(id, p.getQueue(), Boolean.TRUE.equals(p.getPaused())));
            } else if (ev instanceof QueueMemberRemovedEvent r) {
                agentOf(gw, r.getInterface()).ifPresent(id -> {
                    if (agents.restoreMember(id, r.getQueue())) {
                        log.info("gateway {}: member {} of queue {} was removed outside HeatDesk; added back", gw,
                                r.getInterface(), r.getQueue());
                    }
                });
            } else if (ev instanceof DeviceStateChangeEvent d) {
                deviceState(gw, d);
            }
        } catch (RuntimeException ex) {
            log.warn("gateway {}: handling {} failed: {}", gw, ev.getClass().getSimpleName(), ex.toString());
        }
    }

    @Override
    public void onConnected(long gatewayId, boolean restarted) {
        refreshRegistrations(gatewayId);
        List<Agent> signedIn = agents.signedIn(gatewayId);
        if (signedIn.isEmpty()) {
            return;
        }
        Set<String> live = restarted ? Set.of() : liveCalls(gatewayId);
        int ended = 0;
        int failed = 0;
        for (Agent a : signedIn) {
            try {
                boolean inCall = a.state() == AgentState.RINGING || a.state() == AgentState.TALKING;
                if (inCall && live != null && (a.getCurrentCall() == null || !live.contains(a.getCurrentCall()))) {
                    if (agents.callGone(a.getId(), restarted ? "网关重启，通话已中断" : "网关重连后通话已不存在")) {
                        ended++;
                    }
                }
                failed += agents.resyncMembers(a.getId());
            } catch (RuntimeException ex) {
                failed++;
                log.warn("gateway {}: resync of agent {} failed: {}", gatewayId, a.getJobNo(), ex.toString());
            }
        }
        log.info("gateway {} {}: {} signed-in agents pushed back to the queues, {} calls ended, {} memberships failed",
                gatewayId, restarted ? "restarted" : "reconnected", signedIn.size(), ended, failed);
    }

    /** linkedids of the channels alive on the gateway; null when they cannot be read (calls are then left alone) */
    private Set<String> liveCalls(long gatewayId) {
        GatewayActions ga = actions.getIfAvailable();
        if (ga == null) {
            return null;
        }
        try {
            Set<String> out = new HashSet<>();
            for (ResponseEvent r : ga.sendList(gatewayId, new CoreShowChannelsAction())) {
                if (r instanceof CoreShowChannelEvent c && c.getLinkedid() != null) {
                    out.add(c.getLinkedid());
                }
            }
            return out;
        } catch (RuntimeException ex) {
            log.warn("gateway {}: CoreShowChannels failed, calls are not reconciled: {}", gatewayId, ex.toString());
            return null;
        }
    }

    /**
     * The registration state of every PJSIP endpoint (PJSIPShowEndpoints), so the binding page is right from the
     * first login on, not only after the next DeviceStateChange. Best effort: a gateway that refuses the action keeps
     * the cached states.
     */
    void refreshRegistrations(long gatewayId) {
        GatewayActions ga = actions.getIfAvailable();
        if (ga == null) {
            return;
        }
        try {
            int changed = 0;
            for (ResponseEvent r : ga.sendList(gatewayId, new PJSipShowEndpointsAction())) {
                if (r instanceof EndpointList ep && ep.getObjectName() != null && ep.getDevicestate() != null) {
                    String state = deviceState(ep.getDevicestate());
                    changed += phones.deviceState(gatewayId, "PJSIP/" + ep.getObjectName(), state).map(p -> {
                        pushPhoneState(gatewayId, p);
                        return 1;
                    }).orElse(0);
                }
            }
            log.debug("gateway {}: {} phone registrations changed", gatewayId, changed);
        } catch (RuntimeException ex) {
            log.warn("gateway {}: PJSIPShowEndpoints failed, phone registrations not refreshed: {}", gatewayId, ex.toString());
        }
    }

    /** PJSIPShowEndpoints' DeviceState text ("Not in use", "Unavailable" …) in DeviceStateChange's words */
    static String deviceState(String text) {
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "not in use" -> "NOT_INUSE";
            case "in use" -> "INUSE";
            case "ring+inuse" -> "RINGINUSE";
            case "on hold" -> "ONHOLD";
            default -> text.strip().toUpperCase(java.util.Locale.ROOT).replace(' ', '_');
        };
    }

    /** the ringing leg of an agent went away (another member answered, the caller left, …) */
    private void hangup(long gw, HangupEvent h) {
        if (h.getLinkedId() == null) {
            return;
        }
        // only the hang-up of an agent's own phone matters: the binding snapshot answers without the database
        Optional<Long> id = agentOf(gw, h.getChannel());
        if (id.isEmpty()) {
            return;
        }
        Agent a = mapper.selectByIdUnscoped(id.get());
        if (a != null && a.state() == AgentState.RINGING && h.getLinkedId().equals(a.getCurrentCall())) {
            agents.onAmi(a.getId(), AgentInput.HANGUP, h.getLinkedId(), a.getCurrentQueue());
        }
    }

    private void deviceState(long gw, DeviceStateChangeEvent d) {
        if (PhoneService.endpointOf(d.getDevice()) == null) {
            return; // Queue:… and other pseudo devices
        }
        phones.deviceState(gw, d.getDevice(), d.getState()).ifPresent(p -> pushPhoneState(gw, p));
    }

    private void pushPhoneState(long gw, Phone p) {
        Agent a = mapper.selectByPhoneId(p.getId());
        AgentViews.PhoneStateEvent push = new AgentViews.PhoneStateEvent("PHONE_STATE", p.getId(), gw,
                p.getExtension(), p.getRegistered() != null && p.getRegistered() == 1, p.getDeviceState(),
                a == null ? null : a.getId(), p.getStateUpdatedAt());
        long subsidiaryId = p.getSubsidiaryId() == null ? 0L : p.getSubsidiaryId();
        AfterCommit.run(() -> agents.pushPhone(push, a == null ? null : a.getUserId(), subsidiaryId, p.getOrgPath()));
    }

    /** the agent bound to the phone of a channel or member interface, from the in-memory binding snapshot */
    private Optional<Long> agentOf(long gw, String iface) {
        if (iface == null) {
            return Optional.empty();
        }
        return lookup.byInterface(gw, iface).map(cn.heatdesk.callcenter.call.AgentRef::agentId);
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
