package cn.heatdesk.kernel.storage;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * What the uploader says about a file; the content decides the rest.
 *
 * @param fileName     original name (a path is cut off; blank becomes "file.&lt;ext&gt;")
 * @param declaredType the client's Content-Type; only a hint (see {@link ContentSniffer})
 * @param kind         the expected kind, or null to accept any accepted format
 * @param captureTime  when it was taken on the device (mobile), nullable
 * @param latitude     WGS-84, nullable; given together with longitude
 * @param longitude    WGS-84, nullable
 */
public record FileUpload(String fileName, String declaredType, FileKind kind, LocalDateTime captureTime,
                         BigDecimal latitude, BigDecimal longitude) {

    public static FileUpload of(String fileName, String declaredType, FileKind kind) {
        return new FileUpload(fileName, declaredType, kind, null, null, null);
    }
}
