package cn.heatdesk.repair.mobile.media;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.storage.FileService;
import cn.heatdesk.kernel.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Resumable field uploads of the mobile app (contract: docs/mobile-media.md). Any signed-in app user; the device
 * check of /api/mobile/** applies. Refusals with a contract code (OFFSET_MISMATCH, HASH_MISMATCH) carry it as the
 * envelope code.
 */
@Tag(name = "移动端-现场附件")
@RestController
@RequestMapping("/api/mobile/media")
public class MobileMediaController {

    private static final Logger log = LoggerFactory.getLogger(MobileMediaController.class);

    private final MediaUploadService uploads;
    private final FieldMediaService media;
    private final FileService files;
    private final MediaProperties props;

    public MobileMediaController(MediaUploadService uploads, FieldMediaService media, FileService files,
                                 MediaProperties props) {
        this.uploads = uploads;
        this.media = media;
        this.files = files;
        this.props = props;
    }

    @Operation(summary = "开始（或续传）一个附件上传：按 SM3 识别，已存储的内容立即返回 complete",
            description = "照片 ≤ 20 MB、视频 ≤ 200 MB、录音 ≤ 20 MB、签名 ≤ 2 MB；同一用户同一内容只有一个上传任务，再次开始即续传。")
    @PostMapping("/uploads")
    public ApiResponse<MediaUploadService.UploadState> start(@RequestBody MediaUploadService.StartRequest req) {
        return ApiResponse.ok(uploads.start(req));
    }

    @Operation(summary = "上传任务的进度（received = 服务器已收到的字节数）")
    @GetMapping("/uploads/{id}")
    public ApiResponse<MediaUploadService.UploadState> status(@PathVariable long id) {
        return ApiResponse.ok(uploads.status(id));
    }

    @Operation(summary = "追加一个数据块（原始字节，≤ 1 MB），offset 必须等于已收到的字节数；最后一块校验 SM3 并存储")
    @PutMapping("/uploads/{id}")
    public ApiResponse<MediaUploadService.UploadState> append(@PathVariable long id, @RequestParam long offset,
                                                              HttpServletRequest request) throws IOException {
        long max = props.getChunkSize().toBytes();
        if (request.getContentLengthLong() > max) {
            throw new BizException(ErrorCode.PAYLOAD_TOO_LARGE, "单个数据块不能超过 " + MediaUploadService.mb(max), "body");
        }
        try (InputStream body = request.getInputStream()) {
            return ApiResponse.ok(uploads.append(id, offset, body));
        }
    }

    @Operation(summary = "下载现场附件（上传人，或能查看所关联工单的人）")
    @GetMapping("/{contentHash}")
    public void download(@PathVariable String contentHash,
                         @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                         HttpServletResponse response) throws IOException {
        FieldMediaRow m = media.readable(contentHash);
        String etag = "\"" + m.getContentHash() + "\"";
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=86400");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        try (InputStream in = files.open(m.getFileId())) {
            response.setContentType(m.getMimeType());
            response.setContentLengthLong(m.getSizeBytes());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline");
            OutputStream out = response.getOutputStream();
            try {
                in.transferTo(out);
            } catch (IOException clientGone) {
                log.debug("download of {} ended early: {}", m.getContentHash(), clientGone.toString());
            }
        }
    }

    /** the contract code as the envelope code, with the HTTP status of the generic one */
    @ExceptionHandler(FieldMediaException.class)
    public ResponseEntity<ApiResponse<Object>> refused(FieldMediaException e) {
        return ResponseEntity.status(e.code().status())
                .body(ApiResponse.error(e.reason(), e.getMessage(), e.field(), e.data()));
    }
}
