package cn.heatdesk.kernel.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeatDeskKeysTest {

    @TempDir
    Path tmp;

    @Test
    void loadsFromProperties() {
        Sm2Cipher.KeyPairHex sm2 = Sm2Cipher.generateKeyPair();
        MockEnvironment env = new MockEnvironment()
                .withProperty("heatdesk.data-dir", tmp.toString())
                .withProperty("heatdesk.security.keys.sm2-private-key", sm2.privateKeyHex())
                .withProperty("heatdesk.security.keys.sm2-public-key", sm2.publicKeyHex())
                .withProperty("heatdesk.security.keys.sm4.v1", "0123456789abcdeffedcba9876543210")
                .withProperty("heatdesk.security.keys.sm4.v2", "00112233445566778899aabbccddeeff")
                .withProperty("heatdesk.security.keys.sm4-current-version", "v2")
                .withProperty("heatdesk.security.keys.blind-index-key", "ab".repeat(32));
        HeatDeskKeys keys = new HeatDeskKeys(env);
        assertThat(keys.sm2PublicKeyHex()).isEqualTo(sm2.publicKeyHex());
        assertThat(keys.sm4().currentVersion()).isEqualTo("v2");
        assertThat(keys.sm4().versions()).containsExactlyInAnyOrder("v1", "v2");
        assertThat(keys.blindIndexKey()).hasSize(32);
        assertThat(keys.origin()).isEqualTo("properties");
        assertThat(Files.exists(keys.keysFile())).isFalse(); // nothing generated
        assertThat(keys.keysFile()).isEqualTo(tmp.resolve("keys/heatdesk-keys.properties").toAbsolutePath());
        assertThat(keys.toString()).doesNotContain(sm2.privateKeyHex());
    }

    @Test
    void failsFastWhenKeysAreMissing() {
        MockEnvironment env = new MockEnvironment().withProperty("heatdesk.data-dir", tmp.toString());
        assertThatThrownBy(() -> new HeatDeskKeys(env))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("缺少密钥配置")
                .hasMessageContaining("heatdesk.security.keys.sm2-private-key")
                .hasMessageContaining("heatdesk.security.keys.blind-index-key")
                .hasMessageContaining("generate-if-missing");
        assertThat(Files.exists(tmp.resolve("keys"))).isFalse();
    }

    @Test
    void generatesOnFirstStartOnlyWhenAllowed() throws Exception {
        MockEnvironment env = new MockEnvironment()
                .withProperty("heatdesk.data-dir", tmp.toString())
                .withProperty("heatdesk.security.keys.generate-if-missing", "true");
        HeatDeskKeys first = new HeatDeskKeys(env);
        Path file = tmp.resolve("keys/heatdesk-keys.properties");
        assertThat(file).exists();
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        }
        String content = Files.readString(file);
        assertThat(content).contains("sm2-private-key=", "sm4.v1=", "blind-index-key=", "sm4-current-version=v1");

        // second start reads the same keys and does not rewrite the file
        HeatDeskKeys second = new HeatDeskKeys(env);
        assertThat(second.sm2PublicKeyHex()).isEqualTo(first.sm2PublicKeyHex());
        assertThat(second.blindIndexKey()).isEqualTo(first.blindIndexKey());
        String token = first.sm4().encryptString("跨重启可解密");
        assertThat(second.sm4().decryptString(token)).isEqualTo("跨重启可解密");
        assertThat(Files.readString(file)).isEqualTo(content);
        assertThat(second.origin()).contains("file");
    }

    @Test
    void incompleteExistingFileIsNeverOverwritten() throws Exception {
        Path file = tmp.resolve("custom.properties");
        Files.writeString(file, "sm4.v1=0123456789abcdeffedcba9876543210\n");
        MockEnvironment env = new MockEnvironment()
                .withProperty("heatdesk.security.keys.file", file.toString())
                .withProperty("heatdesk.security.keys.generate-if-missing", "true");
        assertThatThrownBy(() -> new HeatDeskKeys(env)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sm2-private-key").hasMessageContaining("不完整");
        assertThat(Files.readString(file)).isEqualTo("sm4.v1=0123456789abcdeffedcba9876543210\n");
    }

    @Test
    void propertiesOverrideTheFileAndBadKeysAreRejected() throws Exception {
        Sm2Cipher.KeyPairHex sm2 = Sm2Cipher.generateKeyPair();
        Path file = tmp.resolve("k.properties");
        Files.writeString(file, "sm2-private-key=" + sm2.privateKeyHex() + "\nsm4.v1=0123456789abcdeffedcba9876543210\n"
                + "blind-index-key=" + "cd".repeat(32) + "\n");
        MockEnvironment env = new MockEnvironment().withProperty("heatdesk.security.keys.file", file.toString())
                .withProperty("heatdesk.security.keys.blind-index-key", "ef".repeat(32));
        HeatDeskKeys keys = new HeatDeskKeys(env);
        assertThat(keys.blindIndexKey()[0]).isEqualTo((byte) 0xef);
        assertThat(keys.sm4().currentVersion()).isEqualTo("v1"); // single version needs no explicit current

        MockEnvironment bad = new MockEnvironment().withProperty("heatdesk.security.keys.file", file.toString())
                .withProperty("heatdesk.security.keys.sm4.v1", "0123");
        assertThatThrownBy(() -> new HeatDeskKeys(bad)).isInstanceOf(IllegalStateException.class).hasMessageContaining("sm4.v1");

        MockEnvironment twoNoCurrent = new MockEnvironment().withProperty("heatdesk.security.keys.file", file.toString())
                .withProperty("heatdesk.security.keys.sm4.v2", "00112233445566778899aabbccddeeff");
        assertThatThrownBy(() -> new HeatDeskKeys(twoNoCurrent)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sm4-current-version");

        MockEnvironment wrongPublic = new MockEnvironment().withProperty("heatdesk.security.keys.file", file.toString())
                .withProperty("heatdesk.security.keys.sm2-public-key", Sm2Cipher.generateKeyPair().publicKeyHex());
        assertThatThrownBy(() -> new HeatDeskKeys(wrongPublic)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SM2");
    }
}
