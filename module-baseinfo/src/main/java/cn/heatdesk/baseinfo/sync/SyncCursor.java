package cn.heatdesk.baseinfo.sync;

import java.time.LocalDateTime;

/** Row of bi_sync_cursor: how far one change feed has been read, and how its last run went. */
public class SyncCursor {

    private Long id;
    private String sourceSystem;
    private String entity;
    private LocalDateTime cursorTime;
    private String cursorKey;
    private LocalDateTime lastRunAt;
    private LocalDateTime lastOkAt;
    private String lastStatus;
    private String lastMessage;
    private Long pulledTotal;
    private Integer rowVersion;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getSourceSystem() {
        return sourceSystem;
    }

    public void setSourceSystem(String sourceSystem) {
        this.sourceSystem = sourceSystem;
    }

    public String getEntity() {
        return entity;
    }

    public void setEntity(String entity) {
        this.entity = entity;
    }

    public LocalDateTime getCursorTime() {
        return cursorTime;
    }

    public void setCursorTime(LocalDateTime cursorTime) {
        this.cursorTime = cursorTime;
    }

    public String getCursorKey() {
        return cursorKey;
    }

    public void setCursorKey(String cursorKey) {
        this.cursorKey = cursorKey;
    }

    public LocalDateTime getLastRunAt() {
        return lastRunAt;
    }

    public void setLastRunAt(LocalDateTime lastRunAt) {
        this.lastRunAt = lastRunAt;
    }

    public LocalDateTime getLastOkAt() {
        return lastOkAt;
    }

    public void setLastOkAt(LocalDateTime lastOkAt) {
        this.lastOkAt = lastOkAt;
    }

    public String getLastStatus() {
        return lastStatus;
    }

    public void setLastStatus(String lastStatus) {
        this.lastStatus = lastStatus;
    }

    public String getLastMessage() {
        return lastMessage;
    }

    public void setLastMessage(String lastMessage) {
        this.lastMessage = lastMessage;
    }

    public Long getPulledTotal() {
        return pulledTotal;
    }

    public void setPulledTotal(Long pulledTotal) {
        this.pulledTotal = pulledTotal;
    }

    public Integer getRowVersion() {
        return rowVersion;
    }

    public void setRowVersion(Integer rowVersion) {
        this.rowVersion = rowVersion;
    }
}
