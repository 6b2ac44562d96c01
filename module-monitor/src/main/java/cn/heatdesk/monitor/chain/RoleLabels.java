package cn.heatdesk.monitor.chain;

import java.util.Map;

/** Chinese names of the built-in roles approvals usually go to (other codes are shown as they are). */
public final class RoleLabels {

    private static final Map<String, String> LABELS = Map.of(
            "STATION_LEAD", "维修站负责人",
            "SUBSIDIARY_ADMIN", "分公司管理员",
            "GROUP_ADMIN", "集团管理员",
            "SUPERVISOR", "班长",
            "AGENT", "客服坐席",
            "WORKER", "维修员/网格员");

    private RoleLabels() {
    }

    public static String of(String roleCode) {
        return roleCode == null ? null : LABELS.getOrDefault(roleCode, roleCode);
    }
}
