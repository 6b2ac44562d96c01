package cn.heatdesk.callcenter.voicemail;

import cn.dev33.satoken.annotation.SaCheckPermission;
import cn.heatdesk.kernel.audit.AuditAction;
import cn.heatdesk.kernel.web.ApiResponse;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

@Tag(name = "语音留言")
@RestController
@RequestMapping("/api/callcenter/voicemails")
public class VoicemailController {

    private final VoicemailService voicemails;

    public VoicemailController(VoicemailService voicemails) {
        this.voicemails = voicemails;
    }

    @Operation(summary = "留言列表（按留言时间、来电号码、状态、网关筛选；号码按权限脱敏）")
    @GetMapping
    @SaCheckPermission("callcenter:voicemail")
    public ApiResponse<PageResult<VoicemailViews.VoicemailView>> search(VoicemailFilter filter, PageQuery query) {
        return ApiResponse.ok(voicemails.search(filter, query));
    }

    @Operation(summary = "留言详情（工单生成记录）")
    @GetMapping("/{id}")
    @SaCheckPermission("callcenter:voicemail")
    public ApiResponse<VoicemailViews.VoicemailDetail> detail(@PathVariable long id) {
        return ApiResponse.ok(voicemails.detail(id));
    }

    @Operation(summary = "播放/下载留言录音（支持 Range；每次播放记录审计）")
    @GetMapping("/{id}/audio")
    @SaCheckPermission("callcenter:voicemail:play")
    @AuditAction(value = "播放留言录音", manual = true)
    public ResponseEntity<Resource> audio(@PathVariable long id,
                                          @RequestParam(defaultValue = "false") boolean download,
                                          @RequestHeader(value = HttpHeaders.RANGE, required = false) String range) {
        VoicemailService.Playable p = voicemails.open(id, range, download);
        ResponseEntity.BodyBuilder b = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("audio/wav"))
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
        if (download) {
            b.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename(p.file().getFileName().toString(), StandardCharsets.UTF_8).build().toString());
        }
        return b.body(new FileSystemResource(p.file()));
    }

    public record RetryRequest(String reason) {
    }

    @Operation(summary = "重新生成留言工单（仅未生成工单的留言；已生成的拒绝，不会重复建单）")
    @PostMapping("/{id}/retry")
    @SaCheckPermission("callcenter:voicemail:retry")
    @AuditAction("重新生成留言工单")
    public ApiResponse<VoicemailViews.VoicemailView> retry(@PathVariable long id,
                                                          @RequestBody(required = false) RetryRequest req) {
        return ApiResponse.ok(voicemails.retry(id, req == null ? null : req.reason()));
    }
}
