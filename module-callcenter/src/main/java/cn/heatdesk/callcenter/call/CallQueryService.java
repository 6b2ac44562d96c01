package cn.heatdesk.callcenter.call;

import cn.heatdesk.kernel.crypto.FieldCipher;
import cn.heatdesk.kernel.crypto.Masking;
import cn.heatdesk.kernel.datascope.Paging;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.servicedesk.api.TicketApi;
import cn.heatdesk.servicedesk.api.TicketView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Call records for the console: search, detail, ticket links. Reads are limited to the user's data scope. */
@Service
public class CallQueryService {

    private static final Logger log = LoggerFactory.getLogger(CallQueryService.class);
    /** list totals stop here (as the ticket lists): an exact count over years of calls is not worth seconds */
    static final int PAGE_COUNT_CAP = 10_000;
    static final Map<String, String> SORTS = Map.of("startedAt", "c.started_at", "endedAt", "c.ended_at",
            "waitMs", "c.wait_ms", "talkMs", "c.talk_ms", "ringMs", "c.ring_ms", "queue", "c.queue_name",
            "result", "c.call_result");
    private static final Set<String> DIRECTIONS = Set.of(CallCodes.IN, CallCodes.OUT, CallCodes.INTERNAL);

    private final CallMapper calls;
    private final RecordingMapper recordings;
    private final FieldCipher cipher;
    private final TicketApi tickets;
    private final IdGenerator ids;

    public CallQueryService(CallMapper calls, RecordingMapper recordings, FieldCipher cipher, TicketApi tickets,
                            IdGenerator ids) {
        this.calls = calls;
        this.recordings = recordings;
        this.cipher = cipher;
        this.tickets = tickets;
        this.ids = ids;
    }

    public PageResult<CallViews.CallView> search(CallFilter filter, PageQuery query) {
        CallFilter f = prepare(filter);
        String order = query.orderBy(SORTS, "c.started_at DESC") + ", c.id DESC";
        boolean unmask = mayViewNumbers();
        PageResult<CallRow> page = Paging.page(query, PAGE_COUNT_CAP, () -> calls.search(f, order));
        return page.map(r -> view(r, unmask));
    }

    /** newest first, at most {@code max} rows, in keyset batches (exports) */
    public void stream(CallFilter filter, int max, Consumer<CallViews.CallView> sink) {
        CallFilter f = prepare(filter);
        boolean unmask = mayViewNumbers();
        LocalDateTime afterAt = null;
        Long afterId = null;
        int sent = 0;
        while (sent < max) {
            int batch = Math.min(1000, max - sent);
            LocalDateTime a = afterAt;
            Long b = afterId;
            List<CallRow> list = Paging.limit(batch, () -> calls.batchAfter(f, a, b));
            for (CallRow r : list) {
                sink.accept(view(r, unmask));
            }
            sent += list.size();
            if (list.size() < batch) {
                break;
            }
            CallRow last = list.get(list.size() - 1);
            afterAt = last.startedAt;
            afterId = last.id;
        }
    }

    public CallViews.CallDetail detail(long id) {
        CallRow r = require(id);
        boolean unmask = mayViewNumbers();
        List<CallViews.LegView> legs = calls.selectLegs(id).stream().map(l -> new CallViews.LegView(l.id, l.channel,
                l.uniqueid, l.party, CallCodes.label(CallCodes.PARTY_LABELS, l.party), l.numberMask, l.agentUserId,
                l.agentName, l.startedAt, l.answeredAt, l.endedAt, l.hangupCause, l.hangupText, l.holdMs)).toList();
        List<CallViews.CallbackView> callbacks = calls.selectCallbacks(id).stream().map(b -> new CallViews.CallbackView(
                b.id, b.linkedid, b.agentId, b.agentJobNo, b.agentName, b.startedAt, b.answeredAt, b.endedAt, b.talkMs,
                b.status, CallCodes.label(CallCodes.STATUS_LABELS, b.status), b.callResult,
                CallCodes.label(CallCodes.RESULT_LABELS, b.callResult))).toList();
        return new CallViews.CallDetail(view(r, unmask), legs, ticketLinks(id), recordingViews(id), callbacks);
    }

    List<CallViews.TicketLinkView> ticketLinks(long callId) {
        return calls.selectTickets(callId).stream().map(m -> new CallViews.TicketLinkView(
                longOf(get(m, "ticket_id")), (String) get(m, "ticket_no"), (String) get(m, "link_kind"),
                (String) get(m, "linked_by_name"), timeOf(get(m, "linked_at")))).toList();
    }

    List<CallViews.RecordingView> recordingViews(long callId) {
        return recordings.selectByCall(callId).stream().map(CallQueryService::recordingView).toList();
    }

    static CallViews.RecordingView recordingView(RecordingRow r) {
        String name = r.filePath.substring(r.filePath.replace('\\', '/').lastIndexOf('/') + 1);
        return new CallViews.RecordingView(r.id, r.callId, name, r.fileSize, r.durationMs, r.startedAt, r.endedAt,
                r.retainUntil, r.deleted == 1,
                r.deleted == 1 ? null : "/api/callcenter/recordings/" + r.id + "/audio");
    }

    /**
     * Links a work order to a call by hand. The ticket must exist and be visible to the user (read through the
     * ticket module's scoped detail); linking twice is harmless.
     */
    public CallViews.CallDetail linkTicket(long callId, Long ticketId) {
        if (ticketId == null) {
            throw BizException.invalid("ticketId", "请选择要关联的工单");
        }
        CallRow call = require(callId);
        TicketView t = tickets.detail(ticketId);
        CurrentUser u = SecurityContext.current().orElse(null);
        insertLink(call, ticketId, t.ticket().ticketNo(), "MANUAL", u == null ? null : u.userId(),
                u == null ? "系统" : u.realName());
        return detail(callId);
    }

    /** the automatic link of a ticket created from a screen pop (its callId is this call's id) */
    void linkCreated(long callId, long ticketId, String ticketNo, Long by, String byName) {
        CallRow call = calls.selectByIdUnscoped(callId);
        if (call == null) {
            log.info("工单 {} 的 callId {} 没有对应的通话记录 / no call for the ticket's callId", ticketNo, callId);
            return;
        }
        insertLink(call, ticketId, ticketNo, "AUTO", by, byName);
    }

    private void insertLink(CallRow call, long ticketId, String ticketNo, String kind, Long by, String byName) {
        if (calls.countTicket(call.id, ticketId) > 0) {
            return;
        }
        try {
            calls.insertTicket(ids.nextId(), call.id, ticketId, ticketNo, kind, by, byName, LocalDateTime.now(),
                    call.subsidiaryId, call.orgPath);
        } catch (DuplicateKeyException e) {
            // linked concurrently by someone else: the link exists, which is all that was asked
        }
    }

    CallRow require(long id) {
        CallRow r = calls.selectById(id);
        if (r == null) {
            throw BizException.notFound("通话记录");
        }
        return r;
    }

    private CallFilter prepare(CallFilter filter) {
        CallFilter f = filter == null ? new CallFilter() : filter;
        if (f.getNumber() != null && !f.getNumber().isBlank()) {
            String idx = cipher.blindIndexPhone(f.getNumber().trim());
            // a number that normalises to nothing matches nothing (rather than everything)
            f.setNumberIdx(idx == null ? "-" : idx);
        } else {
            f.setNumberIdx(null);
        }
        if (f.getDirection() != null && !f.getDirection().isBlank() && !DIRECTIONS.contains(f.getDirection())) {
            throw BizException.invalid("direction", "呼叫方向只能是 IN、OUT 或 INTERNAL");
        }
        if (f.getResult() != null && !f.getResult().isBlank() && !CallCodes.RESULT_LABELS.containsKey(f.getResult())) {
            throw BizException.invalid("result", "不支持的通话结果：" + f.getResult());
        }
        if (f.getCallbackState() != null && f.getCallbackState().isBlank()) {
            f.setCallbackState(null);
        }
        if (f.getCallbackState() != null && !CallCodes.CALLBACK_STATE_LABELS.containsKey(f.getCallbackState())) {
            throw BizException.invalid("callbackState", "回拨筛选只能是 PENDING（未回拨的未接来电）或 DONE（已回拨的未接来电）");
        }
        if (f.getFrom() != null && f.getTo() != null && !f.getFrom().isBefore(f.getTo())) {
            throw BizException.invalid("to", "结束时间必须晚于开始时间");
        }
        return f;
    }

    /** the user may see numbers unmasked (callcenter:number:view) */
    public static boolean mayViewNumbers() {
        return SecurityContext.current().map(u -> u.hasPermission(NumberVisibility.PERMISSION)).orElse(false);
    }

    CallViews.CallView view(CallRow r, boolean unmask) {
        String caller = unmask ? decryptNumber(cipher, r.callerEnc, r.callerMask) : r.callerMask;
        String called = unmask ? decryptNumber(cipher, r.calledEnc, r.calledMask) : r.calledMask;
        return new CallViews.CallView(r.id, r.gatewayId, r.linkedid, r.direction,
                CallCodes.label(CallCodes.DIRECTION_LABELS, r.direction), caller, called, !unmask, r.did, r.queueName,
                r.agentId, r.agentUserId, r.agentJobNo, r.agentName, r.startedAt, r.queuedAt, r.firstRingAt,
                r.answeredAt, r.endedAt, r.waitMs, r.ringMs, r.talkMs, r.holdMs, r.ringAttempts, r.hangupBy,
                CallCodes.label(CallCodes.PARTY_LABELS, r.hangupBy), r.callResult,
                CallCodes.label(CallCodes.RESULT_LABELS, r.callResult), r.recordingId, r.householdId, r.surveyScore,
                r.surveyScore2, r.status, CallCodes.label(CallCodes.STATUS_LABELS, r.status), r.adopted == 1,
                r.reconciled == 1, r.hangupAgentId, r.hangupAgentName, r.callbackOf);
    }

    /** a stored number in clear; the masked copy when it cannot be decrypted (e.g. a retired key) */
    public static String decryptNumber(FieldCipher cipher, String enc, String mask) {
        if (enc == null) {
            return null;
        }
        try {
            return cipher.decrypt(enc);
        } catch (RuntimeException e) {
            return mask != null ? mask : Masking.phone("");
        }
    }

    /** a column of a map row, whatever case the database gave its label */
    public static Object get(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            v = m.get(key.toUpperCase());
        }
        if (v == null) {
            for (Map.Entry<String, Object> en : m.entrySet()) {
                if (en.getKey().equalsIgnoreCase(key)) {
                    return en.getValue();
                }
            }
        }
        return v;
    }

    static Long longOf(Object v) {
        return v == null ? null : ((Number) v).longValue();
    }

    /** a timestamp column of a map row, whatever type the driver returned */
    public static LocalDateTime timeOf(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof LocalDateTime t) {
            return t;
        }
        if (v instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime();
        }
        if (v instanceof java.time.OffsetDateTime o) {
            return o.toLocalDateTime();
        }
        return LocalDateTime.parse(v.toString().replace(' ', 'T'));
    }
}
