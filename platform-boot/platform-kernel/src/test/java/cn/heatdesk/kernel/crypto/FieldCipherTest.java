package cn.heatdesk.kernel.crypto;

import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldCipherTest {

    static final byte[] BLIND = Hex.decode("a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0");
    final FieldCipher cipher = new FieldCipher(Sm4Gcm.single("v1", Sm4Gcm.generateKey()), BLIND);

    @Test
    void encryptDecrypt() {
        String stored = cipher.encrypt("13800138000");
        assertThat(stored).startsWith("v1:").doesNotContain("13800138000");
        assertThat(cipher.isEncrypted(stored)).isTrue();
        assertThat(cipher.decrypt(stored)).isEqualTo("13800138000");
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.decrypt(null)).isNull();
        assertThat(cipher.isEncrypted("13800138000")).isFalse();
        assertThatThrownBy(() -> cipher.decrypt("13800138000")).isInstanceOf(CryptoException.class);
    }

    @Test
    void phoneNormalisation() {
        assertThat(BlindIndexNormalizer.phone("+86 138-0013-8000")).isEqualTo("13800138000");
        assertThat(BlindIndexNormalizer.phone("0086 13800138000")).isEqualTo("13800138000");
        assertThat(BlindIndexNormalizer.phone("8613800138000")).isEqualTo("13800138000");
        assertThat(BlindIndexNormalizer.phone("１３８００１３８０００")).isEqualTo("13800138000"); // full-width
        assertThat(BlindIndexNormalizer.phone("(010) 1234-5678")).isEqualTo("01012345678");
        assertThat(BlindIndexNormalizer.phone("+86 10 1234 5678")).isEqualTo("01012345678");
        assertThat(BlindIndexNormalizer.phone("12345")).isEqualTo("12345");
    }

    @Test
    void blindIndexIsStableAcrossSpellings() {
        String idx = cipher.blindIndexPhone("13800138000");
        assertThat(idx).hasSize(64).matches("[0-9a-f]{64}");
        for (String spelling : new String[]{"+86 138 0013 8000", "0086-138-0013-8000", " 13800138000 ", "8613800138000",
                "１３８００１３８０００"}) {
            assertThat(cipher.blindIndexPhone(spelling)).as(spelling).isEqualTo(idx);
            assertThat(cipher.blindIndex(spelling)).as("auto " + spelling).isEqualTo(idx);
        }
        assertThat(cipher.blindIndexPhone("13800138001")).isNotEqualTo(idx);
        assertThat(cipher.blindIndexIdNumber("11010119900101123x")).isEqualTo(cipher.blindIndexIdNumber("11010119900101123X"));
        assertThat(cipher.blindIndex("11010119900101123x")).isEqualTo(cipher.blindIndexIdNumber("11010119900101123X"));
        assertThat(cipher.blindIndex(" 张 三 ")).isEqualTo(cipher.blindIndex("张三"));
        assertThat(cipher.blindIndex(null)).isNull();
        assertThat(cipher.blindIndex("  ")).isNull();
        // keyed: another key gives another index, so the index cannot be brute-forced without the key
        byte[] otherKey = BLIND.clone();
        otherKey[0] ^= 1;
        assertThat(new FieldCipher(Sm4Gcm.single("v1", Sm4Gcm.generateKey()), otherKey).blindIndexPhone("13800138000"))
                .isNotEqualTo(idx);
        // independent of the encryption key and deterministic
        assertThat(new FieldCipher(Sm4Gcm.single("v1", Sm4Gcm.generateKey()), BLIND).blindIndexPhone("13800138000"))
                .isEqualTo(idx);
    }

    @Test
    void reEncryptionAfterRotation() {
        byte[] k1 = Sm4Gcm.generateKey();
        byte[] k2 = Sm4Gcm.generateKey();
        FieldCipher before = new FieldCipher(Sm4Gcm.single("v1", k1), BLIND);
        String stored = before.encrypt("北京市朝阳区建国路1号");
        FieldCipher after = new FieldCipher(new Sm4Gcm(Map.of("v1", k1, "v2", k2), "v2"), BLIND);
        assertThat(after.needsReEncryption(stored)).isTrue();
        String rewritten = after.reEncrypt(stored);
        assertThat(rewritten).startsWith("v2:");
        assertThat(after.needsReEncryption(rewritten)).isFalse();
        assertThat(after.decrypt(rewritten)).isEqualTo("北京市朝阳区建国路1号");
    }

    @Test
    void typeHandlerEncryptsColumn() throws Exception {
        EncryptedStringTypeHandler handler = new EncryptedStringTypeHandler(cipher);
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:sec_typehandler;DB_CLOSE_DELAY=-1");
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id INT PRIMARY KEY, phone_enc VARCHAR(255))");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                ps.setInt(1, 1);
                handler.setParameter(ps, 2, "13800138000", null);
                ps.executeUpdate();
                ps.setInt(1, 2);
                handler.setParameter(ps, 2, null, org.apache.ibatis.type.JdbcType.VARCHAR);
                ps.executeUpdate();
            }
            try (ResultSet rs = st.executeQuery("SELECT phone_enc FROM t WHERE id = 1")) {
                rs.next();
                assertThat(rs.getString(1)).startsWith("v1:").doesNotContain("13800138000");
            }
            try (ResultSet rs = st.executeQuery("SELECT phone_enc FROM t ORDER BY id")) {
                rs.next();
                assertThat(handler.getResult(rs, "phone_enc")).isEqualTo("13800138000");
                rs.next();
                assertThat(handler.getResult(rs, 1)).isNull();
            }
        }
    }
}
