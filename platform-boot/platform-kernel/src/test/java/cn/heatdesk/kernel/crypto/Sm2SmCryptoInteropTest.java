package cn.heatdesk.kernel.crypto;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live cross-check Java → sm-crypto (the other direction is covered by the committed vectors). Runs only with
 * {@code -Dheatdesk.smcrypto.dir=/tmp/smjs} where {@code /tmp/smjs/node_modules/sm-crypto} exists and node is on
 * the PATH, so the normal build never needs node.
 */
@EnabledIfSystemProperty(named = "heatdesk.smcrypto.dir", matches = ".+")
class Sm2SmCryptoInteropTest {

    @Test
    void smCryptoDecryptsWhatJavaEncrypts() throws Exception {
        Path dir = Path.of(System.getProperty("heatdesk.smcrypto.dir"));
        Path script = Files.createTempFile("sec-sm2-check", ".js");
        try (InputStream in = getClass().getResourceAsStream("/sec-sm2-sm-crypto-check.js")) {
            Files.write(script, in.readAllBytes());
        }
        Sm2Cipher.KeyPairHex kp = Sm2Cipher.generateKeyPair();
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode().put("privateKey", kp.privateKeyHex());
        ArrayNode items = root.putArray("items");
        for (String msg : new String[]{"a", "13800138000", "张三 北京市朝阳区建国路1号院", "x".repeat(300)}) {
            for (int i = 0; i < 10; i++) {
                items.addObject().put("plaintext", msg).put("hex", Sm2Cipher.encrypt(kp.publicKeyHex(), msg));
            }
        }
        Path input = Files.createTempFile("sec-sm2-java", ".json");
        Files.writeString(input, json.writeValueAsString(root), StandardCharsets.UTF_8);

        ProcessBuilder pb = new ProcessBuilder("node", script.toString(), input.toString()).redirectErrorStream(true);
        pb.environment().put("NODE_PATH", dir.resolve("node_modules").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("ALL OK");
        assertThat(p.exitValue()).as(out).isZero();
    }
}
