package cn.heatdesk.repair.dispatch;

import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDateTime;

/** Filters of the station pools (待分派 / 已分派); empty values mean "any". */
public class StationTicketQuery {

    /** STATION_PENDING (default) or STATION_ASSIGNED */
    private String pool;
    private String ticketNo;
    private String keyword;
    private String ticketType;
    private String urgency;
    /** NORMAL / NEAR / OVERDUE */
    private String timing;
    private Long workerId;
    /** for users above one station (subsidiary, group): narrow to one station */
    private Long stationOrgId;
    private Boolean supervised;
    private Boolean overLevel;
    /** deadline at or before this time */
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime deadlineBefore;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime createdFrom;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime createdTo;

    public String getPool() { return pool; }
    public void setPool(String pool) { this.pool = pool; }
    public String getTicketNo() { return ticketNo; }
    public void setTicketNo(String ticketNo) { this.ticketNo = ticketNo; }
    public String getKeyword() { return keyword; }
    public void setKeyword(String keyword) { this.keyword = keyword; }
    public String getTicketType() { return ticketType; }
    public void setTicketType(String ticketType) { this.ticketType = ticketType; }
    public String getUrgency() { return urgency; }
    public void setUrgency(String urgency) { this.urgency = urgency; }
    public String getTiming() { return timing; }
    public void setTiming(String timing) { this.timing = timing; }
    public Long getWorkerId() { return workerId; }
    public void setWorkerId(Long workerId) { this.workerId = workerId; }
    public Long getStationOrgId() { return stationOrgId; }
    public void setStationOrgId(Long stationOrgId) { this.stationOrgId = stationOrgId; }
    public Boolean getSupervised() { return supervised; }
    public void setSupervised(Boolean supervised) { this.supervised = supervised; }
    public Boolean getOverLevel() { return overLevel; }
    public void setOverLevel(Boolean overLevel) { this.overLevel = overLevel; }
    public LocalDateTime getDeadlineBefore() { return deadlineBefore; }
    public void setDeadlineBefore(LocalDateTime deadlineBefore) { this.deadlineBefore = deadlineBefore; }
    public LocalDateTime getCreatedFrom() { return createdFrom; }
    public void setCreatedFrom(LocalDateTime createdFrom) { this.createdFrom = createdFrom; }
    public LocalDateTime getCreatedTo() { return createdTo; }
    public void setCreatedTo(LocalDateTime createdTo) { this.createdTo = createdTo; }
}
