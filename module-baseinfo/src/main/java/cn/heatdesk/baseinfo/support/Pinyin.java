package cn.heatdesk.baseinfo.support;

import net.sourceforge.pinyin4j.PinyinHelper;

import java.util.Locale;

/** Pinyin initials for search: 幸福家园3号楼 → xfjy3hl. Letters and digits are kept, other symbols dropped. */
public final class Pinyin {

    private Pinyin() {
    }

    public static String initials(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128) {
                if (Character.isLetterOrDigit(c)) {
                    sb.append(Character.toLowerCase(c));
                }
                continue;
            }
            String[] py = PinyinHelper.toHanyuPinyinStringArray(c);
            if (py != null && py.length > 0 && !py[0].isEmpty()) {
                sb.append(py[0].charAt(0));
            } else if (Character.isLetterOrDigit(c)) {
                // full-width letters/digits
                sb.append(Character.toLowerCase(java.text.Normalizer.normalize(String.valueOf(c),
                        java.text.Normalizer.Form.NFKC).charAt(0)));
            }
        }
        String s = sb.toString().toLowerCase(Locale.ROOT);
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}
