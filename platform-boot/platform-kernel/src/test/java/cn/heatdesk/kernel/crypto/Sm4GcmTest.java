package cn.heatdesk.kernel.crypto;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Sm4GcmTest {

    static final byte[] K1 = Hex.decode("0123456789abcdeffedcba9876543210");
    static final byte[] K2 = Hex.decode("00112233445566778899aabbccddeeff");

    @Test
    void sm4BlockKnownAnswer() {
        // GB/T 32907-2016 appendix A example 1
        SM4Engine engine = new SM4Engine();
        engine.init(true, new KeyParameter(K1));
        byte[] out = new byte[16];
        engine.processBlock(Hex.decode("0123456789abcdeffedcba9876543210"), 0, out, 0);
        assertThat(Hex.toHexString(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");
    }

    @Test
    void gcmKnownAnswerFromRfc8998() {
        // RFC 8998 appendix A.1 (SM4-GCM)
        byte[] nonce = Hex.decode("00001234567800000000ABCD");
        byte[] aad = Hex.decode("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
        String plain = "AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDD"
                + "EEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA";
        String cipher = "17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735"
                + "D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D";
        String tag = "83DE3541E4C2B58177E065A9BF7B62EC";
        String token = "v1:" + Base64.getEncoder().encodeToString(Hex.decode(
                Hex.toHexString(nonce) + cipher + tag));
        byte[] decrypted = Sm4Gcm.single("v1", K1).decrypt(token, aad);
        assertThat(Hex.toHexString(decrypted)).isEqualToIgnoringCase(plain);
    }

    @Test
    void roundTripAndFormat() {
        Sm4Gcm gcm = Sm4Gcm.single("v1", K1);
        String token = gcm.encryptString("13800138000");
        assertThat(token).startsWith("v1:");
        byte[] raw = Base64.getDecoder().decode(token.substring(3));
        assertThat(raw).hasSize(12 + 11 + 16); // nonce | ciphertext | tag
        assertThat(gcm.decryptString(token)).isEqualTo("13800138000");
        assertThat(gcm.encryptString("13800138000")).isNotEqualTo(token); // random nonce
        assertThat(gcm.decryptString(gcm.encryptString(""))).isEmpty();
        String longText = "北京市朝阳区建国路".repeat(200);
        assertThat(gcm.decryptString(gcm.encryptString(longText))).isEqualTo(longText);
    }

    @Test
    void anyTamperingIsDetected() {
        Sm4Gcm gcm = Sm4Gcm.single("v1", K1);
        String token = gcm.encryptString("110101199001011234");
        byte[] raw = Base64.getDecoder().decode(token.substring(3));
        for (int i : new int[]{0, 11, 12, 20, raw.length - 1}) { // nonce, ciphertext, tag
            byte[] copy = raw.clone();
            copy[i] ^= 0x01;
            String tampered = "v1:" + Base64.getEncoder().encodeToString(copy);
            assertThatThrownBy(() -> gcm.decrypt(tampered)).as("byte %d", i).isInstanceOf(CryptoException.class);
        }
        byte[] truncated = java.util.Arrays.copyOf(raw, raw.length - 1);
        assertThatThrownBy(() -> gcm.decrypt("v1:" + Base64.getEncoder().encodeToString(truncated)))
                .isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> gcm.decrypt("v1:%%%")).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> gcm.decrypt("plain text")).isInstanceOf(CryptoException.class);
        // associated data must match
        String withAad = gcm.encrypt("x".getBytes(StandardCharsets.UTF_8), "customer.phone".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> gcm.decrypt(withAad, "customer.id_no".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CryptoException.class);
        // wrong key under the same version name
        assertThatThrownBy(() -> Sm4Gcm.single("v1", K2).decrypt(token)).isInstanceOf(CryptoException.class);
    }

    @Test
    void keyRotationKeepsOldVersionsReadable() {
        Sm4Gcm before = Sm4Gcm.single("v1", K1);
        String old = before.encryptString("旧数据");

        Sm4Gcm after = new Sm4Gcm(Map.of("v1", K1, "v2", K2), "v2");
        assertThat(after.decryptString(old)).isEqualTo("旧数据");
        assertThat(after.needsReEncryption(old)).isTrue();
        String fresh = after.encryptString("新数据");
        assertThat(fresh).startsWith("v2:");
        assertThat(after.needsReEncryption(fresh)).isFalse();
        // an instance that no longer has v1 cannot read v1 data
        assertThatThrownBy(() -> Sm4Gcm.single("v2", K2).decrypt(old))
                .isInstanceOf(CryptoException.class).hasMessageContaining("no SM4 key for version v1");
        // version prefix cannot be swapped to another key
        assertThatThrownBy(() -> after.decrypt("v2:" + old.substring(3))).isInstanceOf(CryptoException.class);
    }

    @Test
    void rejectsBadConfiguration() {
        assertThatThrownBy(() -> Sm4Gcm.single("v1", new byte[15])).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> Sm4Gcm.single("1v", K1)).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> new Sm4Gcm(Map.of("v1", K1), "v2")).isInstanceOf(CryptoException.class);
        String token = Sm4Gcm.single("v12", K1).encryptString("x");
        assertThat(Sm4Gcm.versionOf(token)).isEqualTo("v12");
        assertThat(Sm4Gcm.versionOf("v12:abc")).isNull();
        assertThat(Sm4Gcm.versionOf("http://x")).isNull();
        assertThat(Sm4Gcm.versionOf(null)).isNull();
    }
}
