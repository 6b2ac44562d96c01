package cn.heatdesk.kernel.audit;

/** Outcome of an audited operation, stored as its name in column {@code audit_result}. */
public enum AuditResult {
    SUCCESS("成功"),
    FAILURE("失败");

    private final String label;

    AuditResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** SUCCESS for 1xx–3xx, FAILURE otherwise. */
    public static AuditResult ofHttpStatus(int status) {
        return status > 0 && status < 400 ? SUCCESS : FAILURE;
    }
}
