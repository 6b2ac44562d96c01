package cn.heatdesk.callcenter.cti;

import cn.heatdesk.kernel.error.BizException;

/**
 * Which outside numbers an agent may dial (click-to-dial, callback, transfer to a number). A number is normalised
 * (spaces, dashes and brackets dropped; "+86" dropped before a mobile, "0" before an area code) before the prefixes are checked, so "+86 138-0013-8000" and
 * "13800138000" are the same number, while "+49…" becomes "0049…" and is refused as international.
 */
public final class OutboundRule {

    private final CtiSettings settings;

    public OutboundRule(CtiSettings settings) {
        this.settings = settings;
    }

    /** the number to dial, or a 400 naming {@code field} with the reason in Chinese */
    public String check(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw BizException.invalid(field, "请填写要拨打的号码");
        }
        String n = normalise(raw);
        if (!n.matches("\\d+")) {
            throw BizException.invalid(field, "号码“" + raw.strip() + "”含有非法字符，只能包含数字");
        }
        for (String p : settings.refusedPrefixes()) {
            if (n.startsWith(p)) {
                throw BizException.invalid(field, "号码“" + raw.strip() + "”以“" + p + "”开头，" + reason(p) + "不允许外呼");
            }
        }
        if (settings.allowedPrefixes().stream().noneMatch(n::startsWith)) {
            throw BizException.invalid(field, "号码“" + raw.strip() + "”不在允许外呼的号段内");
        }
        if (n.length() < settings.minLength() || n.length() > settings.maxLength()) {
            throw BizException.invalid(field, "号码“" + raw.strip() + "”长度应为 " + settings.minLength() + "–"
                    + settings.maxLength() + " 位");
        }
        return n;
    }

    static String normalise(String raw) {
        String n = raw.strip().replaceAll("[\\s\\-()（）]", "");
        if (n.startsWith("+86")) {
            String rest = n.substring(3);
            // a mobile (1[3-9] + 9 digits) is dialled as it is, an area code (10 = Beijing …) gets the trunk prefix 0
            return rest.matches("1[3-9]\\d{9}") ? rest : "0" + rest;
        }
        if (n.startsWith("+")) {
            return "00" + n.substring(1);
        }
        return n;
    }

    private static String reason(String prefix) {
        if (prefix.startsWith("00")) {
            return "国际长途";
        }
        if (prefix.startsWith("1900") || prefix.startsWith("1600") || prefix.startsWith("1700") || prefix.startsWith("1659")) {
            return "声讯/增值服务号码";
        }
        return "该号段";
    }
}
