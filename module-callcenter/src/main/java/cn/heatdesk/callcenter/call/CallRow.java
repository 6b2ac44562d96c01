package cn.heatdesk.callcenter.call;

import java.time.LocalDateTime;

/**
 * cc_call. Public fields: a persistence record mutated only by the tracker on the call's own event thread
 * (MyBatis maps fields without accessors).
 */
public class CallRow implements Cloneable {
    public Long id;
    public long gatewayId;
    public String linkedid;
    public String direction;
    public String callerEnc;
    public String callerIdx;
    public String callerMask;
    public String calledEnc;
    public String calledIdx;
    public String calledMask;
    public String did;
    public String queueName;
    public Long agentId;
    public Long agentUserId;
    public String agentJobNo;
    public String agentName;
    public String agentInterface;
    public LocalDateTime startedAt;
    public LocalDateTime queuedAt;
    public LocalDateTime firstRingAt;
    public LocalDateTime answeredAt;
    public LocalDateTime endedAt;
    public Long waitMs;
    public Long ringMs;
    public Long talkMs;
    public Long holdMs;
    public int ringAttempts;
    public String hangupBy;
    /** the agent who ended the call when {@link #hangupBy} is AGENT (cc_agent id; null when not known) */
    public Long hangupAgentId;
    public String hangupAgentName;
    /** a callback (CTI callback/{callId}): the missed call it returns */
    public Long callbackOf;
    public String callResult;
    public Long recordingId;
    public Long householdId;
    public Integer surveyScore;
    public Integer surveyScore2;
    public String status;
    public int adopted;
    public int reconciled;
    public long subsidiaryId;
    public String orgPath;
    public int rowVersion;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;

    /** a shallow copy: what the write-behind writes while the tracker goes on changing the original */
    CallRow copy() {
        try {
            return (CallRow) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
