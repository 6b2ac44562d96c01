package cn.heatdesk.repair.mobile.media;

import cn.heatdesk.baseinfo.api.HeatNetClient;
import cn.heatdesk.baseinfo.api.HeatNetReading;
import cn.heatdesk.baseinfo.api.HouseholdApi;
import cn.heatdesk.baseinfo.api.HouseholdSummary;
import cn.heatdesk.baseinfo.api.RoomTemperatureApi;
import cn.heatdesk.kernel.audit.AuditEntry;
import cn.heatdesk.kernel.audit.AuditResult;
import cn.heatdesk.kernel.audit.AuditService;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.storage.FileService;
import cn.heatdesk.servicedesk.api.TicketAction;
import cn.heatdesk.servicedesk.api.TicketApi;
import cn.heatdesk.servicedesk.api.TicketCommand;
import cn.heatdesk.servicedesk.api.TicketOrigin;
import cn.heatdesk.servicedesk.api.TicketRow;
import cn.heatdesk.servicedesk.api.TicketStatus;
import cn.heatdesk.settings.api.OrgApi;
import cn.heatdesk.settings.api.OrgInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.ObjectProvider;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Binding field evidence to tickets: signature immutability and hash, attachments, voice notes, temperatures. */
class FieldMediaServiceTest {

    static final long TICKET = 900L;
    static final long STATION = 501L;
    static final long SUB = 2L;
    static final String PHOTO_HASH = "a".repeat(64);
    static final String SIGN_HASH = "b".repeat(64);
    static final String AUDIO_HASH = "c".repeat(64);

    InMemoryMediaMapper mapper;
    TicketApi tickets;
    OrgApi orgs;
    HouseholdApi households;
    RoomTemperatureApi temperatures;
    AuditService audit;
    FileService files;
    HeatNetClient heatNetClient;
    boolean heatNetConfigured;
    List<HeatNetReading> sent;
    /** one id sequence across the services of a test, like the one snowflake generator */
    cn.heatdesk.kernel.id.IdGenerator ids;

    @BeforeEach
    void setUp() {
        mapper = new InMemoryMediaMapper();
        tickets = mock(TicketApi.class);
        orgs = mock(OrgApi.class);
        households = mock(HouseholdApi.class);
        temperatures = mock(RoomTemperatureApi.class);
        audit = mock(AuditService.class);
        files = mock(FileService.class);
        sent = new ArrayList<>();
        ids = MediaTestSupport.ids();
        heatNetClient = mock(HeatNetClient.class);
        org.mockito.Mockito.doAnswer(i -> sent.add(i.getArgument(0))).when(heatNetClient).sendReading(any());
        when(tickets.find(TICKET)).thenReturn(row("HH0002"));
        when(orgs.find(STATION)).thenReturn(Optional.of(new OrgInfo(STATION, SUB, "STATION", "ST01", "城北第一维修站",
                "/1/2/501/", SUB, true)));
        when(orgs.find(SUB)).thenReturn(Optional.of(new OrgInfo(SUB, 1L, "SUBSIDIARY", "SUB01", "城北热力分公司",
                "/1/2/", SUB, true)));
        when(households.findByCode(SUB, "HH0002")).thenReturn(Optional.of(new HouseholdSummary(77L, "HH0002", 5L,
                "/1/", "幸福家园1-1-101", "101", null, "HEATING", null, null, "王建国", SUB, "/1/2/")));
        when(temperatures.record(eq(77L), any(), any(), any(), any())).thenReturn(4242L);
        item(PHOTO_HASH, MediaKind.PHOTO, "image/jpeg", 11L);
        item(SIGN_HASH, MediaKind.SIGNATURE, "image/png", 12L);
        item(AUDIO_HASH, MediaKind.AUDIO, "audio/mp4", 13L);
    }

    static TicketRow row(String householdCode) {
        return new TicketRow(TICKET, "GD20260106001", "REPAIR", "维修", "PHONE", "电话", "NORMAL", "一般", 0,
                TicketStatus.IN_PROGRESS, "处理中", null, null, "报修", "幸福家园1-1-101", householdCode, "王建国",
                "138****8000", SUB, "城北热力分公司", STATION, "城北第一维修站", 7L, "孙师傅",
                LocalDateTime.now().plusHours(4), "NORMAL", false, false, 0, 0, 0, null, null, null,
                LocalDateTime.now().minusHours(1), "李坐席", null, null, 3);
    }

    void item(String hash, MediaKind kind, String mime, long fileId) {
        FieldMediaRow m = new FieldMediaRow();
        m.setId(fileId + 100);
        m.setContentHash(hash);
        m.setFileId(fileId);
        m.setMediaKind(kind.name());
        m.setMimeType(mime);
        m.setSizeBytes(1234);
        m.setUploaderId(7L);
        m.setOrgPath("/1/2/501/");
        m.setCreatedAt(LocalDateTime.now());
        mapper.insertMedia(m);
    }

    FieldMediaService service(Map<String, AsrEngine> engines, String engine) {
        @SuppressWarnings("unchecked")
        ObjectProvider<HeatNetClient> provider = mock(ObjectProvider.class);
        when(provider.getIfAvailable()).thenAnswer(i -> heatNetConfigured ? heatNetClient : null);
        return new FieldMediaService(mapper, tickets, orgs, households, temperatures, provider, audit, files,
                ids, engines, engine, MediaTestSupport.noTransactions());
    }

    FieldMediaService service() {
        return service(Map.of(), "none");
    }

    static FieldActor actor(String op) {
        return new FieldActor(7L, "孙师傅", "dev-1", op);
    }

    List<TicketCommand> notes() {
        ArgumentCaptor<TicketCommand> cmd = ArgumentCaptor.forClass(TicketCommand.class);
        verify(tickets, org.mockito.Mockito.atLeast(0)).perform(eq(TICKET), cmd.capture(), eq(TicketOrigin.APP));
        return cmd.getAllValues();
    }

    @Test
    void aSignatureIsBoundOnceWithAServerHashAndEveryLaterAttemptIsRefusedAndAudited() {
        FieldMediaService s = service();
        var rec = s.sign(TICKET, SIGN_HASH.toUpperCase(), 5, " 师傅很专业 ", LocalDateTime.of(2026, 1, 6, 10, 0), actor("op-sign"));
        assertThat(rec.satisfaction()).isEqualTo(5);
        assertThat(rec.comment()).isEqualTo("师傅很专业");
        assertThat(rec.signatureHash()).isEqualTo(SIGN_HASH);
        assertThat(rec.serverTime()).isCloseTo(LocalDateTime.now(), org.assertj.core.api.Assertions.within(5,
                java.time.temporal.ChronoUnit.SECONDS));
        assertThat(rec.recordHash()).isEqualTo(FieldMediaService.recordHash(TICKET, "GD20260106001", SIGN_HASH, 5,
                "师傅很专业", rec.serverTime(), 7L)).hasSize(64);
        assertThat(notes()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(TicketAction.NOTE);
            assertThat(c.note()).isEqualTo("客户电子签名确认，满意度 5 分（很满意），评价：师傅很专业");
        });

        // the same command replayed: the same record, nothing new
        assertThat(s.sign(TICKET, SIGN_HASH, 5, "师傅很专业", null, actor("op-sign"))).isEqualTo(rec);
        // any other attempt, even with the same content: refused, audited, the first one stays
        assertThatThrownBy(() -> s.sign(TICKET, SIGN_HASH, 1, "改一下", null, actor("op-other")))
                .isInstanceOfSatisfying(FieldMediaException.class, e -> {
                    assertThat(e.reason()).isEqualTo("SIGNATURE_EXISTS");
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.getMessage()).contains("签名提交后不可修改");
                });
        ArgumentCaptor<AuditEntry> entry = ArgumentCaptor.forClass(AuditEntry.class);
        verify(audit).record(entry.capture());
        assertThat(entry.getValue().action()).isEqualTo("修改客户电子签名");
        assertThat(entry.getValue().result()).isEqualTo(AuditResult.FAILURE);
        assertThat(entry.getValue().detail()).contains("op-other");
        assertThat(mapper.signatures).hasSize(1);
        assertThat(s.signatureOf(TICKET)).contains(rec);
        verify(tickets, times(1)).perform(anyLong(), any(), any());
        assertThat(FieldMediaService.intact(mapper.selectSignature(TICKET))).isTrue();
    }

    @Test
    void theRecordHashCoversEveryFactAndShowsTampering() {
        LocalDateTime at = LocalDateTime.of(2026, 1, 6, 10, 0, 5);
        String h = FieldMediaService.recordHash(1L, "GD1", SIGN_HASH, 4, null, at, 7L);
        // SM3 of the documented canonical text
        assertThat(h).isEqualTo(cn.heatdesk.kernel.crypto.Sm3.hashHex("1\nGD1\n" + SIGN_HASH + "\n4\n\n2026-01-06T10:00:05\n7"));
        assertThat(FieldMediaService.recordHash(1L, "GD1", SIGN_HASH, 4, null, at, 7L)).isEqualTo(h);
        assertThat(List.of(
                FieldMediaService.recordHash(2L, "GD1", SIGN_HASH, 4, null, at, 7L),
                FieldMediaService.recordHash(1L, "GD2", SIGN_HASH, 4, null, at, 7L),
                FieldMediaService.recordHash(1L, "GD1", PHOTO_HASH, 4, null, at, 7L),
                FieldMediaService.recordHash(1L, "GD1", SIGN_HASH, 5, null, at, 7L),
                FieldMediaService.recordHash(1L, "GD1", SIGN_HASH, 4, "好", at, 7L),
                FieldMediaService.recordHash(1L, "GD1", SIGN_HASH, 4, null, at.plusSeconds(1), 7L),
                FieldMediaService.recordHash(1L, "GD1", SIGN_HASH, 4, null, at, 8L))).doesNotContain(h).doesNotHaveDuplicates();

        service().sign(TICKET, SIGN_HASH, 4, null, null, actor("op-1"));
        SignatureRow stored = mapper.selectSignature(TICKET);
        stored.setSatisfaction(5);
        assertThat(FieldMediaService.intact(stored)).isFalse();
    }

    @Test
    void signatureInputIsChecked() {
        FieldMediaService s = service();
        assertThatThrownBy(() -> s.sign(TICKET, SIGN_HASH, 0, null, null, actor("op-1")))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.field()).isEqualTo("satisfaction"));
        assertThatThrownBy(() -> s.sign(TICKET, "d".repeat(64), 3, null, null, actor("op-1")))
                .isInstanceOfSatisfying(FieldMediaException.class, e -> {
                    assertThat(e.reason()).isEqualTo("MEDIA_NOT_FOUND");
                    assertThat(e.field()).isEqualTo("signatureHash");
                });
        assertThatThrownBy(() -> s.sign(TICKET, AUDIO_HASH, 3, null, null, actor("op-1")))
                .hasMessage("电子签名必须是签字图片");
        assertThatThrownBy(() -> s.sign(TICKET, SIGN_HASH, 3, "好".repeat(501), null, actor("op-1")))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.field()).isEqualTo("comment"));
        assertThat(mapper.signatures).isEmpty();
        verify(tickets, never()).perform(anyLong(), any(), any());
    }

    @Test
    void attachLinksAnUploadedItemOncePerOperationWithATimelineNote() {
        FieldMediaService s = service();
        // the worker's own scope (SELF) matches no ticket: the core is called with it narrowed to the ticket's path
        List<cn.heatdesk.kernel.security.CurrentUser> acting = new ArrayList<>();
        when(tickets.perform(eq(TICKET), any(), eq(TicketOrigin.APP))).thenAnswer(i -> {
            cn.heatdesk.kernel.security.SecurityContext.current().ifPresent(acting::add);
            return null;
        });
        var ref = cn.heatdesk.kernel.security.SecurityContext.callAs(MediaTestSupport.WORKER,
                () -> s.attach(TICKET, PHOTO_HASH, MediaKind.PHOTO, "阀门锈蚀", actor("op-a")));
        assertThat(acting).singleElement().satisfies(u -> {
            assertThat(u.userId()).isEqualTo(7L);
            assertThat(u.dataScope()).isEqualTo(cn.heatdesk.kernel.security.DataScope.CUSTOM);
            assertThat(u.customOrgPaths()).containsExactly("/1/2/501/");
        });
        assertThat(ref.kind()).isEqualTo(MediaKind.PHOTO);
        assertThat(ref.fileId()).isEqualTo(11L);
        assertThat(ref.contentHash()).isEqualTo(PHOTO_HASH);
        assertThat(ref.note()).isEqualTo("阀门锈蚀");
        assertThat(ref.transcriptStatus()).isNull();
        assertThat(s.attach(TICKET, PHOTO_HASH, MediaKind.PHOTO, "阀门锈蚀", actor("op-a"))).isEqualTo(ref);
        assertThat(notes()).singleElement().satisfies(c -> assertThat(c.note()).isEqualTo("现场照片：阀门锈蚀"));
        TicketMediaRow link = mapper.links.values().iterator().next();
        assertThat(link.getOrgPath()).as("the station's path").isEqualTo("/1/2/501/");
        assertThat(link.getSubsidiaryId()).isEqualTo(SUB);

        assertThatThrownBy(() -> s.attach(TICKET, "e".repeat(64), MediaKind.PHOTO, null, actor("op-b")))
                .isInstanceOfSatisfying(FieldMediaException.class, e -> assertThat(e.reason()).isEqualTo("MEDIA_NOT_FOUND"));
        assertThatThrownBy(() -> s.attach(TICKET, PHOTO_HASH, MediaKind.VIDEO, null, actor("op-c")))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.field()).isEqualTo("kind"));
        assertThatThrownBy(() -> s.attach(TICKET, PHOTO_HASH, MediaKind.PHOTO, null, new FieldActor(7L, "孙师傅", "d", " ")))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.field()).isEqualTo("opId"));
        assertThat(s.mediaOf(TICKET)).containsExactly(ref);
    }

    @Test
    void voiceNotesStayAudioWithoutAnEngineAndAreTranscribedWithOne() throws Exception {
        var none = service().voiceNote(TICKET, AUDIO_HASH, 12, actor("op-v1"));
        assertThat(none.transcriptStatus()).isEqualTo("NONE");
        assertThat(none.transcript()).isNull();
        assertThat(notes()).last().satisfies(c -> assertThat(c.note()).isEqualTo("语音上报（12 秒），未配置语音识别，保留原声"));

        when(files.open(13L)).thenAnswer(i -> new ByteArrayInputStream(new byte[]{1, 2, 3}));
        AsrEngine echo = (audio, mime) -> "暖气片漏水已处理（" + audio.readAllBytes().length + " 字节 " + mime + "）";
        var done = service(Map.of("testAsr", echo), "testAsr").voiceNote(TICKET, AUDIO_HASH, 5, actor("op-v2"));
        assertThat(done.transcriptStatus()).isEqualTo("DONE");
        assertThat(done.transcript()).isEqualTo("暖气片漏水已处理（3 字节 audio/mp4）");
        assertThat(notes()).last().satisfies(c -> assertThat(c.note()).isEqualTo("语音上报（5 秒）：暖气片漏水已处理（3 字节 audio/mp4）"));

        AsrEngine broken = (audio, mime) -> {
            throw new IllegalStateException("引擎超时");
        };
        var failed = service(Map.of("broken", broken), "broken").voiceNote(TICKET, AUDIO_HASH, null, actor("op-v3"));
        assertThat(failed.transcriptStatus()).isEqualTo("FAILED");
        assertThat(mapper.links).hasSize(3);

        assertThatThrownBy(() -> service().voiceNote(TICKET, PHOTO_HASH, 3, actor("op-v4")))
                .hasMessage("语音上报必须是录音文件");
        assertThatThrownBy(() -> service(Map.of(), "missing"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("heatdesk.repair.asr.engine=missing");
    }

    @Test
    void aTemperatureGoesToTheTicketsHouseholdAndLaterToTheHeatNetwork() {
        FieldMediaService s = service();
        LocalDateTime at = LocalDateTime.of(2026, 1, 6, 9, 15, 42);
        var rec = s.temperature(TICKET, new BigDecimal("18.46"), at, "卧室", "窗户漏风", actor("op-t"));
        assertThat(rec.householdId()).isEqualTo(77L);
        assertThat(rec.indoorTemp()).isEqualByComparingTo("18.5");
        assertThat(rec.forwardedToHeatNet()).isFalse();
        verify(temperatures).record(77L, new BigDecimal("18.5"), at, "APP", "op-t");
        assertThat(notes()).singleElement().satisfies(c -> assertThat(c.note()).isEqualTo("测温：室温 18.5 ℃（卧室），窗户漏风"));
        assertThat(mapper.temps.values()).singleElement().satisfies(t -> {
            assertThat(t.getBaseReadingId()).isEqualTo(4242L);
            assertThat(t.getHouseholdCode()).isEqualTo("HH0002");
        });
        // a replay changes nothing
        assertThat(s.temperature(TICKET, new BigDecimal("18.46"), at, "卧室", "窗户漏风", actor("op-t"))).isEqualTo(rec);
        verify(temperatures, times(1)).record(anyLong(), any(), any(), any(), any());

        // no heat network configured: nothing is sent and nothing is marked
        assertThat(s.forwardPending()).isZero();
        heatNetConfigured = true;
        mapper.temps.values().forEach(t -> t.setCreatedAt(t.getCreatedAt().minusMinutes(1)));
        assertThat(s.forwardPending()).isEqualTo(1);
        assertThat(sent).singleElement().satisfies(r -> {
            assertThat(r.subsidiaryCode()).isEqualTo("SUB01");
            assertThat(r.householdCode()).isEqualTo("HH0002");
            assertThat(r.temperature()).isEqualByComparingTo("18.5");
            assertThat(r.measuredAt()).isEqualTo(at);
            assertThat(r.readingId()).startsWith("HD-");
        });
        assertThat(s.forwardPending()).as("accepted readings are not sent again").isZero();
        assertThat(s.temperature(TICKET, new BigDecimal("18.46"), at, "卧室", null, actor("op-t")).forwardedToHeatNet()).isTrue();
    }

    @Test
    void temperatureInputIsCheckedAndATicketWithoutHouseholdKeepsItLocally() {
        FieldMediaService s = service();
        assertThatThrownBy(() -> s.temperature(TICKET, new BigDecimal("61"), LocalDateTime.now(), null, null, actor("op-1")))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.field()).isEqualTo("indoorTemp"));
        assertThatThrownBy(() -> s.temperature(TICKET, new BigDecimal("20"), null, null, null, actor("op-1")))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.field()).isEqualTo("measuredAt"));
        assertThatThrownBy(() -> s.temperature(TICKET, new BigDecimal("20"), LocalDateTime.now().plusDays(1), null, null, actor("op-1")))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.field()).isEqualTo("measuredAt"));
        assertThat(mapper.temps).isEmpty();

        when(tickets.find(TICKET)).thenReturn(row(null));
        var rec = s.temperature(TICKET, new BigDecimal("-3"), LocalDateTime.now(), null, null, actor("op-2"));
        assertThat(rec.householdId()).isNull();
        verify(temperatures, never()).record(anyLong(), any(), any(), any(), any());
        assertThat(notes()).last().satisfies(c -> assertThat(c.note()).contains("未计入房屋室温"));
    }
}
