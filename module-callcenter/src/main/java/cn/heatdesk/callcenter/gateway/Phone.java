package cn.heatdesk.callcenter.gateway;

import java.time.LocalDateTime;

/** cc_phone: an IP phone (PJSIP endpoint) of a gateway; {@code sipSecret} decrypted by the mapper. */
public class Phone {

    private Long id;
    private Long gatewayId;
    private String extension;
    private String endpointName;
    private String sipSecret;
    private String model;
    private String mac;
    private String remark;
    private Integer enabled;
    private Integer registered;
    private String deviceState;
    private LocalDateTime stateUpdatedAt;
    private Long subsidiaryId;
    private String orgPath;
    private Integer rowVersion;
    private Long createdBy;
    private LocalDateTime createdAt;
    private Long updatedBy;
    private LocalDateTime updatedAt;

    public boolean enabledNow() { return enabled != null && enabled == 1; }

    /** the channel interface Asterisk knows the phone by, e.g. PJSIP/8001 */
    public String iface() { return "PJSIP/" + endpointName; }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getGatewayId() { return gatewayId; }
    public void setGatewayId(Long gatewayId) { this.gatewayId = gatewayId; }
    public String getExtension() { return extension; }
    public void setExtension(String extension) { this.extension = extension; }
    public String getEndpointName() { return endpointName; }
    public void setEndpointName(String endpointName) { this.endpointName = endpointName; }
    public String getSipSecret() { return sipSecret; }
    public void setSipSecret(String sipSecret) { this.sipSecret = sipSecret; }
    public String getModel() { return model; }
    public void setModel(String model) { this.model = model; }
    public String getMac() { return mac; }
    public void setMac(String mac) { this.mac = mac; }
    public String getRemark() { return remark; }
    public void setRemark(String remark) { this.remark = remark; }
    public Integer getEnabled() { return enabled; }
    public void setEnabled(Integer enabled) { this.enabled = enabled; }
    public Integer getRegistered() { return registered; }
    public void setRegistered(Integer registered) { this.registered = registered; }
    public String getDeviceState() { return deviceState; }
    public void setDeviceState(String deviceState) { this.deviceState = deviceState; }
    public LocalDateTime getStateUpdatedAt() { return stateUpdatedAt; }
    public void setStateUpdatedAt(LocalDateTime stateUpdatedAt) { this.stateUpdatedAt = stateUpdatedAt; }
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
}
