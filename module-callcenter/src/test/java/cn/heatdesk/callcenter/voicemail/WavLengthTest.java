package cn.heatdesk.callcenter.voicemail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class WavLengthTest {

    /** an 8 kHz 16-bit mono header (16000 bytes a second) for {@code dataBytes} of samples */
    static byte[] header(int dataBytes, boolean withListChunk) {
        ByteBuffer h = ByteBuffer.allocate(44 + (withListChunk ? 12 : 0)).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
        h.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16);
        if (withListChunk) {
            h.put("LIST".getBytes()).putInt(4).put("INFO".getBytes());
        }
        h.put("data".getBytes()).putInt(dataBytes);
        return h.array();
    }

    @Test
    void lengthFromTheHeader(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("message-1.wav");
        byte[] head = header(16000 * 3 + 8000, false);
        Files.write(f, concat(head, new byte[16000 * 3 + 8000]));
        assertThat(WavLength.millis(f)).isEqualTo(3500L);
    }

    @Test
    void otherChunksBeforeTheDataAreSkipped() {
        byte[] head = header(32000, true);
        assertThat(WavLength.millis(head, head.length + 32000)).isEqualTo(2000L);
    }

    @Test
    void aFileStillBeingWrittenCountsWhatIsThere() {
        // Asterisk fills the sizes in when it closes the file: 0 while recording
        byte[] head = header(0, false);
        assertThat(WavLength.millis(head, head.length + 16000)).isEqualTo(1000L);
        // a header claiming more than the file holds: what the file holds
        byte[] lying = header(160000, false);
        assertThat(WavLength.millis(lying, lying.length + 1600)).isEqualTo(100L);
    }

    @Test
    void notAWav(@TempDir Path dir) throws Exception {
        assertThat(WavLength.millis("ID3 not a wave file at all".getBytes(), 26)).isNull();
        assertThat(WavLength.millis(dir.resolve("missing.wav"))).isNull();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
