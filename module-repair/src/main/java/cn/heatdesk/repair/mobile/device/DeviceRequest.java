package cn.heatdesk.repair.mobile.device;

import java.time.LocalDateTime;

/** rp_device_request: a re-binding request (PENDING, APPROVED, REJECTED, CANCELLED). */
public class DeviceRequest {
    public Long id;
    public Long userId;
    public String userName;
    public String deviceId;
    public String deviceName;
    public String platform;
    public String oldDeviceId;
    public String oldDeviceName;
    public String status;
    public LocalDateTime requestedAt;
    public Long decidedBy;
    public String decidedByName;
    public LocalDateTime decidedAt;
    public String decisionNote;
    public Long subsidiaryId;
    public String orgPath;
    public int rowVersion;
}
