package cn.heatdesk.repair.mobile.device;

import java.time.LocalDateTime;

/** rp_device: the one device a field user's account works on; {@code lastSeq} = contiguous pushed seq. */
public class Device {
    public Long id;
    public Long userId;
    public String userName;
    public String deviceId;
    public String deviceName;
    public String platform;
    public LocalDateTime boundAt;
    public Long boundBy;
    public LocalDateTime lastSeenAt;
    public long lastSeq;
    public Long subsidiaryId;
    public String orgPath;
    public int rowVersion;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
}
