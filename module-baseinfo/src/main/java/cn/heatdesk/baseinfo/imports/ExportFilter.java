package cn.heatdesk.baseinfo.imports;

/** Filters of an export, the same query parameters as the lists (keyword, nodeId, heatingStatus, arrearsOnly, subsidiaryId). */
public class ExportFilter {

    private String keyword;
    private Long nodeId;
    private String heatingStatus;
    private Boolean arrearsOnly;
    private Long subsidiaryId;
    /** node_path of nodeId, resolved by the service (not a request parameter) */
    private String pathPrefix;

    public String getKeyword() {
        return keyword;
    }

    public void setKeyword(String keyword) {
        this.keyword = keyword == null || keyword.isBlank() ? null : keyword.strip();
    }

    /** the keyword in lower case, for pinyin initials */
    public String getKeywordLower() {
        return keyword == null ? null : keyword.toLowerCase(java.util.Locale.ROOT);
    }

    public Long getNodeId() {
        return nodeId;
    }

    public void setNodeId(Long nodeId) {
        this.nodeId = nodeId;
    }

    public String getHeatingStatus() {
        return heatingStatus;
    }

    public void setHeatingStatus(String heatingStatus) {
        this.heatingStatus = heatingStatus == null || heatingStatus.isBlank() ? null : heatingStatus.strip();
    }

    public Boolean getArrearsOnly() {
        return arrearsOnly;
    }

    public void setArrearsOnly(Boolean arrearsOnly) {
        this.arrearsOnly = arrearsOnly;
    }

    public Long getSubsidiaryId() {
        return subsidiaryId;
    }

    public void setSubsidiaryId(Long subsidiaryId) {
        this.subsidiaryId = subsidiaryId;
    }

    public String getPathPrefix() {
        return pathPrefix;
    }

    public void setPathPrefix(String pathPrefix) {
        this.pathPrefix = pathPrefix;
    }
}
