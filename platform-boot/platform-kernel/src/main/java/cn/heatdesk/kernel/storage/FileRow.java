package cn.heatdesk.kernel.storage;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A row of {@code sys_file}, as MyBatis reads and writes it. */
public class FileRow {
    private Long id;
    private String sm3Hash;
    private long sizeBytes;
    private String contentType;
    private String fileKind;
    private String originalName;
    private String storageType;
    private String storageKey;
    private LocalDateTime captureTime;
    private BigDecimal gpsLat;
    private BigDecimal gpsLng;
    private Long subsidiaryId;
    private String orgPath;
    private Long createdBy;
    private LocalDateTime createdAt;

    StoredFile toStoredFile() {
        return new StoredFile(id, sm3Hash, sizeBytes, contentType, originalName, FileKind.valueOf(fileKind), createdAt,
                createdBy, subsidiaryId, orgPath, captureTime, gpsLat, gpsLng);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getSm3Hash() { return sm3Hash; }
    public void setSm3Hash(String sm3Hash) { this.sm3Hash = sm3Hash; }
    public long getSizeBytes() { return sizeBytes; }
    public void setSizeBytes(long sizeBytes) { this.sizeBytes = sizeBytes; }
    public String getContentType() { return contentType; }
    public void setContentType(String contentType) { this.contentType = contentType; }
    public String getFileKind() { return fileKind; }
    public void setFileKind(String fileKind) { this.fileKind = fileKind; }
    public String getOriginalName() { return originalName; }
    public void setOriginalName(String originalName) { this.originalName = originalName; }
    public String getStorageType() { return storageType; }
    public void setStorageType(String storageType) { this.storageType = storageType; }
    public String getStorageKey() { return storageKey; }
    public void setStorageKey(String storageKey) { this.storageKey = storageKey; }
    public LocalDateTime getCaptureTime() { return captureTime; }
    public void setCaptureTime(LocalDateTime captureTime) { this.captureTime = captureTime; }
    public BigDecimal getGpsLat() { return gpsLat; }
    public void setGpsLat(BigDecimal gpsLat) { this.gpsLat = gpsLat; }
    public BigDecimal getGpsLng() { return gpsLng; }
    public void setGpsLng(BigDecimal gpsLng) { this.gpsLng = gpsLng; }
    public Long getSubsidiaryId() { return subsidiaryId; }
    public void setSubsidiaryId(Long subsidiaryId) { this.subsidiaryId = subsidiaryId; }
    public String getOrgPath() { return orgPath; }
    public void setOrgPath(String orgPath) { this.orgPath = orgPath; }
    public Long getCreatedBy() { return createdBy; }
    public void setCreatedBy(Long createdBy) { this.createdBy = createdBy; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
}
