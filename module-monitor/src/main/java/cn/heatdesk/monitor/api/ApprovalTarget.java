package cn.heatdesk.monitor.api;

/**
 * What an approval is bound to, as its {@link ApprovalHandler} describes it: the number shown to users and the
 * org the object belongs to, which decides who approves (station lead of {@code stationOrgId}, admins of
 * {@code subsidiaryId}, the group) and who sees the approval (data scope by {@code orgPath}).
 *
 * @param subsidiaryId null for group-level objects (their approvals go to the group)
 * @param stationOrgId the repair station in charge, if any
 * @param payloadJson  the payload to store, normalised by the handler (null: the request's payload as JSON)
 */
public record ApprovalTarget(String bizNo, Long subsidiaryId, String orgPath, Long stationOrgId, String payloadJson) {
}
