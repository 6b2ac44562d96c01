package cn.heatdesk.kernel.crypto;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.encoders.Hex;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * Password storage with PBKDF2-HMAC-SM3 (PKCS #5 v2.0 with HMAC-SM3 as PRF).
 *
 * <p>Encoded form, self-describing so that parameters can change without a schema change:
 * {@code pbkdf2-sm3$<iterations>$<saltHex>$<hashHex>} with a random 16-byte salt and a 32-byte derived key.
 * Verification is constant-time; {@link #needsRehash(String)} tells the login flow to re-hash with the current
 * parameters after a successful login.
 */
@Component
public class PasswordHasher {

    public static final String ALGORITHM = "pbkdf2-sm3";
    public static final int DEFAULT_ITERATIONS = 10_000;
    public static final int SALT_LENGTH = 16;
    public static final int HASH_LENGTH = 32;
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    /** Used by {@link #verify} when there is no stored hash, so that unknown users cost the same time. */
    private final String dummyHash;

    public PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    @Autowired
    public PasswordHasher(@Value("${heatdesk.security.password.iterations:10000}") int iterations) {
        if (iterations < 1000 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 iterations must be between 1000 and " + MAX_ITERATIONS);
        }
        this.iterations = iterations;
        this.dummyHash = hash("heatdesk-dummy-password");
    }

    public int iterations() {
        return iterations;
    }

    public String hash(String rawPassword) {
        if (rawPassword == null) {
            throw new IllegalArgumentException("password must not be null");
        }
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        byte[] derived = derive(rawPassword, salt, iterations);
        return ALGORITHM + "$" + iterations + "$" + Hex.toHexString(salt) + "$" + Hex.toHexString(derived);
    }

    /**
     * Whether {@code rawPassword} matches {@code encoded}. Malformed or missing stored values never match
     * (a missing one still costs a full derivation so response time does not reveal whether an account exists).
     */
    public boolean verify(String rawPassword, String encoded) {
        if (rawPassword == null) {
            return false;
        }
        Parsed p = parse(encoded);
        if (p == null) {
            Parsed dummy = parse(dummyHash);
            MessageDigest.isEqual(derive(rawPassword, dummy.salt, dummy.iterations), dummy.hash);
            return false;
        }
        return MessageDigest.isEqual(derive(rawPassword, p.salt, p.iterations), p.hash);
    }

    /** True when {@code encoded} is not in the current format or uses weaker parameters than configured. */
    public boolean needsRehash(String encoded) {
        Parsed p = parse(encoded);
        return p == null || p.iterations < iterations || p.salt.length < SALT_LENGTH || p.hash.length != HASH_LENGTH;
    }

    private static byte[] derive(String rawPassword, byte[] salt, int iterations) {
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SM3Digest());
        generator.init(rawPassword.getBytes(StandardCharsets.UTF_8), salt, iterations);
        return ((KeyParameter) generator.generateDerivedParameters(HASH_LENGTH * 8)).getKey();
    }

    private static Parsed parse(String encoded) {
        if (encoded == null) {
            return null;
        }
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
            return null;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            if (iterations < 1 || iterations > MAX_ITERATIONS) {
                return null;
            }
            byte[] salt = Hex.decode(parts[2]);
            byte[] hash = Hex.decode(parts[3]);
            if (salt.length == 0 || hash.length == 0) {
                return null;
            }
            return new Parsed(iterations, salt, hash);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {
    }
}
