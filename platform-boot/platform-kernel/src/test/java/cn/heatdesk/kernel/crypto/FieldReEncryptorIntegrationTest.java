package cn.heatdesk.kernel.crypto;

import cn.heatdesk.kernel.signing.SecurityIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldReEncryptorIntegrationTest extends SecurityIntegrationTest {

    @Autowired
    FieldCipher springCipher;

    @AfterEach
    void dropTable() {
        jdbc.execute("DROP TABLE sec_reenc_test");
    }

    @Test
    void rotatesEveryOutdatedValueAndLeavesTheRest() {
        jdbc.execute("CREATE TABLE sec_reenc_test (id BIGINT PRIMARY KEY, phone_enc VARCHAR(255), addr_enc VARCHAR(255))");
        byte[] k1 = Sm4Gcm.generateKey();
        byte[] k2 = Sm4Gcm.generateKey();
        byte[] blind = new byte[32];
        FieldCipher before = new FieldCipher(Sm4Gcm.single("v1", k1), blind);
        FieldCipher after = new FieldCipher(new Sm4Gcm(Map.of("v1", k1, "v2", k2), "v2"), blind);
        int rows = 1203; // more than two batches
        for (int i = 1; i <= rows; i++) {
            jdbc.update("INSERT INTO sec_reenc_test VALUES (?, ?, ?)", i, before.encrypt("1380013" + String.format("%04d", i)),
                    i % 10 == 0 ? null : (i % 7 == 0 ? after.encrypt("新地址" + i) : before.encrypt("旧地址" + i)));
        }
        FieldReEncryptor job = new FieldReEncryptor(jdbc, after);
        long outdated = job.countOutdated("sec_reenc_test", "phone_enc", "addr_enc");
        assertThat(outdated).isGreaterThan(rows);

        assertThat(job.reEncrypt("sec_reenc_test", "id", "phone_enc", "addr_enc")).isEqualTo(outdated);
        assertThat(job.countOutdated("sec_reenc_test", "phone_enc", "addr_enc")).isZero();
        assertThat(job.reEncrypt("sec_reenc_test", "id", "phone_enc", "addr_enc")).isZero(); // idempotent

        FieldCipher onlyNewKey = new FieldCipher(Sm4Gcm.single("v2", k2), blind);
        assertThat(onlyNewKey.decrypt(jdbc.queryForObject("SELECT phone_enc FROM sec_reenc_test WHERE id = 77", String.class)))
                .isEqualTo("13800130077");
        assertThat(onlyNewKey.decrypt(jdbc.queryForObject("SELECT addr_enc FROM sec_reenc_test WHERE id = 76", String.class)))
                .isEqualTo("旧地址76");
        assertThat(jdbc.queryForObject("SELECT addr_enc FROM sec_reenc_test WHERE id = 80", String.class)).isNull();
        // the Spring bean is the global one for MyBatis, unaffected by the instances above
        assertThat(FieldCipher.global()).isSameAs(springCipher);
        assertThatThrownBy(() -> job.reEncrypt("sec_reenc_test; drop", "id", "phone_enc"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
