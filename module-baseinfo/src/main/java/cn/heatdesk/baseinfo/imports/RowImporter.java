package cn.heatdesk.baseinfo.imports;

import java.util.List;

/** Validates and writes rows of one {@link ImportKind}, in the caller's transaction. */
public interface RowImporter {

    ImportKind kind();

    /**
     * Imports {@code rows} (in order) into the context's subsidiary. Rows that fail validation are returned, not
     * thrown; a row absent from the result was written (or was already up to date). An exception means the batch
     * could not be written at all; the caller rolls back and retries row by row.
     */
    List<RowFailure> importRows(ImportContext ctx, List<SourceRow> rows);
}
