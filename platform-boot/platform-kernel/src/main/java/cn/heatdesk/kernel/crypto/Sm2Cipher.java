package cn.heatdesk.kernel.crypto;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;
import org.bouncycastle.util.encoders.Hex;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * SM2 public-key encryption (GB/T 32918.4) on curve sm2p256v1 with ciphertext layout C1C3C2.
 *
 * <p>Browser clients use the JavaScript library sm-crypto: {@code sm2.doEncrypt(msg, publicKeyHex, 1)} returns
 * C1C3C2 as hex <em>without</em> the leading {@code 04} byte of the uncompressed point C1. {@link #decryptHex}
 * accepts both forms. {@link #encrypt(String, String)} produces the sm-crypto form.
 *
 * <p>Instances hold a private key and are thread-safe (a fresh engine is created per call).
 */
public final class Sm2Cipher {

    /** Hex length of an uncompressed public key including the {@code 04} prefix. */
    public static final int PUBLIC_KEY_HEX_LENGTH = 130;

    private static final X9ECParameters CURVE = GMNamedCurves.getByName("sm2p256v1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
    private static final SecureRandom RANDOM = new SecureRandom();
    /** C1 (65 bytes with 04) + C3 (32 bytes) + at least one byte of C2. */
    private static final int MIN_CIPHERTEXT_BYTES = 65 + 32 + 1;

    private final ECPrivateKeyParameters privateKey;
    private final ECPublicKeyParameters publicKey;

    /**
     * @param privateKeyHex 64 hex characters
     * @param publicKeyHex  optional; derived from the private key when null or blank. When given it must match.
     */
    public Sm2Cipher(String privateKeyHex, String publicKeyHex) {
        this.privateKey = parsePrivateKey(privateKeyHex);
        ECPoint derived = derivePublicPoint(privateKey.getD());
        if (publicKeyHex != null && !publicKeyHex.isBlank()) {
            ECPoint given = parsePublicKey(publicKeyHex).getQ();
            if (!given.equals(derived)) {
                throw new CryptoException("SM2 public key does not belong to the private key");
            }
        }
        this.publicKey = new ECPublicKeyParameters(derived, DOMAIN);
    }

    /** A freshly generated key pair. */
    public static KeyPairHex generateKeyPair() {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(DOMAIN, RANDOM));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        BigInteger d = ((ECPrivateKeyParameters) pair.getPrivate()).getD();
        ECPoint q = ((ECPublicKeyParameters) pair.getPublic()).getQ();
        return new KeyPairHex(Hex.toHexString(BigIntegers.asUnsignedByteArray(32, d)), Hex.toHexString(q.getEncoded(false)));
    }

    /** The uncompressed public key {@code 04||x||y} as 130 lower-case hex characters. */
    public String publicKeyHex() {
        return Hex.toHexString(publicKey.getQ().getEncoded(false));
    }

    /** Decrypts C1C3C2 bytes (C1 with its {@code 04} prefix). */
    public byte[] decrypt(byte[] c1c3c2) {
        if (c1c3c2 == null || c1c3c2.length < MIN_CIPHERTEXT_BYTES) {
            throw new CryptoException("SM2 ciphertext too short");
        }
        SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.init(false, privateKey);
        try {
            return engine.processBlock(c1c3c2, 0, c1c3c2.length);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new CryptoException("SM2 decryption failed", e);
        }
    }

    /**
     * Decrypts hex C1C3C2 with or without the {@code 04} prefix of C1 and returns the raw plaintext bytes.
     * A hex string that starts with "04" is ambiguous (the x coordinate of C1 may itself start with 0x04),
     * so both readings are tried; C1 must be a point on the curve and C3 must match, so a wrong reading fails.
     */
    public byte[] decryptHexToBytes(String hex) {
        byte[] raw = decodeHex(hex, "SM2 ciphertext");
        CryptoException first = null;
        if (raw.length > 0 && raw[0] == 0x04) {
            try {
                return decrypt(raw);
            } catch (CryptoException e) {
                first = e;
            }
        }
        try {
            return decrypt(prefix04(raw));
        } catch (CryptoException e) {
            if (first != null) {
                e.addSuppressed(first);
            }
            throw e;
        }
    }

    /** Like {@link #decryptHexToBytes(String)}, decoding the plaintext as UTF-8 (what sm-crypto encrypts for strings). */
    public String decryptHex(String hex) {
        return new String(decryptHexToBytes(hex), StandardCharsets.UTF_8);
    }

    /** Encrypts raw bytes; output is C1C3C2 with C1 in uncompressed form including {@code 04}. */
    public static byte[] encrypt(String publicKeyHex, byte[] plaintext) {
        if (plaintext == null || plaintext.length == 0) {
            throw new CryptoException("SM2 plaintext must not be empty");
        }
        SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.init(true, new ParametersWithRandom(parsePublicKey(publicKeyHex), RANDOM));
        try {
            return engine.processBlock(plaintext, 0, plaintext.length);
        } catch (InvalidCipherTextException e) {
            throw new CryptoException("SM2 encryption failed", e);
        }
    }

    /**
     * Encrypts the UTF-8 bytes of {@code plaintext} the way sm-crypto's {@code sm2.doEncrypt(msg, pub, 1)} does:
     * lower-case hex C1C3C2 without the {@code 04} prefix.
     */
    public static String encrypt(String publicKeyHex, String plaintext) {
        if (plaintext == null) {
            throw new CryptoException("SM2 plaintext must not be null");
        }
        byte[] c = encrypt(publicKeyHex, plaintext.getBytes(StandardCharsets.UTF_8));
        return Hex.toHexString(c, 1, c.length - 1);
    }

    /** The public key that belongs to {@code privateKeyHex}, as 130 hex characters. */
    public static String publicKeyOf(String privateKeyHex) {
        return Hex.toHexString(derivePublicPoint(parsePrivateKey(privateKeyHex).getD()).getEncoded(false));
    }

    static ECPublicKeyParameters parsePublicKey(String hex) {
        byte[] raw = decodeHex(hex, "SM2 public key");
        if (raw.length == 64) {
            raw = prefix04(raw);
        }
        if (raw.length != 65 || raw[0] != 0x04) {
            throw new CryptoException("SM2 public key must be an uncompressed point (130 hex characters starting with 04)");
        }
        try {
            ECPoint q = CURVE.getCurve().decodePoint(raw);
            if (q.isInfinity() || !q.isValid()) {
                throw new CryptoException("SM2 public key is not a valid curve point");
            }
            return new ECPublicKeyParameters(q, DOMAIN);
        } catch (IllegalArgumentException e) {
            throw new CryptoException("SM2 public key is not a valid curve point", e);
        }
    }

    static ECPrivateKeyParameters parsePrivateKey(String hex) {
        byte[] raw = decodeHex(hex, "SM2 private key");
        if (raw.length != 32) {
            throw new CryptoException("SM2 private key must be 64 hex characters");
        }
        BigInteger d = new BigInteger(1, raw);
        if (d.signum() <= 0 || d.compareTo(DOMAIN.getN().subtract(BigInteger.ONE)) >= 0) {
            throw new CryptoException("SM2 private key out of range");
        }
        return new ECPrivateKeyParameters(d, DOMAIN);
    }

    private static ECPoint derivePublicPoint(BigInteger d) {
        return new FixedPointCombMultiplier().multiply(DOMAIN.getG(), d).normalize();
    }

    private static byte[] prefix04(byte[] raw) {
        byte[] out = new byte[raw.length + 1];
        out[0] = 0x04;
        System.arraycopy(raw, 0, out, 1, raw.length);
        return out;
    }

    static byte[] decodeHex(String hex, String what) {
        if (hex == null) {
            throw new CryptoException(what + " is missing");
        }
        String s = hex.strip();
        if (s.isEmpty() || (s.length() & 1) != 0) {
            throw new CryptoException(what + " is not valid hex");
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                throw new CryptoException(what + " is not valid hex");
            }
        }
        return Hex.decode(s);
    }

    /** An SM2 key pair as hex: private key 64 characters, public key 130 characters ({@code 04||x||y}). */
    public record KeyPairHex(String privateKeyHex, String publicKeyHex) {
        @Override
        public String toString() {
            return "KeyPairHex[publicKeyHex=" + publicKeyHex + ", privateKeyHex=<redacted>]";
        }
    }

    @Override
    public String toString() {
        return "Sm2Cipher[publicKey=" + publicKeyHex() + "]";
    }
}
