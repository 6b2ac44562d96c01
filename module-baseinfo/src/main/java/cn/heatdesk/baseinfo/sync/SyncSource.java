package cn.heatdesk.baseinfo.sync;

import cn.heatdesk.kernel.error.BizException;

import java.util.List;
import java.util.Locale;

/** The external systems HeatDesk synchronises with, and the change feeds each of them offers (in pull order). */
public enum SyncSource {
    /** payments refer to households, so households are pulled first */
    BILLING("经营计费系统", List.of(SyncEntity.HOUSEHOLD, SyncEntity.PAYMENT)),
    HEATNET("智慧热网", List.of(SyncEntity.TEMPERATURE));

    private final String label;
    private final List<SyncEntity> entities;

    SyncSource(String label, List<SyncEntity> entities) {
        this.label = label;
        this.entities = entities;
    }

    public String label() {
        return label;
    }

    public List<SyncEntity> entities() {
        return entities;
    }

    public static SyncSource parse(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw BizException.invalid(field, "请指定同步来源（BILLING 经营计费系统 / HEATNET 智慧热网）");
        }
        try {
            return valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BizException.invalid(field, "同步来源“" + raw.strip() + "”不存在（可选 BILLING、HEATNET）");
        }
    }
}
