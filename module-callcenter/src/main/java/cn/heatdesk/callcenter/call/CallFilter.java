package cn.heatdesk.callcenter.call;

import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDateTime;

/**
 * Search conditions of the call list (query parameters). {@code number} matches the caller or the called number
 * exactly (any format) through the blind indexes; times bound {@code started_at} ({@code from} inclusive,
 * {@code to} exclusive).
 */
public class CallFilter {
    private String number;
    private Long agentUserId;
    private Long agentId;
    private String agentJobNo;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime from;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime to;
    private String queue;
    private String result;
    private String direction;
    private Long gatewayId;
    private String status;
    /** missed inbound calls (ABANDONED / NO_ANSWER) with ({@code DONE}) or without ({@code PENDING}) a callback */
    private String callbackState;
    /** set by the service from {@link #number} */
    private String numberIdx;

    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number; }
    public Long getAgentUserId() { return agentUserId; }
    public void setAgentUserId(Long agentUserId) { this.agentUserId = agentUserId; }
    public Long getAgentId() { return agentId; }
    public void setAgentId(Long agentId) { this.agentId = agentId; }
    public String getAgentJobNo() { return agentJobNo; }
    public void setAgentJobNo(String agentJobNo) { this.agentJobNo = agentJobNo; }
    public LocalDateTime getFrom() { return from; }
    public void setFrom(LocalDateTime from) { this.from = from; }
    public LocalDateTime getTo() { return to; }
    public void setTo(LocalDateTime to) { this.to = to; }
    public String getQueue() { return queue; }
    public void setQueue(String queue) { this.queue = queue; }
    public String getResult() { return result; }
    public void setResult(String result) { this.result = result; }
    public String getDirection() { return direction; }
    public void setDirection(String direction) { this.direction = direction; }
    public Long getGatewayId() { return gatewayId; }
    public void setGatewayId(Long gatewayId) { this.gatewayId = gatewayId; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getCallbackState() { return callbackState; }
    public void setCallbackState(String callbackState) { this.callbackState = callbackState; }
    public String getNumberIdx() { return numberIdx; }
    public void setNumberIdx(String numberIdx) { this.numberIdx = numberIdx; }

    String describe() {
        StringBuilder b = new StringBuilder();
        append(b, "号码", number == null ? null : "（已脱敏）");
        append(b, "坐席用户", agentUserId);
        append(b, "坐席", agentId);
        append(b, "工号", agentJobNo);
        append(b, "开始", from);
        append(b, "截止", to);
        append(b, "队列", queue);
        append(b, "结果", result);
        append(b, "方向", direction);
        append(b, "网关", gatewayId);
        append(b, "状态", status);
        append(b, "回拨", callbackState == null ? null : CallCodes.label(CallCodes.CALLBACK_STATE_LABELS, callbackState));
        return b.isEmpty() ? "无" : b.toString();
    }

    private static void append(StringBuilder b, String name, Object v) {
        if (v != null && !v.toString().isBlank()) {
            b.append(b.isEmpty() ? "" : "，").append(name).append('=').append(v);
        }
    }
}
