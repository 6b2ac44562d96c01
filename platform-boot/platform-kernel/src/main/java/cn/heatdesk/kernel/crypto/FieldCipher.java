package cn.heatdesk.kernel.crypto;

import org.bouncycastle.util.encoders.Hex;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * Column-level protection of personal data (phone numbers, ID numbers, addresses):
 * <ul>
 *   <li>{@link #encrypt}/{@link #decrypt}: SM4-GCM with the current key version ({@code v1:…});</li>
 *   <li>{@link #blindIndex}: hex HMAC-SM3 over the normalised value, stored in a separate indexed column so an
 *       exact-match search is {@code WHERE phone_bidx = ?} without decrypting anything.</li>
 * </ul>
 * Also usable from MyBatis XML through {@link EncryptedStringTypeHandler}, which finds the bean via
 * {@link #global()}.
 */
@Component
public class FieldCipher {

    private static volatile FieldCipher global;

    private final Sm4Gcm sm4;
    private final byte[] blindIndexKey;

    /** The Spring bean; also becomes {@link #global()}. */
    @Autowired
    public FieldCipher(HeatDeskKeys keys) {
        this(keys.sm4(), keys.blindIndexKey());
        global = this;
    }

    public FieldCipher(Sm4Gcm sm4, byte[] blindIndexKey) {
        if (blindIndexKey == null || blindIndexKey.length < 16) {
            throw new CryptoException("blind index key must be at least 16 bytes");
        }
        this.sm4 = sm4;
        this.blindIndexKey = blindIndexKey.clone();
    }

    /** The Spring-created instance (for MyBatis type handlers, which MyBatis instantiates itself). */
    public static FieldCipher global() {
        FieldCipher c = global;
        if (c == null) {
            throw new IllegalStateException("FieldCipher not initialised yet (the Spring context has not created it)");
        }
        return c;
    }

    /** Encrypts {@code plaintext}; null stays null, so optional columns stay optional. */
    public String encrypt(String plaintext) {
        return plaintext == null ? null : sm4.encrypt(plaintext.getBytes(StandardCharsets.UTF_8));
    }

    /** Decrypts a value written by {@link #encrypt}; null stays null. Tampered or foreign values throw. */
    public String decrypt(String stored) {
        return stored == null ? null : new String(sm4.decrypt(stored), StandardCharsets.UTF_8);
    }

    /** Whether {@code stored} looks like a value written by {@link #encrypt} (version prefix present). */
    public boolean isEncrypted(String stored) {
        return Sm4Gcm.versionOf(stored) != null;
    }

    /** True when {@code stored} was encrypted with an older key version and should be re-written. */
    public boolean needsReEncryption(String stored) {
        return stored != null && sm4.needsReEncryption(stored);
    }

    /** Decrypts and encrypts again with the current key version (for the re-encryption job after a rotation). */
    public String reEncrypt(String stored) {
        return encrypt(decrypt(stored));
    }

    public String currentKeyVersion() {
        return sm4.currentVersion();
    }

    /**
     * Blind index with generic normalisation ({@link BlindIndexNormalizer#normalize}): phone-looking values are
     * reduced to their digits without the +86/0086 prefix, other values lose whitespace and are upper-cased.
     * Returns 64 lower-case hex characters, or null for null/blank input.
     */
    public String blindIndex(String value) {
        return hmac(BlindIndexNormalizer.normalize(value));
    }

    /** Blind index of a phone number ({@link BlindIndexNormalizer#phone}). */
    public String blindIndexPhone(String phone) {
        return hmac(BlindIndexNormalizer.phone(phone));
    }

    /** Blind index of an ID number ({@link BlindIndexNormalizer#idNumber}). */
    public String blindIndexIdNumber(String idNumber) {
        return hmac(BlindIndexNormalizer.idNumber(idNumber));
    }

    private String hmac(String normalized) {
        if (normalized == null || normalized.isEmpty()) {
            return null;
        }
        return Hex.toHexString(HmacSm3.mac(blindIndexKey, normalized.getBytes(StandardCharsets.UTF_8)));
    }
}
