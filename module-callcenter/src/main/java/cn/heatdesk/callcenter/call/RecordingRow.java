package cn.heatdesk.callcenter.call;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** cc_recording: one MixMonitor file of a call. */
public class RecordingRow {
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
}
