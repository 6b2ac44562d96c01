package cn.heatdesk.kernel.crypto;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.Map;

/**
 * {@code java -jar heatdesk-exec.jar --heatdesk.cli=re-encrypt}: re-encrypts all declared columns with the current
 * SM4 key version, prints what it did per table and exits 0 (1 when values are still outdated afterwards).
 */
@Component
@ConditionalOnProperty(name = "heatdesk.cli", havingValue = "re-encrypt")
public class KeyRotationCliRunner implements ApplicationRunner {

    private final KeyRotation rotation;
    private final FieldCipher cipher;
    private final ConfigurableApplicationContext context;

    public KeyRotationCliRunner(KeyRotation rotation, FieldCipher cipher, ConfigurableApplicationContext context) {
        this.rotation = rotation;
        this.cipher = cipher;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code = rotateAndPrint(System.out);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    public int rotateAndPrint(PrintStream out) {
        Map<String, Long> rewritten = rotation.rotateAll();
        rewritten.forEach((table, n) -> out.println("表 " + table + "：重新加密 " + n + " 个值 / re-encrypted " + n
                + " values in " + table));
        long left = rotation.outdated().values().stream().mapToLong(Long::longValue).sum();
        out.println((left == 0 ? "全部敏感字段已使用当前密钥版本 " : "仍有 " + left + " 个值未使用当前密钥版本 ")
                + cipher.currentKeyVersion() + " / " + left + " values left on older key versions");
        return left == 0 ? 0 : 1;
    }
}
