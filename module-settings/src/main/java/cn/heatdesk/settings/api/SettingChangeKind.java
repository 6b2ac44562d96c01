package cn.heatdesk.settings.api;

/** What a settings change did; ROLLBACK is written only by the change-log rollback itself. */
public enum SettingChangeKind {
    CREATE("新增"),
    UPDATE("修改"),
    DELETE("删除"),
    ENABLE("启用"),
    DISABLE("停用"),
    ROLLBACK("回滚");

    private final String label;

    SettingChangeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
