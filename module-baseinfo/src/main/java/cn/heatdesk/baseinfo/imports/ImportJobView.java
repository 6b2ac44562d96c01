package cn.heatdesk.baseinfo.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;

/**
 * An import job as the console shows it.
 *
 * @param percent    processed / total rows, 0–100 with one decimal (100 once SUCCEEDED)
 * @param rowsPerSec rows committed per second by the current (or last) run
 * @param totalRows  data rows of the file (an estimate from the file until the worker has counted them)
 */
public record ImportJobView(Long id, String kind, String kindLabel, String fileName, String status, int totalRows,
                            int processedRows, int okRows, int failedRows, BigDecimal percent, BigDecimal rowsPerSec,
                            String message, LocalDateTime createdAt, LocalDateTime startedAt,
                            LocalDateTime finishedAt, String createdByName, Long subsidiaryId, String subsidiaryName,
                            String fileHash, Long fileSize) {

    static ImportJobView of(ImportJob j, String subsidiaryName) {
        int total = nz(j.getTotalRows());
        int processed = nz(j.getProcessedRows());
        BigDecimal percent;
        if (ImportStatus.SUCCEEDED.name().equals(j.getStatus())) {
            percent = BigDecimal.valueOf(100).setScale(1, RoundingMode.HALF_UP);
        } else if (total <= 0) {
            percent = BigDecimal.ZERO.setScale(1, RoundingMode.HALF_UP);
        } else {
            percent = BigDecimal.valueOf(Math.min(100.0, processed * 100.0 / total)).setScale(1, RoundingMode.HALF_UP);
        }
        String kindLabel = ImportKind.parse(j.getJobKind()).map(ImportKind::label).orElse(j.getJobKind());
        return new ImportJobView(j.getId(), j.getJobKind(), kindLabel, j.getFileName(), j.getStatus(), total, processed,
                nz(j.getOkRows()), nz(j.getFailedRows()), percent, j.getRowsPerSec(), j.getMessage(), j.getCreatedAt(),
                j.getStartedAt(), j.getFinishedAt(), j.getCreatedByName(), j.getTargetSubsidiaryId(), subsidiaryName,
                j.getFileHash(), j.getFileSize());
    }

    private static int nz(Integer v) {
        return v == null ? 0 : v;
    }
}
