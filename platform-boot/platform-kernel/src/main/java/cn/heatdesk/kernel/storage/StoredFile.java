package cn.heatdesk.kernel.storage;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A stored file as other modules and the console see it. Immutable: a file is never changed after upload, so
 * modules keep only its id (and may show {@code sm3} as the content fingerprint).
 *
 * @param sm3         lower-case hex SM3 of the content (GB/T 32905), also the content address in the storage
 * @param size        bytes
 * @param contentType detected from the content, e.g. image/jpeg
 * @param fileName    the uploader's file name (without any path)
 * @param captureTime when the photo/video/recording was taken, as reported by the uploading device (nullable)
 * @param latitude    WGS-84 degrees where it was taken (nullable)
 */
public record StoredFile(Long id, String sm3, long size, String contentType, String fileName, FileKind kind,
                         LocalDateTime createdAt, Long createdBy, Long subsidiaryId, String orgPath,
                         LocalDateTime captureTime, BigDecimal latitude, BigDecimal longitude) {
}
