package cn.heatdesk.callcenter.lost;

import java.time.LocalDateTime;

/** One lost call as the list reads it from cc_call (MyBatis maps the public fields). */
public class LostCallRow {
    public Long id;
    public Long gatewayId;
    public String linkedid;
    public String callerEnc;
    public String callerIdx;
    public String callerMask;
    public String did;
    public String queueName;
    public String callResult;
    public LocalDateTime startedAt;
    public LocalDateTime queuedAt;
    public LocalDateTime endedAt;
    public Long waitMs;
    public Integer ringAttempts;
    public Long householdId;
    public String cause;
    public String lostState;
}
