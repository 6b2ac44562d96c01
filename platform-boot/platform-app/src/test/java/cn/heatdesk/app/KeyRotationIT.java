package cn.heatdesk.app;

import cn.heatdesk.kernel.crypto.EncryptedColumns;
import cn.heatdesk.kernel.crypto.FieldCipher;
import cn.heatdesk.kernel.crypto.KeyRotation;
import cn.heatdesk.kernel.crypto.KeyRotationCliRunner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every SM4-encrypted column the modules declare takes part in key rotation (--heatdesk.cli=re-encrypt). */
class KeyRotationIT extends AbstractApiIT {

    @Autowired
    KeyRotation rotation;
    @Autowired
    FieldCipher cipher;
    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void declaredColumnsAreAllOnTheCurrentKeyVersion() {
        admin().post("/api/settings/users", Map.of("username", "rot" + System.nanoTime() % 100000, "realName", "轮换测试",
                "orgId", String.valueOf(orgId("ST02")), "phone", "13800138000",
                "initialPassword", client().encrypt("Init#Pass2026"), "roleIds", List.of()));
        assertThat(rotation.declared()).extracting(EncryptedColumns::table).contains("sys_user", "integration_app");
        assertThat(rotation.outdated()).containsEntry("sys_user", 0L).containsEntry("integration_app", 0L);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new KeyRotationCliRunner(rotation, cipher, context).rotateAndPrint(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("表 sys_user：重新加密 0 个值").contains("全部敏感字段已使用当前密钥版本");
    }
}
