package cn.heatdesk.kernel.crypto;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1000);

    @Test
    void hashAndVerify() {
        String encoded = hasher.hash("Heat@Desk2024");
        assertThat(encoded).matches("pbkdf2-sm3\\$1000\\$[0-9a-f]{32}\\$[0-9a-f]{64}");
        assertThat(hasher.verify("Heat@Desk2024", encoded)).isTrue();
        assertThat(hasher.verify("heat@desk2024", encoded)).isFalse();
        assertThat(hasher.verify("Heat@Desk2024 ", encoded)).isFalse();
        assertThat(hasher.verify("", encoded)).isFalse();
        assertThat(hasher.verify(null, encoded)).isFalse();
        // random salt: same password, different encodings, both verify
        String again = hasher.hash("Heat@Desk2024");
        assertThat(again).isNotEqualTo(encoded);
        assertThat(hasher.verify("Heat@Desk2024", again)).isTrue();
        assertThat(hasher.verify("密码中文", hasher.hash("密码中文"))).isTrue();
    }

    @Test
    void matchesIndependentPbkdf2HmacSm3() {
        // RFC 8018 PBKDF2 computed here from HMAC-SM3 directly, independent of BouncyCastle's generator
        String encoded = hasher.hash("correct horse");
        String[] parts = encoded.split("\\$");
        byte[] salt = Hex.decode(parts[2]);
        byte[] expected = pbkdf2("correct horse".getBytes(StandardCharsets.UTF_8), salt, Integer.parseInt(parts[1]));
        assertThat(parts[3]).isEqualTo(Hex.toHexString(expected));
    }

    @Test
    void malformedOrMissingHashesNeverMatch() {
        assertThat(hasher.verify("x", null)).isFalse();
        assertThat(hasher.verify("x", "")).isFalse();
        assertThat(hasher.verify("x", "pbkdf2-sm3$abc$00$00")).isFalse();
        assertThat(hasher.verify("x", "bcrypt$10$xx$yy")).isFalse();
        assertThat(hasher.verify("x", "pbkdf2-sm3$1000$zz$00")).isFalse();
    }

    @Test
    void needsRehash() {
        PasswordHasher strong = new PasswordHasher(20_000);
        String weak = hasher.hash("pw");
        assertThat(strong.needsRehash(weak)).isTrue();
        assertThat(strong.verify("pw", weak)).isTrue(); // old hashes still verify with their own iterations
        assertThat(strong.needsRehash(strong.hash("pw"))).isFalse();
        assertThat(hasher.needsRehash(strong.hash("pw"))).isFalse();
        assertThat(hasher.needsRehash("{noop}pw")).isTrue();
        assertThat(hasher.needsRehash(null)).isTrue();
    }

    @Test
    void defaultsAndLimits() {
        assertThat(new PasswordHasher().iterations()).isEqualTo(10_000);
        assertThat(new PasswordHasher().hash("x")).startsWith("pbkdf2-sm3$10000$");
        assertThatThrownBy(() -> new PasswordHasher(10)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] pbkdf2(byte[] password, byte[] salt, int iterations) {
        byte[] block = new byte[salt.length + 4];
        System.arraycopy(salt, 0, block, 0, salt.length);
        block[block.length - 1] = 1; // INT(1): one 32-byte block is all we need
        byte[] u = HmacSm3.mac(password, block);
        byte[] t = u.clone();
        for (int i = 1; i < iterations; i++) {
            u = HmacSm3.mac(password, u);
            for (int j = 0; j < t.length; j++) {
                t[j] ^= u[j];
            }
        }
        return t;
    }
}
