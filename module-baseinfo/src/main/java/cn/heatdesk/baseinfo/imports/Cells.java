package cn.heatdesk.baseinfo.imports;

import cn.heatdesk.kernel.error.BizException;

import java.math.BigDecimal;
import java.util.Map;

/** Parsing of cell text into typed values; every failure names the column (key for the writer, title for the user). */
public final class Cells {

    private Cells() {
    }

    /** stripped text, null for blank */
    public static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        return s.isEmpty() ? null : s;
    }

    /** true when the value is a masked copy from an export (138****1234): it then means "keep what is stored" */
    public static boolean masked(String raw) {
        return raw != null && (raw.indexOf('*') >= 0 || raw.indexOf('＊') >= 0);
    }

    /** a decimal number; thousands separators and a trailing 元/㎡ are tolerated */
    public static BigDecimal decimal(String raw, ImportColumn col) {
        String s = text(raw);
        if (s == null) {
            return null;
        }
        String v = s.replace(",", "").replace("，", "").replace("元", "").replace("㎡", "").replace("平方米", "").strip();
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw BizException.invalid(col.key(), col.title() + "“" + abbreviate(s) + "”不是有效的数字");
        }
    }

    /** a whole number (Excel may deliver 3 as "3.0") */
    public static Integer integer(String raw, ImportColumn col) {
        BigDecimal d = decimal(raw, col);
        if (d == null) {
            return null;
        }
        try {
            return d.stripTrailingZeros().intValueExact();
        } catch (ArithmeticException e) {
            throw BizException.invalid(col.key(), col.title() + "“" + abbreviate(raw.strip()) + "”应为整数");
        }
    }

    /** 是/否 (also Y/N, 1/0, true/false) as 1/0 */
    public static Integer yesNo(String raw, ImportColumn col) {
        String s = text(raw);
        if (s == null) {
            return null;
        }
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "是", "y", "yes", "1", "true" -> 1;
            case "否", "n", "no", "0", "false" -> 0;
            default -> throw BizException.invalid(col.key(), col.title() + "只能填“是”或“否”，不能是“" + abbreviate(s) + "”");
        };
    }

    /** one of a fixed set of labels (or codes), returning the code */
    public static String choice(String raw, Map<String, String> labelToCode, ImportColumn col) {
        String s = text(raw);
        if (s == null) {
            return null;
        }
        String code = labelToCode.get(s);
        if (code == null) {
            code = labelToCode.get(s.toUpperCase(java.util.Locale.ROOT));
        }
        if (code == null) {
            throw BizException.invalid(col.key(), col.title() + "“" + abbreviate(s) + "”不正确，可选："
                    + String.join("/", labelToCode.keySet().stream().filter(k -> !k.matches("[A-Z_]+")).toList()));
        }
        return code;
    }

    /** text no longer than {@code max} characters */
    public static String maxLen(String raw, int max, ImportColumn col) {
        String s = text(raw);
        if (s != null && s.length() > max) {
            throw BizException.invalid(col.key(), col.title() + "不能超过" + max + "个字");
        }
        return s;
    }

    static String abbreviate(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "…" : s;
    }
}
