package cn.heatdesk.kernel.crypto;

import org.bouncycastle.util.encoders.Hex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The application's key material, loaded at start-up from configuration — never from code.
 *
 * <p>Sources, per item, first match wins:
 * <ol>
 *   <li>Spring properties {@code heatdesk.security.keys.*} (application.yml, environment variables such as
 *       {@code HEATDESK_SECURITY_KEYS_SM2_PRIVATE_KEY}, command line);</li>
 *   <li>the keys file, default {@code ${heatdesk.data-dir:./data}/keys/heatdesk-keys.properties}, overridable
 *       with {@code heatdesk.security.keys.file}; same item names without the prefix.</li>
 * </ol>
 * Items: {@code sm2-private-key} (64 hex), {@code sm2-public-key} (130 hex, optional, checked against the
 * private key), {@code sm4.<version>} (32 hex each, e.g. {@code sm4.v1}), {@code sm4-current-version}
 * (optional when there is exactly one SM4 key), {@code blind-index-key} (≥ 32 hex).
 *
 * <p>When items are missing and the keys file does not exist, a complete key set is generated into the file
 * (POSIX permissions 600) only if {@code heatdesk.security.keys.generate-if-missing=true} — meant for demo and
 * development. Otherwise start-up fails with a message naming what is missing.
 */
@Component
public class HeatDeskKeys {

    public static final String PREFIX = "heatdesk.security.keys";
    public static final String DEFAULT_FILE_NAME = "heatdesk-keys.properties";

    static final String SM2_PRIVATE = "sm2-private-key";
    static final String SM2_PUBLIC = "sm2-public-key";
    static final String SM4_CURRENT = "sm4-current-version";
    static final String SM4_PREFIX = "sm4.";
    static final String BLIND_INDEX = "blind-index-key";

    private static final Logger log = LoggerFactory.getLogger(HeatDeskKeys.class);

    private final Path keysFile;
    private final String origin;
    private final Sm2Cipher sm2;
    private final Sm4Gcm sm4;
    private final byte[] blindIndexKey;

    public HeatDeskKeys(Environment environment) {
        Binder binder = Binder.get(environment);
        String dataDir = binder.bind("heatdesk.data-dir", String.class).orElse("./data");
        String fileSetting = binder.bind(PREFIX + ".file", String.class).orElse(null);
        this.keysFile = (fileSetting == null || fileSetting.isBlank()
                ? Paths.get(dataDir, "keys", DEFAULT_FILE_NAME) : Paths.get(fileSetting)).toAbsolutePath().normalize();
        boolean generate = binder.bind(PREFIX + ".generate-if-missing", Boolean.class).orElse(false);

        Map<String, String> fromProperties = new LinkedHashMap<>();
        for (String item : List.of(SM2_PRIVATE, SM2_PUBLIC, SM4_CURRENT, BLIND_INDEX)) {
            binder.bind(PREFIX + "." + item, String.class).ifBound(v -> fromProperties.put(item, v.strip()));
        }
        binder.bind(PREFIX + ".sm4", Bindable.mapOf(String.class, String.class))
                .ifBound(m -> m.forEach((version, key) -> fromProperties.put(SM4_PREFIX + version, key.strip())));

        Map<String, String> items = new LinkedHashMap<>();
        String source = fromProperties.isEmpty() ? "" : "properties";
        if (Files.exists(keysFile)) {
            items.putAll(readFile(keysFile));
            warnIfReadableByOthers(keysFile);
            source = source.isEmpty() ? "file " + keysFile : source + " + file " + keysFile;
        }
        items.putAll(fromProperties);

        List<String> missing = missingItems(items);
        if (!missing.isEmpty()) {
            if (generate && !Files.exists(keysFile)) {
                Map<String, String> generated = generateFile(keysFile);
                generated.putAll(items);
                items = generated;
                source = source.isEmpty() ? "generated file " + keysFile : source + " + generated file " + keysFile;
                missing = missingItems(items);
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException(missingMessage(missing, keysFile, generate));
            }
        }
        this.origin = source;
        this.sm2 = buildSm2(items);
        this.sm4 = buildSm4(items);
        this.blindIndexKey = buildBlindIndexKey(items);
        log.info("HeatDesk key material loaded from {}: SM2 public key {}, SM4 versions {} (current {})",
                origin, sm2.publicKeyHex(), sm4.versions(), sm4.currentVersion());
    }

    /** SM2 cipher holding the server private key (login password transport, other client-side encryption). */
    public Sm2Cipher sm2() {
        return sm2;
    }

    /** The server SM2 public key, uncompressed hex "04…" (130 characters), safe to hand to browsers. */
    public String sm2PublicKeyHex() {
        return sm2.publicKeyHex();
    }

    /** SM4-GCM with all configured key versions. */
    public Sm4Gcm sm4() {
        return sm4;
    }

    /** HMAC-SM3 key for blind indexes (a copy). */
    public byte[] blindIndexKey() {
        return blindIndexKey.clone();
    }

    /** Where the keys file is (or would be). */
    public Path keysFile() {
        return keysFile;
    }

    /** A description of where the keys came from, for logs and diagnostics. */
    public String origin() {
        return origin;
    }

    private static List<String> missingItems(Map<String, String> items) {
        List<String> missing = new ArrayList<>();
        if (blank(items.get(SM2_PRIVATE))) {
            missing.add(PREFIX + "." + SM2_PRIVATE);
        }
        boolean anySm4 = items.keySet().stream().anyMatch(k -> k.startsWith(SM4_PREFIX) && !blank(items.get(k)));
        if (!anySm4) {
            missing.add(PREFIX + "." + SM4_PREFIX + "v1");
        }
        if (blank(items.get(BLIND_INDEX))) {
            missing.add(PREFIX + "." + BLIND_INDEX);
        }
        return missing;
    }

    private static String missingMessage(List<String> missing, Path file, boolean generate) {
        String hint = generate
                ? "密钥文件已存在但不完整，系统不会覆盖它，请补全或恢复备份 / the keys file exists but is incomplete; it is never overwritten, complete it or restore the backup"
                : "请通过配置项或密钥文件提供密钥；仅演示/开发环境可设置 " + PREFIX + ".generate-if-missing=true 自动生成"
                + " / supply the keys as properties or in the keys file; only demo/dev may set "
                + PREFIX + ".generate-if-missing=true";
        return "缺少密钥配置 / missing key material: " + String.join(", ", missing)
                + "（密钥文件 / keys file: " + file + "）。" + hint;
    }

    private static Sm2Cipher buildSm2(Map<String, String> items) {
        try {
            return new Sm2Cipher(items.get(SM2_PRIVATE), items.get(SM2_PUBLIC));
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 密钥无效 / invalid SM2 key material: " + e.getMessage(), e);
        }
    }

    private static Sm4Gcm buildSm4(Map<String, String> items) {
        Map<String, byte[]> keys = new TreeMap<>();
        items.forEach((name, value) -> {
            if (name.startsWith(SM4_PREFIX) && !blank(value)) {
                String version = name.substring(SM4_PREFIX.length());
                keys.put(version, decodeKey(value, Sm4Gcm.KEY_LENGTH, Sm4Gcm.KEY_LENGTH, name));
            }
        });
        String current = items.get(SM4_CURRENT);
        if (blank(current)) {
            if (keys.size() != 1) {
                throw new IllegalStateException("存在多个 SM4 密钥版本时必须配置 " + PREFIX + "." + SM4_CURRENT
                        + " / several SM4 key versions " + keys.keySet() + " but no " + SM4_CURRENT);
            }
            current = keys.keySet().iterator().next();
        }
        try {
            return new Sm4Gcm(keys, current.strip());
        } catch (CryptoException e) {
            throw new IllegalStateException("SM4 密钥无效 / invalid SM4 key material: " + e.getMessage(), e);
        }
    }

    private static byte[] buildBlindIndexKey(Map<String, String> items) {
        return decodeKey(items.get(BLIND_INDEX), 16, 64, BLIND_INDEX);
    }

    private static byte[] decodeKey(String hex, int minBytes, int maxBytes, String name) {
        byte[] key;
        try {
            key = Sm2Cipher.decodeHex(hex, name);
        } catch (CryptoException e) {
            throw new IllegalStateException("密钥 " + name + " 不是有效的十六进制 / key " + name + " is not valid hex");
        }
        if (key.length < minBytes || key.length > maxBytes) {
            throw new IllegalStateException("密钥 " + name + " 长度不正确 / key " + name + " must be "
                    + (minBytes == maxBytes ? minBytes * 2 + "" : minBytes * 2 + "–" + maxBytes * 2) + " hex characters");
        }
        return key;
    }

    private static Map<String, String> readFile(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalStateException("无法读取密钥文件 / cannot read keys file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> items = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(name -> items.put(name.strip(), p.getProperty(name).strip()));
        return items;
    }

    private static Map<String, String> generateFile(Path file) {
        Sm2Cipher.KeyPairHex sm2 = Sm2Cipher.generateKeyPair();
        byte[] blind = new byte[32];
        new SecureRandom().nextBytes(blind);
        Map<String, String> items = new LinkedHashMap<>();
        items.put(SM2_PRIVATE, sm2.privateKeyHex());
        items.put(SM2_PUBLIC, sm2.publicKeyHex());
        items.put(SM4_CURRENT, "v1");
        items.put(SM4_PREFIX + "v1", Hex.toHexString(Sm4Gcm.generateKey()));
        items.put(BLIND_INDEX, Hex.toHexString(blind));

        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            Path dir = file.getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                if (posix) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(dir);
                }
            }
            Path tmp = posix
                    ? Files.createTempFile(dir, ".heatdesk-keys", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, ".heatdesk-keys", ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("# HeatDesk key material, generated " + OffsetDateTime.now() + " because "
                        + PREFIX + ".generate-if-missing=true.\n");
                w.write("# 请妥善备份此文件并限制访问权限；丢失后已加密数据无法解密。\n");
                w.write("# Back this file up and keep it secret: encrypted data cannot be read without it.\n");
                for (Map.Entry<String, String> e : items.entrySet()) {
                    w.write(e.getKey() + "=" + e.getValue() + "\n");
                }
            }
            try {
                Files.move(tmp, file);
            } catch (FileAlreadyExistsException raced) {
                // another instance sharing the data directory generated first: use its keys
                Files.deleteIfExists(tmp);
                log.warn("keys file {} was created concurrently by another process; using it", file);
                return readFile(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException("无法生成密钥文件 / cannot write keys file " + file + ": " + e.getMessage(), e);
        }
        if (!posix) {
            log.warn("keys file {} generated; the file system has no POSIX permissions, restrict access to it manually", file);
        }
        log.warn("已生成演示/开发用密钥文件 {}，生产环境必须自行提供并备份密钥 / generated demo/dev key material in {}; "
                + "production must supply its own keys", file, file);
        return items;
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)
                        || perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                    log.warn("keys file {} is accessible by group/others ({}); run: chmod 600 {}", file,
                            PosixFilePermissions.toString(perms), file);
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("cannot read permissions of {}", file, e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "HeatDeskKeys[origin=" + origin + ", sm4=" + sm4 + "]";
    }
}
