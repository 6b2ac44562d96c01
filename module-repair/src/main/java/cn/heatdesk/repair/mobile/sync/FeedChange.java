package cn.heatdesk.repair.mobile.sync;

/** rp_sync_change: one entry of a field user's change feed (TICKET or TICKET_REMOVED with a reason). */
public class FeedChange {
    public Long id;
    public Long userId;
    public long seq;
    public String changeKind;
    public Long ticketId;
    public String reasonCode;
    public Integer ticketVersion;
    public Long subsidiaryId;
    public String orgPath;
    public java.time.LocalDateTime createdAt;
}
