package cn.heatdesk.repair.mobile.sync;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.monitor.api.ApprovalApi;
import cn.heatdesk.monitor.api.ApprovalBizTypes;
import cn.heatdesk.monitor.api.ApprovalRequest;
import cn.heatdesk.monitor.api.ApprovalSummary;
import cn.heatdesk.repair.mobile.FieldUsers;
import cn.heatdesk.repair.mobile.MobileException;
import cn.heatdesk.repair.mobile.media.FieldActor;
import cn.heatdesk.repair.mobile.media.FieldMedia;
import cn.heatdesk.repair.mobile.media.MediaKind;
import cn.heatdesk.servicedesk.api.TicketAction;
import cn.heatdesk.servicedesk.api.TicketApi;
import cn.heatdesk.servicedesk.api.TicketCommand;
import cn.heatdesk.servicedesk.api.TicketRow;
import cn.heatdesk.servicedesk.api.TicketStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps one pushed command onto the ticket core ({@code TicketApi.perform(…, APP)} as the worker), the approvals
 * (delay/cancel), the field media and the repair module's own records. Runs inside the command's transaction;
 * a refusal is an exception and leaves nothing written.
 *
 * <p>Checks before anything else, in this order: the ticket exists; it is still assigned to this user
 * (TICKET_REASSIGNED); it is still open and being handled (TICKET_VOIDED, TICKET_CANCELLED, TICKET_FINISHED).
 * Then the core's state machine decides (ILLEGAL_TRANSITION) and validates (VALIDATION naming the field).
 */
@Component
public class FieldCommands {

    private final TicketApi tickets;
    private final ObjectProvider<ApprovalApi> approvals;
    private final ObjectProvider<FieldMedia> media;
    private final SyncMapper mapper;
    private final ReferenceService reference;
    private final IdGenerator ids;
    private final ObjectMapper json;

    public FieldCommands(TicketApi tickets, ObjectProvider<ApprovalApi> approvals, ObjectProvider<FieldMedia> media,
                         SyncMapper mapper, ReferenceService reference, IdGenerator ids, ObjectMapper json) {
        this.tickets = tickets;
        this.approvals = approvals;
        this.media = media;
        this.mapper = mapper;
        this.reference = reference;
        this.ids = ids;
        this.json = json;
    }

    /** what the command did: the ticket's version afterwards (null without ticket), a note for the app */
    public record Outcome(Integer ticketVersion, Map<String, Object> result) {
    }

    /** one command as the sync service hands it over */
    public record Context(CurrentUser user, String deviceId, String opId, CommandType type, Long ticketId,
                          Map<String, Object> payload, LocalDateTime clientTime, String stationOrgPath,
                          Long subsidiaryId) {
    }

    /** the ticket row without checks (labelling a refused command) */
    TicketRow ticket(long ticketId) {
        return tickets.find(ticketId);
    }

    /** the ticket of a command after the ownership and state checks */
    TicketRow owned(Context c) {
        if (c.ticketId() == null) {
            throw BizException.invalid("ticketId", "请指定工单");
        }
        TicketRow t = tickets.find(c.ticketId());
        if (t == null) {
            throw MobileException.refuse("NOT_FOUND", "工单不存在");
        }
        if (!Long.valueOf(c.user().userId()).equals(t.workerId())) {
            throw MobileException.refuse("TICKET_REASSIGNED", "工单 " + t.ticketNo() + " 已不再分派给您"
                    + (t.workerName() == null ? "" : "（当前处理人：" + t.workerName() + "）") + "，本操作未执行");
        }
        switch (t.status()) {
            case VOIDED -> throw MobileException.refuse("TICKET_VOIDED", "工单 " + t.ticketNo() + " 已作废，本操作未执行");
            case CANCELLED -> throw MobileException.refuse("TICKET_CANCELLED", "工单 " + t.ticketNo() + " 已取消，本操作未执行");
            case COMPLETED, CLOSED, EXTRA_NODE -> throw MobileException.refuse("TICKET_FINISHED",
                    "工单 " + t.ticketNo() + " 已处理完成（" + t.statusLabel() + "），本操作未执行");
            default -> {
            }
        }
        return t;
    }

    public Outcome apply(Context c, TicketRow t) {
        Map<String, Object> p = c.payload() == null ? Map.of() : c.payload();
        return switch (c.type()) {
            case ACCEPT -> perform(c, t, TicketCommand.of(TicketAction.WORKER_ACCEPT, null, null));
            case REJECT -> perform(c, t, TicketCommand.of(TicketAction.WORKER_REJECT, null, text(p, "reason", 500, true)));
            case CHECK_IN_DAILY -> checkIn(c, null, p);
            case CHECK_IN_SITE -> checkIn(c, t, p);
            case FILL_BACK -> fillBack(c, t, p);
            case INCOMPLETE -> incomplete(c, t, p);
            case DELAY_REQUEST -> request(c, t, TicketAction.DELAY, text(p, "reason", 500, true),
                    integer(p, "extendMinutes", 1, 60 * 24 * 30, true));
            case CANCEL_REQUEST -> request(c, t, TicketAction.CANCEL, text(p, "reason", 500, true), null);
            case COMPLETE -> complete(c, t, p);
            case ATTACH -> {
                MediaKind kind = kind(p);
                fieldMedia().attach(t.id(), text(p, "contentHash", 64, true), kind, text(p, "note", 500, false), actor(c));
                yield new Outcome(version(t.id()), Map.of());
            }
            case VOICE_NOTE -> {
                fieldMedia().voiceNote(t.id(), text(p, "contentHash", 64, true),
                        integer(p, "durationSeconds", 0, 3600, false), actor(c));
                yield new Outcome(version(t.id()), Map.of());
            }
            case TEMPERATURE -> {
                BigDecimal temp = decimal(p, "indoorTemp", new BigDecimal("-30"), new BigDecimal("60"), true);
                LocalDateTime at = time(p, "measuredAt", c.clientTime());
                fieldMedia().temperature(t.id(), temp, at, text(p, "room", 64, false), text(p, "note", 500, false), actor(c));
                yield new Outcome(version(t.id()), Map.of());
            }
            case SIGN -> {
                int satisfaction = integer(p, "satisfaction", 1, 5, true);
                fieldMedia().sign(t.id(), text(p, "signatureHash", 64, true), satisfaction,
                        text(p, "comment", 500, false), c.clientTime(), actor(c));
                yield new Outcome(version(t.id()), Map.of());
            }
        };
    }

    // ------------------------------------------------------------------ commands

    private Outcome perform(Context c, TicketRow t, TicketCommand cmd) {
        int v = SecurityContext.callAs(FieldUsers.onTicket(c.user(), c.stationOrgPath()),
                () -> tickets.perform(t.id(), cmd, cn.heatdesk.servicedesk.api.TicketOrigin.APP).ticket().rowVersion());
        return new Outcome(v, Map.of());
    }

    private Outcome checkIn(Context c, TicketRow t, Map<String, Object> p) {
        CheckIn ci = new CheckIn();
        ci.id = ids.nextId();
        ci.userId = c.user().userId();
        ci.userName = c.user().realName();
        ci.checkType = t == null ? "DAILY" : "SITE";
        ci.lat = decimal(p, "lat", new BigDecimal("-90"), new BigDecimal("90"), true);
        ci.lng = decimal(p, "lng", new BigDecimal("-180"), new BigDecimal("180"), true);
        ci.accuracy = decimal(p, "accuracy", BigDecimal.ZERO, new BigDecimal("100000"), false);
        ci.address = text(p, "address", 400, false);
        ci.serverTime = LocalDateTime.now();
        ci.clientTime = c.clientTime() != null ? c.clientTime() : ci.serverTime;
        ci.opId = c.opId();
        ci.deviceId = c.deviceId();
        ci.subsidiaryId = c.subsidiaryId() == null ? 0L : c.subsidiaryId();
        ci.orgPath = c.stationOrgPath();
        Integer v = null;
        if (t != null) {
            ci.ticketId = t.id();
            ci.ticketNo = t.ticketNo();
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("签到位置", ci.address != null ? ci.address : ci.lat.toPlainString() + "," + ci.lng.toPlainString());
            if (c.clientTime() != null) {
                fields.put("签到时间", c.clientTime().toString().replace('T', ' '));
            }
            // the first site check-in moves the ticket to 处理中; a later visit (another day) is a timeline note
            TicketCommand cmd = t.status() == TicketStatus.IN_PROGRESS
                    ? new TicketCommand(TicketAction.NOTE, null, null, "再次现场签到：" + fields.get("签到位置"), null, null,
                    null, null, null, null, null, null)
                    : new TicketCommand(TicketAction.CHECK_IN, null, null, null, null, null, null, null, null, null,
                    null, fields);
            v = perform(c, t, cmd).ticketVersion();
        }
        mapper.insertCheckIn(ci);
        return new Outcome(v, Map.of("checkInId", String.valueOf(ci.id)));
    }

    private Outcome fillBack(Context c, TicketRow t, Map<String, Object> p) {
        if (t.status() != TicketStatus.ACCEPTED && t.status() != TicketStatus.IN_PROGRESS) {
            throw new BizException(ErrorCode.ILLEGAL_TRANSITION, "工单当前为“" + t.statusLabel() + "”，接单后才能回填处理结果");
        }
        FillBack f = new FillBack();
        f.id = ids.nextId();
        f.ticketId = t.id();
        f.userId = c.user().userId();
        f.handlingResult = text(p, "handlingResult", 1000, true);
        f.parts = text(p, "parts", 500, false);
        f.durationMinutes = integer(p, "durationMinutes", 0, 10080, false);
        Map<String, Object> answers = answers(p);
        f.answersJson = write(answers);
        f.opId = c.opId();
        f.createdAt = LocalDateTime.now();
        f.subsidiaryId = c.subsidiaryId() == null ? 0L : c.subsidiaryId();
        f.orgPath = c.stationOrgPath();
        mapper.insertFillBack(f);
        StringBuilder note = new StringBuilder("回填处理结果：").append(f.handlingResult);
        if (f.parts != null) {
            note.append("；更换配件：").append(f.parts);
        }
        if (f.durationMinutes != null) {
            note.append("；用时 ").append(f.durationMinutes).append(" 分钟");
        }
        String text = note.length() > 1000 ? note.substring(0, 1000) : note.toString();
        return perform(c, t, new TicketCommand(TicketAction.NOTE, null, null, text, null, null, null, null, null, null,
                null, null));
    }

    /**
     * Template answers: every required field of the group template must be given (the three handled as top-level
     * payload fields count), SELECT values must be one of the options, NUMBER values numbers.
     */
    private Map<String, Object> answers(Map<String, Object> p) {
        Map<String, Object> given = new LinkedHashMap<>();
        Object raw = p.get("answers");
        if (raw != null && !(raw instanceof Map<?, ?>)) {
            throw BizException.invalid("answers", "回填内容格式不正确");
        }
        if (raw instanceof Map<?, ?> m) {
            m.forEach((k, v) -> given.put(String.valueOf(k), v));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (SyncDtos.TemplateField f : reference.template()) {
            Object v = switch (f.code()) {
                case "handlingResult", "parts", "durationMinutes" -> p.get(f.code());
                default -> given.get(f.code());
            };
            boolean blank = v == null || v.toString().isBlank();
            if (blank) {
                if (f.required()) {
                    throw BizException.invalid(f.code(), "请填写“" + f.label() + "”");
                }
                continue;
            }
            String s = v.toString().trim();
            if ("NUMBER".equals(f.type())) {
                try {
                    new BigDecimal(s);
                } catch (NumberFormatException e) {
                    throw BizException.invalid(f.code(), "“" + f.label() + "”必须是数字");
                }
            }
            if ("SELECT".equals(f.type()) && f.options() != null && !f.options().contains(s)) {
                throw BizException.invalid(f.code(), "“" + f.label() + "”只能选择：" + String.join("、", f.options()));
            }
            if (s.length() > 500 && !"handlingResult".equals(f.code())) {
                throw BizException.invalid(f.code(), "“" + f.label() + "”不能超过 500 个字");
            }
            if (!List.of("handlingResult", "parts", "durationMinutes").contains(f.code())) {
                out.put(f.code(), s);
            }
        }
        return out;
    }

    private Outcome incomplete(Context c, TicketRow t, Map<String, Object> p) {
        String reason = text(p, "reason", 500, true);
        // supervised and over-level tickets report progress to the group; others keep it on the timeline
        TicketAction a = t.supervised() || t.overLevel() ? TicketAction.REPORT_PROGRESS : TicketAction.NOTE;
        return perform(c, t, new TicketCommand(a, null, null, "未完成：" + reason, null, null, null, null, null, null,
                null, null));
    }

    /**
     * Delay and cancel: straight through the core when no approval chain is configured, otherwise submitted to
     * the station lead's approval (the ticket is then marked pending); a request already waiting is refused.
     */
    private Outcome request(Context c, TicketRow t, TicketAction action, String reason, Integer extendMinutes) {
        if (t.pendingApproval() != null) {
            throw MobileException.refuse("APPROVAL_PENDING", "工单 " + t.ticketNo() + " 已有待审批的申请，请等待审批结果");
        }
        TicketCommand cmd = new TicketCommand(action, null, reason, null, null, null, extendMinutes, null, null, null,
                null, null);
        CurrentUser acting = FieldUsers.onTicket(c.user(), c.stationOrgPath());
        ApprovalApi api = approvals.getIfAvailable();
        if (api != null && api.requiresApproval(ApprovalBizTypes.TICKET, action.name(), t.subsidiaryId())) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("reason", reason);
            payload.put("expectedVersion", t.rowVersion());
            if (extendMinutes != null) {
                payload.put("extendMinutes", extendMinutes);
            }
            ApprovalSummary s = SecurityContext.callAs(acting, () ->
                    api.submit(new ApprovalRequest(ApprovalBizTypes.TICKET, t.id(), action.name(), reason, payload)));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("approvalId", String.valueOf(s.id()));
            result.put("approvalNo", s.approvalNo());
            result.put("message", "已提交审批（" + s.approvalNo() + "），等待审批结果");
            return new Outcome(version(t.id()), result);
        }
        return perform(c, t, cmd);
    }

    private Outcome complete(Context c, TicketRow t, Map<String, Object> p) {
        List<FillBack> fills = mapper.selectFillBacks(t.id());
        if (fills.isEmpty()) {
            throw BizException.invalid("fillBack", "请先回填处理结果，再提交完成");
        }
        String noSignature = text(p, "noSignatureReason", 500, false);
        FieldMedia fm = media.getIfAvailable();
        boolean signed = fm != null && fm.signatureOf(t.id()).isPresent();
        if (!signed && noSignature == null) {
            throw BizException.invalid("signature", "请先请客户签名评价，或填写无法签名的原因");
        }
        FillBack f = fills.get(0);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("handlingResult", f.handlingResult);
        if (f.parts != null) {
            fields.put("parts", f.parts);
        }
        if (f.durationMinutes != null) {
            fields.put("durationMinutes", f.durationMinutes);
        }
        String note = signed ? null : "客户未签名：" + noSignature;
        return perform(c, t, new TicketCommand(TicketAction.COMPLETE, null, null, note, null, null, null, null, null,
                null, null, fields));
    }

    // ------------------------------------------------------------------ helpers

    private FieldMedia fieldMedia() {
        FieldMedia fm = media.getIfAvailable();
        if (fm == null) {
            throw new IllegalStateException("no FieldMedia implementation");
        }
        return fm;
    }

    private static FieldActor actor(Context c) {
        return new FieldActor(c.user().userId(), c.user().realName(), c.deviceId(), c.opId());
    }

    private Integer version(long ticketId) {
        TicketRow r = tickets.find(ticketId);
        return r == null ? null : r.rowVersion();
    }

    private static MediaKind kind(Map<String, Object> p) {
        String k = text(p, "kind", 16, true);
        try {
            MediaKind mk = MediaKind.valueOf(k);
            if (mk == MediaKind.SIGNATURE) {
                throw BizException.invalid("kind", "签名请用 SIGN 提交");
            }
            return mk;
        } catch (IllegalArgumentException e) {
            throw BizException.invalid("kind", "附件类型只能是 PHOTO、VIDEO 或 AUDIO");
        }
    }

    static String text(Map<String, Object> p, String field, int max, boolean required) {
        Object v = p.get(field);
        String s = v == null ? null : v.toString().trim();
        if (s == null || s.isEmpty()) {
            if (required) {
                throw BizException.invalid(field, "请填写“" + label(field) + "”");
            }
            return null;
        }
        if (s.length() > max) {
            throw BizException.invalid(field, "“" + label(field) + "”不能超过 " + max + " 个字");
        }
        return s;
    }

    static Integer integer(Map<String, Object> p, String field, int min, int max, boolean required) {
        Object v = p.get(field);
        if (v == null || v.toString().isBlank()) {
            if (required) {
                throw BizException.invalid(field, "请填写“" + label(field) + "”");
            }
            return null;
        }
        int n;
        try {
            n = new BigDecimal(v.toString().trim()).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw BizException.invalid(field, "“" + label(field) + "”必须是整数");
        }
        if (n < min || n > max) {
            throw BizException.invalid(field, "“" + label(field) + "”必须在 " + min + " 到 " + max + " 之间");
        }
        return n;
    }

    static BigDecimal decimal(Map<String, Object> p, String field, BigDecimal min, BigDecimal max, boolean required) {
        Object v = p.get(field);
        if (v == null || v.toString().isBlank()) {
            if (required) {
                throw BizException.invalid(field, "请填写“" + label(field) + "”");
            }
            return null;
        }
        BigDecimal d;
        try {
            d = new BigDecimal(v.toString().trim());
        } catch (NumberFormatException e) {
            throw BizException.invalid(field, "“" + label(field) + "”必须是数字");
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw BizException.invalid(field, "“" + label(field) + "”必须在 " + min + " 到 " + max + " 之间");
        }
        return d;
    }

    static LocalDateTime time(Map<String, Object> p, String field, LocalDateTime fallback) {
        Object v = p.get(field);
        if (v == null || v.toString().isBlank()) {
            if (fallback == null) {
                throw BizException.invalid(field, "请填写“" + label(field) + "”");
            }
            return fallback;
        }
        try {
            return LocalDateTime.parse(v.toString().trim());
        } catch (DateTimeParseException e) {
            throw BizException.invalid(field, "“" + label(field) + "”的时间格式不正确（yyyy-MM-ddTHH:mm:ss）");
        }
    }

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("reason", "原因"), Map.entry("lat", "纬度"), Map.entry("lng", "经度"),
            Map.entry("accuracy", "定位精度"), Map.entry("address", "地点"), Map.entry("handlingResult", "处理结果"),
            Map.entry("parts", "更换配件"), Map.entry("durationMinutes", "处理时长"),
            Map.entry("extendMinutes", "延期时长（分钟）"), Map.entry("contentHash", "文件哈希"),
            Map.entry("kind", "附件类型"), Map.entry("note", "说明"), Map.entry("durationSeconds", "录音时长"),
            Map.entry("indoorTemp", "室温"), Map.entry("measuredAt", "测温时间"), Map.entry("room", "房间"),
            Map.entry("signatureHash", "签名文件"), Map.entry("satisfaction", "满意度"), Map.entry("comment", "评价"),
            Map.entry("noSignatureReason", "无法签名的原因"));

    static String label(String field) {
        return LABELS.getOrDefault(field, field);
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
