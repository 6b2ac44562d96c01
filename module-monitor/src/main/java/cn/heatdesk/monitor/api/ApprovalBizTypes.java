package cn.heatdesk.monitor.api;

import java.util.List;

/** The business types approvals are known for; TICKET is handled inside monitor, the others by their modules. */
public final class ApprovalBizTypes {

    public static final String TICKET = "TICKET";
    /** call center: agent permission changes (the call-center issue) */
    public static final String CALLCENTER_PERMISSION = "CALLCENTER_PERMISSION";
    /** call center: routing / IVR / queue rule changes */
    public static final String CALLCENTER_RULE = "CALLCENTER_RULE";
    /** field app: permission changes of a worker's mobile account */
    public static final String MOBILE_PERMISSION = "MOBILE_PERMISSION";
    /** field app: binding a worker's account to another device */
    public static final String MOBILE_REBIND = "MOBILE_REBIND";

    /** every type a chain may be configured for, in display order */
    public static final List<String> ALL = List.of(TICKET, CALLCENTER_PERMISSION, CALLCENTER_RULE, MOBILE_PERMISSION,
            MOBILE_REBIND);

    private ApprovalBizTypes() {
    }

    public static String label(String bizType) {
        if (bizType == null) {
            return null;
        }
        return switch (bizType) {
            case TICKET -> "工单";
            case CALLCENTER_PERMISSION -> "呼叫中心权限";
            case CALLCENTER_RULE -> "呼叫中心规则";
            case MOBILE_PERMISSION -> "移动端权限";
            case MOBILE_REBIND -> "移动端换绑";
            default -> bizType;
        };
    }
}
