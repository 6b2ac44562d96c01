package cn.heatdesk.baseinfo.imports;

import java.util.List;

/**
 * One data row of an uploaded sheet.
 *
 * @param rowNo  the Excel row number (header = 1), used in messages, the error file and the checkpoint
 * @param values cell text per layout column ({@link ImportKind#columns()} order), null when blank or absent
 * @param raw    the cells as read, in sheet order, for the failed-rows file
 * @param blank  no layout column has a value: the row is skipped
 */
public record SourceRow(int rowNo, String[] values, List<String> raw, boolean blank) {

    public String get(int layoutIndex) {
        return layoutIndex < 0 ? null : values[layoutIndex];
    }
}
