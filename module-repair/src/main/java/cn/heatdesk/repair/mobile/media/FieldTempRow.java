package cn.heatdesk.repair.mobile.media;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** rp_field_temp: a room temperature measured on site for a ticket. */
public class FieldTempRow {

    private Long id;
    private long ticketId;
    private Long householdId;
    private String householdCode;
    private BigDecimal indoorTemp;
    private LocalDateTime measuredAt;
    private String roomName;
    private String note;
    private Long baseReadingId;
    private LocalDateTime forwardedAt;
    private int forwardAttempts;
    private String forwardError;
    private String opId;
    private String deviceId;
    private long userId;
    private String userName;
    private Long subsidiaryId;
    private String orgPath;
    private LocalDateTime createdAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public long getTicketId() { return ticketId; }
    public void setTicketId(long ticketId) { this.ticketId = ticketId; }
    public Long getHouseholdId() { return householdId; }
    public void setHouseholdId(Long householdId) { this.householdId = householdId; }
    public String getHouseholdCode() { return householdCode; }
    public void setHouseholdCode(String householdCode) { this.householdCode = householdCode; }
    public BigDecimal getIndoorTemp() { return indoorTemp; }
    public void setIndoorTemp(BigDecimal indoorTemp) { this.indoorTemp = indoorTemp; }
    public LocalDateTime getMeasuredAt() { return measuredAt; }
    public void setMeasuredAt(LocalDateTime measuredAt) { this.measuredAt = measuredAt; }
    public String getRoomName() { return roomName; }
    public void setRoomName(String roomName) { this.roomName = roomName; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public Long getBaseReadingId() { return baseReadingId; }
    public void setBaseReadingId(Long baseReadingId) { this.baseReadingId = baseReadingId; }
    public LocalDateTime getForwardedAt() { return forwardedAt; }
    public void setForwardedAt(LocalDateTime forwardedAt) { this.forwardedAt = forwardedAt; }
    public int getForwardAttempts() { return forwardAttempts; }
    public void setForwardAttempts(int forwardAttempts) { this.forwardAttempts = forwardAttempts; }
    public String getForwardError() { return forwardError; }
    public void setForwardError(String forwardError) { this.forwardError = forwardError; }
    public String getOpId() { return opId; }
    public void setOpId(String opId) { this.opId = opId; }
    public String getDeviceId() { return deviceId; }
    public void setDeviceId(String deviceId) { this.deviceId = deviceId; }
    public long getUserId() { return userId; }
    public void setUserId(long userId) { this.userId = userId; }
    public String getUserName() { return userName; }
    public void setUserName(String userName) { this.userName = userName; }
    public Long getSubsidiaryId() { return subsidiaryId; }
    public void setSubsidiaryId(Long subsidiaryId) { this.subsidiaryId = subsidiaryId; }
    public String getOrgPath() { return orgPath; }
    public void setOrgPath(String orgPath) { this.orgPath = orgPath; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
}
