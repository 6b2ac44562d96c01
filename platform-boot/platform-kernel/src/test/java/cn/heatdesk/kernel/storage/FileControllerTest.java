package cn.heatdesk.kernel.storage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileControllerTest {

    @Test
    void rangesOfOneSpanAreHonouredOthersServeTheWholeFile() {
        assertThat(FileController.parseRange("bytes=0-9", 100)).containsExactly(0, 9);
        assertThat(FileController.parseRange("bytes=90-", 100)).containsExactly(90, 99);
        assertThat(FileController.parseRange("bytes=-10", 100)).containsExactly(90, 99);
        assertThat(FileController.parseRange("bytes=-500", 100)).containsExactly(0, 99);
        assertThat(FileController.parseRange("bytes=50-500", 100)).containsExactly(50, 99);
        assertThat(FileController.parseRange("bytes=100-", 100)).isEmpty();        // 416
        assertThat(FileController.parseRange("bytes=-0", 100)).isEmpty();          // 416
        assertThat(FileController.parseRange("bytes=0-1,5-6", 100)).isNull();      // several: whole file
        assertThat(FileController.parseRange("bytes=9-3", 100)).isNull();
        assertThat(FileController.parseRange("items=0-9", 100)).isNull();
        assertThat(FileController.parseRange("bytes=x-9", 100)).isNull();
    }

    @Test
    void contentDispositionCarriesTheUtf8NameAndAnAsciiFallback() {
        assertThat(FileController.contentDisposition("inline", "现场照片 1.jpg"))
                .isEqualTo("inline; filename=\"____ 1.jpg\"; filename*=UTF-8''%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87%201.jpg");
        assertThat(FileController.contentDisposition("attachment", "a\"b\\c%.pdf"))
                .isEqualTo("attachment; filename=\"a_b_c_.pdf\"; filename*=UTF-8''a%22b%5Cc%25.pdf");
    }

    @Test
    void namesLoseClientPathsAndControlCharacters() {
        assertThat(FileService.cleanName("C:\\Users\\王\\Desktop\\漏水.jpg", "jpg")).isEqualTo("漏水.jpg");
        assertThat(FileService.cleanName("../../etc/passwd", "jpg")).isEqualTo("passwd");
        assertThat(FileService.cleanName("a\u0000b\nc.png", "png")).isEqualTo("abc.png");
        assertThat(FileService.cleanName("  ", "png")).isEqualTo("file.png");
        assertThat(FileService.cleanName(null, "mp4")).isEqualTo("file.mp4");
        String longName = "热".repeat(300) + ".jpeg";
        String cut = FileService.cleanName(longName, "jpg");
        assertThat(cut).hasSize(255).endsWith(".jpeg");
    }

    @Test
    void storageKeysShardByTheHashPrefix() {
        String sm3 = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0";
        assertThat(FileService.storageKey(sm3)).isEqualTo("66/c7/" + sm3);
    }
}
