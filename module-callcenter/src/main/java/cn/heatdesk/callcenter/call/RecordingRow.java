package cn.heatdesk.callcenter.call;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** cc_recording: one MixMonitor file of a call. */
public class RecordingRow implements Cloneable {
    public Long id;
    public long callId;
    public long gatewayId;
    public String channel;
    public String filePath;
    public Long fileSize;
    public Long durationMs;
    public LocalDateTime startedAt;
    public LocalDateTime endedAt;
    public LocalDate retainUntil;
    public int deleted;
    public LocalDateTime deletedAt;
    public Long deletedBy;
    public long subsidiaryId;
    public String orgPath;
    public LocalDateTime createdAt;

    /** a shallow copy: what the write-behind writes while the tracker goes on changing the original */
    RecordingRow copy() {
        try {
            return (RecordingRow) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
