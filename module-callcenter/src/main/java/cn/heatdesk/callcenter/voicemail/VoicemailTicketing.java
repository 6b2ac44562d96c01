package cn.heatdesk.callcenter.voicemail;

import cn.heatdesk.baseinfo.api.HouseholdApi;
import cn.heatdesk.baseinfo.api.HouseholdSummary;
import cn.heatdesk.callcenter.call.CallMapper;
import cn.heatdesk.callcenter.call.CallRow;
import cn.heatdesk.callcenter.call.RecordingStore;
import cn.heatdesk.kernel.crypto.FieldCipher;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.servicedesk.api.TicketCreate;
import cn.heatdesk.servicedesk.api.TicketOrigin;
import cn.heatdesk.servicedesk.api.TicketApi;
import cn.heatdesk.servicedesk.api.TicketView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Turns one PENDING message into a work order. Exactly once: the ticket is created and the message marked TICKETED
 * in one transaction, which starts by claiming the row (attempt counter compare-and-set, which also locks it) — a
 * crash before the commit leaves neither, a second worker finds the claim taken. The audio is stored in the kernel's
 * file store before that transaction (file I/O stays out of it; a repeated store of the same content by the system
 * user returns the same file) and attached to the ticket through {@link TicketCreate#attachmentIds}.
 *
 * <p>The ticket: type 报修 (REPAIR — out of hours a heating hotline's messages are mostly faults, and the repair
 * deadline rule makes the pool show it as due; the agent who listens may change the type), source VOICEMAIL, urgency
 * NORMAL, the caller's number, the household bound to that number (the call's screen-pop household first), the call
 * id (so the call record lists it), not dispatched: it lands in the service desk's 待安排 pool.
 */
@Component
public class VoicemailTicketing {

    static final String TICKET_TYPE = "REPAIR";
    static final String TICKET_SOURCE = "VOICEMAIL";
    static final String URGENCY = "NORMAL";
    private static final Logger log = LoggerFactory.getLogger(VoicemailTicketing.class);
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final DateTimeFormatter TEXT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final VoicemailMapper mapper;
    private final CallMapper calls;
    private final RecordingStore recordings;
    private final AudioAttachments files;
    private final TicketApi tickets;
    private final HouseholdApi households;
    private final FieldCipher cipher;
    private final IdGenerator ids;
    private final TransactionTemplate tx;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Duration maxBackoff;

    VoicemailTicketing(VoicemailMapper mapper, CallMapper calls, RecordingStore recordings, AudioAttachments files,
                              TicketApi tickets, HouseholdApi households, FieldCipher cipher, IdGenerator ids,
                              PlatformTransactionManager transactions,
                              @Value("${heatdesk.callcenter.voicemail.max-attempts:8}") int maxAttempts,
                              @Value("${heatdesk.callcenter.voicemail.backoff-ms:30000}") long backoffMs,
                              @Value("${heatdesk.callcenter.voicemail.max-backoff-ms:3600000}") long maxBackoffMs) {
        this.mapper = mapper;
        this.calls = calls;
        this.recordings = recordings;
        this.files = files;
        this.tickets = tickets;
        this.households = households;
        this.cipher = cipher;
        this.ids = ids;
        this.tx = new TransactionTemplate(transactions);
        this.maxAttempts = Math.max(1, maxAttempts);
        this.firstBackoff = Duration.ofMillis(Math.max(1000, backoffMs));
        this.maxBackoff = Duration.ofMillis(Math.max(backoffMs, maxBackoffMs));
    }

    /** outcome of one attempt */
    public enum Outcome { TICKETED, RETRY_LATER, FAILED, SKIPPED }

    /** thrown inside the transaction when another worker has the message */
    private static final class Taken extends RuntimeException {
        Taken() {
            super("taken", null, false, false);
        }
    }

    /** one attempt; never throws */
    public Outcome attempt(long id) {
        VoicemailRow v = mapper.selectByIdUnscoped(id);
        if (v == null || !VoicemailStatus.PENDING.equals(v.status) || v.ticketId != null) {
            return Outcome.SKIPPED;
        }
        try {
            Prepared p = prepare(v);
            TicketView t = tx.execute(st -> {
                if (mapper.claim(v.id, v.attempts, LocalDateTime.now()) == 0) {
                    throw new Taken();
                }
                TicketView created = tickets.create(ticket(v, p), TicketOrigin.CALL);
                LocalDateTime now = LocalDateTime.now();
                if (mapper.markTicketed(v.id, created.ticket().id(), created.ticket().ticketNo(), p.callId, p.householdId, p.fileId,
                        p.fileSize, p.durationMs, now) != 1) {
                    // cannot happen while the claim holds the row; never leave a ticket without its mark
                    throw new IllegalStateException("voicemail " + v.id + " changed under its claim");
                }
                mapper.insertLog(ids.nextId(), v.id, "TICKETED", VoicemailStatus.PENDING, VoicemailStatus.TICKETED,
                        "生成工单 " + created.ticket().ticketNo(), null, "系统", now, v.subsidiaryId, v.orgPath);
                return created;
            });
            log.info("语音留言 {} 已生成工单 {} / voicemail ticketed", v.id, t == null ? null : t.ticket().ticketNo());
            return Outcome.TICKETED;
        } catch (Taken taken) {
            return Outcome.SKIPPED;
        } catch (RuntimeException e) {
            return failed(v, e);
        }
    }

    private Outcome failed(VoicemailRow v, RuntimeException e) {
        int n = v.attempts + 1;
        // a refused ticket (dictionary, subsidiary, missing number) does not fix itself: a user retries after fixing it
        boolean permanent = e instanceof BizException || n >= maxAttempts;
        String status = permanent ? VoicemailStatus.FAILED : VoicemailStatus.PENDING;
        LocalDateTime now = LocalDateTime.now();
        LocalDateTime next = permanent ? null : now.plus(backoff(n));
        String error = cut(message(e), 500);
        try {
            if (mapper.markFailed(v.id, v.attempts, status, next, error, now) == 1 && permanent) {
                mapper.insertLog(ids.nextId(), v.id, "FAILED", VoicemailStatus.PENDING, VoicemailStatus.FAILED, error,
                        null, "系统", now, v.subsidiaryId, v.orgPath);
            }
        } catch (RuntimeException ex) {
            log.error("记录留言工单失败原因失败 / cannot record the failure of voicemail {}", v.id, ex);
        }
        if (e instanceof BizException) {
            log.warn("语音留言 {} 生成工单被拒绝 / voicemail ticket refused: {}", v.id, error);
        } else {
            log.warn("语音留言 {} 第 {} 次生成工单失败 / voicemail ticket attempt failed", v.id, n, e);
        }
        return permanent ? Outcome.FAILED : Outcome.RETRY_LATER;
    }

    /** 30 s, 1 min, 2 min … at most an hour */
    Duration backoff(int attempts) {
        Duration d = firstBackoff;
        for (int i = 1; i < attempts && d.compareTo(maxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }

    record Prepared(Long callId, Long householdId, String phone, Long fileId, Long fileSize, Long durationMs) {
    }

    /** what the ticket needs, gathered outside the transaction */
    private Prepared prepare(VoicemailRow v) {
        Path audio = VoicemailRecorder.audio(recordings, v.gatewayId, v.filePath)
                .orElseThrow(() -> new IllegalStateException("留言录音文件尚未同步到服务器：" + v.filePath));
        Long durationMs = WavLength.millis(audio);
        long size;
        try {
            size = Files.size(audio);
        } catch (IOException e) {
            throw new IllegalStateException("读取留言录音失败：" + e.getMessage(), e);
        }
        long fileId = files.store(audio, fileName(v, audio));
        CallRow call = calls.selectByLinkedid(v.gatewayId, v.linkedid);
        String phone = v.callerEnc == null ? null : cipher.decrypt(v.callerEnc);
        Long household = call == null ? null : call.householdId;
        if (household == null && phone != null) {
            List<HouseholdSummary> bound = households.findByPhone(phone);
            household = bound.isEmpty() ? null : bound.get(0).id();
        }
        return new Prepared(call == null ? v.callId : call.id, household, phone, fileId, size,
                durationMs != null ? durationMs : v.durationMs);
    }

    private static String fileName(VoicemailRow v, Path audio) {
        String name = audio.getFileName().toString();
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.')) : ".wav";
        return "语音留言-" + v.receivedAt.format(NAME_TIME) + ext;
    }

    TicketCreate ticket(VoicemailRow v, Prepared p) {
        long seconds = p.durationMs == null ? 0 : Math.round(p.durationMs / 1000.0);
        String who = v.callerMask == null ? "未知号码" : v.callerMask;
        String content = "来电人于 " + v.receivedAt.format(TEXT_TIME) + " 留言（时长 " + seconds + " 秒），录音见附件。"
                + "请收听留言后回电 " + who + " 核实诉求，并按实际情况修改工单类型。";
        return new TicketCreate(TICKET_TYPE, TICKET_SOURCE, URGENCY, p.householdId, p.phone, null, null,
                "语音留言 " + who, content, null, null, null, null, false, v.subsidiaryId,
                p.callId == null ? null : String.valueOf(p.callId), null, List.of(p.fileId));
    }

    private static String message(RuntimeException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
