package cn.heatdesk.settings.param;

/** How a parameter's text value is read and checked; min/max bound the number (or, for STRING, the length). */
public enum ParamValueKind {
    STRING("文本"),
    INT("整数"),
    BOOL("开关"),
    DURATION_MIN("时长（分钟）");

    private final String label;

    ParamValueKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** @return the kind, or null for an unknown name */
    public static ParamValueKind of(String name) {
        if (name == null) {
            return null;
        }
        for (ParamValueKind k : values()) {
            if (k.name().equalsIgnoreCase(name.trim())) {
                return k;
            }
        }
        return null;
    }
}
