package cn.heatdesk.settings.param;

import cn.heatdesk.kernel.error.BizException;

import java.util.Locale;
import java.util.Set;

/**
 * Checks a parameter value against its kind and bounds and returns it in its stored form (numbers without padding,
 * switches as "true"/"false"). Errors are 400s on field {@code paramValue} naming the parameter.
 */
public final class ParamValueValidator {

    public static final int MAX_LENGTH = 1000;
    static final String FIELD = "paramValue";
    private static final Set<String> TRUE = Set.of("true", "1", "yes", "on", "是");
    private static final Set<String> FALSE = Set.of("false", "0", "no", "off", "否");

    private ParamValueValidator() {
    }

    public static String normalize(ParamValueKind kind, String name, String raw, Long min, Long max) {
        String v = raw == null ? null : raw.trim();
        return switch (kind) {
            case STRING -> string(name, v, min, max);
            case INT -> number(name, v, min == null ? Integer.MIN_VALUE : min, max == null ? Integer.MAX_VALUE : max,
                    min != null, max != null, "整数");
            case DURATION_MIN -> number(name, v, min == null ? 0 : Math.max(0, min), max == null ? Integer.MAX_VALUE : max,
                    true, max != null, "分钟数");
            case BOOL -> bool(name, v);
        };
    }

    /** Bounds of a parameter definition: fields {@code minValue} / {@code maxValue}. */
    public static void checkDefinition(ParamValueKind kind, Long min, Long max) {
        if (kind == ParamValueKind.BOOL && (min != null || max != null)) {
            throw BizException.invalid("minValue", "开关类参数不能设置最小值和最大值");
        }
        if (min != null && max != null && min > max) {
            throw BizException.invalid("minValue", "最小值不能大于最大值");
        }
        switch (kind) {
            case STRING -> {
                if (min != null && min < 0) {
                    throw BizException.invalid("minValue", "文本参数的最小长度不能小于 0");
                }
                if (max != null && (max < 1 || max > MAX_LENGTH)) {
                    throw BizException.invalid("maxValue", "文本参数的最大长度必须在 1 到 " + MAX_LENGTH + " 之间");
                }
            }
            case INT -> {
                if (min != null && (min < Integer.MIN_VALUE || min > Integer.MAX_VALUE)) {
                    throw BizException.invalid("minValue", "最小值超出整数范围");
                }
                if (max != null && (max < Integer.MIN_VALUE || max > Integer.MAX_VALUE)) {
                    throw BizException.invalid("maxValue", "最大值超出整数范围");
                }
            }
            case DURATION_MIN -> {
                if (min != null && min < 0) {
                    throw BizException.invalid("minValue", "时长的最小值不能小于 0 分钟");
                }
                if (max != null && max > Integer.MAX_VALUE) {
                    throw BizException.invalid("maxValue", "最大值超出整数范围");
                }
            }
            case BOOL -> {
                // no bounds, checked above
            }
        }
    }

    private static String string(String name, String v, Long min, Long max) {
        int len = v == null ? 0 : v.length();
        long lo = min == null ? 0 : min;
        long hi = max == null ? MAX_LENGTH : Math.min(max, MAX_LENGTH);
        if (len < lo || len > hi) {
            if (len == 0) {
                throw BizException.invalid(FIELD, "参数“" + name + "”不能为空");
            }
            throw BizException.invalid(FIELD, lo > 0
                    ? "参数“" + name + "”的长度必须在 " + lo + " 到 " + hi + " 个字符之间"
                    : "参数“" + name + "”不能超过 " + hi + " 个字符");
        }
        return v;
    }

    private static String number(String name, String v, long lo, long hi, boolean showLo, boolean showHi, String unit) {
        String rule = showLo && showHi ? " " + lo + " 到 " + hi + " 之间的" + unit
                : showLo ? "不小于 " + lo + " 的" + unit
                : showHi ? "不大于 " + hi + " 的" + unit
                : unit;
        if (v == null || v.isEmpty()) {
            throw BizException.invalid(FIELD, "参数“" + name + "”不能为空，应为" + rule.strip());
        }
        long n;
        try {
            n = Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
        } catch (NumberFormatException e) {
            throw BizException.invalid(FIELD, "参数“" + name + "”必须是" + rule + "，“" + abbreviate(v) + "”不是有效的数字");
        }
        if (n < lo || n > hi) {
            throw BizException.invalid(FIELD, "参数“" + name + "”必须是" + rule + "，不能为 " + n);
        }
        return Long.toString(n);
    }

    private static String bool(String name, String v) {
        String k = v == null ? "" : v.toLowerCase(Locale.ROOT);
        if (TRUE.contains(k)) {
            return "true";
        }
        if (FALSE.contains(k)) {
            return "false";
        }
        throw BizException.invalid(FIELD, "参数“" + name + "”只能是 true（是）或 false（否）");
    }

    private static String abbreviate(String v) {
        return v.length() <= 20 ? v : v.substring(0, 20) + "…";
    }

    /** The stored value read as a number, or null when it is not one (an old value that no longer parses). */
    static Long parseStoredNumber(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return Long.parseLong(stored.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
