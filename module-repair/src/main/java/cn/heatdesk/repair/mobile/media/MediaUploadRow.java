package cn.heatdesk.repair.mobile.media;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** rp_media_upload: one resumable upload session of one user for one content hash. */
public class MediaUploadRow {

    private Long id;
    private String contentHash;
    private long sizeBytes;
    private String mediaKind;
    private String mimeType;
    private String fileName;
    private LocalDateTime capturedAt;
    private BigDecimal gpsLat;
    private BigDecimal gpsLng;
    private long uploaderId;
    private long receivedBytes;
    private String tempPath;
    private String uploadState;
    private Long mediaId;
    private Long subsidiaryId;
    private String orgPath;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getContentHash() { return contentHash; }
    public void setContentHash(String contentHash) { this.contentHash = contentHash; }
    public long getSizeBytes() { return sizeBytes; }
    public void setSizeBytes(long sizeBytes) { this.sizeBytes = sizeBytes; }
    public String getMediaKind() { return mediaKind; }
    public void setMediaKind(String mediaKind) { this.mediaKind = mediaKind; }
    public String getMimeType() { return mimeType; }
    public void setMimeType(String mimeType) { this.mimeType = mimeType; }
    public String getFileName() { return fileName; }
    public void setFileName(String fileName) { this.fileName = fileName; }
    public LocalDateTime getCapturedAt() { return capturedAt; }
    public void setCapturedAt(LocalDateTime capturedAt) { this.capturedAt = capturedAt; }
    public BigDecimal getGpsLat() { return gpsLat; }
    public void setGpsLat(BigDecimal gpsLat) { this.gpsLat = gpsLat; }
    public BigDecimal getGpsLng() { return gpsLng; }
    public void setGpsLng(BigDecimal gpsLng) { this.gpsLng = gpsLng; }
    public long getUploaderId() { return uploaderId; }
    public void setUploaderId(long uploaderId) { this.uploaderId = uploaderId; }
    public long getReceivedBytes() { return receivedBytes; }
    public void setReceivedBytes(long receivedBytes) { this.receivedBytes = receivedBytes; }
    public String getTempPath() { return tempPath; }
    public void setTempPath(String tempPath) { this.tempPath = tempPath; }
    public String getUploadState() { return uploadState; }
    public void setUploadState(String uploadState) { this.uploadState = uploadState; }
    public Long getMediaId() { return mediaId; }
    public void setMediaId(Long mediaId) { this.mediaId = mediaId; }
    public Long getSubsidiaryId() { return subsidiaryId; }
    public void setSubsidiaryId(Long subsidiaryId) { this.subsidiaryId = subsidiaryId; }
    public String getOrgPath() { return orgPath; }
    public void setOrgPath(String orgPath) { this.orgPath = orgPath; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(LocalDateTime updatedAt) { this.updatedAt = updatedAt; }
}
