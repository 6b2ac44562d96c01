package cn.heatdesk.baseinfo.support;

import cn.heatdesk.kernel.crypto.BlindIndexNormalizer;
import cn.heatdesk.kernel.error.BizException;

import java.util.regex.Pattern;

/** Resident ID numbers (18 digits with ISO 7064 check digit, or the old 15 digits) and enterprise credit codes. */
public final class IdNumbers {

    private static final Pattern ID18 = Pattern.compile("\\d{17}[0-9X]");
    private static final Pattern ID15 = Pattern.compile("\\d{15}");
    private static final Pattern USCC = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdNumbers() {
    }

    /** normalised (upper case, no spaces) number or a 400 naming {@code field}; null/blank stays null */
    public static String requireValidOrNull(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = BlindIndexNormalizer.idNumber(raw);
        if (ID18.matcher(s).matches()) {
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += (s.charAt(i) - '0') * WEIGHTS[i];
            }
            if (CHECK[sum % 11] == s.charAt(17)) {
                return s;
            }
            throw BizException.invalid(field, "身份证号码校验位不正确");
        }
        if (ID15.matcher(s).matches() || USCC.matcher(s).matches()) {
            return s;
        }
        throw BizException.invalid(field, "证件号码格式不正确（应为18位身份证号或统一社会信用代码）");
    }

    /** a valid 18-digit number for the given 17 leading digits (test and demo data) */
    public static String withCheckDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK[sum % 11];
    }
}
