package cn.heatdesk.kernel.storage;

import cn.heatdesk.kernel.config.HeatDeskProperties;
import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.id.IdGenerator;
import cn.heatdesk.kernel.routing.SharedDatabase;
import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.SecurityContext;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.util.encoders.Hex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Uploaded files: checks, SM3 content addressing, one object per distinct content, one {@code sys_file} row per
 * upload. The public Java API of the kernel for every module that keeps attachments (tickets, mobile sync,
 * signatures): modules store the returned id and read through {@link #find}/{@link #open}.
 *
 * <p>How a file is stored ({@link #store}):
 * <ol>
 *   <li>the stream is spooled to a temporary file while its SM3 is computed; reading stops as soon as the size
 *       limit of the detected kind is passed;</li>
 *   <li>the format is recognised from the magic bytes ({@link ContentSniffer}); only the accepted formats of each
 *       {@link FileKind} pass, and the declared type and name cannot change that;</li>
 *   <li>the object key is derived from the SM3 ({@link #storageKey}); when the storage already holds that key the
 *       bytes are not written again (content deduplication);</li>
 *   <li>if the same user already uploaded the same content under the same name (and capture time), that row is
 *       returned: a retried upload whose response was lost yields the same id. Otherwise a new row is written, also
 *       pointing to the one object.</li>
 * </ol>
 * Rows live in the shared database ({@link SharedDatabase}) so a file is found from any subsidiary's request, and are
 * written in their own short transaction: the I/O never runs inside a business transaction, and a file row stays
 * valid even when the business change that referenced it rolls back (it is then simply unreferenced).
 */
@SharedDatabase
@Service
public class FileService {

    static final int MAX_NAME_LENGTH = 255;
    private static final Logger log = LoggerFactory.getLogger(FileService.class);

    private final FileMapper mapper;
    private final FileStorage storage;
    private final IdGenerator ids;
    private final StorageProperties.Limits limits;
    private final Path tempDir;
    private final TransactionTemplate requiresNew;
    private final TransactionTemplate outsideTransaction;

    public FileService(FileMapper mapper, FileStorage storage, IdGenerator ids, StorageProperties properties,
                       HeatDeskProperties heatdesk, PlatformTransactionManager transactionManager) throws IOException {
        this.mapper = mapper;
        this.storage = storage;
        this.ids = ids;
        this.limits = properties.getLimits();
        this.tempDir = StorageConfiguration.tempDir(properties, heatdesk);
        Files.createDirectories(tempDir);
        this.requiresNew = new TransactionTemplate(transactionManager);
        this.requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // reads leave a caller's transaction (which may be bound to a subsidiary database) to reach the shared one
        this.outsideTransaction = new TransactionTemplate(transactionManager);
        this.outsideTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        removeStaleSpoolFiles();
    }

    /** Stores a file; see the class comment. Input problems are {@link BizException}s on field "file". */
    public StoredFile store(InputStream in, String originalName, String declaredType, FileKind kind) {
        return store(in, FileUpload.of(originalName, declaredType, kind));
    }

    /** Stores a file with its capture metadata; see the class comment. */
    public StoredFile store(InputStream in, FileUpload upload) {
        checkLocation(upload.latitude(), upload.longitude());
        Path spool = null;
        try {
            Files.createDirectories(tempDir);
            spool = Files.createTempFile(tempDir, "upload-", ".part");
            Spooled s = spool(in, spool, upload);
            String name = cleanName(upload.fileName(), s.type().extension());
            String key = storageKey(s.sm3());
            long userId = SecurityContext.userIdOrSystem();
            LocalDateTime captureTime = upload.captureTime() == null ? null : upload.captureTime().truncatedTo(ChronoUnit.SECONDS);

            boolean present = storage.exists(key);
            if (present) {
                FileRow earlier = outsideTransaction.execute(st -> mapper.selectSameUpload(s.sm3(), userId, name,
                        s.type().kind().name(), captureTime)).stream().findFirst().orElse(null);
                if (earlier != null) {
                    log.debug("upload of {} by {} repeats file {}", s.sm3(), userId, earlier.getId());
                    return earlier.toStoredFile();
                }
            } else {
                storage.putFile(key, spool, s.type().contentType());
            }

            CurrentUser user = SecurityContext.current().orElse(null);
            FileRow row = new FileRow();
            row.setId(ids.nextId());
            row.setSm3Hash(s.sm3());
            row.setSizeBytes(s.size());
            row.setContentType(s.type().contentType());
            row.setFileKind(s.type().kind().name());
            row.setOriginalName(name);
            row.setStorageType(storage.type());
            row.setStorageKey(key);
            row.setCaptureTime(captureTime);
            row.setGpsLat(scale(upload.latitude()));
            row.setGpsLng(scale(upload.longitude()));
            row.setSubsidiaryId(user == null ? null : user.subsidiaryId());
            row.setOrgPath(user == null ? null : user.orgPath());
            row.setCreatedBy(userId);
            row.setCreatedAt(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS));
            requiresNew.executeWithoutResult(st -> mapper.insert(row));
            return row.toStoredFile();
        } catch (IOException e) {
            throw new UncheckedIOException("文件保存失败 / storing the upload failed: " + e.getMessage(), e);
        } finally {
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException e) {
                    log.warn("cannot delete spool file {}: {}", spool, e.toString());
                }
            }
        }
    }

    /** The file, if it exists. Any caller may read any file by id (access follows the record that holds the id). */
    public Optional<StoredFile> find(long id) {
        return Optional.ofNullable(row(id)).map(FileRow::toStoredFile);
    }

    /** The file, or 404 文件不存在. */
    public StoredFile get(long id) {
        return find(id).orElseThrow(() -> BizException.notFound("文件"));
    }

    /** The files of these ids in the given order; unknown ids are skipped. */
    public List<StoredFile> findAll(Collection<Long> fileIds) {
        if (fileIds == null || fileIds.isEmpty()) {
            return List.of();
        }
        List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(fileIds));
        Map<Long, FileRow> byId = new java.util.HashMap<>();
        for (int from = 0; from < distinct.size(); from += 500) {
            List<Long> chunk = distinct.subList(from, Math.min(distinct.size(), from + 500));
            byId.putAll(outsideTransaction.execute(st -> mapper.selectByIds(chunk)).stream()
                    .collect(Collectors.toMap(FileRow::getId, Function.identity())));
        }
        return distinct.stream().map(byId::get).filter(java.util.Objects::nonNull).map(FileRow::toStoredFile).toList();
    }

    /** The whole content; the caller closes the stream. 404 when the file (or its object) is gone. */
    public InputStream open(long id) {
        FileRow row = requireRow(id);
        try {
            return storage.open(row.getStorageKey());
        } catch (NoSuchFileException e) {
            throw missingObject(row);
        } catch (IOException e) {
            throw new UncheckedIOException("读取文件失败 / cannot read file " + id + ": " + e.getMessage(), e);
        }
    }

    /** {@code length} bytes from {@code offset} (HTTP ranges); the caller closes the stream. */
    public InputStream open(long id, long offset, long length) {
        FileRow row = requireRow(id);
        try {
            return storage.open(row.getStorageKey(), offset, length);
        } catch (NoSuchFileException e) {
            throw missingObject(row);
        } catch (IOException e) {
            throw new UncheckedIOException("读取文件失败 / cannot read file " + id + ": " + e.getMessage(), e);
        }
    }

    /** Where files go (for diagnostics). */
    public String storageDescription() {
        return storage.describe();
    }

    /** Content address: "ab/cd/abcd…" — the first two byte pairs shard the objects over 65 536 directories. */
    public static String storageKey(String sm3Hex) {
        if (sm3Hex == null || !sm3Hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a lower-case hex SM3: " + sm3Hex);
        }
        return sm3Hex.substring(0, 2) + "/" + sm3Hex.substring(2, 4) + "/" + sm3Hex;
    }

    private record Spooled(String sm3, long size, ContentSniffer.Detected type) {
    }

    /**
     * Copies {@code in} to {@code target} computing SM3 and the size, recognising the format from the first bytes and
     * stopping as soon as the limit of that format's kind (or of the largest kind, before the format is known) is
     * passed.
     */
    private Spooled spool(InputStream in, Path target, FileUpload upload) throws IOException {
        SM3Digest digest = new SM3Digest();
        byte[] head = new byte[ContentSniffer.HEAD_LENGTH];
        int headLength = 0;
        ContentSniffer.Detected type = null;
        long limit = limits.largest().toBytes();
        long size = 0;
        byte[] buf = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buf)) != -1) {
                if (headLength < head.length) {
                    int take = Math.min(n, head.length - headLength);
                    System.arraycopy(buf, 0, head, headLength, take);
                    headLength += take;
                    if (headLength == head.length) {
                        type = recognise(head, headLength, upload);
                        limit = limits.of(type.kind()).toBytes();
                    }
                }
                size += n;
                if (size > limit) {
                    throw tooLarge(type == null ? null : type.kind());
                }
                digest.update(buf, 0, n);
                out.write(buf, 0, n);
            }
        }
        if (size == 0) {
            throw BizException.invalid("file", "上传的文件是空的，请重新选择文件");
        }
        if (type == null) {
            type = recognise(head, headLength, upload);
            if (size > limits.of(type.kind()).toBytes()) {
                throw tooLarge(type.kind());
            }
        }
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        return new Spooled(Hex.toHexString(hash), size, type);
    }

    private static ContentSniffer.Detected recognise(byte[] head, int length, FileUpload upload) {
        ContentSniffer.Detected type = ContentSniffer.detect(head, length, upload.kind(), upload.declaredType(), upload.fileName());
        FileKind expected = upload.kind();
        if (type == null) {
            String accepted = expected != null ? expected.label() + "（" + expected.formats() + "）"
                    : "图片（jpg/png/webp/heic）、视频（mp4/mov/webm）、音频（mp3/amr/m4a/wav/webm/ogg）、PDF 文档";
            throw BizException.invalid("file", "不支持的文件格式（按文件内容识别），仅支持" + accepted);
        }
        if (expected != null && type.kind() != expected) {
            throw BizException.invalid("file", "文件内容是" + type.kind().label() + "（" + type.extension() + "），不是要求的"
                    + expected.label() + "（" + expected.formats() + "）");
        }
        return type;
    }

    private BizException tooLarge(FileKind kind) {
        if (kind == null) {
            return BizException.invalid("file", "文件不能超过 " + mb(limits.largest().toBytes()));
        }
        return BizException.invalid("file", kind.label() + "不能超过 " + mb(limits.of(kind).toBytes()));
    }

    private static String mb(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : String.format("%.1f MB", bytes / 1048576.0);
    }

    /** The name without any client path, control characters or surrounding blanks, at most 255 characters. */
    static String cleanName(String name, String extension) {
        String n = name == null ? "" : name;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        n = n.codePoints().filter(cp -> !Character.isISOControl(cp))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (n.isEmpty() || n.equals(".") || n.equals("..")) {
            return "file." + extension;
        }
        if (n.length() > MAX_NAME_LENGTH) {
            int dot = n.lastIndexOf('.');
            String ext = dot > 0 && n.length() - dot <= 16 ? n.substring(dot) : "";
            int keep = MAX_NAME_LENGTH - ext.length();
            if (Character.isHighSurrogate(n.charAt(keep - 1))) {
                keep--;
            }
            n = n.substring(0, keep) + ext;
        }
        return n;
    }

    private static void checkLocation(BigDecimal lat, BigDecimal lng) {
        if ((lat == null) != (lng == null)) {
            throw BizException.invalid(lat == null ? "latitude" : "longitude", "经纬度需同时提供");
        }
        if (lat != null && (lat.abs().compareTo(BigDecimal.valueOf(90)) > 0)) {
            throw BizException.invalid("latitude", "纬度应在 -90 到 90 之间");
        }
        if (lng != null && (lng.abs().compareTo(BigDecimal.valueOf(180)) > 0)) {
            throw BizException.invalid("longitude", "经度应在 -180 到 180 之间");
        }
    }

    private static BigDecimal scale(BigDecimal v) {
        return v == null ? null : v.setScale(7, java.math.RoundingMode.HALF_UP);
    }

    private FileRow row(long id) {
        return outsideTransaction.execute(st -> mapper.selectById(id));
    }

    private FileRow requireRow(long id) {
        FileRow row = row(id);
        if (row == null) {
            throw BizException.notFound("文件");
        }
        return row;
    }

    private BizException missingObject(FileRow row) {
        log.error("file {} ({}) has no object {} in {}", row.getId(), row.getSm3Hash(), row.getStorageKey(), storage.describe());
        return new BizException(ErrorCode.NOT_FOUND, "文件内容已丢失（存储中找不到），请联系管理员");
    }

    /** Spool files older than a day are leftovers of a crash on some instance. */
    private void removeStaleSpoolFiles() {
        FileTime limit = FileTime.from(Instant.now().minus(1, ChronoUnit.DAYS));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tempDir, "*.part")) {
            for (Path f : files) {
                if (Files.getLastModifiedTime(f).compareTo(limit) < 0) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            log.warn("cannot clean spool directory {}: {}", tempDir, e.toString());
        }
    }
}
