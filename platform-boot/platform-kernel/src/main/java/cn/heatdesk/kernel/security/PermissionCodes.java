package cn.heatdesk.kernel.security;

/** Permission strings the kernel itself checks; modules declare their own next to their controllers. */
public final class PermissionCodes {
    public static final String AUDIT_VIEW = "audit:view";
    public static final String AUDIT_VERIFY = "audit:verify";
    public static final String AUDIT_EXPORT = "audit:export";
    public static final String UNMASK = "data:unmask";
    public static final String API_APP_VIEW = "integration:app";
    public static final String API_APP_MANAGE = "integration:app:manage";

    private PermissionCodes() {
    }
}
