package cn.heatdesk.callcenter.call;

/**
 * Who an AMI queue member / phone is in HeatDesk terms.
 *
 * @param agentId the cc_agent row (null when the phone belongs to nobody in particular)
 * @param userId  the HeatDesk user signed in on / bound to the phone: screen pops go to this user
 */
public record AgentRef(Long agentId, long userId, String jobNo, String name) {
}
