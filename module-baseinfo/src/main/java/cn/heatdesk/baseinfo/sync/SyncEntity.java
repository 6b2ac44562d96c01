package cn.heatdesk.baseinfo.sync;

import cn.heatdesk.kernel.error.BizException;

import java.util.Locale;

/** What a change feed or a failed record is about. */
public enum SyncEntity {
    HOUSEHOLD("房屋"),
    PAYMENT("交退费"),
    TEMPERATURE("室温");

    private final String label;

    SyncEntity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static SyncEntity parse(String raw, String field) {
        try {
            return valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw BizException.invalid(field, "同步对象“" + raw + "”不存在（可选 HOUSEHOLD、PAYMENT、TEMPERATURE）");
        }
    }
}
