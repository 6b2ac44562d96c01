package cn.heatdesk.repair.mobile.sync;

import java.time.LocalDateTime;

/** rp_fill_back: a handling result filled back from the group template; COMPLETE takes the latest. */
public class FillBack {
    public Long id;
    public Long ticketId;
    public Long userId;
    public String handlingResult;
    public String parts;
    public Integer durationMinutes;
    public String answersJson;
    public String opId;
    public LocalDateTime createdAt;
    public Long subsidiaryId;
    public String orgPath;
}
