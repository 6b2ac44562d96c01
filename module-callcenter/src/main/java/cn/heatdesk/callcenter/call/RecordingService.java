package cn.heatdesk.callcenter.call;

import cn.heatdesk.kernel.audit.AuditEntry;
import cn.heatdesk.kernel.audit.AuditService;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recording playback and its audit (每次播放留痕). Every playback writes cc_recording_access and the audit log. A
 * browser's audio element fetches one playback in several Range requests (start, seeks): a request starting at
 * byte 0 (or without Range) is a new playback; a later range of the same user and recording within
 * {@link #PLAYBACK_WINDOW} belongs to it and is not written again — any other range request is written, so ranges
 * cannot be used to fetch a recording unaudited.
 */
@Service
public class RecordingService {

    static final Duration PLAYBACK_WINDOW = Duration.ofMinutes(30);
    private static final Logger log = LoggerFactory.getLogger(RecordingService.class);

    private final RecordingMapper recordings;
    private final RecordingStore store;
    private final AuditService audit;
    private final IdGenerator ids;
    private final Map<String, Instant> lastAudited = new ConcurrentHashMap<>();

    public RecordingService(RecordingMapper recordings, RecordingStore store, AuditService audit, IdGenerator ids) {
        this.recordings = recordings;
        this.store = store;
        this.audit = audit;
        this.ids = ids;
    }

    public record Playable(RecordingRow recording, Path file, String contentType) {
    }

    /** the file to stream; writes the access record and the audit entry */
    public Playable open(long id, String range, boolean download, String userAgent) {
        RecordingRow r = recordings.selectById(id);
        if (r == null) {
            throw BizException.notFound("录音");
        }
        if (r.deleted == 1) {
            throw new BizException(ErrorCode.NOT_FOUND, "录音已按保存期限删除");
        }
        Path file = store.resolve(r.gatewayId, r.filePath)
                .orElseThrow(() -> new BizException(ErrorCode.NOT_FOUND, "录音文件不存在或尚未同步到服务器"));
        if (r.fileSize == null && r.endedAt != null) {
            // the file was mirrored after the call ended: index its size now
            try {
                r.fileSize = java.nio.file.Files.size(file);
                recordings.update(r);
            } catch (java.io.IOException | RuntimeException e) {
                log.debug("recording {} size not indexed", id, e);
            }
        }
        CurrentUser u = SecurityContext.require();
        String key = u.userId() + ":" + id;
        Instant now = Instant.now();
        Instant last = lastAudited.get(key);
        boolean newPlayback = range == null || range.isBlank() || range.replace(" ", "").startsWith("bytes=0-");
        if (download || newPlayback || last == null || last.isBefore(now.minus(PLAYBACK_WINDOW))) {
            String kind = download ? "DOWNLOAD" : "PLAY";
            recordings.insertAccess(ids.nextId(), r.id, r.callId, u.userId(), u.username(), kind,
                    range == null ? null : cut(range, 64), SecurityContext.clientIp(), cut(userAgent, 255),
                    LocalDateTime.now(), r.subsidiaryId, r.orgPath);
            try {
                audit.record(AuditEntry.fromContext(download ? "下载录音" : "播放录音")
                        .target("GET /api/callcenter/recordings/" + r.id + "/audio")
                        .detail("录音 " + r.id + "（通话 " + r.callId + "）" + (range == null ? "" : "，范围 " + cut(range, 64)))
                        .httpStatus(200).success().build());
            } catch (RuntimeException e) {
                log.error("审计日志写入失败 / audit write failed for recording playback", e);
            }
            lastAudited.put(key, now);
        }
        return new Playable(r, file, contentType(r.filePath));
    }

    public record AccessView(Long userId, String username, String kind, String range, String clientIp,
                             LocalDateTime at) {
    }

    public List<AccessView> accessLog(long id) {
        if (recordings.selectById(id) == null) {
            throw BizException.notFound("录音");
        }
        return recordings.selectAccess(id).stream().map(m -> new AccessView(
                CallQueryService.longOf(CallQueryService.get(m, "user_id")),
                (String) CallQueryService.get(m, "username"), (String) CallQueryService.get(m, "access_kind"),
                (String) CallQueryService.get(m, "byte_range"), (String) CallQueryService.get(m, "client_ip"),
                CallQueryService.timeOf(CallQueryService.get(m, "accessed_at")))).toList();
    }

    /** deleting before the retention date is refused: the 3-year minimum is not up to the operator */
    public void delete(long id) {
        RecordingRow r = recordings.selectById(id);
        if (r == null) {
            throw BizException.notFound("录音");
        }
        if (r.retainUntil == null || LocalDate.now().isBefore(r.retainUntil)) {
            throw BizException.conflict("录音须保存至 " + (r.retainUntil == null ? "通话结束后三年"
                    : r.retainUntil.toString()) + "，保存期内不能删除");
        }
        recordings.markDeleted(id, SecurityContext.userIdOrSystem(), LocalDateTime.now());
    }

    static String contentType(String path) {
        String p = path.toLowerCase();
        if (p.endsWith(".wav") || p.endsWith(".wav49")) return "audio/wav";
        if (p.endsWith(".mp3")) return "audio/mpeg";
        if (p.endsWith(".ogg")) return "audio/ogg";
        if (p.endsWith(".gsm")) return "audio/gsm";
        return "application/octet-stream";
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
