package cn.heatdesk.kernel.storage;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ContentSnifferTest {

    /** Test file starts ("magic bytes") of every accepted format, as the real formats lay them out. */
    static byte[] jpeg() { return bytes(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0); }
    static byte[] png() { return bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'); }
    static byte[] webp() { return concat("RIFF".getBytes(), bytes(0x24, 0, 0, 0), "WEBPVP8 ".getBytes()); }
    static byte[] wav() { return concat("RIFF".getBytes(), bytes(0x24, 0, 0, 0), "WAVEfmt ".getBytes()); }
    static byte[] ftyp(String major, String... compatible) {
        StringBuilder sb = new StringBuilder(major).append("\0\0\0\0");
        for (String c : compatible) {
            sb.append(c);
        }
        byte[] brands = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        int size = 8 + brands.length;
        return concat(bytes(0, 0, 0, size), "ftyp".getBytes(), brands, bytes(0, 0, 0, 8), "free".getBytes());
    }
    static byte[] webm() { return concat(bytes(0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84), "webm".getBytes()); }
    static byte[] mkv() { return concat(bytes(0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x82, 0x88), "matroska".getBytes()); }

    @Test
    void recognisesEveryAcceptedFormat() {
        assertThat(detect(jpeg())).isEqualTo(new ContentSniffer.Detected("image/jpeg", "jpg", FileKind.IMAGE));
        assertThat(detect(png()).contentType()).isEqualTo("image/png");
        assertThat(detect(webp()).contentType()).isEqualTo("image/webp");
        assertThat(detect(ftyp("heic", "mif1", "heic")).contentType()).isEqualTo("image/heic");
        assertThat(detect(ftyp("mif1", "mif1", "heic")).contentType()).isEqualTo("image/heic");
        assertThat(detect(ftyp("isom", "isom", "iso2", "avc1", "mp41"))).isEqualTo(new ContentSniffer.Detected("video/mp4", "mp4", FileKind.VIDEO));
        assertThat(detect(ftyp("qt  ", "qt  ")).contentType()).isEqualTo("video/quicktime");
        assertThat(detect(concat(bytes(0, 0, 0, 8), "wide".getBytes())).contentType()).isEqualTo("video/quicktime");
        assertThat(detect(webm())).isEqualTo(new ContentSniffer.Detected("video/webm", "webm", FileKind.VIDEO));
        assertThat(detect("ID3\u0004\0\0".getBytes(StandardCharsets.ISO_8859_1)).contentType()).isEqualTo("audio/mpeg");
        assertThat(detect(bytes(0xFF, 0xFB, 0x90, 0x64)).contentType()).isEqualTo("audio/mpeg");
        assertThat(detect("#!AMR\n<".getBytes()).contentType()).isEqualTo("audio/amr");
        assertThat(detect("#!AMR-WB\n".getBytes()).contentType()).isEqualTo("audio/amr");
        assertThat(detect(ftyp("M4A ", "M4A ", "mp42", "isom")).contentType()).isEqualTo("audio/mp4");
        assertThat(detect(wav()).contentType()).isEqualTo("audio/wav");
        assertThat(detect("OggS\0\u0002".getBytes(StandardCharsets.ISO_8859_1)).contentType()).isEqualTo("audio/ogg");
        assertThat(detect("%PDF-1.7\n".getBytes())).isEqualTo(new ContentSniffer.Detected("application/pdf", "pdf", FileKind.DOC));
    }

    @Test
    void soundInAVideoContainerFollowsTheHint() {
        byte[] androidVoiceNote = ftyp("mp42", "isom", "mp42");
        assertThat(ContentSniffer.detect(androidVoiceNote, androidVoiceNote.length, FileKind.AUDIO, null, null).contentType()).isEqualTo("audio/mp4");
        assertThat(ContentSniffer.detect(androidVoiceNote, androidVoiceNote.length, null, "audio/mp4", "x").kind()).isEqualTo(FileKind.AUDIO);
        assertThat(ContentSniffer.detect(androidVoiceNote, androidVoiceNote.length, null, null, "录音.m4a").kind()).isEqualTo(FileKind.AUDIO);
        assertThat(ContentSniffer.detect(androidVoiceNote, androidVoiceNote.length, null, null, "clip.mp4").kind()).isEqualTo(FileKind.VIDEO);
        assertThat(ContentSniffer.detect(webm(), webm().length, null, "audio/webm;codecs=opus", "blob").contentType()).isEqualTo("audio/webm");
    }

    @Test
    void refusesEverythingElseWhateverItIsCalled() {
        assertThat(detect("<html><script>alert(1)</script>".getBytes())).isNull();
        assertThat(detect("<?xml version=\"1.0\"?><svg".getBytes())).isNull();
        assertThat(detect("MZ\u0090\0".getBytes(StandardCharsets.ISO_8859_1))).isNull();          // Windows executable
        assertThat(detect("PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1))).isNull();     // zip / docx
        assertThat(detect("GIF89a".getBytes())).isNull();
        assertThat(detect(bytes(0xFF, 0xF1, 0x50, 0x80))).isNull();                               // AAC ADTS, not MP3
        assertThat(detect(mkv())).isNull();
        assertThat(detect(ftyp("avif", "avif", "mif1", "miaf"))).isNull();
        assertThat(detect(ftyp("mif1", "mif1", "avif"))).isNull();
        assertThat(detect(new byte[0])).isNull();
        assertThat(detect(bytes(0xFF))).isNull();
    }

    private static ContentSniffer.Detected detect(byte[] head) {
        return ContentSniffer.detect(head, head.length, null, "image/png", "photo.jpg");
    }

    static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }
}
