package cn.heatdesk.settings.param;

import java.time.LocalDateTime;

/** A system parameter as the settings page shows it. */
public record ParamView(Long id, String paramKey, String paramName, String paramValue, String valueKind,
                        String valueKindLabel, Long minValue, Long maxValue, String paramGroup, boolean builtin,
                        String remark, int rowVersion, LocalDateTime updatedAt) {

    static ParamView of(SysParam p) {
        ParamValueKind k = ParamValueKind.of(p.getValueKind());
        return new ParamView(p.getId(), p.getParamKey(), p.getParamName(), p.getParamValue(), p.getValueKind(),
                k == null ? p.getValueKind() : k.label(), p.getMinValue(), p.getMaxValue(), p.getParamGroup(),
                p.isBuiltinParam(), p.getRemark(), p.getRowVersion() == null ? 0 : p.getRowVersion(), p.getUpdatedAt());
    }
}
