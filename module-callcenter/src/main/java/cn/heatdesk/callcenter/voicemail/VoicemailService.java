package cn.heatdesk.callcenter.voicemail;

import cn.heatdesk.callcenter.call.NumberVisibility;
import cn.heatdesk.callcenter.call.RecordingStore;
import cn.heatdesk.kernel.audit.AuditEntry;
import cn.heatdesk.kernel.audit.AuditService;
import cn.heatdesk.kernel.crypto.FieldCipher;
import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's side of messages: list, detail, playback (audited like call recordings: a playback is one audit
 * entry, the later Range requests of the same playback are not written again) and the manual retry of a failed
 * work order.
 */
@Service
public class VoicemailService {

    static final int PAGE_COUNT_CAP = 10_000;
    static final Duration PLAYBACK_WINDOW = Duration.ofMinutes(30);
    static final Map<String, String> SORTS = Map.of("receivedAt", "v.received_at", "durationMs", "v.duration_ms",
            "status", "v.status", "attempts", "v.attempts");
    private static final Logger log = LoggerFactory.getLogger(VoicemailService.class);

    private final VoicemailMapper mapper;
    private final RecordingStore store;
    private final FieldCipher cipher;
    private final AuditService audit;
    private final IdGenerator ids;
    private final Map<String, Instant> lastAudited = new ConcurrentHashMap<>();

    public VoicemailService(VoicemailMapper mapper, RecordingStore store, FieldCipher cipher, AuditService audit,
                            IdGenerator ids) {
        this.mapper = mapper;
        this.store = store;
        this.cipher = cipher;
        this.audit = audit;
        this.ids = ids;
    }

    public PageResult<VoicemailViews.VoicemailView> search(VoicemailFilter filter, PageQuery query) {
        VoicemailFilter f = prepare(filter);
        String order = query.orderBy(SORTS, "v.received_at DESC") + ", v.id DESC";
        boolean unmask = mayViewNumbers();
        PageResult<VoicemailRow> page = Paging.page(query, PAGE_COUNT_CAP, () -> mapper.search(f, order));
        return page.map(v -> view(v, unmask));
    }

    public VoicemailViews.VoicemailDetail detail(long id) {
        VoicemailRow v = require(id);
        List<VoicemailViews.LogEntry> entries = mapper.selectLog(id).stream().map(m -> new VoicemailViews.LogEntry(
                (String) get(m, "log_action"), (String) get(m, "from_status"), (String) get(m, "to_status"),
                (String) get(m, "detail"), longOf(get(m, "operator_id")), (String) get(m, "operator_name"),
                timeOf(get(m, "created_at")))).toList();
        return new VoicemailViews.VoicemailDetail(view(v, mayViewNumbers()),
                VoicemailRecorder.audio(store, v.gatewayId, v.filePath).isPresent(), entries);
    }

    public record Playable(VoicemailRow voicemail, Path file) {
    }

    /** the file to stream; audits the playback */
    public Playable open(long id, String range, boolean download) {
        VoicemailRow v = require(id);
        Path file = VoicemailRecorder.audio(store, v.gatewayId, v.filePath)
                .orElseThrow(() -> new BizException(ErrorCode.NOT_FOUND, "留言录音文件不存在或尚未同步到服务器"));
        CurrentUser u = SecurityContext.require();
        String key = u.userId() + ":" + id;
        Instant now = Instant.now();
        Instant last = lastAudited.get(key);
        boolean newPlayback = range == null || range.isBlank() || range.replace(" ", "").startsWith("bytes=0-");
        if (download || newPlayback || last == null || last.isBefore(now.minus(PLAYBACK_WINDOW))) {
            try {
                audit.record(AuditEntry.fromContext(download ? "下载留言录音" : "播放留言录音")
                        .target("GET /api/callcenter/voicemails/" + v.id + "/audio")
                        .detail("留言 " + v.id + "（通话 " + v.linkedid + "）" + (range == null ? "" : "，范围 " + cut(range, 64)))
                        .httpStatus(200).success().build());
            } catch (RuntimeException e) {
                log.error("审计日志写入失败 / audit write failed for voicemail playback", e);
            }
            lastAudited.put(key, now);
        }
        return new Playable(v, file);
    }

    /**
     * Puts a message that did not become a work order back in the queue, due now with fresh attempts. A message
     * that already has its ticket is refused (409): a retry must never make a second one.
     */
    @Transactional
    public VoicemailViews.VoicemailView retry(long id, String reason) {
        VoicemailRow v = require(id);
        if (VoicemailStatus.TICKETED.equals(v.status) || v.ticketId != null) {
            throw BizException.conflict("该留言已生成工单 " + v.ticketNo + "，不能重复生成");
        }
        if (reason != null && reason.length() > 200) {
            throw BizException.invalid("reason", "重试说明不能超过 200 个字");
        }
        LocalDateTime now = LocalDateTime.now();
        if (mapper.resetForRetry(id, now) != 1) {
            throw BizException.conflict("留言状态已变化，请刷新后重试");
        }
        CurrentUser u = SecurityContext.require();
        String detail = "手动重新生成工单" + (v.lastError == null ? "" : "（上次失败：" + cut(v.lastError, 200) + "）")
                + (reason == null || reason.isBlank() ? "" : "：" + reason.trim());
        mapper.insertLog(ids.nextId(), id, "RETRY", v.status, VoicemailStatus.PENDING, cut(detail, 500), u.userId(),
                u.realName(), now, v.subsidiaryId, v.orgPath);
        return view(mapper.selectByIdUnscoped(id), mayViewNumbers());
    }

    VoicemailRow require(long id) {
        VoicemailRow v = mapper.selectById(id);
        if (v == null) {
            throw BizException.notFound("留言");
        }
        return v;
    }

    private VoicemailFilter prepare(VoicemailFilter filter) {
        VoicemailFilter f = filter == null ? new VoicemailFilter() : filter;
        if (f.getNumber() != null && !f.getNumber().isBlank()) {
            String idx = cipher.blindIndexPhone(f.getNumber().trim());
            // a number that normalises to nothing matches nothing (rather than everything)
            f.setNumberIdx(idx == null ? "-" : idx);
        } else {
            f.setNumberIdx(null);
        }
        if (f.getStatus() != null && f.getStatus().isBlank()) {
            f.setStatus(null);
        }
        if (f.getStatus() != null && !VoicemailStatus.LABELS.containsKey(f.getStatus())) {
            throw BizException.invalid("status", "留言状态只能是 PENDING（待生成工单）、TICKETED（已生成工单）或 FAILED（生成失败）");
        }
        if (f.getFrom() != null && f.getTo() != null && !f.getFrom().isBefore(f.getTo())) {
            throw BizException.invalid("to", "结束时间必须晚于开始时间");
        }
        return f;
    }

    static boolean mayViewNumbers() {
        return SecurityContext.current().map(u -> u.hasPermission(NumberVisibility.PERMISSION)).orElse(false);
    }

    VoicemailViews.VoicemailView view(VoicemailRow v, boolean unmask) {
        String caller = v.callerMask;
        if (unmask && v.callerEnc != null) {
            try {
                caller = cipher.decrypt(v.callerEnc);
            } catch (RuntimeException e) {
                caller = v.callerMask;
            }
        }
        return new VoicemailViews.VoicemailView(v.id, v.gatewayId, v.linkedid, v.callId, caller, !unmask,
                v.durationMs, v.fileSize, v.recordStatus, v.receivedAt, v.retainUntil, v.householdId, v.ticketId,
                v.ticketNo, v.status, VoicemailStatus.label(v.status), v.attempts, v.nextAttemptAt, v.lastError,
                v.ticketedAt);
    }

    private static Object get(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v != null ? v : m.get(key.toUpperCase());
    }

    private static Long longOf(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    private static LocalDateTime timeOf(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof LocalDateTime t) {
            return t;
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        return LocalDateTime.parse(o.toString().replace(' ', 'T'));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
