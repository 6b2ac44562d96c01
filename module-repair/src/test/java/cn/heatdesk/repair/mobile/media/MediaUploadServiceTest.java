package cn.heatdesk.repair.mobile.media;

import cn.heatdesk.kernel.audit.AuditEntry;
import cn.heatdesk.kernel.audit.AuditResult;
import cn.heatdesk.kernel.audit.AuditService;
import cn.heatdesk.kernel.crypto.Sm3;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.storage.FileKind;
import cn.heatdesk.kernel.storage.FileService;
import cn.heatdesk.kernel.storage.FileUpload;
import cn.heatdesk.kernel.storage.StoredFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Chunk assembly, resume, offsets, SM3 verification, limits and content checks of resumable uploads. */
class MediaUploadServiceTest {

    static final int CHUNK = 1024;

    @TempDir
    Path temp;

    InMemoryMediaMapper mapper;
    FileService files;
    AuditService audit;
    MediaProperties props;
    MediaUploadService uploads;
    /** what reached the kernel's store, one entry per call */
    List<byte[]> stored;

    @BeforeEach
    void setUp() throws Exception {
        mapper = new InMemoryMediaMapper();
        files = mock(FileService.class);
        stored = new ArrayList<>();
        when(files.store(any(InputStream.class), any(FileUpload.class))).thenAnswer(i -> {
            byte[] bytes = ((InputStream) i.getArgument(0)).readAllBytes();
            stored.add(bytes);
            FileUpload u = i.getArgument(1);
            return new StoredFile(5000L + stored.size(), Sm3.hashHex(bytes), bytes.length, "image/png", u.fileName(),
                    u.kind(), LocalDateTime.now(), 7L, 2L, "/1/2/10/", u.captureTime(), u.latitude(), u.longitude());
        });
        props = new MediaProperties();
        props.setChunkSize(DataSize.ofBytes(CHUNK));
        audit = mock(AuditService.class);
        uploads = new MediaUploadService(mapper, files, MediaTestSupport.ids(), props, audit, temp.resolve("field-media"),
                MediaTestSupport.noTransactions());
    }

    static <T> T as(cn.heatdesk.kernel.security.CurrentUser u, Supplier<T> work) {
        return SecurityContext.callAs(u, work);
    }

    MediaUploadService.StartRequest request(byte[] content, String kind) {
        return new MediaUploadService.StartRequest(Sm3.hashHex(content).toUpperCase(), (long) content.length, kind,
                "image/png", "现场.png", LocalDateTime.of(2026, 1, 6, 9, 15, 30), new BigDecimal("39.9042"),
                new BigDecimal("116.4074"));
    }

    MediaUploadService.UploadState put(long id, long offset, byte[] content, int from, int to) {
        return as(MediaTestSupport.WORKER, () -> uploads.append(id, offset,
                new ByteArrayInputStream(Arrays.copyOfRange(content, from, to))));
    }

    @Test
    void chunksCutInTheMiddleResumeFromWhatTheServerReceivedAndAssembleTheExactFile() throws Exception {
        byte[] content = MediaTestSupport.png(2 * CHUNK + 300, 1);
        var first = as(MediaTestSupport.WORKER, () -> uploads.start(request(content, "photo")));
        assertThat(first.received()).isZero();
        assertThat(first.complete()).isFalse();
        assertThat(first.chunkSize()).isEqualTo(CHUNK);

        assertThat(put(first.uploadId(), 0, content, 0, CHUNK).received()).isEqualTo(CHUNK);
        // the connection drops; the app starts over and is told where to go on
        var resumed = as(MediaTestSupport.WORKER, () -> uploads.start(request(content, "PHOTO")));
        assertThat(resumed.uploadId()).isEqualTo(first.uploadId());
        assertThat(resumed.received()).isEqualTo(CHUNK);

        assertThat(put(first.uploadId(), CHUNK, content, CHUNK, 2 * CHUNK).complete()).isFalse();
        var last = put(first.uploadId(), 2 * CHUNK, content, 2 * CHUNK, content.length);
        assertThat(last.complete()).isTrue();
        assertThat(last.received()).isEqualTo(content.length);
        assertThat(last.mediaId()).isNotNull();

        assertThat(stored).hasSize(1);
        assertThat(stored.get(0)).isEqualTo(content);
        org.mockito.ArgumentCaptor<AuditEntry> entry = org.mockito.ArgumentCaptor.forClass(AuditEntry.class);
        verify(audit).record(entry.capture());
        assertThat(entry.getValue().action()).isEqualTo("上传现场附件");
        assertThat(entry.getValue().result()).isEqualTo(AuditResult.SUCCESS);
        FieldMediaRow item = mapper.selectMediaByHash(Sm3.hashHex(content));
        assertThat(item.getId()).isEqualTo(last.mediaId());
        assertThat(item.getFileId()).isEqualTo(5001L);
        assertThat(item.getMediaKind()).isEqualTo("PHOTO");
        assertThat(item.getCapturedAt()).isEqualTo(LocalDateTime.of(2026, 1, 6, 9, 15, 30));
        try (var left = Files.list(temp.resolve("field-media"))) {
            assertThat(left).as("temporary chunks are deleted").isEmpty();
        }
    }

    @Test
    void aChunkAtTheWrongOffsetIsRefusedWithTheReceivedCount() {
        byte[] content = MediaTestSupport.png(2 * CHUNK, 2);
        var s = as(MediaTestSupport.WORKER, () -> uploads.start(request(content, "PHOTO")));
        put(s.uploadId(), 0, content, 0, CHUNK);
        assertThatThrownBy(() -> put(s.uploadId(), 0, content, 0, CHUNK))
                .isInstanceOfSatisfying(FieldMediaException.class, e -> {
                    assertThat(e.reason()).isEqualTo("OFFSET_MISMATCH");
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.getMessage()).contains("已收到 1024 字节");
                });
        assertThatThrownBy(() -> put(s.uploadId(), 2 * CHUNK, content, CHUNK, 2 * CHUNK))
                .isInstanceOfSatisfying(FieldMediaException.class, e -> assertThat(e.reason()).isEqualTo("OFFSET_MISMATCH"));
        assertThat(mapper.selectUploadById(s.uploadId()).getReceivedBytes()).isEqualTo(CHUNK);
    }

    @Test
    void contentNotMatchingTheDeclaredHashIsDiscardedAndNothingIsStored() {
        byte[] content = MediaTestSupport.png(CHUNK + 10, 3);
        byte[] tampered = content.clone();
        tampered[CHUNK + 5] ^= 1;
        var s = as(MediaTestSupport.WORKER, () -> uploads.start(request(content, "PHOTO")));
        put(s.uploadId(), 0, tampered, 0, CHUNK);
        assertThatThrownBy(() -> put(s.uploadId(), CHUNK, tampered, CHUNK, tampered.length))
                .isInstanceOfSatisfying(FieldMediaException.class, e -> {
                    assertThat(e.reason()).isEqualTo("HASH_MISMATCH");
                    assertThat(e.code().status().value()).isEqualTo(400);
                });
        verify(files, never()).store(any(InputStream.class), any(FileUpload.class));
        org.mockito.ArgumentCaptor<AuditEntry> entry = org.mockito.ArgumentCaptor.forClass(AuditEntry.class);
        verify(audit).record(entry.capture());
        assertThat(entry.getValue().result()).isEqualTo(AuditResult.FAILURE);
        assertThat(entry.getValue().detail()).contains("与声明的不一致").contains(Sm3.hashHex(content));
        assertThat(mapper.uploads).isEmpty();
        assertThat(mapper.media).isEmpty();
        assertThat(temp.resolve("field-media").toFile().list()).isEmpty();
    }

    @Test
    void theSameContentIsStoredOnceAndARepeatedLastChunkChangesNothing() {
        byte[] content = MediaTestSupport.png(500, 4);
        var s = as(MediaTestSupport.WORKER, () -> uploads.start(request(content, "PHOTO")));
        var done = put(s.uploadId(), 0, content, 0, content.length);
        assertThat(done.complete()).isTrue();
        // the response was lost: the app sends the chunk again, then starts again
        assertThat(put(s.uploadId(), 0, content, 0, content.length).complete()).isTrue();
        var again = as(MediaTestSupport.WORKER, () -> uploads.start(request(content, "PHOTO")));
        assertThat(again.complete()).isTrue();
        assertThat(again.mediaId()).isEqualTo(done.mediaId());
        // someone else with the identical file: complete at once, recorded as an uploader, not stored again
        var other = as(MediaTestSupport.OTHER, () -> uploads.start(request(content, "PHOTO")));
        assertThat(other.complete()).isTrue();
        assertThat(other.mediaId()).isEqualTo(done.mediaId());
        assertThat(other.uploadId()).isNotEqualTo(s.uploadId());
        assertThat(stored).hasSize(1);
        assertThat(mapper.media).hasSize(1);
    }

    @Test
    void limitsPerKindAndPerChunk() {
        byte[] content = MediaTestSupport.png(100, 5);
        var tooBig = new MediaUploadService.StartRequest(Sm3.hashHex(content), DataSize.ofMegabytes(2).toBytes() + 1,
                "SIGNATURE", "image/png", "sign.png", null, null, null);
        assertThatThrownBy(() -> as(MediaTestSupport.WORKER, () -> uploads.start(tooBig)))
                .isInstanceOfSatisfying(BizException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
                    assertThat(e.code().status().value()).isEqualTo(413);
                    assertThat(e.getMessage()).isEqualTo("电子签名不能超过 2 MB");
                    assertThat(e.field()).isEqualTo("size");
                });
        var photoAtLimit = new MediaUploadService.StartRequest(Sm3.hashHex(content), DataSize.ofMegabytes(20).toBytes(),
                "PHOTO", "image/jpeg", "a.jpg", null, null, null);
        assertThat(as(MediaTestSupport.WORKER, () -> uploads.start(photoAtLimit)).complete()).isFalse();
        assertThat(uploads.checkSize(DataSize.ofMegabytes(200).toBytes(), MediaKind.VIDEO)).isPositive();
        assertThatThrownBy(() -> uploads.checkSize(DataSize.ofMegabytes(20).toBytes() + 1, MediaKind.AUDIO))
                .hasMessage("录音不能超过 20 MB");
        assertThatThrownBy(() -> uploads.checkSize(0L, MediaKind.PHOTO)).isInstanceOf(BizException.class)
                .hasMessageContaining("大于 0");

        byte[] big = MediaTestSupport.png(3 * CHUNK, 6);
        var s = as(MediaTestSupport.WORKER, () -> uploads.start(request(big, "PHOTO")));
        assertThatThrownBy(() -> put(s.uploadId(), 0, big, 0, CHUNK + 1))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
        assertThat(mapper.selectUploadById(s.uploadId()).getReceivedBytes()).isZero();
    }

    @Test
    void badRequestsNameTheirField() {
        byte[] content = MediaTestSupport.png(100, 7);
        assertThatThrownBy(() -> as(MediaTestSupport.WORKER, () -> uploads.start(new MediaUploadService.StartRequest(
                "abc", 100L, "PHOTO", null, null, null, null, null))))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.field()).isEqualTo("contentHash"));
        assertThatThrownBy(() -> as(MediaTestSupport.WORKER, () -> uploads.start(new MediaUploadService.StartRequest(
                Sm3.hashHex(content), 100L, "DOC", null, null, null, null, null))))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.field()).isEqualTo("kind"));
        assertThatThrownBy(() -> as(MediaTestSupport.WORKER, () -> uploads.start(new MediaUploadService.StartRequest(
                Sm3.hashHex(content), 100L, "PHOTO", null, null, null, new BigDecimal("39.9"), null))))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.field()).isEqualTo("lng"));
    }

    @Test
    void aFileThatIsNotWhatItsKindAllowsIsRefusedByItsFirstBytes() {
        byte[] html = new byte[2 * CHUNK];
        byte[] page = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(page, 0, html, 0, page.length);
        var s = as(MediaTestSupport.WORKER, () -> uploads.start(request(html, "PHOTO")));
        assertThatThrownBy(() -> put(s.uploadId(), 0, html, 0, CHUNK))
                .isInstanceOfSatisfying(BizException.class, e -> {
                    assertThat(e.field()).isEqualTo("file");
                    assertThat(e.getMessage()).contains("不支持的文件格式");
                });
        assertThat(mapper.uploads).isEmpty();

        // a picture sent as a voice recording
        byte[] picture = MediaTestSupport.png(CHUNK, 8);
        var a = as(MediaTestSupport.WORKER, () -> uploads.start(request(picture, "AUDIO")));
        assertThatThrownBy(() -> put(a.uploadId(), 0, picture, 0, 300))
                .hasMessageContaining("文件内容是图片（png），不是要求的录音");
        assertThat(FileKind.IMAGE).isEqualTo(MediaUploadService.fileKind(MediaKind.SIGNATURE));
    }

    @Test
    void someoneElsesSessionIsNotFoundAndStaleSessionsExpireWithTheirFiles() {
        byte[] content = MediaTestSupport.png(2 * CHUNK, 9);
        var s = as(MediaTestSupport.WORKER, () -> uploads.start(request(content, "PHOTO")));
        put(s.uploadId(), 0, content, 0, CHUNK);
        assertThatThrownBy(() -> as(MediaTestSupport.OTHER, () -> uploads.append(s.uploadId(), CHUNK,
                new ByteArrayInputStream(new byte[10]))))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));

        assertThat(uploads.expireStale()).as("fresh sessions stay").isZero();
        mapper.uploads.get(s.uploadId()).setUpdatedAt(LocalDateTime.now().minusHours(25));
        assertThat(uploads.expireStale()).isEqualTo(1);
        assertThat(mapper.uploads).isEmpty();
        assertThat(temp.resolve("field-media").toFile().list()).isEmpty();
    }

    @Test
    void sm3OfTheAssembledFileIsTheStandardOne() throws Exception {
        Path f = temp.resolve("abc");
        Files.writeString(f, "abc");
        // GB/T 32905-2016 appendix A
        assertThat(MediaUploadService.sm3(f)).isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(MediaUploadService.normaliseHash(" 66C7F0F462EEEDD9D1F2D46BDC10E4E24167C4875CF2F7A2297DA02B8F4BA8E0 "))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }
}
