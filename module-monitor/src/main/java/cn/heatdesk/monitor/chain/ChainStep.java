package cn.heatdesk.monitor.chain;

import java.time.LocalDateTime;

/** A row of mo_approval_chain_step: one level of a chain. */
public class ChainStep {

    private Long id;
    private Long chainId;
    private Integer levelNo;
    private String approverLevel;
    private String approverRole;
    private Integer timeoutMinutes;
    private LocalDateTime createdAt;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getChainId() { return chainId; }
    public void setChainId(Long chainId) { this.chainId = chainId; }
    public Integer getLevelNo() { return levelNo; }
    public void setLevelNo(Integer levelNo) { this.levelNo = levelNo; }
    public String getApproverLevel() { return approverLevel; }
    public void setApproverLevel(String approverLevel) { this.approverLevel = approverLevel; }
    public String getApproverRole() { return approverRole; }
    public void setApproverRole(String approverRole) { this.approverRole = approverRole; }
    public Integer getTimeoutMinutes() { return timeoutMinutes; }
    public void setTimeoutMinutes(Integer timeoutMinutes) { this.timeoutMinutes = timeoutMinutes; }
    public LocalDateTime getCreatedAt() { return createdAt; }
    public void setCreatedAt(LocalDateTime createdAt) { this.createdAt = createdAt; }
}
