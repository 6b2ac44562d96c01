package cn.heatdesk.kernel.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Sm2CipherTest {

    static JsonNode fixture;
    static Sm2Cipher fixtureCipher;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = Sm2CipherTest.class.getResourceAsStream("/sec-sm2-sm-crypto-vectors.json")) {
            fixture = new ObjectMapper().readTree(in);
        }
        fixtureCipher = new Sm2Cipher(fixture.get("privateKey").asText(), fixture.get("publicKey").asText());
    }

    @Test
    void roundTripWithGeneratedKeys() {
        Sm2Cipher.KeyPairHex kp = Sm2Cipher.generateKeyPair();
        assertThat(kp.privateKeyHex()).hasSize(64);
        assertThat(kp.publicKeyHex()).hasSize(130).startsWith("04");
        Sm2Cipher cipher = new Sm2Cipher(kp.privateKeyHex(), null);
        assertThat(cipher.publicKeyHex()).isEqualTo(kp.publicKeyHex());

        String hex = Sm2Cipher.encrypt(kp.publicKeyHex(), "初始密码 Abc@123");
        int plainBytes = "初始密码 Abc@123".getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertThat(hex).hasSize(128 + 64 + 2 * plainBytes); // C1 without 04, C3, C2
        assertThat(cipher.decryptHex(hex)).isEqualTo("初始密码 Abc@123");
        assertThat(cipher.decryptHex("04" + hex)).isEqualTo("初始密码 Abc@123");
        // randomised: the same message never encrypts the same way twice
        assertThat(Sm2Cipher.encrypt(kp.publicKeyHex(), "x")).isNotEqualTo(Sm2Cipher.encrypt(kp.publicKeyHex(), "x"));
    }

    @Test
    void decryptsSmCryptoVectorsWithAndWithout04() {
        assertThat(Sm2Cipher.publicKeyOf(fixture.get("privateKey").asText())).isEqualTo(fixture.get("publicKey").asText());
        int n = 0;
        for (JsonNode v : fixture.get("vectors")) {
            String plain = v.get("plaintext").asText();
            String hex = v.get("c1c3c2").asText();
            assertThat(fixtureCipher.decryptHex(hex)).as("without 04: %s", plain).isEqualTo(plain);
            assertThat(fixtureCipher.decryptHex("04" + hex)).as("with 04: %s", plain).isEqualTo(plain);
            assertThat(fixtureCipher.decryptHex(hex.toUpperCase())).isEqualTo(plain);
            n++;
        }
        assertThat(n).isGreaterThanOrEqualTo(6);
    }

    @Test
    void ambiguousVectorWhoseC1StartsWith04() {
        JsonNode v = null;
        for (JsonNode candidate : fixture.get("vectors")) {
            if (candidate.get("c1c3c2").asText().startsWith("04")) {
                v = candidate;
            }
        }
        assertThat(v).as("fixture has a vector whose C1.x starts with 04").isNotNull();
        assertThat(fixtureCipher.decryptHex(v.get("c1c3c2").asText())).isEqualTo(v.get("plaintext").asText());
        assertThat(fixtureCipher.decryptHex("04" + v.get("c1c3c2").asText())).isEqualTo(v.get("plaintext").asText());
    }

    @Test
    void tamperedCiphertextIsRejected() {
        String hex = fixture.get("vectors").get(1).get("c1c3c2").asText();
        // flip one bit in C2 (the last byte)
        String lastByte = hex.substring(hex.length() - 2);
        String flipped = hex.substring(0, hex.length() - 2)
                + String.format("%02x", Integer.parseInt(lastByte, 16) ^ 0x01);
        assertThatThrownBy(() -> fixtureCipher.decryptHex(flipped)).isInstanceOf(CryptoException.class);
        // flip one bit in C3
        String c3flipped = hex.substring(0, 128) + (hex.charAt(128) == '0' ? '1' : '0') + hex.substring(129);
        assertThatThrownBy(() -> fixtureCipher.decryptHex(c3flipped)).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> fixtureCipher.decryptHex("zz")).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> fixtureCipher.decryptHex(hex.substring(0, 150))).isInstanceOf(CryptoException.class);
    }

    @Test
    void wrongPrivateKeyCannotDecrypt() {
        String hex = Sm2Cipher.encrypt(fixture.get("publicKey").asText(), "secret");
        Sm2Cipher other = new Sm2Cipher(Sm2Cipher.generateKeyPair().privateKeyHex(), null);
        assertThatThrownBy(() -> other.decryptHex(hex)).isInstanceOf(CryptoException.class);
    }

    @Test
    void rejectsBadKeys() {
        String priv = fixture.get("privateKey").asText();
        String otherPublic = Sm2Cipher.generateKeyPair().publicKeyHex();
        assertThatThrownBy(() -> new Sm2Cipher(priv, otherPublic)).isInstanceOf(CryptoException.class)
                .hasMessageContaining("does not belong");
        assertThatThrownBy(() -> new Sm2Cipher("00".repeat(32), null)).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> new Sm2Cipher("abc", null)).isInstanceOf(CryptoException.class);
        // a point that is not on the curve
        assertThatThrownBy(() -> Sm2Cipher.encrypt("04" + "11".repeat(64), "x")).isInstanceOf(CryptoException.class);
        // public key accepted without its 04 prefix as well
        assertThat(fixtureCipher.decryptHex(Sm2Cipher.encrypt(fixture.get("publicKey").asText().substring(2), "ok"))).isEqualTo("ok");
    }

    @Test
    void keyPairToStringDoesNotLeakPrivateKey() {
        Sm2Cipher.KeyPairHex kp = Sm2Cipher.generateKeyPair();
        assertThat(kp.toString()).doesNotContain(kp.privateKeyHex());
    }
}
