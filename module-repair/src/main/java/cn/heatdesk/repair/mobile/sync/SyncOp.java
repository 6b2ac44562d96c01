package cn.heatdesk.repair.mobile.sync;

import java.time.LocalDateTime;

/** rp_sync_op: one pushed command that was applied or rejected, with its stored result. */
public class SyncOp {
    public Long id;
    public String opId;
    public Long userId;
    public String userName;
    public String deviceId;
    public long seq;
    public String opType;
    public Long ticketId;
    public String ticketNo;
    public String payloadJson;
    public String status;
    public String reasonCode;
    public String message;
    public String resultJson;
    public Integer ticketVersion;
    public LocalDateTime clientTime;
    public LocalDateTime serverTime;
    public Long reviewedBy;
    public String reviewedByName;
    public LocalDateTime reviewedAt;
    public String reviewNote;
    public Long subsidiaryId;
    public String orgPath;
}
