package cn.heatdesk.callcenter.voicemail;

import cn.heatdesk.callcenter.ami.GatewayEvent;
import cn.heatdesk.callcenter.ami.GatewayEventListener;
import cn.heatdesk.callcenter.call.RecordingStore;
import cn.heatdesk.callcenter.gateway.GatewayDirectory;
import cn.heatdesk.callcenter.gateway.GatewayEndpoint;
import cn.heatdesk.kernel.crypto.FieldCipher;
import cn.heatdesk.kernel.crypto.Masking;
import cn.heatdesk.kernel.id.IdGenerator;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notes the messages callers leave. HeatDesk's dialplan records a message with
 * {@code Record(<dir>/message-${CHANNEL(linkedid)}.wav,3,60,k)} (bundle/AsteriskConfigRenderer); Record() reports the
 * file in RECORDED_FILE (without the format extension) and how it ended in RECORD_STATUS. A message is complete at
 * RECORD_STATUS, or at the channel's Hangup when Asterisk reported no status. It becomes a PENDING cc_voicemail row —
 * the outbox that {@link VoicemailTicketJob} works off — at most one per call (unique gateway + linkedid), so events
 * seen twice (a replay, a reconnect) add nothing.
 */
@Component
public class VoicemailRecorder implements GatewayEventListener {

    static final String RECORDED_FILE = "RECORDED_FILE";
    static final String RECORD_STATUS = "RECORD_STATUS";
    /** the base name the dialplan gives messages; other Record() uses (none today) are not voicemail */
    static final String FILE_PREFIX = "message-";
    static final int MIN_RETENTION_YEARS = 1;
    /** Record() statuses without a message: no file was written */
    private static final Set<String> NO_MESSAGE = Set.of("ERROR", "SKIP");
    /** a started message whose end was never seen is dropped from memory after this */
    private static final Duration STALE = Duration.ofHours(2);
    private static final Logger log = LoggerFactory.getLogger(VoicemailRecorder.class);

    private final VoicemailMapper mapper;
    private final GatewayDirectory gateways;
    private final RecordingStore files;
    private final FieldCipher cipher;
    private final IdGenerator ids;
    private final int retentionYears;
    private final Duration firstDelay;
    private final ZoneId zone = ZoneId.systemDefault();
    /** gateway + uniqueid of the recording channel → the message being recorded */
    private final Map<String, Started> recording = new ConcurrentHashMap<>();

    public VoicemailRecorder(VoicemailMapper mapper, GatewayDirectory gateways, RecordingStore files,
                             FieldCipher cipher, IdGenerator ids,
                             @Value("${heatdesk.callcenter.voicemail.retention-years:1}") int retentionYears,
                             @Value("${heatdesk.callcenter.voicemail.first-attempt-delay-ms:3000}") long firstDelayMs) {
        this.mapper = mapper;
        this.gateways = gateways;
        this.files = files;
        this.cipher = cipher;
        this.ids = ids;
        if (retentionYears < MIN_RETENTION_YEARS) {
            log.warn("留言保存年限 {} 低于规定的 {} 年，按 {} 年执行 / voicemail retention raised to the minimum",
                    retentionYears, MIN_RETENTION_YEARS, MIN_RETENTION_YEARS);
        }
        this.retentionYears = Math.max(MIN_RETENTION_YEARS, retentionYears);
        this.firstDelay = Duration.ofMillis(Math.max(0, firstDelayMs));
    }

    record Started(long gatewayId, String linkedid, String uniqueid, String channel, String caller, String file,
                   Instant at) {
    }

    @Override
    public Set<Class<? extends ManagerEvent>> eventTypes() {
        return Set.of(VarSetEvent.class, HangupEvent.class);
    }

    @Override
    public boolean wants(ManagerEvent e) {
        return !(e instanceof VarSetEvent v) || RECORDED_FILE.equals(v.getVariable())
                || RECORD_STATUS.equals(v.getVariable());
    }

    @Override
    public void onEvent(GatewayEvent ge) {
        try {
            if (ge.event() instanceof VarSetEvent v) {
                varSet(ge, v);
            } else if (ge.event() instanceof HangupEvent h) {
                Started s = recording.remove(key(ge.gatewayId(), h.getUniqueId()));
                if (s != null) {
                    complete(s, null, ge.receivedAt());
                }
            }
        } catch (RuntimeException ex) {
            log.error("记录语音留言失败 / noting a voicemail of gateway {} failed", ge.gatewayId(), ex);
        }
    }

    private void varSet(GatewayEvent ge, VarSetEvent v) {
        String key = key(ge.gatewayId(), v.getUniqueId());
        if (RECORDED_FILE.equals(v.getVariable())) {
            String file = v.getValue();
            if (file == null || file.isBlank() || !baseName(file).startsWith(FILE_PREFIX)) {
                return;
            }
            String linkedid = v.getLinkedId() != null && !v.getLinkedId().isBlank() ? v.getLinkedId() : v.getUniqueId();
            recording.putIfAbsent(key, new Started(ge.gatewayId(), linkedid, v.getUniqueId(), v.getChannel(),
                    number(v.getCallerIdNum()), file.trim(), ge.receivedAt()));
        } else if (RECORD_STATUS.equals(v.getVariable())) {
            Started s = recording.remove(key);
            if (s != null) {
                complete(s, v.getValue(), ge.receivedAt());
            }
        }
    }

    /** the message is complete: one PENDING row (nothing when this call already has one) */
    void complete(Started s, String status, Instant at) {
        if (status != null && NO_MESSAGE.contains(status.trim().toUpperCase())) {
            log.info("留言未录下（{}）/ no message recorded on {} of gateway {}", status, s.channel, s.gatewayId);
            return;
        }
        if (mapper.selectByCall(s.gatewayId, s.linkedid) != null) {
            return;
        }
        GatewayEndpoint gw = gateways.find(s.gatewayId).orElse(null);
        VoicemailRow v = new VoicemailRow();
        v.id = ids.nextId();
        v.gatewayId = s.gatewayId;
        v.linkedid = s.linkedid;
        v.channel = s.channel;
        if (s.caller != null) {
            v.callerEnc = cipher.encrypt(s.caller);
            v.callerIdx = cipher.blindIndexPhone(s.caller);
            v.callerMask = Masking.phone(s.caller);
        }
        v.filePath = s.file;
        Optional<Path> local = audio(files, s.gatewayId, s.file);
        v.durationMs = local.map(WavLength::millis).orElse(null);
        if (v.durationMs == null) {
            // not (yet) mirrored here: what the events tell; the job measures the file when it attaches it
            v.durationMs = Math.max(0, Duration.between(s.at, at).toMillis());
        }
        v.fileSize = local.map(VoicemailRecorder::size).orElse(null);
        v.recordStatus = status == null ? null : status.trim();
        v.receivedAt = LocalDateTime.ofInstant(at, zone);
        v.retainUntil = v.receivedAt.toLocalDate().plusYears(retentionYears);
        v.status = VoicemailStatus.PENDING;
        // the call record is written behind; the first attempt waits a moment so it can link the call
        v.nextAttemptAt = v.receivedAt.plus(firstDelay);
        v.subsidiaryId = gw == null ? 0L : gw.subsidiaryId();
        v.orgPath = gw == null || gw.orgPath() == null ? "/" : gw.orgPath();
        v.createdAt = LocalDateTime.now();
        v.updatedAt = v.createdAt;
        try {
            mapper.insert(v);
            log.info("收到语音留言 / voicemail {} of call {} on gateway {}", v.id, v.linkedid, v.gatewayId);
        } catch (DuplicateKeyException dup) {
            log.debug("voicemail of call {} already noted", s.linkedid);
        }
    }

    /** forget messages whose end never came (the gateway went away mid-message) */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelay = 600_000)
    void purge() {
        Instant limit = Instant.now().minus(STALE);
        recording.values().removeIf(s -> s.at.isBefore(limit));
    }

    /** the local copy of a message: RECORDED_FILE has no extension, the dialplan records wav */
    static Optional<Path> audio(RecordingStore store, long gatewayId, String file) {
        Optional<Path> p = store.resolve(gatewayId, file);
        return p.isPresent() || file.toLowerCase().endsWith(".wav") ? p : store.resolve(gatewayId, file + ".wav");
    }

    static long size(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return 0L;
        }
    }

    static String number(String raw) {
        if (raw == null) {
            return null;
        }
        String n = raw.trim();
        if (n.isEmpty() || n.equalsIgnoreCase("<unknown>") || n.equalsIgnoreCase("anonymous")
                || n.equalsIgnoreCase("unknown")) {
            return null;
        }
        return n;
    }

    private static String baseName(String path) {
        String p = path.replace('\\', '/');
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private static String key(long gatewayId, String uniqueid) {
        return gatewayId + "/" + uniqueid;
    }
}
