package cn.heatdesk.repair.mobile.media;

import cn.heatdesk.baseinfo.api.HeatNetClient;
import cn.heatdesk.baseinfo.api.HeatNetReading;
import cn.heatdesk.baseinfo.api.HouseholdApi;
import cn.heatdesk.baseinfo.api.HouseholdSummary;
import cn.heatdesk.baseinfo.api.RoomTemperatureApi;
import cn.heatdesk.kernel.audit.AuditEntry;
import cn.heatdesk.kernel.audit.AuditService;
import cn.heatdesk.kernel.crypto.Sm3;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.storage.FileKind;
import cn.heatdesk.kernel.storage.FileService;
import cn.heatdesk.repair.mobile.FieldUsers;
import cn.heatdesk.servicedesk.api.TicketAction;
import cn.heatdesk.servicedesk.api.TicketApi;
import cn.heatdesk.servicedesk.api.TicketCommand;
import cn.heatdesk.servicedesk.api.TicketOrigin;
import cn.heatdesk.servicedesk.api.TicketRow;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link FieldMedia}: binds uploaded field evidence to tickets. Every binding writes its own row (idempotent by the
 * command's op id) and one timeline NOTE through {@link TicketApi#perform} with origin APP, in the caller's
 * transaction, so a refused command leaves nothing behind. Also answers the console's field record of a ticket
 * and who may download an item.
 */
@Service
public class FieldMediaService implements FieldMedia {

    static final String LINK_ATTACH = "ATTACH";
    static final String LINK_VOICE = "VOICE";
    static final String TRANSCRIPT_NONE = "NONE";
    static final String TRANSCRIPT_DONE = "DONE";
    static final String TRANSCRIPT_FAILED = "FAILED";
    /** the base data's source code of readings taken in the field app */
    static final String TEMPERATURE_SOURCE = "APP";
    static final BigDecimal MIN_TEMP = new BigDecimal("-50");
    static final BigDecimal MAX_TEMP = new BigDecimal("60");
    static final int MAX_FORWARD_ATTEMPTS = 20;
    static final String[] SATISFACTION = {"", "很不满意", "不满意", "一般", "满意", "很满意"};
    private static final Logger log = LoggerFactory.getLogger(FieldMediaService.class);

    private final FieldMediaMapper mapper;
    private final TicketApi tickets;
    private final OrgApi orgs;
    private final HouseholdApi households;
    private final RoomTemperatureApi temperatures;
    private final ObjectProvider<HeatNetClient> heatNet;
    private final AuditService audit;
    private final FileService files;
    private final IdGenerator ids;
    private final AsrEngine asr;
    private final TransactionTemplate requiresNew;

    public FieldMediaService(FieldMediaMapper mapper, TicketApi tickets, OrgApi orgs, HouseholdApi households,
                             RoomTemperatureApi temperatures, ObjectProvider<HeatNetClient> heatNet, AuditService audit,
                             FileService files, IdGenerator ids, Map<String, AsrEngine> engines,
                             @Value("${heatdesk.repair.asr.engine:none}") String engine,
                             PlatformTransactionManager transactionManager) {
        this.mapper = mapper;
        this.tickets = tickets;
        this.orgs = orgs;
        this.households = households;
        this.temperatures = temperatures;
        this.heatNet = heatNet;
        this.audit = audit;
        this.files = files;
        this.ids = ids;
        this.asr = selectEngine(engines, engine);
        this.requiresNew = new TransactionTemplate(transactionManager);
        this.requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** heatdesk.repair.asr.engine: "none" (default) or the bean name of an {@link AsrEngine}; a wrong name stops start-up */
    static AsrEngine selectEngine(Map<String, AsrEngine> engines, String name) {
        String n = name == null ? "none" : name.strip();
        if (n.isEmpty() || n.equalsIgnoreCase("none")) {
            return null;
        }
        AsrEngine e = engines.get(n);
        if (e == null) {
            throw new IllegalStateException("heatdesk.repair.asr.engine=" + n + "，但没有这个名字的语音识别引擎（AsrEngine bean）；"
                    + "可用：" + engines.keySet() + "，不用语音识别请设为 none");
        }
        return e;
    }

    public boolean asrConfigured() {
        return asr != null;
    }

    public boolean heatNetConfigured() {
        return heatNet.getIfAvailable() != null;
    }

    // ------------------------------------------------------------------------------------------------ FieldMedia

    @Override
    @Transactional
    public FieldMediaRef attach(long ticketId, String contentHash, MediaKind kind, String note, FieldActor actor) {
        requireActor(actor);
        if (kind == null || kind == MediaKind.SIGNATURE) {
            throw BizException.invalid("kind", "附件类别只能是 PHOTO（照片）、VIDEO（视频）或 AUDIO（录音）");
        }
        TicketMediaRow replay = mapper.selectLinkByOp(ticketId, actor.opId());
        if (replay != null) {
            return ref(replay);
        }
        FieldMediaRow media = requireMedia(contentHash, "contentHash");
        MediaKind stored = MediaKind.valueOf(media.getMediaKind());
        if (MediaUploadService.fileKind(stored) != MediaUploadService.fileKind(kind)) {
            throw BizException.invalid("kind", "该文件上传时是" + stored.label() + "，不能作为" + kind.label() + "关联");
        }
        String text = limit(note, 500, "note", "说明");
        TicketCtx t = ticket(ticketId);
        TicketMediaRow link = link(t, media, kind, LINK_ATTACH, text, actor);
        mapper.insertLink(link);
        timeline(t, "现场" + kind.label() + (text == null ? "" : "：" + text));
        return ref(mapper.selectLinkByOp(ticketId, actor.opId()));
    }

    @Override
    @Transactional
    public SignatureRecord sign(long ticketId, String signatureHash, int satisfaction, String comment,
                                LocalDateTime clientTime, FieldActor actor) {
        requireActor(actor);
        SignatureRow existing = mapper.selectSignature(ticketId);
        if (existing != null) {
            if (existing.getOpId().equals(actor.opId())) {
                return record(existing);
            }
            throw signatureExists(ticketId, existing, actor);
        }
        if (satisfaction < 1 || satisfaction > 5) {
            throw BizException.invalid("satisfaction", "请选择满意度（1-5 分）");
        }
        String text = limit(comment, 500, "comment", "客户评价");
        FieldMediaRow media = requireMedia(signatureHash, "signatureHash");
        if (MediaUploadService.fileKind(MediaKind.valueOf(media.getMediaKind())) != FileKind.IMAGE) {
            throw BizException.invalid("signatureHash", "电子签名必须是签字图片");
        }
        TicketCtx t = ticket(ticketId);
        LocalDateTime serverTime = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        SignatureRow row = new SignatureRow();
        row.setId(ids.nextId());
        row.setTicketId(ticketId);
        row.setTicketNo(t.row().ticketNo());
        row.setMediaId(media.getId());
        row.setSignatureHash(media.getContentHash());
        row.setSatisfaction(satisfaction);
        row.setCustomerComment(text);
        row.setClientTime(clientTime == null ? null : clientTime.truncatedTo(ChronoUnit.SECONDS));
        row.setServerTime(serverTime);
        row.setRecordHash(recordHash(ticketId, t.row().ticketNo(), media.getContentHash(), satisfaction, text, serverTime,
                actor.userId()));
        row.setOpId(actor.opId());
        row.setDeviceId(actor.deviceId());
        row.setUserId(actor.userId());
        row.setUserName(actor.userName());
        row.setSubsidiaryId(t.subsidiaryId());
        row.setOrgPath(t.orgPath());
        row.setCreatedAt(serverTime);
        try {
            mapper.insertSignature(row);
        } catch (DuplicateKeyException race) {
            throw signatureExists(ticketId, null, actor);
        }
        timeline(t, "客户电子签名确认，满意度 " + satisfaction + " 分（" + SATISFACTION[satisfaction] + "）"
                + (text == null ? "" : "，评价：" + text));
        row.setFileId(media.getFileId());
        return record(row);
    }

    @Override
    public Optional<SignatureRecord> signatureOf(long ticketId) {
        return Optional.ofNullable(mapper.selectSignature(ticketId)).map(FieldMediaService::record);
    }

    @Override
    @Transactional
    public FieldMediaRef voiceNote(long ticketId, String audioHash, Integer durationSeconds, FieldActor actor) {
        requireActor(actor);
        TicketMediaRow replay = mapper.selectLinkByOp(ticketId, actor.opId());
        if (replay != null) {
            return ref(replay);
        }
        FieldMediaRow media = requireMedia(audioHash, "contentHash");
        if (MediaKind.valueOf(media.getMediaKind()) != MediaKind.AUDIO) {
            throw BizException.invalid("contentHash", "语音上报必须是录音文件");
        }
        if (durationSeconds != null && (durationSeconds < 0 || durationSeconds > 7200)) {
            throw BizException.invalid("durationSeconds", "录音时长应在 0 到 7200 秒之间");
        }
        TicketCtx t = ticket(ticketId);
        TicketMediaRow link = link(t, media, MediaKind.AUDIO, LINK_VOICE, null, actor);
        link.setDurationSeconds(durationSeconds);
        transcribe(media, link);
        mapper.insertLink(link);
        String len = durationSeconds == null ? "" : "（" + durationSeconds + " 秒）";
        timeline(t, switch (link.getTranscriptStatus()) {
            case TRANSCRIPT_DONE -> "语音上报" + len + "：" + link.getTranscript();
            case TRANSCRIPT_FAILED -> "语音上报" + len + "，语音识别失败，保留原声";
            default -> "语音上报" + len + "，未配置语音识别，保留原声";
        });
        return ref(mapper.selectLinkByOp(ticketId, actor.opId()));
    }

    @Override
    @Transactional
    public TemperatureRecord temperature(long ticketId, BigDecimal indoorTemp, LocalDateTime measuredAt, String room,
                                         String note, FieldActor actor) {
        requireActor(actor);
        FieldTempRow replay = mapper.selectTempByOp(ticketId, actor.opId());
        if (replay != null) {
            return temperatureRecord(replay);
        }
        if (indoorTemp == null || indoorTemp.compareTo(MIN_TEMP) < 0 || indoorTemp.compareTo(MAX_TEMP) > 0) {
            throw BizException.invalid("indoorTemp", "室温应在 -50 到 60 ℃ 之间");
        }
        if (measuredAt == null) {
            throw BizException.invalid("measuredAt", "请填写测量时间");
        }
        if (measuredAt.isAfter(LocalDateTime.now().plusHours(1))) {
            throw BizException.invalid("measuredAt", "测量时间不能晚于当前时间");
        }
        String roomName = limit(room, 64, "room", "房间");
        String text = limit(note, 500, "note", "说明");
        TicketCtx t = ticket(ticketId);
        BigDecimal temp = indoorTemp.setScale(1, RoundingMode.HALF_UP);
        LocalDateTime at = measuredAt.truncatedTo(ChronoUnit.SECONDS);
        Long householdId = householdOf(t.row());

        FieldTempRow row = new FieldTempRow();
        row.setId(ids.nextId());
        row.setTicketId(ticketId);
        row.setHouseholdId(householdId);
        row.setHouseholdCode(householdId == null ? null : t.row().householdCode());
        row.setIndoorTemp(temp);
        row.setMeasuredAt(at);
        row.setRoomName(roomName);
        row.setNote(text);
        if (householdId != null) {
            // the base data keeps it once per (APP, op id): a replay through another path cannot double it
            row.setBaseReadingId(temperatures.record(householdId, temp, at, TEMPERATURE_SOURCE, actor.opId()));
        }
        row.setOpId(actor.opId());
        row.setDeviceId(actor.deviceId());
        row.setUserId(actor.userId());
        row.setUserName(actor.userName());
        row.setSubsidiaryId(t.subsidiaryId());
        row.setOrgPath(t.orgPath());
        row.setCreatedAt(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS));
        mapper.insertTemp(row);
        timeline(t, "测温：室温 " + temp.toPlainString() + " ℃" + (roomName == null ? "" : "（" + roomName + "）")
                + (text == null ? "" : "，" + text) + (householdId == null ? "（工单未关联房屋，未计入房屋室温）" : ""));
        return temperatureRecord(row);
    }

    @Override
    public List<FieldMediaRef> mediaOf(long ticketId) {
        List<FieldMediaRef> out = new ArrayList<>(mapper.selectLinks(ticketId).stream().map(FieldMediaService::ref).toList());
        SignatureRow s = mapper.selectSignature(ticketId);
        if (s != null) {
            FieldMediaRow m = mediaById(s);
            out.add(new FieldMediaRef(s.getId(), ticketId, MediaKind.SIGNATURE, s.getSignatureHash(), s.getFileId(),
                    m == null ? null : m.getMimeType(), m == null ? 0 : m.getSizeBytes(), null, null, null,
                    s.getCustomerComment(), null, null, s.getUserId(), s.getUserName(), s.getCreatedAt()));
            out.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------- console and downloads

    /** GET /api/repair/tickets/{id}/field-record: 404 unless the caller may see the ticket (TicketApi.detail) */
    public FieldRecordViews.FieldRecord fieldRecord(long ticketId) {
        var detail = tickets.detail(ticketId);
        List<FieldRecordViews.MediaView> media = new ArrayList<>();
        List<FieldRecordViews.MediaView> voice = new ArrayList<>();
        for (TicketMediaRow l : mapper.selectLinks(ticketId)) {
            (LINK_VOICE.equals(l.getLinkType()) ? voice : media).add(FieldRecordViews.media(l));
        }
        SignatureRow s = mapper.selectSignature(ticketId);
        FieldRecordViews.SignatureView signature = s == null ? null : FieldRecordViews.signature(s, intact(s));
        List<FieldRecordViews.TemperatureView> temps = mapper.selectTemps(ticketId).stream()
                .map(FieldRecordViews::temperature).toList();
        return new FieldRecordViews.FieldRecord(ticketId, detail.ticket().ticketNo(), media, voice, signature, temps,
                asrConfigured(), heatNetConfigured());
    }

    /** the item of a hash when the current user may read it: its uploader, or someone who may see a linked ticket */
    public FieldMediaRow readable(String contentHash) {
        CurrentUser user = SecurityContext.require();
        String hash = MediaUploadService.normaliseHash(contentHash);
        FieldMediaRow media = mapper.selectMediaByHash(hash);
        if (media == null) {
            throw BizException.notFound("文件");
        }
        MediaUploadRow mine = mapper.selectUpload(hash, user.userId());
        if (mine != null && MediaUploadService.DONE.equals(mine.getUploadState())) {
            return media;
        }
        for (Long ticketId : mapper.selectTicketIdsOfMedia(media.getId())) {
            TicketRow t = tickets.find(ticketId);
            if (t.workerId() != null && t.workerId() == user.userId()) {
                return media;
            }
            try {
                tickets.detail(ticketId);
                return media;
            } catch (BizException outOfScope) {
                // not this one; another linked ticket may be visible
            }
        }
        throw BizException.forbidden("无权查看该文件：只有上传人和能查看所关联工单的人可以查看");
    }

    /** resends readings the heat network has not accepted yet; returns how many it accepted now */
    public int forwardPending() {
        HeatNetClient client = heatNet.getIfAvailable();
        if (client == null) {
            return 0;
        }
        int ok = 0;
        for (FieldTempRow row : mapper.selectUnforwarded(MAX_FORWARD_ATTEMPTS, LocalDateTime.now())) {
            String subsidiaryCode = row.getSubsidiaryId() == null ? null
                    : orgs.find(row.getSubsidiaryId()).map(OrgInfo::orgCode).orElse(null);
            try {
                client.sendReading(new HeatNetReading("HD-" + row.getId(), subsidiaryCode, row.getHouseholdCode(),
                        row.getIndoorTemp(), row.getMeasuredAt()));
                requiresNew.executeWithoutResult(st -> mapper.markForwarded(row.getId(), LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS)));
                ok++;
            } catch (RuntimeException e) {
                String msg = String.valueOf(e.getMessage());
                log.warn("room temperature {} not accepted by the heat network: {}", row.getId(), msg);
                requiresNew.executeWithoutResult(st -> mapper.markForwardFailed(row.getId(),
                        msg.length() > 500 ? msg.substring(0, 500) : msg));
            }
        }
        return ok;
    }

    /**
     * SM3 over the signed facts, one per line (UTF-8): ticket id, ticket number, image hash, satisfaction, comment
     * (empty when none), server time (ISO yyyy-MM-ddTHH:mm:ss), user id. Anyone can recompute it from the row.
     */
    static String recordHash(long ticketId, String ticketNo, String imageHash, int satisfaction, String comment,
                             LocalDateTime serverTime, long userId) {
        String canonical = ticketId + "\n" + ticketNo + "\n" + imageHash + "\n" + satisfaction + "\n"
                + (comment == null ? "" : comment) + "\n" + serverTime.truncatedTo(ChronoUnit.SECONDS) + "\n" + userId;
        return Sm3.hashHex(canonical);
    }

    static boolean intact(SignatureRow s) {
        return recordHash(s.getTicketId(), s.getTicketNo(), s.getSignatureHash(), s.getSatisfaction(),
                s.getCustomerComment(), s.getServerTime(), s.getUserId()).equals(s.getRecordHash());
    }

    // ------------------------------------------------------------------------------------------------ internals

    record TicketCtx(TicketRow row, Long subsidiaryId, String orgPath) {
    }

    private TicketCtx ticket(long ticketId) {
        TicketRow r = tickets.find(ticketId);
        Long orgId = r.stationOrgId() != null ? r.stationOrgId() : r.subsidiaryId();
        String path = orgId == null ? null : orgs.find(orgId).map(OrgInfo::orgPath).orElse(null);
        return new TicketCtx(r, r.subsidiaryId(), path == null ? "/" : path);
    }

    private Long householdOf(TicketRow t) {
        if (t.householdCode() == null || t.subsidiaryId() == null) {
            return null;
        }
        return households.findByCode(t.subsidiaryId(), t.householdCode()).map(HouseholdSummary::id).orElse(null);
    }

    /**
     * One NOTE from the app. The caller (the sync push) has checked that the ticket is the worker's; a worker's own
     * scope (SELF) matches no ticket, so the core is called with the worker narrowed to the ticket's org path, as
     * the push does for its own actions. The timeline still names the worker.
     */
    private void timeline(TicketCtx t, String note) {
        String text = note.length() > 500 ? note.substring(0, 499) + "…" : note;
        TicketCommand cmd = new TicketCommand(TicketAction.NOTE, null, null, text, null, null, null, null, null, null,
                null, null);
        CurrentUser user = SecurityContext.current().orElse(null);
        if (user == null) {
            tickets.perform(t.row().id(), cmd, TicketOrigin.APP);
        } else {
            SecurityContext.callAs(FieldUsers.onTicket(user, t.orgPath()),
                    () -> tickets.perform(t.row().id(), cmd, TicketOrigin.APP));
        }
    }

    private FieldMediaRow requireMedia(String hash, String field) {
        String h;
        try {
            h = MediaUploadService.normaliseHash(hash);
        } catch (BizException bad) {
            throw BizException.invalid(field, bad.getMessage());
        }
        FieldMediaRow m = mapper.selectMediaByHash(h);
        if (m == null) {
            FieldMediaException e = FieldMediaException.mediaNotFound(h);
            throw new FieldMediaException(e.reason(), e.code(), e.getMessage(), field);
        }
        return m;
    }

    private FieldMediaRow mediaById(SignatureRow s) {
        return mapper.selectMediaByHash(s.getSignatureHash());
    }

    private TicketMediaRow link(TicketCtx t, FieldMediaRow media, MediaKind kind, String type, String note, FieldActor actor) {
        TicketMediaRow l = new TicketMediaRow();
        l.setId(ids.nextId());
        l.setTicketId(t.row().id());
        l.setMediaId(media.getId());
        l.setMediaKind(kind.name());
        l.setLinkType(type);
        l.setNote(note);
        l.setOpId(actor.opId());
        l.setDeviceId(actor.deviceId());
        l.setUserId(actor.userId());
        l.setUserName(actor.userName());
        l.setSubsidiaryId(t.subsidiaryId());
        l.setOrgPath(t.orgPath());
        l.setCreatedAt(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS));
        return l;
    }

    /** with an engine: the recognised text (DONE) or FAILED; without: NONE. The audio is kept in every case. */
    private void transcribe(FieldMediaRow media, TicketMediaRow link) {
        if (asr == null) {
            link.setTranscriptStatus(TRANSCRIPT_NONE);
            return;
        }
        try (InputStream in = files.open(media.getFileId())) {
            String text = asr.transcribe(in, media.getMimeType());
            String t = text == null ? "" : text.strip();
            link.setTranscript(t.length() > 4000 ? t.substring(0, 4000) : t);
            link.setTranscriptStatus(TRANSCRIPT_DONE);
        } catch (Exception e) {
            log.warn("speech recognition of {} failed: {}", media.getContentHash(), e.toString());
            link.setTranscriptStatus(TRANSCRIPT_FAILED);
        }
    }

    private BizException signatureExists(long ticketId, SignatureRow existing, FieldActor actor) {
        String when = existing == null ? "" : "（" + existing.getServerTime().toString().replace('T', ' ') + " 由 "
                + existing.getUserName() + " 提交）";
        String message = "该工单已有客户电子签名" + when + "，签名提交后不可修改";
        try {
            audit.record(AuditEntry.fromContext("修改客户电子签名").target("工单 " + ticketId)
                    .detail("拒绝：已有签名；操作 " + actor.opId() + "，设备 " + actor.deviceId())
                    .httpStatus(ErrorCode.CONFLICT.status().value()).failure().build());
        } catch (RuntimeException e) {
            log.error("审计日志写入失败 / audit write failed for a refused signature change", e);
        }
        return new FieldMediaException(FieldMediaException.SIGNATURE_EXISTS, ErrorCode.CONFLICT, message, "signatureHash");
    }

    private static void requireActor(FieldActor actor) {
        if (actor == null || actor.opId() == null || actor.opId().isBlank()) {
            throw BizException.invalid("opId", "缺少操作编号（opId）");
        }
        if (actor.opId().length() > 64) {
            throw BizException.invalid("opId", "操作编号不能超过 64 个字符");
        }
    }

    private static String limit(String v, int max, String field, String label) {
        if (v == null || v.isBlank()) {
            return null;
        }
        String s = v.strip();
        if (s.length() > max) {
            throw BizException.invalid(field, label + "不能超过 " + max + " 个字");
        }
        return s;
    }

    static FieldMediaRef ref(TicketMediaRow l) {
        return new FieldMediaRef(l.getId(), l.getTicketId(), MediaKind.valueOf(l.getMediaKind()), l.getContentHash(),
                l.getFileId() == null ? 0 : l.getFileId(), l.getMimeType(), l.getSizeBytes() == null ? 0 : l.getSizeBytes(),
                l.getCapturedAt(), l.getGpsLat() == null ? null : l.getGpsLat().doubleValue(),
                l.getGpsLng() == null ? null : l.getGpsLng().doubleValue(), l.getNote(), l.getTranscript(),
                l.getTranscriptStatus(), l.getUserId(), l.getUserName(), l.getCreatedAt());
    }

    static SignatureRecord record(SignatureRow s) {
        return new SignatureRecord(s.getId(), s.getTicketId(), s.getSignatureHash(), s.getRecordHash(), s.getSatisfaction(),
                s.getCustomerComment(), s.getClientTime(), s.getServerTime(), s.getUserId(), s.getUserName());
    }

    static TemperatureRecord temperatureRecord(FieldTempRow t) {
        return new TemperatureRecord(t.getId(), t.getTicketId(), t.getHouseholdId(), t.getIndoorTemp(), t.getMeasuredAt(),
                t.getRoomName(), t.getForwardedAt() != null);
    }
}
