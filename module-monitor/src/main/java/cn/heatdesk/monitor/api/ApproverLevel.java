package cn.heatdesk.monitor.api;

/**
 * The org level that decides one level of an approval chain, with the role expected there by default. A level
 * nobody holds (no station, no lead besides the applicant) passes to the next one up.
 */
public enum ApproverLevel {
    STATION("维修站", "STATION_LEAD", "维修站负责人"),
    SUBSIDIARY("分公司", "SUBSIDIARY_ADMIN", "分公司管理员"),
    GROUP("集团", "GROUP_ADMIN", "集团管理员");

    private final String label;
    private final String defaultRole;
    private final String defaultRoleLabel;

    ApproverLevel(String label, String defaultRole, String defaultRoleLabel) {
        this.label = label;
        this.defaultRole = defaultRole;
        this.defaultRoleLabel = defaultRoleLabel;
    }

    public String label() { return label; }

    public String defaultRole() { return defaultRole; }

    public String defaultRoleLabel() { return defaultRoleLabel; }

    /** the level above; GROUP has none */
    public ApproverLevel up() {
        return this == STATION ? SUBSIDIARY : GROUP;
    }
}
