package cn.heatdesk.baseinfo.imports;

/** Life cycle of an import job: QUEUED → RUNNING → SUCCEEDED / FAILED, or CANCELLED from QUEUED/RUNNING. */
public enum ImportStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
