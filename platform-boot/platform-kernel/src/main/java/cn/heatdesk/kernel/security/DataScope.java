package cn.heatdesk.kernel.security;

/** How far a role's data visibility reaches; a user's effective scope is the widest of their roles. */
public enum DataScope {
    /** every subsidiary (group users) */
    ALL(5, "全部数据"),
    /** rows of the user's own subsidiary */
    SUBSIDIARY(4, "本分公司数据"),
    /** rows whose org path lies under the user's org */
    ORG_AND_CHILDREN(3, "本部门及下级数据"),
    /** explicitly listed orgs (and their children) */
    CUSTOM(2, "自定义部门数据"),
    /** rows the user created */
    SELF(1, "仅本人数据");

    private final int breadth;
    private final String label;

    DataScope(int breadth, String label) {
        this.breadth = breadth;
        this.label = label;
    }

    public int breadth() { return breadth; }
    public String label() { return label; }

    public static DataScope widest(DataScope a, DataScope b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.breadth >= b.breadth ? a : b;
    }
}
