package cn.heatdesk.settings.changelog;

import cn.heatdesk.settings.api.SettingChangeRecorder;

import java.util.LinkedHashMap;
import java.util.Map;

/** Chinese names of the entity kinds for the log page; unknown kinds show their code. */
public final class SettingChangeEntityKinds {

    public static final Map<String, String> LABELS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(SettingChangeRecorder.DICT_TYPE, "字典类型");
        m.put(SettingChangeRecorder.DICT_ITEM, "字典项");
        m.put(SettingChangeRecorder.SYS_PARAM, "系统参数");
        m.put(SettingChangeRecorder.ROLE, "角色");
        m.put("USER", "用户");
        m.put("ORG", "组织机构");
        LABELS = Map.copyOf(m);
    }

    private SettingChangeEntityKinds() {
    }

    public static String label(String kind) {
        return LABELS.getOrDefault(kind, kind);
    }
}
