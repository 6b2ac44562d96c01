package cn.heatdesk.kernel.crypto;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises values before blind indexing, so that the same phone number or ID number typed differently
 * (full-width digits, spaces, dashes, country prefix, lower-case x) yields the same index.
 */
public final class BlindIndexNormalizer {

    /** Characters people put into phone numbers: digits, +, spaces, dashes, dots, parentheses. */
    private static final Pattern PHONE_LIKE = Pattern.compile("[+0-9\\s\\-.()]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private BlindIndexNormalizer() {
    }

    /**
     * Generic normalisation: NFKC (full-width → half-width), whitespace removed, upper case; values that look like
     * phone numbers (only digits and phone punctuation, at least 7 digits) get {@link #phone(String)}.
     */
    public static String normalize(String value) {
        if (value == null) {
            return null;
        }
        String s = Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
        if (PHONE_LIKE.matcher(s).matches() && countDigits(s) >= 7) {
            return phone(s);
        }
        return WHITESPACE.matcher(s).replaceAll("").toUpperCase(Locale.ROOT);
    }

    /**
     * Phone numbers: digits only, international prefix +86 / 0086 / 86 (before an 11-digit mobile number) removed.
     * A landline written internationally ({@code +86 10 1234 5678}) gets its trunk prefix back
     * ({@code 01012345678}) so it matches the domestic form {@code 010-12345678}.
     */
    public static String phone(String value) {
        if (value == null) {
            return null;
        }
        String s = Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
        boolean international = s.startsWith("+");
        StringBuilder digits = new StringBuilder(s.length());
        s.codePoints().filter(cp -> cp >= '0' && cp <= '9').forEach(digits::appendCodePoint);
        String d = digits.toString();
        String national = null;
        if (international && d.startsWith("86")) {
            national = d.substring(2);
        } else if (d.startsWith("0086")) {
            national = d.substring(4);
        } else if (d.length() == 13 && d.startsWith("861")) {
            national = d.substring(2);
        }
        if (national == null) {
            return d;
        }
        if (national.startsWith("1") && national.length() == 11) {
            return national;
        }
        return national.startsWith("0") ? national : "0" + national;
    }

    /** ID numbers: NFKC, whitespace removed, upper case (check digit x → X). */
    public static String idNumber(String value) {
        if (value == null) {
            return null;
        }
        String s = Normalizer.normalize(value, Normalizer.Form.NFKC);
        return WHITESPACE.matcher(s).replaceAll("").toUpperCase(Locale.ROOT);
    }

    private static int countDigits(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                n++;
            }
        }
        return n;
    }
}
