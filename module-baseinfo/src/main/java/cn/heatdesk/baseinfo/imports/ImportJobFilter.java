package cn.heatdesk.baseinfo.imports;

/** Filters of the job list (query parameters kind and status). */
public class ImportJobFilter {

    private String kind;
    private String status;

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind == null || kind.isBlank() ? null : kind.strip();
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status == null || status.isBlank() ? null : status.strip();
    }
}
