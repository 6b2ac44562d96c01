package cn.heatdesk.kernel.audit;

import cn.heatdesk.kernel.error.BizException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditUnitTest {

    static AuditRecord row(String username, String clientIp) {
        return new AuditRecord(1L, 1, LocalDateTime.of(2024, 1, 2, 3, 4, 5), 9L, username, clientIp, "登录", null, null,
                "SUCCESS", 200, null, null, AuditHasher.GENESIS_HASH, null);
    }

    @Test
    void canonicalEncodingIsUnambiguous() {
        // moving characters between adjacent fields must change the hash
        assertThat(AuditHasher.rowHash(row("ab", "c"))).isNotEqualTo(AuditHasher.rowHash(row("a", "bc")));
        // null and empty string differ
        assertThat(AuditHasher.rowHash(row(null, "c"))).isNotEqualTo(AuditHasher.rowHash(row("", "c")));
        // a value that imitates the encoding cannot forge another row
        assertThat(AuditHasher.rowHash(row("a;clientIp=1:c", null))).isNotEqualTo(AuditHasher.rowHash(row("a", "c")));
        assertThat(AuditHasher.canonical(row("张三", null))).contains("username=6:张三;").contains("clientIp=~;");
        // chained: a different previous hash gives a different row hash
        assertThat(AuditHasher.rowHash("1".repeat(64), row("a", "b"))).isNotEqualTo(AuditHasher.rowHash(row("a", "b")));
        assertThat(AuditHasher.rowHash(row("a", "b"))).matches("[0-9a-f]{64}");
    }

    @Test
    void hashIgnoresSubSecondPrecision() {
        AuditRecord a = row("a", "b");
        AuditRecord b = new AuditRecord(1L, 1, a.occurredAt().withNano(123_000_000), 9L, "a", "b", "登录", null, null,
                "SUCCESS", 200, null, null, AuditHasher.GENESIS_HASH, null);
        assertThat(AuditHasher.rowHash(a)).isEqualTo(AuditHasher.rowHash(b));
    }

    @Test
    void sanitizerMasksJsonFormsAndText() {
        String json = "{\"user\":\"u\",\"password\":\"p\",\"nested\":{\"NewPassword\":\"q\",\"client_secret\":\"s\","
                + "\"accessToken\":\"t\",\"items\":[{\"confirmPassword\":\"c\"}]},\"secret\":null,\"n\":1}";
        String out = AuditBodySanitizer.sanitize(json.getBytes(StandardCharsets.UTF_8), "application/json", null);
        assertThat(out).contains("\"user\":\"u\"", "\"password\":\"******\"", "\"NewPassword\":\"******\"",
                "\"client_secret\":\"******\"", "\"accessToken\":\"******\"", "\"confirmPassword\":\"******\"",
                "\"secret\":null", "\"n\":1");
        assertThat(out).doesNotContain("\"p\"", "\"q\"", "\"s\"", "\"t\"", "\"c\"");

        // JSON cut off by the cache limit: pattern masking, including an unterminated secret
        String cut = "{\"a\":\"b\",\"oldPassword\":\"abc\\\"def\",\"password\":\"unterminat";
        String masked = AuditBodySanitizer.sanitize(cut.getBytes(StandardCharsets.UTF_8), "application/json", null);
        assertThat(masked).contains("\"a\":\"b\"").doesNotContain("abc", "def", "unterminat");

        assertThat(AuditBodySanitizer.sanitize("a=1&userPassword=x%20y&b=2".getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded; charset=UTF-8", null)).isEqualTo("a=1&userPassword=******&b=2");
        assertThat(AuditBodySanitizer.sanitize(new byte[10], "multipart/form-data; boundary=x", null)).contains("multipart");
        assertThat(AuditBodySanitizer.sanitize(new byte[10], "application/octet-stream", null)).contains("二进制");
        assertThat(AuditBodySanitizer.sanitize(new byte[0], "application/json", null)).isNull();
        assertThat(AuditBodySanitizer.sanitize("password=abc".getBytes(StandardCharsets.UTF_8), "text/plain", null))
                .isEqualTo("password=******");
    }

    @Test
    void sanitizerKeepsOnlyMaskedPersonalData() {
        String json = "{\"phone\":\"13812341234\",\"phones\":[\"13900001111\",\"010-66001234\"],"
                + "\"owner\":{\"ownerIdNumber\":\"110105194912310021\",\"ownerName\":\"王建国\"},\"reason\":\"r\"}";
        String out = AuditBodySanitizer.sanitize(json.getBytes(StandardCharsets.UTF_8), "application/json", null);
        assertThat(out).contains("\"phone\":\"138****1234\"", "\"139****1111\"", "\"010****1234\"",
                "\"ownerIdNumber\":\"1101**********0021\"", "\"ownerName\":\"王建国\"", "\"reason\":\"r\"");
        assertThat(out).doesNotContain("13812341234", "13900001111", "110105194912310021");
    }

    @Test
    void sanitizerTruncatesTo4000() {
        String big = "{\"text\":\"" + "好".repeat(5000) + "\"}";
        String out = AuditBodySanitizer.sanitize(big.getBytes(StandardCharsets.UTF_8), "application/json", null);
        assertThat(out.length()).isLessThanOrEqualTo(4000 + "…(已截断)".length());
        assertThat(out).endsWith("…(已截断)");
    }

    @Test
    void normaliseCutsByUtf8Bytes() {
        assertThat(AuditService.clean("长".repeat(50), 128, false)).hasSize(42); // 42 * 3 = 126 bytes
        assertThat(AuditService.clean("", 10, false)).isNull();
        assertThat(AuditService.clean("a\nb", 10, false)).isEqualTo("a b");
        assertThat(AuditService.clean("a\nb", 10, true)).isEqualTo("a\nb");
        assertThat(AuditService.clean("x\uD800y", 10, false)).isEqualTo("x\uFFFDy");
        assertThat(AuditQuery.escapeLike("50%_a!")).isEqualTo("50!%!_a!!");
    }

    @Test
    void controllerParsesTimes() {
        assertThat(AuditController.parseTime("2024-05-01", "from", false)).isEqualTo(LocalDateTime.of(2024, 5, 1, 0, 0));
        assertThat(AuditController.parseTime("2024-05-01", "to", true)).isEqualTo(LocalDateTime.of(2024, 5, 2, 0, 0));
        assertThat(AuditController.parseTime("2024-05-01 08:30:15", "to", true)).isEqualTo(LocalDateTime.of(2024, 5, 1, 8, 30, 16));
        assertThat(AuditController.parseTime("2024-05-01T08:30", "from", false)).isEqualTo(LocalDateTime.of(2024, 5, 1, 8, 30));
        assertThatThrownBy(() -> AuditController.parseTime("05/01/2024", "from", false)).isInstanceOf(BizException.class);
        assertThatThrownBy(() -> AuditController.query(null, null, "MAYBE", null, null)).isInstanceOf(BizException.class);
        assertThatThrownBy(() -> AuditController.query(null, null, null, "2024-05-02", "2024-05-01")).isInstanceOf(BizException.class);
    }

    @Test
    void resultFromStatus() {
        assertThat(AuditResult.ofHttpStatus(200)).isEqualTo(AuditResult.SUCCESS);
        assertThat(AuditResult.ofHttpStatus(302)).isEqualTo(AuditResult.SUCCESS);
        assertThat(AuditResult.ofHttpStatus(400)).isEqualTo(AuditResult.FAILURE);
        assertThat(AuditResult.ofHttpStatus(500)).isEqualTo(AuditResult.FAILURE);
    }
}
