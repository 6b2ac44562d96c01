package cn.heatdesk.baseinfo.imports;

/** A row of bi_import_error: a failed row as read (JSON array of cell strings) with the column and reason. */
public class ImportError {

    private Long id;
    private Long jobId;
    private Integer rowNo;
    private String fieldName;
    private String reason;
    private String rowJson;

    public ImportError() {
    }

    public ImportError(Long id, Long jobId, Integer rowNo, String fieldName, String reason, String rowJson) {
        this.id = id;
        this.jobId = jobId;
        this.rowNo = rowNo;
        this.fieldName = fieldName;
        this.reason = reason;
        this.rowJson = rowJson;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getJobId() {
        return jobId;
    }

    public void setJobId(Long jobId) {
        this.jobId = jobId;
    }

    public Integer getRowNo() {
        return rowNo;
    }

    public void setRowNo(Integer rowNo) {
        this.rowNo = rowNo;
    }

    public String getFieldName() {
        return fieldName;
    }

    public void setFieldName(String fieldName) {
        this.fieldName = fieldName;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getRowJson() {
        return rowJson;
    }

    public void setRowJson(String rowJson) {
        this.rowJson = rowJson;
    }
}
