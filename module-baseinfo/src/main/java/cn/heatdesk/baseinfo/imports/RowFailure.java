package cn.heatdesk.baseinfo.imports;

/**
 * A row that was not imported.
 *
 * @param field  the Chinese column title the problem is in (null when it concerns the row as a whole)
 * @param reason Chinese reason
 */
public record RowFailure(int rowNo, String field, String reason) {
}
