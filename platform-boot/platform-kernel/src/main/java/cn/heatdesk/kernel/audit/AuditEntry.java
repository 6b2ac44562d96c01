package cn.heatdesk.kernel.audit;

import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;

import java.time.LocalDateTime;

/**
 * What to append to the audit log. Build it with {@link #fromContext(String)} (acting user, client IP and org
 * taken from {@link SecurityContext}) or {@link #builder(String)} when the caller knows better, e.g. login
 * recording the attempted username:
 * <pre>{@code
 * auditService.record(AuditEntry.builder("用户登录").username(form.username()).clientIp(ip)
 *         .result(AuditResult.FAILURE).detail("密码错误").build());
 * }</pre>
 *
 * @param occurredAt null means now; stored truncated to seconds
 */
public record AuditEntry(LocalDateTime occurredAt, Long userId, String username, String clientIp, String action,
                         String target, String detail, AuditResult result, Integer httpStatus,
                         Long subsidiaryId, String orgPath) {

    public static Builder builder(String action) {
        return new Builder().action(action);
    }

    /** A builder pre-filled with the current user (or "system"), client IP, subsidiary and org path. */
    public static Builder fromContext(String action) {
        Builder b = builder(action).clientIp(SecurityContext.clientIp());
        CurrentUser user = SecurityContext.current().orElse(null);
        if (user == null) {
            return b.userId(0L).username("system");
        }
        return b.userId(user.userId()).username(user.username())
                .subsidiaryId(user.subsidiaryId()).orgPath(user.orgPath());
    }

    public static final class Builder {
        private LocalDateTime occurredAt;
        private Long userId;
        private String username;
        private String clientIp;
        private String action;
        private String target;
        private String detail;
        private AuditResult result = AuditResult.SUCCESS;
        private Integer httpStatus;
        private Long subsidiaryId;
        private String orgPath;

        private Builder() {
        }

        public Builder occurredAt(LocalDateTime v) { this.occurredAt = v; return this; }
        public Builder userId(Long v) { this.userId = v; return this; }
        public Builder username(String v) { this.username = v; return this; }
        public Builder clientIp(String v) { this.clientIp = v; return this; }
        public Builder action(String v) { this.action = v; return this; }
        public Builder target(String v) { this.target = v; return this; }
        public Builder detail(String v) { this.detail = v; return this; }
        public Builder result(AuditResult v) { this.result = v; return this; }
        public Builder success() { this.result = AuditResult.SUCCESS; return this; }
        public Builder failure() { this.result = AuditResult.FAILURE; return this; }
        public Builder httpStatus(Integer v) { this.httpStatus = v; return this; }
        public Builder subsidiaryId(Long v) { this.subsidiaryId = v; return this; }
        public Builder orgPath(String v) { this.orgPath = v; return this; }

        public AuditEntry build() {
            if (action == null || action.isBlank()) {
                throw new IllegalArgumentException("audit action is required");
            }
            return new AuditEntry(occurredAt, userId, username, clientIp, action, target, detail,
                    result == null ? AuditResult.FAILURE : result, httpStatus, subsidiaryId, orgPath);
        }
    }
}
