package cn.heatdesk.callcenter.call;

import cn.heatdesk.baseinfo.api.CallerPanel;

import java.time.LocalDateTime;

/**
 * Pushed on topic {@code screenpop} to the agent a call is ringing. {@code callId} is what the console passes as
 * the ticket's callId. {@code callerNumber} is masked unless the agent holds callcenter:number:view;
 * {@code unknownNumber}: no household is bound to the number, the console opens bind-or-create.
 */
public record ScreenPopMessage(String callId, String linkedid, String gatewayId, String queue, String did,
                               String callerNumber, boolean numberMasked, boolean unknownNumber, boolean blacklisted,
                               CallerPanel panel, String agentJobNo, LocalDateTime ringingAt) {
}
