package cn.heatdesk.callcenter.lost;

import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDateTime;

/**
 * Conditions of the lost-call list and report (query parameters). {@code from}/{@code to} bound the call's start
 * ({@code from} inclusive, {@code to} exclusive); without them the last 7 days.
 */
public class LostCallFilter {
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime from;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime to;
    private String number;
    private String queue;
    private Long gatewayId;
    private String cause;
    /** PENDING, TRIED, DONE, MESSAGE, RECALLED or OPEN (PENDING + TRIED) */
    private String state;
    /** only numbers lost at least the repeat threshold within [from, to) */
    private Boolean repeatedOnly;
    /** set by the service */
    private String numberIdx;
    private Integer repeatThreshold;

    public LocalDateTime getFrom() { return from; }
    public void setFrom(LocalDateTime from) { this.from = from; }
    public LocalDateTime getTo() { return to; }
    public void setTo(LocalDateTime to) { this.to = to; }
    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number; }
    public String getQueue() { return queue; }
    public void setQueue(String queue) { this.queue = queue; }
    public Long getGatewayId() { return gatewayId; }
    public void setGatewayId(Long gatewayId) { this.gatewayId = gatewayId; }
    public String getCause() { return cause; }
    public void setCause(String cause) { this.cause = cause; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public Boolean getRepeatedOnly() { return repeatedOnly; }
    public void setRepeatedOnly(Boolean repeatedOnly) { this.repeatedOnly = repeatedOnly; }
    public String getNumberIdx() { return numberIdx; }
    public void setNumberIdx(String numberIdx) { this.numberIdx = numberIdx; }
    public Integer getRepeatThreshold() { return repeatThreshold; }
    public void setRepeatThreshold(Integer repeatThreshold) { this.repeatThreshold = repeatThreshold; }

    String describe() {
        StringBuilder b = new StringBuilder();
        append(b, "开始", from);
        append(b, "截止", to);
        append(b, "号码", number == null || number.isBlank() ? null : "（已脱敏）");
        append(b, "队列", queue);
        append(b, "网关", gatewayId);
        append(b, "原因", cause == null ? null : LostCallCodes.label(LostCallCodes.CAUSE_LABELS, cause));
        append(b, "处理状态", state == null ? null : stateLabel(state));
        append(b, "仅重复呼损", Boolean.TRUE.equals(repeatedOnly) ? "是" : null);
        return b.isEmpty() ? "无" : b.toString();
    }

    private static String stateLabel(String state) {
        return LostCallCodes.OPEN.equals(state) ? "待处理" : LostCallCodes.label(LostCallCodes.STATE_LABELS, state);
    }

    private static void append(StringBuilder b, String name, Object v) {
        if (v != null && !v.toString().isBlank()) {
            b.append(b.isEmpty() ? "" : "，").append(name).append('=').append(v);
        }
    }
}
