package cn.heatdesk.callcenter.gateway;

/**
 * Permission codes of the gateway, phone, queue and agent screens (declared as menus/buttons in the module's
 * {@code heatdesk/permissions/callcenter.json}).
 */
public final class CallcenterPermissions {

    /** menu root 呼叫中心 */
    public static final String ROOT = "callcenter";
    /** 网关管理: list and live status */
    public static final String GATEWAY = "callcenter:gateway";
    /** create / edit / enable / disable / delete gateways */
    public static final String GATEWAY_EDIT = "callcenter:gateway:edit";
    /** IP 话机 list with registration state */
    public static final String PHONE = "callcenter:phone";
    public static final String PHONE_EDIT = "callcenter:phone:edit";
    /** 队列与技能 */
    public static final String QUEUE = "callcenter:queue";
    public static final String QUEUE_EDIT = "callcenter:queue:edit";
    /** 坐席管理: agents, their phones, states, login log */
    public static final String AGENT = "callcenter:agent";
    /** bind job number ↔ user ↔ phone, unbind, skills */
    public static final String AGENT_EDIT = "callcenter:agent:edit";
    /** supervisor: force busy / idle / sign-out */
    public static final String AGENT_SUPERVISE = "callcenter:agent:supervise";
    /** 班长监控: the queue board and the supervisor action log (the actions need {@link #AGENT_SUPERVISE}) */
    public static final String SUPERVISOR = "callcenter:supervisor";
    /** 坐席工作台: the agent's own sign-in/out, busy/idle/break */
    public static final String WORKBENCH = "callcenter:workbench";

    private CallcenterPermissions() {
    }
}
