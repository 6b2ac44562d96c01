package cn.heatdesk.kernel.crypto;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SM4 in GCM mode (authenticated encryption) with versioned keys.
 *
 * <p>Output format: {@code <version>:base64(nonce[12] || ciphertext || tag[16])}, e.g. {@code v1:3q2+7w...}.
 * New data is always encrypted with the current version; decryption picks the key named by the prefix, so old
 * versions stay readable after a rotation until a re-encryption job has rewritten the rows.
 */
public final class Sm4Gcm {

    public static final int KEY_LENGTH = 16;
    public static final int NONCE_LENGTH = 12;
    public static final int TAG_BITS = 128;
    private static final int TAG_LENGTH = TAG_BITS / 8;
    /** Key versions are short names such as {@code v1}, {@code v2}: letters and digits, starting with a letter. */
    public static final Pattern VERSION_PATTERN = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,15}");
    /** base64 of at least nonce + tag (28 bytes → 40 characters). */
    private static final Pattern BODY_PATTERN = Pattern.compile("(?:[A-Za-z0-9+/]{4}){9,}(?:[A-Za-z0-9+/]{4}|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2}==)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, byte[]> keys;
    private final String currentVersion;

    /**
     * @param keys           key version → 16-byte key
     * @param currentVersion the version used for encryption; must be present in {@code keys}
     */
    public Sm4Gcm(Map<String, byte[]> keys, String currentVersion) {
        if (keys == null || keys.isEmpty()) {
            throw new CryptoException("at least one SM4 key is required");
        }
        Map<String, byte[]> copy = new LinkedHashMap<>();
        keys.forEach((version, key) -> {
            if (version == null || !VERSION_PATTERN.matcher(version).matches()) {
                throw new CryptoException("invalid SM4 key version name: " + version);
            }
            if (key == null || key.length != KEY_LENGTH) {
                throw new CryptoException("SM4 key " + version + " must be 16 bytes (32 hex characters)");
            }
            copy.put(version, key.clone());
        });
        if (currentVersion == null || !copy.containsKey(currentVersion)) {
            throw new CryptoException("current SM4 key version " + currentVersion + " has no key");
        }
        this.keys = Collections.unmodifiableMap(copy);
        this.currentVersion = currentVersion;
    }

    /** A single-key instance, handy for tests and tools. */
    public static Sm4Gcm single(String version, byte[] key) {
        return new Sm4Gcm(Map.of(version, key), version);
    }

    public static byte[] generateKey() {
        byte[] key = new byte[KEY_LENGTH];
        RANDOM.nextBytes(key);
        return key;
    }

    public String currentVersion() {
        return currentVersion;
    }

    public Set<String> versions() {
        return keys.keySet();
    }

    public String encrypt(byte[] plaintext) {
        return encrypt(plaintext, null);
    }

    /**
     * @param aad optional associated data (authenticated, not encrypted); the same value must be given to decrypt
     */
    public String encrypt(byte[] plaintext, byte[] aad) {
        if (plaintext == null) {
            throw new CryptoException("SM4 plaintext must not be null");
        }
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        GCMModeCipher gcm = cipher(true, keys.get(currentVersion), nonce, aad);
        byte[] out = new byte[NONCE_LENGTH + gcm.getOutputSize(plaintext.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE_LENGTH);
        int n = gcm.processBytes(plaintext, 0, plaintext.length, out, NONCE_LENGTH);
        try {
            gcm.doFinal(out, NONCE_LENGTH + n);
        } catch (InvalidCipherTextException e) {
            throw new CryptoException("SM4-GCM encryption failed", e);
        }
        return currentVersion + ":" + Base64.getEncoder().encodeToString(out);
    }

    public String encryptString(String plaintext) {
        return encrypt(plaintext.getBytes(StandardCharsets.UTF_8), null);
    }

    public byte[] decrypt(String token) {
        return decrypt(token, null);
    }

    /** Decrypts and authenticates; any modification of version, nonce, ciphertext, tag or aad fails. */
    public byte[] decrypt(String token, byte[] aad) {
        String version = versionOf(token);
        if (version == null) {
            throw new CryptoException("not an SM4-GCM token (expected <version>:<base64>)");
        }
        byte[] key = keys.get(version);
        if (key == null) {
            throw new CryptoException("no SM4 key for version " + version);
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(token.substring(version.length() + 1));
        } catch (IllegalArgumentException e) {
            throw new CryptoException("SM4-GCM token is not valid base64", e);
        }
        if (raw.length < NONCE_LENGTH + TAG_LENGTH) {
            throw new CryptoException("SM4-GCM token too short");
        }
        byte[] nonce = new byte[NONCE_LENGTH];
        System.arraycopy(raw, 0, nonce, 0, NONCE_LENGTH);
        GCMModeCipher gcm = cipher(false, key, nonce, aad);
        int bodyLength = raw.length - NONCE_LENGTH;
        byte[] out = new byte[gcm.getOutputSize(bodyLength)];
        int n = gcm.processBytes(raw, NONCE_LENGTH, bodyLength, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new CryptoException("SM4-GCM authentication failed (wrong key or tampered data)", e);
        }
        if (n != out.length) {
            byte[] trimmed = new byte[n];
            System.arraycopy(out, 0, trimmed, 0, n);
            return trimmed;
        }
        return out;
    }

    public String decryptString(String token) {
        return new String(decrypt(token, null), StandardCharsets.UTF_8);
    }

    /** The key version named by {@code token}'s prefix, or null when it does not look like a token at all. */
    public static String versionOf(String token) {
        if (token == null) {
            return null;
        }
        int colon = token.indexOf(':');
        if (colon <= 0 || colon > 16) {
            return null;
        }
        String version = token.substring(0, colon);
        if (!VERSION_PATTERN.matcher(version).matches() || !BODY_PATTERN.matcher(token).region(colon + 1, token.length()).matches()) {
            return null;
        }
        return version;
    }

    /** Whether {@code token} was encrypted with a key other than the current one (a re-encryption candidate). */
    public boolean needsReEncryption(String token) {
        String version = versionOf(token);
        return version != null && !version.equals(currentVersion);
    }

    private static GCMModeCipher cipher(boolean encrypt, byte[] key, byte[] nonce, byte[] aad) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, aad));
        return gcm;
    }

    @Override
    public String toString() {
        return "Sm4Gcm[versions=" + keys.keySet() + ", current=" + currentVersion + "]";
    }
}
