package cn.heatdesk.baseinfo.imports;

import cn.heatdesk.kernel.error.BizException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the header row of an uploaded sheet onto the layout of an {@link ImportKind}. Titles are matched after
 * trimming, without a trailing * and without a bracketed hint ("节点类型（公司/热源…）"). Every required column
 * must be present; optional ones may be left out (their values are then not supplied, so stored values stay).
 * Unknown titles are refused, so a misspelt column never silently drops data — except 错误字段/错误原因,
 * which the failed-rows file adds, so a corrected error file can be imported again.
 */
public final class HeaderMapping {

    private final ImportKind kind;
    /** sheet column index of each layout column, -1 when absent */
    private final int[] sheetIndex;
    /** the header row as read, by sheet column index */
    private final List<String> header;

    private HeaderMapping(ImportKind kind, int[] sheetIndex, List<String> header) {
        this.kind = kind;
        this.sheetIndex = sheetIndex;
        this.header = header;
    }

    /** @throws BizException VALIDATION naming {@code file} and the missing/unknown/duplicate column */
    public static HeaderMapping of(ImportKind kind, Map<Integer, String> headerCells) {
        int width = headerCells == null || headerCells.isEmpty() ? 0
                : headerCells.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        List<String> header = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            String v = headerCells.get(i);
            header.add(v == null ? null : v.strip());
        }
        if (header.stream().allMatch(h -> h == null || h.isEmpty())) {
            throw BizException.invalid("file", "第一行应为表头（" + String.join("、", kind.titles())
                    + "），请使用" + kind.label() + "导入模板");
        }
        int[] index = new int[kind.columns().size()];
        Arrays.fill(index, -1);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < width; i++) {
            String title = normalise(header.get(i));
            if (title == null) {
                continue;
            }
            Integer before = seen.putIfAbsent(title, i);
            if (before != null) {
                throw BizException.invalid("file", "表头中“" + title + "”列重复（第" + column(before) + "列和第" + column(i) + "列）");
            }
            if (title.equals(ImportKind.ERROR_FIELD_TITLE) || title.equals(ImportKind.ERROR_REASON_TITLE)) {
                continue;
            }
            int k = kind.titles().indexOf(title);
            if (k < 0) {
                throw BizException.invalid("file", "表头中的“" + Cells.abbreviate(title) + "”（第" + column(i) + "列）不是"
                        + kind.label() + "模板的列，模板的列为：" + String.join("、", kind.titles()));
            }
            index[k] = i;
        }
        List<String> missing = new ArrayList<>();
        for (int k = 0; k < index.length; k++) {
            if (index[k] < 0 && kind.columns().get(k).required()) {
                missing.add(kind.columns().get(k).title());
            }
        }
        if (!missing.isEmpty()) {
            throw BizException.invalid("file", "表头缺少必填列“" + String.join("”“", missing) + "”，请使用"
                    + kind.label() + "导入模板");
        }
        return new HeaderMapping(kind, index, header);
    }

    /** trims, drops a trailing * / ＊ and a bracketed hint; null for blank */
    static String normalise(String title) {
        if (title == null) {
            return null;
        }
        String t = title.strip();
        int bracket = indexOfAny(t, '(', '（');
        if (bracket > 0) {
            t = t.substring(0, bracket).strip();
        }
        while (t.endsWith("*") || t.endsWith("＊")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        while (t.startsWith("*") || t.startsWith("＊")) {
            t = t.substring(1).strip();
        }
        return t.isEmpty() ? null : t;
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) {
            return j;
        }
        return j < 0 ? i : Math.min(i, j);
    }

    /** Excel column letters for a 0-based index (0 → A, 27 → AB) */
    static String column(int index) {
        StringBuilder sb = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int r = (n - 1) % 26;
            sb.insert(0, (char) ('A' + r));
            n = (n - 1) / 26;
        }
        return sb.toString();
    }

    public ImportKind kind() {
        return kind;
    }

    /** the header row as read (sheet order), for the failed-rows file */
    public List<String> header() {
        return header;
    }

    public boolean has(String key) {
        int k = kind.indexOf(key);
        return k >= 0 && sheetIndex[k] >= 0;
    }

    /** one data row: layout values (blank → null) plus the original cells of the header's width */
    public SourceRow row(int rowNo, Map<Integer, String> cells) {
        String[] values = new String[sheetIndex.length];
        boolean any = false;
        for (int k = 0; k < sheetIndex.length; k++) {
            if (sheetIndex[k] >= 0) {
                values[k] = Cells.text(cells.get(sheetIndex[k]));
                any |= values[k] != null;
            }
        }
        List<String> raw = new ArrayList<>(header.size());
        for (int i = 0; i < header.size(); i++) {
            raw.add(cells.get(i));
        }
        return new SourceRow(rowNo, values, raw, !any);
    }
}
