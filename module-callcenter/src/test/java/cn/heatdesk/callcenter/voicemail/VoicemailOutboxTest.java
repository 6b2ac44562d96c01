package cn.heatdesk.callcenter.voicemail;

import cn.heatdesk.callcenter.ami.GatewayEvent;
import cn.heatdesk.kernel.crypto.FieldCipher;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages noted from AMI events become exactly one work order: replays add nothing, a failure before the commit
 * leaves neither ticket nor mark and is retried with backoff, two workers on one message make one ticket, refused
 * tickets wait for a user's retry.
 */
@SpringBootTest(classes = VoicemailTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.datasource.url=jdbc:h2:mem:hd_voicemail_unit;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        "spring.liquibase.change-log=classpath:voicemail/voicemail-tables-changelog.xml",
        "mybatis.mapper-locations=classpath*:mapper/callcenter/Voicemail*.xml,classpath*:mapper/callcenter/Call*.xml,"
                + "classpath*:mapper/callcenter/Recording*.xml,classpath*:mapper/callcenter/AgentFigures*.xml",
        "mybatis.configuration.map-underscore-to-camel-case=true",
        "heatdesk.callcenter.voicemail.first-attempt-delay-ms=0",
        "heatdesk.callcenter.voicemail.max-attempts=3",
        "spring.main.web-application-type=none"})
class VoicemailOutboxTest {

    private static final AtomicLong CALLS = new AtomicLong(1_700_000_000L);

    @Autowired
    VoicemailRecorder recorder;
    @Autowired
    VoicemailTicketing ticketing;
    @Autowired
    VoicemailTicketJob job;
    @Autowired
    VoicemailMapper mapper;
    @Autowired
    VoicemailTestApp.Desk desk;
    @Autowired
    VoicemailTestApp.Files2 files;
    @Autowired
    FieldCipher cipher;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void reset() {
        desk.failAfterWrite = null;
        desk.failBefore = null;
        desk.delayMs = 0;
        // earlier tests' leftovers must not be picked up by this test's job passes
        jdbc.update("UPDATE cc_voicemail SET status = 'FAILED' WHERE status = 'PENDING'");
    }

    // ------------------------------------------------------------------------------------------------ events

    static VarSetEvent varSet(String uniqueid, String linkedid, String caller, String name, String value) {
        VarSetEvent v = new VarSetEvent("test");
        v.setChannel("PJSIP/trunk-" + uniqueid);
        v.setUniqueId(uniqueid);
        v.setLinkedId(linkedid);
        v.setCallerIdNum(caller);
        v.setVariable(name);
        v.setValue(value);
        return v;
    }

    static HangupEvent hangup(String uniqueid, String linkedid) {
        HangupEvent h = new HangupEvent("test");
        h.setChannel("PJSIP/trunk-" + uniqueid);
        h.setUniqueId(uniqueid);
        h.setLinkedId(linkedid);
        h.setCause(16);
        return h;
    }

    void feed(Object... events) {
        // events of a minute ago, 4 s apart: the message is due at once
        Instant t = Instant.now().minusSeconds(60);
        for (Object e : events) {
            t = t.plusMillis(4000);
            recorder.onEvent(new GatewayEvent(VoicemailTestApp.GW, (org.asteriskjava.manager.event.ManagerEvent) e, t));
        }
    }

    /** a message of {@code seconds} left by {@code caller}; the WAV lands in the mirrored recording dir */
    String leaveMessage(String caller, int seconds) throws Exception {
        String id = String.valueOf(CALLS.incrementAndGet()) + ".1";
        String file = "/var/spool/asterisk/monitor/message-" + id;
        writeWav(VoicemailTestApp.ROOT.resolve(String.valueOf(VoicemailTestApp.GW)).resolve("message-" + id + ".wav"),
                seconds);
        feed(varSet(id, id, caller, "RECORDED_FILE", file), varSet(id, id, caller, "RECORD_STATUS", "HANGUP"),
                hangup(id, id));
        return id;
    }

    static void writeWav(Path p, int seconds) throws Exception {
        Files.createDirectories(p.getParent());
        int data = seconds * 16000;
        byte[] head = WavLengthTest.header(data, false);
        Files.write(p, WavLengthTest.concat(head, new byte[data]));
    }

    VoicemailRow row(String linkedid) {
        return mapper.selectByCall(VoicemailTestApp.GW, linkedid);
    }

    int tickets() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM t_test_ticket", Integer.class);
    }

    // ------------------------------------------------------------------------------------------------ tests

    @Test
    void aMessageIsNotedOnceWithItsCallerLengthAndOneYearRetention() throws Exception {
        String id = leaveMessage(VoicemailTestApp.KNOWN_CALLER, 4);
        VoicemailRow v = row(id);
        assertThat(v).isNotNull();
        assertThat(v.status).isEqualTo(VoicemailStatus.PENDING);
        assertThat(v.durationMs).isEqualTo(4000L);
        assertThat(v.fileSize).isEqualTo(44L + 4 * 16000);
        assertThat(v.recordStatus).isEqualTo("HANGUP");
        assertThat(v.subsidiaryId).isEqualTo(2L);
        assertThat(v.orgPath).isEqualTo("/1/2/");
        assertThat(v.callerMask).doesNotContain("0000111");
        assertThat(cipher.decrypt(v.callerEnc)).isEqualTo(VoicemailTestApp.KNOWN_CALLER);
        assertThat(v.callerIdx).isEqualTo(cipher.blindIndexPhone(VoicemailTestApp.KNOWN_CALLER));
        assertThat(v.retainUntil).isEqualTo(v.receivedAt.toLocalDate().plusYears(1));
        assertThat(v.retainUntil).isAfterOrEqualTo(LocalDate.now().plusYears(1).minusDays(1));

        // the same events again (a replay after a reconnect): still one row
        String file = "/var/spool/asterisk/monitor/message-" + id;
        feed(varSet(id, id, VoicemailTestApp.KNOWN_CALLER, "RECORDED_FILE", file),
                varSet(id, id, VoicemailTestApp.KNOWN_CALLER, "RECORD_STATUS", "HANGUP"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cc_voicemail WHERE linkedid = ?", Integer.class, id))
                .isEqualTo(1);
    }

    @Test
    void onlyRealMessagesAreNoted() {
        String a = CALLS.incrementAndGet() + ".1";
        // Record() failed: no file, no message
        feed(varSet(a, a, "13900000001", "RECORDED_FILE", "/var/spool/asterisk/monitor/message-" + a),
                varSet(a, a, "13900000001", "RECORD_STATUS", "ERROR"), hangup(a, a));
        assertThat(row(a)).isNull();
        // a Record() of something else than a message
        String b = CALLS.incrementAndGet() + ".1";
        feed(varSet(b, b, "13900000001", "RECORDED_FILE", "/tmp/prompt-" + b),
                varSet(b, b, "13900000001", "RECORD_STATUS", "DTMF"));
        assertThat(row(b)).isNull();
        // no RECORD_STATUS seen (the caller hung up mid-message): the Hangup completes it; no file here yet, so the
        // length is what the events tell
        String c = CALLS.incrementAndGet() + ".1";
        feed(varSet(c, c, "anonymous", "RECORDED_FILE", "/var/spool/asterisk/monitor/message-" + c), hangup(c, c));
        VoicemailRow v = row(c);
        assertThat(v).isNotNull();
        assertThat(v.recordStatus).isNull();
        assertThat(v.durationMs).isEqualTo(4000L);
        assertThat(v.callerEnc).isNull();
    }

    @Test
    void theJobMakesOneTicketWithTheAudioAndTheHousehold() throws Exception {
        String id = leaveMessage(VoicemailTestApp.KNOWN_CALLER, 3);
        int before = tickets();
        assertThat(job.runOnce()).isEqualTo(1);
        VoicemailRow v = row(id);
        assertThat(v.status).isEqualTo(VoicemailStatus.TICKETED);
        assertThat(v.ticketId).isNotNull();
        assertThat(v.ticketNo).isEqualTo("GD" + v.ticketId);
        assertThat(v.householdId).isEqualTo(VoicemailTestApp.HOUSEHOLD);
        assertThat(v.fileId).isNotNull();
        assertThat(v.ticketedAt).isNotNull();
        assertThat(tickets()).isEqualTo(before + 1);
        var t = jdbc.queryForMap("SELECT * FROM t_test_ticket WHERE id = ?", v.ticketId);
        assertThat(t.get("TICKET_TYPE")).isEqualTo("REPAIR");
        assertThat(t.get("SOURCE")).isEqualTo("VOICEMAIL");
        assertThat(((Number) t.get("HOUSEHOLD_ID")).longValue()).isEqualTo(VoicemailTestApp.HOUSEHOLD);
        assertThat(t.get("CALLER_PHONE")).isEqualTo(VoicemailTestApp.KNOWN_CALLER);
        assertThat(((Number) t.get("ATTACHMENT_ID")).longValue()).isEqualTo(v.fileId);
        assertThat(((Number) t.get("DISPATCH_NOW")).intValue()).as("lands in the pool").isZero();
        assertThat((String) t.get("CONTENT")).contains("时长 3 秒");
        assertThat(files.stored).anyMatch(n -> n.startsWith("语音留言-") && n.endsWith(".wav"));
        assertThat(mapper.selectLog(v.id)).hasSize(1);

        // later passes and direct attempts change nothing
        assertThat(job.runOnce()).isZero();
        assertThat(ticketing.attempt(v.id)).isEqualTo(VoicemailTicketing.Outcome.SKIPPED);
        assertThat(tickets()).isEqualTo(before + 1);
    }

    @Test
    void aCrashAfterTheTicketWasWrittenLeavesNeitherAndTheRetryMakesExactlyOne() throws Exception {
        String id = leaveMessage("13900000002", 2);
        int before = tickets();
        desk.failAfterWrite = new IllegalStateException("连接中断");
        assertThat(job.runOnce()).isZero();
        VoicemailRow v = row(id);
        assertThat(tickets()).as("the ticket rolled back with the mark").isEqualTo(before);
        assertThat(v.status).isEqualTo(VoicemailStatus.PENDING);
        assertThat(v.ticketId).isNull();
        assertThat(v.attempts).isEqualTo(1);
        assertThat(v.lastError).contains("连接中断");
        assertThat(v.nextAttemptAt).isAfter(LocalDateTime.now().plusSeconds(20));
        // not due yet: nothing happens
        desk.failAfterWrite = null;
        assertThat(job.runOnce()).isZero();
        // due: one ticket
        jdbc.update("UPDATE cc_voicemail SET next_attempt_at = ? WHERE id = ?", LocalDateTime.now().minusSeconds(1), v.id);
        assertThat(job.runOnce()).isEqualTo(1);
        assertThat(tickets()).isEqualTo(before + 1);
        assertThat(row(id).attempts).isEqualTo(2);
    }

    @Test
    void twoWorkersOnOneMessageMakeOneTicket() throws Exception {
        String id = leaveMessage("13900000003", 1);
        long vm = row(id).id;
        int before = tickets();
        desk.delayMs = 300;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<VoicemailTicketing.Outcome> task = () -> ticketing.attempt(vm);
            Future<VoicemailTicketing.Outcome> a = pool.submit(task);
            Future<VoicemailTicketing.Outcome> b = pool.submit(task);
            List<VoicemailTicketing.Outcome> outcomes = List.of(a.get(), b.get());
            assertThat(outcomes).containsOnlyOnce(VoicemailTicketing.Outcome.TICKETED);
        } finally {
            pool.shutdownNow();
        }
        assertThat(tickets()).isEqualTo(before + 1);
        assertThat(row(id).status).isEqualTo(VoicemailStatus.TICKETED);
    }

    @Test
    void aRefusedTicketFailsAtOnceAndARetryRequeuesIt() throws Exception {
        String id = leaveMessage("13900000004", 1);
        desk.failBefore = VoicemailTestApp.refused();
        assertThat(job.runOnce()).isZero();
        VoicemailRow v = row(id);
        assertThat(v.status).isEqualTo(VoicemailStatus.FAILED);
        assertThat(v.lastError).isEqualTo("分公司不存在");
        assertThat(mapper.selectLog(v.id)).extracting(m -> m.get("to_status") != null ? m.get("to_status")
                : m.get("TO_STATUS")).containsExactly("FAILED");
        // failed rows are not picked up again by themselves
        desk.failBefore = null;
        assertThat(job.runOnce()).isZero();
        assertThat(mapper.resetForRetry(v.id, LocalDateTime.now())).isEqualTo(1);
        assertThat(job.runOnce()).isEqualTo(1);
        VoicemailRow done = row(id);
        assertThat(done.status).isEqualTo(VoicemailStatus.TICKETED);
        // a ticketed message cannot be requeued
        assertThat(mapper.resetForRetry(v.id, LocalDateTime.now())).isZero();
    }

    @Test
    void transientFailuresBackOffThenGiveUp() throws Exception {
        String id = leaveMessage("13900000005", 1);
        desk.failBefore = new IllegalStateException("数据库忙");
        for (int i = 1; i <= 3; i++) {
            jdbc.update("UPDATE cc_voicemail SET next_attempt_at = ? WHERE linkedid = ?",
                    LocalDateTime.now().minusSeconds(1), id);
            job.runOnce();
            assertThat(row(id).attempts).isEqualTo(i);
        }
        assertThat(row(id).status).as("max-attempts=3").isEqualTo(VoicemailStatus.FAILED);
        assertThat(ticketing.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(ticketing.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(ticketing.backoff(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(ticketing.backoff(20)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theAudioNotYetMirroredIsRetriedLater() throws Exception {
        String id = CALLS.incrementAndGet() + ".1";
        feed(varSet(id, id, "13900000006", "RECORDED_FILE", "/var/spool/asterisk/monitor/message-" + id),
                varSet(id, id, "13900000006", "RECORD_STATUS", "DTMF"));
        assertThat(job.runOnce()).isZero();
        VoicemailRow v = row(id);
        assertThat(v.status).isEqualTo(VoicemailStatus.PENDING);
        assertThat(v.lastError).contains("尚未同步");
        writeWav(VoicemailTestApp.ROOT.resolve(String.valueOf(VoicemailTestApp.GW)).resolve("message-" + id + ".wav"), 2);
        jdbc.update("UPDATE cc_voicemail SET next_attempt_at = ? WHERE id = ?", LocalDateTime.now().minusSeconds(1), v.id);
        assertThat(job.runOnce()).isEqualTo(1);
        assertThat(row(id).durationMs).as("measured from the file once there").isEqualTo(2000L);
    }
}
