package cn.heatdesk.callcenter.call;

import java.util.Optional;

/**
 * Maps what AMI tells about an agent (the member interface, e.g. {@code PJSIP/8001}, or the MemberName given at
 * QueueAdd) to a HeatDesk agent. Implemented by the agent package (phones are bound to job numbers there); must be
 * cheap (an in-memory lookup): the tracker calls it on the event thread, also for every new channel.
 */
public interface AgentResolver {

    /** @param memberInterface a device ({@code PJSIP/8001}), never a channel name with its {@code -0000001e} suffix */
    Optional<AgentRef> byInterface(long gatewayId, String memberInterface);

    Optional<AgentRef> byMemberName(long gatewayId, String memberName);
}
