package cn.heatdesk.repair.mobile.sync;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** rp_check_in: a DAILY or SITE check-in with the device's GPS fix. */
public class CheckIn {
    public Long id;
    public Long userId;
    public String userName;
    public String checkType;
    public Long ticketId;
    public String ticketNo;
    public BigDecimal lat;
    public BigDecimal lng;
    public BigDecimal accuracy;
    public String address;
    public LocalDateTime clientTime;
    public LocalDateTime serverTime;
    public String opId;
    public String deviceId;
    public Long subsidiaryId;
    public String orgPath;
}
