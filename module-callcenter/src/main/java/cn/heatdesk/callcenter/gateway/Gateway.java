package cn.heatdesk.callcenter.gateway;

import java.time.LocalDateTime;

/** cc_gateway: one Asterisk server. {@code amiSecret} is decrypted by the mapper; it never leaves the service. */
public class Gateway {

    private Long id;
    private String gatewayCode;
    private String gatewayName;
    private String kind;
    private Long stationOrgId;
    private String amiHost;
    private Integer amiPort;
    private String amiUsername;
    private String amiSecret;
    private String agiHost;
    private Integer agiPort;
    private String recordingDir;
    private Integer enabled;
    private String remark;
    private Long subsidiaryId;
    private String orgPath;
    private Integer rowVersion;
    private Long createdBy;
    private LocalDateTime createdAt;
    private Long updatedBy;
    private LocalDateTime updatedAt;

    public boolean enabledNow() { return enabled != null && enabled == 1; }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getGatewayCode() { return gatewayCode; }
    public void setGatewayCode(String gatewayCode) { this.gatewayCode = gatewayCode; }
    public String getGatewayName() { return gatewayName; }
    public void setGatewayName(String gatewayName) { this.gatewayName = gatewayName; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public Long getStationOrgId() { return stationOrgId; }
    public void setStationOrgId(Long stationOrgId) { this.stationOrgId = stationOrgId; }
    public String getAmiHost() { return amiHost; }
    public void setAmiHost(String amiHost) { this.amiHost = amiHost; }
    public Integer getAmiPort() { return amiPort; }
    public void setAmiPort(Integer amiPort) { this.amiPort = amiPort; }
    public String getAmiUsername() { return amiUsername; }
    public void setAmiUsername(String amiUsername) { this.amiUsername = amiUsername; }
    public String getAmiSecret() { return amiSecret; }
    public void setAmiSecret(String amiSecret) { this.amiSecret = amiSecret; }
    public String getAgiHost() { return agiHost; }
    public void setAgiHost(String agiHost) { this.agiHost = agiHost; }
    public Integer getAgiPort() { return agiPort; }
    public void setAgiPort(Integer agiPort) { this.agiPort = agiPort; }
    public String getRecordingDir() { return recordingDir; }
    public void setRecordingDir(String recordingDir) { this.recordingDir = recordingDir; }
    public Integer getEnabled() { return enabled; }
    public void setEnabled(Integer enabled) { this.enabled = enabled; }
    public String getRemark() { return remark; }
    public void setRemark(String remark) { this.remark = remark; }
    public Long getSubsidiaryId() { return subsidiaryId; }
    public void setSubsidiaryId(Long subsidiaryId) { this.subsidiaryId = subsidiaryId; }
    public String getOrgPath() { return orgPath; }
    public void setOrgPath(String orgPath) { this.orgPath = orgPath; }
    public Integer getRowVersion() { return rowVersion; }
    public void setRowVersion(Integer rowVersion) { this.rowVersion = rowVersion; }
    public Long getCreatedBy() { return createdBy; }
    public void setCreatedBy(Long createdBy) { this.createdBy = createdBy; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
    public Long getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(Long updatedBy) { this.updatedBy = updatedBy; }
    public LocalDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(LocalDateTime updatedAt) { this.updatedAt = updatedAt; }

    @Override
    public String toString() {
        return "Gateway[" + id + " " + gatewayCode + " " + amiHost + ":" + amiPort + "]";
    }
}
