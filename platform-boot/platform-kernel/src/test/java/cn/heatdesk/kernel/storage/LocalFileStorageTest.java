package cn.heatdesk.kernel.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalFileStorageTest {

    @TempDir
    Path dir;

    @Test
    void storesReadsRangesAndDeletesUnderTheKeyPath() throws IOException {
        LocalFileStorage s = new LocalFileStorage(dir.resolve("files"));
        byte[] content = "现场照片 0123456789".getBytes(StandardCharsets.UTF_8);
        s.put("ab/cd/abcd", new ByteArrayInputStream(content), content.length, "image/jpeg");

        assertThat(dir.resolve("files/ab/cd/abcd")).hasBinaryContent(content);
        assertThat(s.exists("ab/cd/abcd")).isTrue();
        try (InputStream in = s.open("ab/cd/abcd")) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        try (InputStream in = s.open("ab/cd/abcd", 4, 6)) {
            assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(content, 4, 10));
        }
        assertThat(tempFiles()).isEmpty();
        s.delete("ab/cd/abcd");
        assertThat(s.exists("ab/cd/abcd")).isFalse();
        assertThatThrownBy(() -> s.open("ab/cd/abcd")).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aStreamOfTheWrongLengthLeavesNothing() throws IOException {
        LocalFileStorage s = new LocalFileStorage(dir.resolve("files"));
        assertThatThrownBy(() -> s.put("aa/bb/x", new ByteArrayInputStream(new byte[5]), 6, null))
                .isInstanceOf(IOException.class);
        assertThat(s.exists("aa/bb/x")).isFalse();
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void putFileMovesTheSourceIntoPlace() throws IOException {
        LocalFileStorage s = new LocalFileStorage(dir.resolve("files"));
        Path src = Files.writeString(dir.resolve("upload.part"), "音频");
        s.putFile("11/22/1122", src, "audio/amr");
        assertThat(src).doesNotExist();
        assertThat(dir.resolve("files/11/22/1122")).hasContent("音频");
        // the same key again replaces it (content-addressed: same bytes)
        s.putFile("11/22/1122", Files.writeString(dir.resolve("again.part"), "音频"), "audio/amr");
        assertThat(dir.resolve("files/11/22/1122")).hasContent("音频");
    }

    @Test
    void keysCannotLeaveTheRoot() throws IOException {
        LocalFileStorage s = new LocalFileStorage(dir.resolve("files"));
        for (String bad : new String[]{"../x", "a/../../x", "/etc/passwd", ".tmp/put-1.part", "a//b", "a b", "", "中文"}) {
            assertThatThrownBy(() -> s.exists(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private Stream<Path> tempFiles() throws IOException {
        return Files.list(dir.resolve("files").resolve(LocalFileStorage.TMP_DIR)).toList().stream();
    }
}
