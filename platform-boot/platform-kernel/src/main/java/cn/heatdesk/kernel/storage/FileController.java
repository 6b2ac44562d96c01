package cn.heatdesk.kernel.storage;

import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.audit.AuditEntry;
import cn.heatdesk.kernel.audit.AuditService;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Upload and download of files ({@code /api/files}). Any logged-in user may upload, and may read a file whose id they
 * were given; the records that hold file ids (tickets, mobile commands) decide who gets to see an id.
 */
@Tag(name = "文件")
@RestController
@RequestMapping("/api/files")
public class FileController {

    private static final Logger log = LoggerFactory.getLogger(FileController.class);
    private static final DateTimeFormatter CAPTURE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final FileService files;
    private final AuditService audit;

    public FileController(FileService files, AuditService audit) {
        this.files = files;
        this.audit = audit;
    }

    /** Response of an upload and of /meta. */
    public record FileView(Long id, String sm3, long size, String contentType, String fileName, FileKind kind,
                           LocalDateTime createdAt, LocalDateTime captureTime, BigDecimal latitude, BigDecimal longitude) {
        static FileView of(StoredFile f) {
            return new FileView(f.id(), f.sm3(), f.size(), f.contentType(), f.fileName(), f.kind(), f.createdAt(),
                    f.captureTime(), f.latitude(), f.longitude());
        }
    }

    @Operation(summary = "上传文件（multipart 字段 file；可选 kind=IMAGE/VIDEO/AUDIO/DOC、captureTime、latitude、longitude）",
            description = "按文件内容识别格式：图片 jpg/png/webp/heic ≤ 20 MB，视频 mp4/mov/webm ≤ 200 MB，"
                    + "音频 mp3/amr/m4a/wav/webm/ogg ≤ 50 MB，PDF ≤ 20 MB。相同内容只存一份；同一用户重复上传同一文件返回同一 id。")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @AuditAction(value = "上传文件", manual = true)
    public ApiResponse<FileView> upload(@RequestParam(value = "file", required = false) MultipartFile file,
                                        @RequestParam(value = "kind", required = false) String kind,
                                        @RequestParam(value = "captureTime", required = false) String captureTime,
                                        @RequestParam(value = "latitude", required = false) BigDecimal latitude,
                                        @RequestParam(value = "longitude", required = false) BigDecimal longitude) {
        String name = file == null ? null : file.getOriginalFilename();
        try {
            if (file == null || file.isEmpty()) {
                throw BizException.invalid("file", file == null ? "请选择要上传的文件（表单字段 file）" : "上传的文件是空的，请重新选择文件");
            }
            FileKind fileKind;
            try {
                fileKind = FileKind.parse(kind);
            } catch (IllegalArgumentException e) {
                throw BizException.invalid("kind", "文件类别只能是 IMAGE（图片）、VIDEO（视频）、AUDIO（音频）或 DOC（文档）");
            }
            FileUpload upload = new FileUpload(name, file.getContentType(), fileKind, parseCaptureTime(captureTime),
                    latitude, longitude);
            StoredFile stored;
            try (InputStream in = file.getInputStream()) {
                stored = files.store(in, upload);
            }
            record(AuditEntry.fromContext("上传文件").target("POST /api/files/" + stored.id())
                    .detail("文件名=" + stored.fileName() + "，类型=" + stored.contentType() + "，大小=" + stored.size()
                            + " 字节，SM3=" + stored.sm3())
                    .httpStatus(200).success().build());
            return ApiResponse.ok(FileView.of(stored));
        } catch (BizException e) {
            record(AuditEntry.fromContext("上传文件").target("POST /api/files")
                    .detail("文件名=" + name + "，拒绝：" + e.getMessage())
                    .httpStatus(e.code().status().value()).failure().build());
            throw e;
        } catch (IOException | RuntimeException e) {
            record(AuditEntry.fromContext("上传文件").target("POST /api/files")
                    .detail("文件名=" + name + "，失败：" + e).httpStatus(500).failure().build());
            throw e instanceof RuntimeException re ? re : new java.io.UncheckedIOException((IOException) e);
        }
    }

    @Operation(summary = "文件信息")
    @GetMapping("/{id}/meta")
    public ApiResponse<FileView> meta(@PathVariable long id) {
        return ApiResponse.ok(FileView.of(files.get(id)));
    }

    @Operation(summary = "下载/查看文件（支持 Range；download=true 时作为附件下载）")
    @GetMapping("/{id}")
    public void download(@PathVariable long id,
                         @RequestParam(value = "download", required = false, defaultValue = "false") boolean attachment,
                         @RequestHeader(value = HttpHeaders.RANGE, required = false) String range,
                         @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                         HttpServletResponse response) throws IOException {
        StoredFile f = files.get(id);
        String etag = "\"" + f.sm3() + "\"";
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        // the content of an id never changes; private: it needs a login
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=86400");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        long[] span = range == null ? null : parseRange(range, f.size());
        if (span != null && span.length == 0) {
            response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + f.size());
            return;
        }
        long start = span == null ? 0 : span[0];
        long length = span == null ? f.size() : span[1] - span[0] + 1;
        InputStream in = span == null ? files.open(id) : files.open(id, start, length);
        try (in) {
            response.setContentType(f.contentType());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(attachment ? "attachment" : "inline", f.fileName()));
            response.setContentLengthLong(length);
            if (span != null) {
                response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
                response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + span[1] + "/" + f.size());
            }
            OutputStream out = response.getOutputStream();
            try {
                in.transferTo(out);
            } catch (IOException clientGone) {
                // players cancel ranges all the time; nothing to report to anyone
                log.debug("download of file {} ended early: {}", id, clientGone.toString());
            }
        }
    }

    /**
     * One byte range of "bytes=a-b", "bytes=a-" or "bytes=-n": {start, end} (inclusive); null to send the whole file
     * (malformed or several ranges — allowed by RFC 9110); an empty array when it cannot be satisfied (416).
     */
    static long[] parseRange(String header, long size) {
        String h = header.strip().toLowerCase(Locale.ROOT);
        if (!h.startsWith("bytes=") || h.indexOf(',') >= 0) {
            return null;
        }
        String spec = h.substring(6).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String a = spec.substring(0, dash).strip();
            String b = spec.substring(dash + 1).strip();
            long start;
            long end;
            if (a.isEmpty()) {
                if (b.isEmpty()) {
                    return null;
                }
                long suffix = Long.parseLong(b);
                if (suffix <= 0) {
                    return new long[0];
                }
                start = Math.max(0, size - suffix);
                end = size - 1;
            } else {
                start = Long.parseLong(a);
                end = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
                if (!b.isEmpty() && Long.parseLong(b) < start) {
                    return null;
                }
            }
            if (start >= size || size == 0) {
                return new long[0];
            }
            return new long[]{start, end};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code inline; filename="ascii fallback"; filename*=UTF-8''percent-encoded} (RFC 6266 / RFC 5987). */
    static String contentDisposition(String type, String fileName) {
        StringBuilder ascii = new StringBuilder();
        for (char c : fileName.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? c : '_');
        }
        StringBuilder encoded = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            // attr-char of RFC 5987
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private static LocalDateTime parseCaptureTime(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return v.contains("T") ? LocalDateTime.parse(v.length() > 19 ? v.substring(0, 19) : v)
                    : LocalDateTime.parse(v, CAPTURE_TIME);
        } catch (DateTimeParseException e) {
            throw BizException.invalid("captureTime", "拍摄时间格式应为 yyyy-MM-dd HH:mm:ss");
        }
    }

    private void record(AuditEntry entry) {
        try {
            audit.record(entry);
        } catch (RuntimeException e) {
            log.error("审计日志写入失败 / audit write failed for upload", e);
        }
    }
}
