package cn.heatdesk.monitor.api;

import java.util.Map;

/**
 * A request for approval of one action on one business object, made by the current user.
 *
 * @param bizType one of {@link ApprovalBizTypes} with a registered {@link ApprovalHandler}
 * @param bizId   the business object (ticket id, …)
 * @param action  what should happen once approved (for tickets a TicketAction name: DELAY, VOID …)
 * @param reason  why; mandatory
 * @param payload everything needed to carry the action out later (for tickets the TicketCommand fields); stored as
 *                JSON and handed back to the handler on approval
 */
public record ApprovalRequest(String bizType, Long bizId, String action, String reason, Map<String, Object> payload) {
}
