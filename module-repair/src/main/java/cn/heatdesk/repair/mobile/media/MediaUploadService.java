package cn.heatdesk.repair.mobile.media;

import cn.heatdesk.kernel.audit.AuditEntry;
import cn.heatdesk.kernel.audit.AuditResult;
import cn.heatdesk.kernel.audit.AuditService;
import cn.heatdesk.kernel.config.HeatDeskProperties;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.kernel.storage.ContentSniffer;
import cn.heatdesk.kernel.storage.FileKind;
import cn.heatdesk.kernel.storage.FileService;
import cn.heatdesk.kernel.storage.FileUpload;
import cn.heatdesk.kernel.storage.StorageProperties;
import cn.heatdesk.kernel.storage.StoredFile;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.util.encoders.Hex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Resumable uploads of field media (docs/mobile-media.md): a session per (content hash, uploader), chunks appended
 * in order to a temporary file, the whole verified against the declared SM3 and size, then stored once through the
 * kernel's {@link FileService} and recorded as an item by hash. A hash already stored is complete at once, so an
 * upload repeated after a lost response is never stored twice.
 *
 * <p>No method holds a transaction across network or storage I/O except the append of one chunk (at most
 * {@code chunk-size}, already read into memory), which runs under the session's row lock so concurrent chunks of
 * one session queue instead of interleaving.
 */
@Service
public class MediaUploadService {

    static final String RECEIVING = "RECEIVING";
    static final String DONE = "DONE";
    private static final Pattern SM3_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Logger log = LoggerFactory.getLogger(MediaUploadService.class);

    private final FieldMediaMapper mapper;
    private final FileService files;
    private final IdGenerator ids;
    private final MediaProperties props;
    private final AuditService audit;
    private final Path tempRoot;
    private final TransactionTemplate tx;
    /** one finalisation per session at a time on this instance */
    private final ConcurrentHashMap<Long, Object> finishing = new ConcurrentHashMap<>();

    @Autowired
    public MediaUploadService(FieldMediaMapper mapper, FileService files, IdGenerator ids, MediaProperties props,
                              AuditService audit, StorageProperties storage, HeatDeskProperties heatdesk,
                              PlatformTransactionManager transactionManager) throws IOException {
        this(mapper, files, ids, props, audit, tempRoot(storage, heatdesk), transactionManager);
    }

    MediaUploadService(FieldMediaMapper mapper, FileService files, IdGenerator ids, MediaProperties props,
                       AuditService audit, Path tempRoot, PlatformTransactionManager transactionManager) throws IOException {
        this.mapper = mapper;
        this.files = files;
        this.ids = ids;
        this.props = props;
        this.audit = audit;
        this.tempRoot = tempRoot;
        Files.createDirectories(tempRoot);
        this.tx = new TransactionTemplate(transactionManager);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** the kernel's upload spool area (heatdesk.storage.temp-dir, else data-dir/tmp/uploads) + /field-media */
    static Path tempRoot(StorageProperties storage, HeatDeskProperties heatdesk) {
        String dir = storage.getTempDir();
        Path base = dir == null || dir.isBlank() ? Paths.get(heatdesk.getDataDir(), "tmp", "uploads") : Paths.get(dir.strip());
        return base.resolve("field-media").toAbsolutePath().normalize();
    }

    /** POST /api/mobile/media/uploads */
    public record StartRequest(String contentHash, Long size, String kind, String mimeType, String fileName,
                               LocalDateTime capturedAt, BigDecimal lat, BigDecimal lng) {
    }

    /** the answer of start and of every chunk; ids boxed so JSON carries them as strings */
    public record UploadState(Long uploadId, long received, long size, long chunkSize, boolean complete, Long mediaId) {
    }

    public UploadState start(StartRequest r) {
        CurrentUser user = SecurityContext.require();
        String hash = normaliseHash(r.contentHash());
        MediaKind kind = parseKind(r.kind());
        long size = checkSize(r.size(), kind);
        String mime = trimTo(r.mimeType(), 100, "mimeType", "文件类型");
        String name = trimTo(r.fileName(), 255, "fileName", "文件名");
        checkLocation(r.lat(), r.lng());

        FieldMediaRow stored = mapper.selectMediaByHash(hash);
        MediaUploadRow mine = mapper.selectUpload(hash, user.userId());
        if (stored != null) {
            // already here (this user's lost response, or someone else's identical file): record the user as an
            // uploader of it and answer complete, nothing is received or stored again
            if (stored.getSizeBytes() != size) {
                throw BizException.invalid("size", "文件大小与已存储的同一内容（" + stored.getSizeBytes() + " 字节）不一致");
            }
            MediaUploadRow done = tx.execute(st -> recordDone(mine, stored, r, user, kind, hash));
            return state(done);
        }
        if (mine != null) {
            if (mine.getSizeBytes() != size) {
                throw BizException.invalid("size", "文件大小与进行中的同一内容上传（" + mine.getSizeBytes() + " 字节）不一致");
            }
            return state(mine);
        }
        MediaUploadRow row = newRow(r, user, kind, hash, size, mime, name);
        row.setUploadState(RECEIVING);
        row.setTempPath(tempRoot.resolve(row.getId() + ".chunks").toString());
        try {
            tx.executeWithoutResult(st -> mapper.insertUpload(row));
        } catch (DuplicateKeyException race) {
            // the same user started the same content twice at once: both continue the one session
            MediaUploadRow other = mapper.selectUpload(hash, user.userId());
            if (other == null) {
                throw race;
            }
            return state(other);
        }
        return state(row);
    }

    /** PUT /api/mobile/media/uploads/{id}?offset=: appends one chunk; the last byte verifies and stores the file */
    public UploadState append(long uploadId, long offset, InputStream body) {
        CurrentUser user = SecurityContext.require();
        byte[] chunk = readChunk(body);
        MediaUploadRow before = mapper.selectUploadById(uploadId);
        if (before == null || before.getUploaderId() != user.userId()) {
            throw new BizException(ErrorCode.NOT_FOUND, "上传任务不存在或已过期，请重新开始上传");
        }
        if (DONE.equals(before.getUploadState())) {
            // a chunk repeated after a lost response: the file is already complete
            return state(before);
        }
        MediaUploadRow row = tx.execute(st -> write(uploadId, offset, chunk));
        if (row == null) {
            throw new BizException(ErrorCode.NOT_FOUND, "上传任务不存在或已过期，请重新开始上传");
        }
        if (DONE.equals(row.getUploadState())) {
            return state(row);
        }
        long received = row.getReceivedBytes();
        int head = (int) Math.min(ContentSniffer.HEAD_LENGTH, row.getSizeBytes());
        if (offset < head && received >= head) {
            sniff(row, head);
        }
        if (received == row.getSizeBytes()) {
            return finish(row);
        }
        return state(row);
    }

    /** the session as the app sees it (GET after a restart); 404 for someone else's */
    public UploadState status(long uploadId) {
        CurrentUser user = SecurityContext.require();
        MediaUploadRow row = mapper.selectUploadById(uploadId);
        if (row == null || row.getUploaderId() != user.userId()) {
            throw new BizException(ErrorCode.NOT_FOUND, "上传任务不存在或已过期，请重新开始上传");
        }
        return state(row);
    }

    /** deletes incomplete sessions untouched for {@code heatdesk.repair.media.upload-expiry}; returns how many */
    public int expireStale() {
        LocalDateTime before = LocalDateTime.now().minus(props.getUploadExpiry());
        int n = 0;
        for (MediaUploadRow row : mapper.selectStaleUploads(before)) {
            discard(row);
            n++;
        }
        if (n > 0) {
            log.info("removed {} expired field media upload(s)", n);
        }
        return n;
    }

    // ------------------------------------------------------------------------------------------------- internals

    private MediaUploadRow write(long uploadId, long offset, byte[] chunk) {
        MediaUploadRow row = mapper.selectUploadForUpdate(uploadId);
        if (row == null || DONE.equals(row.getUploadState())) {
            return row;
        }
        if (offset != row.getReceivedBytes()) {
            throw new FieldMediaException(FieldMediaException.OFFSET_MISMATCH, ErrorCode.CONFLICT,
                    "上传位置不对：服务器已收到 " + row.getReceivedBytes() + " 字节，请从第 " + row.getReceivedBytes()
                            + " 字节继续上传", "offset");
        }
        if (chunk.length == 0 && offset < row.getSizeBytes()) {
            throw BizException.invalid("body", "上传的数据块是空的");
        }
        if (offset + chunk.length > row.getSizeBytes()) {
            throw BizException.invalid("body", "数据超过了声明的文件大小（" + row.getSizeBytes() + " 字节）");
        }
        Path file = Paths.get(row.getTempPath());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            // bytes beyond the recorded count are from a chunk whose transaction did not commit
            ch.truncate(offset);
            ch.position(offset);
            ByteBuffer buf = ByteBuffer.wrap(chunk);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("写入上传临时文件失败 / cannot write " + file + ": " + e.getMessage(), e);
        }
        long received = offset + chunk.length;
        mapper.updateUploadProgress(uploadId, received, now());
        row.setReceivedBytes(received);
        return row;
    }

    /** refuses a file whose first bytes are not an accepted format of its kind, as the kernel would, early */
    private void sniff(MediaUploadRow row, int headLength) {
        byte[] head = new byte[headLength];
        try (InputStream in = Files.newInputStream(Paths.get(row.getTempPath()))) {
            int n = in.readNBytes(head, 0, headLength);
            MediaKind kind = MediaKind.valueOf(row.getMediaKind());
            FileKind expected = fileKind(kind);
            ContentSniffer.Detected type = ContentSniffer.detect(head, n, expected, row.getMimeType(), row.getFileName());
            if (type == null || type.kind() != expected) {
                discard(row);
                record(row, false, "拒绝：文件内容不是" + kind.label());
                throw BizException.invalid("file", type == null
                        ? "不支持的文件格式（按文件内容识别），" + kind.label() + "仅支持" + expected.formats()
                        : "文件内容是" + type.kind().label() + "（" + type.extension() + "），不是要求的" + kind.label()
                                + "（" + expected.formats() + "）");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private UploadState finish(MediaUploadRow row) {
        Object lock = finishing.computeIfAbsent(row.getId(), k -> new Object());
        try {
            synchronized (lock) {
                MediaUploadRow current = mapper.selectUploadById(row.getId());
                if (current == null) {
                    throw new BizException(ErrorCode.NOT_FOUND, "上传任务不存在或已过期，请重新开始上传");
                }
                if (DONE.equals(current.getUploadState())) {
                    return state(current);
                }
                return state(verifyAndStore(current));
            }
        } finally {
            finishing.remove(row.getId());
        }
    }

    private MediaUploadRow verifyAndStore(MediaUploadRow row) {
        Path file = Paths.get(row.getTempPath());
        String actual;
        long actualSize;
        try {
            actualSize = Files.size(file);
            actual = sm3(file);
        } catch (IOException e) {
            throw new UncheckedIOException("读取上传临时文件失败 / cannot read " + file + ": " + e.getMessage(), e);
        }
        if (actualSize != row.getSizeBytes() || !actual.equals(row.getContentHash())) {
            discard(row);
            record(row, false, "拒绝：内容 SM3 " + actual + "（" + actualSize + " 字节）与声明的不一致");
            throw new FieldMediaException(FieldMediaException.HASH_MISMATCH, ErrorCode.VALIDATION,
                    "文件校验失败：收到内容的 SM3 与声明的不一致，本次上传已作废，请重新上传", "contentHash");
        }
        MediaKind kind = MediaKind.valueOf(row.getMediaKind());
        StoredFile stored;
        try (InputStream in = Files.newInputStream(file)) {
            stored = files.store(in, new FileUpload(row.getFileName(), row.getMimeType(), fileKind(kind),
                    row.getCapturedAt(), row.getGpsLat(), row.getGpsLng()));
        } catch (BizException refused) {
            // the kernel's own content checks: the upload cannot become valid by resending it
            discard(row);
            record(row, false, "拒绝：" + refused.getMessage());
            throw refused;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FieldMediaRow media = new FieldMediaRow();
        media.setId(ids.nextId());
        media.setContentHash(row.getContentHash());
        media.setFileId(stored.id());
        media.setMediaKind(row.getMediaKind());
        media.setMimeType(stored.contentType());
        media.setSizeBytes(stored.size());
        media.setFileName(stored.fileName());
        media.setCapturedAt(row.getCapturedAt());
        media.setGpsLat(row.getGpsLat());
        media.setGpsLng(row.getGpsLng());
        media.setUploaderId(row.getUploaderId());
        media.setSubsidiaryId(row.getSubsidiaryId());
        media.setOrgPath(row.getOrgPath());
        media.setCreatedAt(now());
        long mediaId;
        try {
            tx.executeWithoutResult(st -> mapper.insertMedia(media));
            mediaId = media.getId();
        } catch (DuplicateKeyException race) {
            // another session of the same content finished first: one item per hash
            mediaId = mapper.selectMediaByHash(row.getContentHash()).getId();
        }
        long id = mediaId;
        tx.executeWithoutResult(st -> mapper.markUploadDone(row.getId(), id, row.getSizeBytes(), now()));
        deleteQuietly(file);
        record(row, true, "文件 " + stored.id() + "，类型=" + stored.contentType());
        return mapper.selectUploadById(row.getId());
    }

    private MediaUploadRow recordDone(MediaUploadRow mine, FieldMediaRow stored, StartRequest r, CurrentUser user,
                                      MediaKind kind, String hash) {
        if (mine != null) {
            if (!DONE.equals(mine.getUploadState())) {
                mapper.markUploadDone(mine.getId(), stored.getId(), stored.getSizeBytes(), now());
                deleteQuietly(Paths.get(mine.getTempPath()));
            }
            return mapper.selectUploadById(mine.getId());
        }
        MediaUploadRow row = newRow(r, user, kind, hash, stored.getSizeBytes(), stored.getMimeType(), r.fileName());
        row.setUploadState(DONE);
        row.setReceivedBytes(stored.getSizeBytes());
        row.setMediaId(stored.getId());
        try {
            mapper.insertUpload(row);
        } catch (DuplicateKeyException race) {
            return mapper.selectUpload(hash, user.userId());
        }
        return row;
    }

    private MediaUploadRow newRow(StartRequest r, CurrentUser user, MediaKind kind, String hash, long size, String mime,
                                  String name) {
        MediaUploadRow row = new MediaUploadRow();
        row.setId(ids.nextId());
        row.setContentHash(hash);
        row.setSizeBytes(size);
        row.setMediaKind(kind.name());
        row.setMimeType(mime);
        row.setFileName(name == null ? null : name.strip());
        row.setCapturedAt(r.capturedAt() == null ? null : r.capturedAt().truncatedTo(ChronoUnit.SECONDS));
        row.setGpsLat(r.lat() == null ? null : r.lat().setScale(7, java.math.RoundingMode.HALF_UP));
        row.setGpsLng(r.lng() == null ? null : r.lng().setScale(7, java.math.RoundingMode.HALF_UP));
        row.setUploaderId(user.userId());
        row.setReceivedBytes(0);
        row.setSubsidiaryId(user.subsidiaryId());
        row.setOrgPath(user.orgPath());
        LocalDateTime now = now();
        row.setCreatedAt(now);
        row.setUpdatedAt(now);
        return row;
    }

    /** deletes the session and its temporary file in a transaction of its own (also when the caller then fails) */
    private void discard(MediaUploadRow row) {
        tx.executeWithoutResult(st -> mapper.deleteUpload(row.getId()));
        if (row.getTempPath() != null) {
            deleteQuietly(Paths.get(row.getTempPath()));
        }
    }

    /** every finished or refused upload is audited like the kernel's /api/files uploads (own transaction) */
    private void record(MediaUploadRow row, boolean ok, String outcome) {
        try {
            audit.record(AuditEntry.fromContext("上传现场附件").target("上传任务 " + row.getId())
                    .detail("文件名=" + row.getFileName() + "，类别=" + MediaKind.valueOf(row.getMediaKind()).label()
                            + "，大小=" + row.getSizeBytes() + " 字节，SM3=" + row.getContentHash() + "，" + outcome)
                    .httpStatus(ok ? 200 : 400).result(ok ? AuditResult.SUCCESS : AuditResult.FAILURE).build());
        } catch (RuntimeException e) {
            log.error("审计日志写入失败 / audit write failed for a field upload", e);
        }
    }

    private UploadState state(MediaUploadRow row) {
        boolean done = DONE.equals(row.getUploadState());
        return new UploadState(row.getId(), row.getReceivedBytes(), row.getSizeBytes(), props.getChunkSize().toBytes(),
                done, done ? row.getMediaId() : null);
    }

    private byte[] readChunk(InputStream body) {
        long max = props.getChunkSize().toBytes();
        try {
            byte[] data = body == null ? new byte[0] : body.readNBytes((int) max + 1);
            if (data.length > max) {
                throw new BizException(ErrorCode.PAYLOAD_TOO_LARGE, "单个数据块不能超过 " + mb(max), "body");
            }
            return data;
        } catch (IOException e) {
            throw BizException.invalid("body", "数据块接收中断，请从服务器已收到的位置重新上传");
        }
    }

    static String sm3(Path file) throws IOException {
        SM3Digest digest = new SM3Digest();
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) != -1) {
                digest.update(buf, 0, n);
            }
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return Hex.toHexString(out);
    }

    static String normaliseHash(String hash) {
        String h = hash == null ? "" : hash.strip().toLowerCase(Locale.ROOT);
        if (!SM3_HEX.matcher(h).matches()) {
            throw BizException.invalid("contentHash", "文件 SM3 应为 64 位十六进制字符");
        }
        return h;
    }

    static MediaKind parseKind(String kind) {
        try {
            return MediaKind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BizException.invalid("kind", "附件类别只能是 PHOTO（照片）、VIDEO（视频）、AUDIO（录音）或 SIGNATURE（电子签名）");
        }
    }

    long checkSize(Long size, MediaKind kind) {
        if (size == null || size <= 0) {
            throw BizException.invalid("size", "文件大小应大于 0 字节");
        }
        long limit = props.getLimits().of(kind).toBytes();
        if (size > limit) {
            throw new BizException(ErrorCode.PAYLOAD_TOO_LARGE, kind.label() + "不能超过 " + mb(limit), "size");
        }
        return size;
    }

    /** the kernel's file kind a field media kind is stored as (a signature is a picture) */
    static FileKind fileKind(MediaKind kind) {
        return switch (kind) {
            case PHOTO, SIGNATURE -> FileKind.IMAGE;
            case VIDEO -> FileKind.VIDEO;
            case AUDIO -> FileKind.AUDIO;
        };
    }

    private static String trimTo(String v, int max, String field, String label) {
        if (v == null || v.isBlank()) {
            return null;
        }
        String s = v.strip();
        if (s.length() > max) {
            throw BizException.invalid(field, label + "不能超过 " + max + " 个字符");
        }
        return s;
    }

    private static void checkLocation(BigDecimal lat, BigDecimal lng) {
        if ((lat == null) != (lng == null)) {
            throw BizException.invalid(lat == null ? "lat" : "lng", "经纬度需同时提供");
        }
        if (lat != null && lat.abs().compareTo(BigDecimal.valueOf(90)) > 0) {
            throw BizException.invalid("lat", "纬度应在 -90 到 90 之间");
        }
        if (lng != null && lng.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
            throw BizException.invalid("lng", "经度应在 -180 到 180 之间");
        }
    }

    static String mb(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : String.format("%.1f MB", bytes / 1048576.0);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("cannot delete upload temp file {}: {}", file, e.toString());
        }
    }

    private static LocalDateTime now() {
        return LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
