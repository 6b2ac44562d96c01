package cn.heatdesk.kernel.crypto;

/**
 * Display masking of personal data. Works on Unicode code points, so Chinese characters and characters outside
 * the BMP are never split. Null stays null; the empty string stays empty.
 */
public final class Masking {

    private Masking() {
    }

    public static String mask(String value, MaskType type) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (type) {
            case PHONE -> phone(value);
            case ID_NUMBER -> idNumber(value);
            case NAME -> name(value);
            case ADDRESS -> address(value);
        };
    }

    /** First 3 and last 4 characters kept: 13812341234 → 138****1234. Short values keep only their last character. */
    public static String phone(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        int[] cp = value.strip().codePoints().toArray();
        if (cp.length >= 8) {
            return str(cp, 0, 3) + "****" + str(cp, cp.length - 4, cp.length);
        }
        return "*".repeat(Math.max(cp.length - 1, 1)) + (cp.length > 1 ? str(cp, cp.length - 1, cp.length) : "");
    }

    /** First 4 and last 4 kept, the rest starred: 110101199001011234 → 1101**********1234. */
    public static String idNumber(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        int[] cp = value.strip().codePoints().toArray();
        if (cp.length > 8) {
            return str(cp, 0, 4) + "*".repeat(cp.length - 8) + str(cp, cp.length - 4, cp.length);
        }
        return "*".repeat(Math.max(cp.length - 1, 1)) + (cp.length > 1 ? str(cp, cp.length - 1, cp.length) : "");
    }

    /** First character kept, one star per further character: 张三 → 张*, 欧阳修 → 欧**; a single character → *. */
    public static String name(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        int[] cp = value.strip().codePoints().toArray();
        if (cp.length <= 1) {
            return "*";
        }
        return str(cp, 0, 1) + "*".repeat(cp.length - 1);
    }

    /** First 6 characters kept, then a fixed "****" (length not revealed); short addresses keep half. */
    public static String address(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        int[] cp = value.strip().codePoints().toArray();
        int keep = cp.length > 6 ? 6 : cp.length / 2;
        return str(cp, 0, keep) + "****";
    }

    private static String str(int[] codePoints, int from, int to) {
        return new String(codePoints, from, to - from);
    }
}
