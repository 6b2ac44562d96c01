package cn.heatdesk.callcenter.call;

import java.time.LocalDateTime;

/** cc_call_leg: one channel of a call. */
public class CallLegRow implements Cloneable {
    public Long id;
    public long callId;
    public String channel;
    public String uniqueid;
    public String party;
    public String numberMask;
    public Long agentUserId;
    public String agentName;
    public LocalDateTime startedAt;
    public LocalDateTime answeredAt;
    public LocalDateTime endedAt;
    public Integer hangupCause;
    public String hangupText;
    /** music on hold on this channel after the call was answered */
    public Long holdMs;
    public long subsidiaryId;
    public String orgPath;

    /** a shallow copy: what the write-behind writes while the tracker goes on changing the original */
    CallLegRow copy() {
        try {
            return (CallLegRow) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
