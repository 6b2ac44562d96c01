package cn.heatdesk.baseinfo.api;

import java.util.Optional;

/** The six levels of the heat network tree, in order: a node's parent is always the level above. */
public enum NodeType {
    COMPANY(1, "公司"),
    HEAT_SOURCE(2, "热源"),
    HEAT_STATION(3, "热站"),
    COMMUNITY(4, "小区"),
    BUILDING(5, "楼栋"),
    UNIT(6, "单元");

    private final int level;
    private final String label;

    NodeType(int level, String label) {
        this.level = level;
        this.label = label;
    }

    public int level() {
        return level;
    }

    public String label() {
        return label;
    }

    /** the type a parent of this type must have; empty for the company (a root) */
    public Optional<NodeType> parentType() {
        return level == 1 ? Optional.empty() : Optional.of(values()[level - 2]);
    }

    public Optional<NodeType> childType() {
        return level == values().length ? Optional.empty() : Optional.of(values()[level]);
    }

    /** by code (COMMUNITY) or Chinese label (小区); empty when neither matches */
    public static Optional<NodeType> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String v = s.strip();
        for (NodeType t : values()) {
            if (t.name().equalsIgnoreCase(v) || t.label.equals(v)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
