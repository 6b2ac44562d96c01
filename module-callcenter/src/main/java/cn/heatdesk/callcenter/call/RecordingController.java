package cn.heatdesk.callcenter.call;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;

@Tag(name = "通话录音")
@RestController
@RequestMapping("/api/callcenter/recordings")
public class RecordingController {

    private final RecordingService recordings;

    public RecordingController(RecordingService recordings) {
        this.recordings = recordings;
    }

    /**
     * Streams the file; Range requests are answered with 206 by Spring MVC's resource region support, so the
     * console's audio element can seek. Each playback is audited by {@link RecordingService#open}.
     */
    @Operation(summary = "播放/下载录音（支持 Range；每次播放记录审计）")
    @GetMapping("/{id}/audio")
    @SaCheckPermission("callcenter:recording:play")
    @AuditAction(value = "播放录音", manual = true)
    public ResponseEntity<Resource> audio(@PathVariable long id,
                                          @RequestParam(defaultValue = "false") boolean download,
                                          @RequestHeader(value = HttpHeaders.RANGE, required = false) String range,
                                          @RequestHeader(value = HttpHeaders.USER_AGENT, required = false) String agent) {
        RecordingService.Playable p = recordings.open(id, range, download, agent);
        ResponseEntity.BodyBuilder b = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(p.contentType()))
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
        if (download) {
            b.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename(p.file().getFileName().toString(), StandardCharsets.UTF_8).build().toString());
        }
        return b.body(new FileSystemResource(p.file()));
    }

    @Operation(summary = "录音的播放记录")
    @GetMapping("/{id}/access")
    @SaCheckPermission("callcenter:recording:audit")
    public ApiResponse<List<RecordingService.AccessView>> access(@PathVariable long id) {
        return ApiResponse.ok(recordings.accessLog(id));
    }

    @Operation(summary = "删除录音（保存期限届满前拒绝）")
    @DeleteMapping("/{id}")
    @SaCheckPermission("callcenter:recording:delete")
    @AuditAction("删除录音")
    public ApiResponse<Void> delete(@PathVariable long id) {
        recordings.delete(id);
        return ApiResponse.ok();
    }
}
