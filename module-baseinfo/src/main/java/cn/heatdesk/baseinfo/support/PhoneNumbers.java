package cn.heatdesk.baseinfo.support;

import cn.heatdesk.kernel.crypto.BlindIndexNormalizer;
import cn.heatdesk.kernel.error.BizException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone number checks for Chinese numbers: mobiles (1[3-9] + 9 digits), landlines with area code (0 + 2-3 digit
 * area + 7-8 digits), local landlines (7-8 digits) and service numbers (95xxx, 96xxx, 400/800). Input may carry
 * +86/0086, spaces, dashes or full-width digits; the stored form is the normalised digits.
 */
public final class PhoneNumbers {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}\\d{7,8}");
    private static final Pattern LOCAL = Pattern.compile("[2-9]\\d{6,7}");
    private static final Pattern SERVICE = Pattern.compile("(400|800)\\d{7}|9[56]\\d{3,6}|1\\d{4}");
    private static final Pattern ALLOWED_CHARS = Pattern.compile("[+0-9０-９\\s\\-()（）]+");
    private static final Pattern SPLIT = Pattern.compile("[,，;；/、\\s]+");

    private PhoneNumbers() {
    }

    /** the normalised number, or empty when it is not a valid Chinese phone number */
    public static Optional<String> normalize(String raw) {
        if (raw == null || raw.isBlank() || !ALLOWED_CHARS.matcher(raw.strip()).matches()) {
            return Optional.empty();
        }
        String d = BlindIndexNormalizer.phone(raw);
        if (MOBILE.matcher(d).matches() || LANDLINE.matcher(d).matches() || LOCAL.matcher(d).matches()
                || SERVICE.matcher(d).matches()) {
            return Optional.of(d);
        }
        return Optional.empty();
    }

    /** normalised number or a 400 naming {@code field} */
    public static String require(String raw, String field) {
        return normalize(raw).orElseThrow(() -> BizException.invalid(field,
                "电话号码格式不正确：" + abbreviate(raw) + "（应为11位手机号或带区号的固定电话）"));
    }

    /** MOBILE or LANDLINE (service numbers count as landline) */
    public static String kind(String normalized) {
        return MOBILE.matcher(normalized).matches() ? "MOBILE" : "LANDLINE";
    }

    /** several numbers in one cell (comma, semicolon, slash, 、 or space separated), de-duplicated, in order */
    public static List<String> requireList(String cell, String field) {
        List<String> out = new ArrayList<>();
        if (cell == null || cell.isBlank()) {
            return out;
        }
        // keep "010-1234 5678"-style numbers together: split on separators first, then fall back per token
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (String token : cell.strip().split("[,，;；/、]+")) {
            if (token.isBlank()) {
                continue;
            }
            Optional<String> whole = normalize(token);
            if (whole.isPresent()) {
                seen.add(whole.get());
                continue;
            }
            for (String part : SPLIT.split(token.strip())) {
                if (!part.isBlank()) {
                    seen.add(require(part, field));
                }
            }
        }
        out.addAll(seen);
        return out;
    }

    private static String abbreviate(String raw) {
        if (raw == null) {
            return "空";
        }
        String s = raw.strip();
        return s.length() > 24 ? s.substring(0, 24) + "…" : s;
    }
}
