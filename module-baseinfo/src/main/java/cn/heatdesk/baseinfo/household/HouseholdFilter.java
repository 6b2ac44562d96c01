package cn.heatdesk.baseinfo.household;

import java.math.BigDecimal;

/**
 * Household list filters. The request fields are bound from the query string; the derived ones (patterns, blind
 * index, node path) are filled by {@link HouseholdService} so the SQL only sees index-friendly values.
 */
public class HouseholdFilter {

    /** household code, owner name or address, each as a prefix */
    private String keyword;
    /** a tree node: the households of its whole subtree */
    private Long nodeId;
    private String heatingStatus;
    private Boolean arrearsOnly;
    private BigDecimal minArrears;
    /** exact number, any format */
    private String phone;
    /** owner name prefix */
    private String customerName;
    /** address contains (full scan of the rows left by the other filters; combine with nodeId at scale) */
    private String address;
    private String dataSource;
    private Integer enabled;

    private String keywordPrefix;
    private String codePrefix;
    private String nodePathPrefix;
    private String phoneBidx;
    private String ownerPrefix;
    private String addressContains;

    public String getKeyword() { return keyword; }
    public void setKeyword(String keyword) { this.keyword = keyword; }
    public Long getNodeId() { return nodeId; }
    public void setNodeId(Long nodeId) { this.nodeId = nodeId; }
    public String getHeatingStatus() { return heatingStatus; }
    public void setHeatingStatus(String heatingStatus) { this.heatingStatus = heatingStatus; }
    public Boolean getArrearsOnly() { return arrearsOnly; }
    public void setArrearsOnly(Boolean arrearsOnly) { this.arrearsOnly = arrearsOnly; }
    public BigDecimal getMinArrears() { return minArrears; }
    public void setMinArrears(BigDecimal minArrears) { this.minArrears = minArrears; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getCustomerName() { return customerName; }
    public void setCustomerName(String customerName) { this.customerName = customerName; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getDataSource() { return dataSource; }
    public void setDataSource(String dataSource) { this.dataSource = dataSource; }
    public Integer getEnabled() { return enabled; }
    public void setEnabled(Integer enabled) { this.enabled = enabled; }

    public String getCodePrefix() { return codePrefix; }
    public void setCodePrefix(String codePrefix) { this.codePrefix = codePrefix; }
    public String getKeywordPrefix() { return keywordPrefix; }
    public void setKeywordPrefix(String keywordPrefix) { this.keywordPrefix = keywordPrefix; }
    public String getNodePathPrefix() { return nodePathPrefix; }
    public void setNodePathPrefix(String nodePathPrefix) { this.nodePathPrefix = nodePathPrefix; }
    public String getPhoneBidx() { return phoneBidx; }
    public void setPhoneBidx(String phoneBidx) { this.phoneBidx = phoneBidx; }
    public String getOwnerPrefix() { return ownerPrefix; }
    public void setOwnerPrefix(String ownerPrefix) { this.ownerPrefix = ownerPrefix; }
    public String getAddressContains() { return addressContains; }
    public void setAddressContains(String addressContains) { this.addressContains = addressContains; }
}
