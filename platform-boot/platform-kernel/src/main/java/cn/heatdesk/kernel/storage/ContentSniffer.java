package cn.heatdesk.kernel.storage;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises the accepted upload formats from their first bytes (magic numbers), so a renamed executable or an
 * HTML page sent as "photo.jpg" is refused, and the Content-Type served on download is the one of the real content
 * (never text/html or SVG, which a browser would run).
 *
 * <p>Two containers hold either sound or pictures: MP4 (an Android voice note is an .m4a with an "mp42" brand) and
 * WebM (browser recordings). For those the caller's hint decides — the requested kind, a declared audio/* type or
 * an audio file extension — and video is assumed otherwise.
 */
public final class ContentSniffer {

    /** Bytes of the file's start that {@link #detect} needs. */
    public static final int HEAD_LENGTH = 256;

    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs");
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42",
            "avc1", "M4V ", "M4VH", "M4VP", "dash", "mmp4", "MSNV", "f4v ");
    private static final Set<String> M4A_BRANDS = Set.of("M4A ", "M4B ", "M4P ");
    private static final Set<String> QT_ATOMS = Set.of("moov", "mdat", "wide", "free", "skip", "pnot");

    private ContentSniffer() {
    }

    /** A recognised format. */
    public record Detected(String contentType, String extension, FileKind kind) {
    }

    /**
     * @param head         the first bytes of the file (up to {@link #HEAD_LENGTH})
     * @param length       how many bytes of {@code head} are valid
     * @param kindHint     the kind the uploader asked for, may be null
     * @param declaredType the Content-Type the client declared, may be null
     * @param fileName     the original file name, may be null
     * @return the format, or null when it is not one of the accepted ones
     */
    public static Detected detect(byte[] head, int length, FileKind kindHint, String declaredType, String fileName) {
        int n = Math.min(length, head.length);
        if (n >= 3 && u(head, 0) == 0xFF && u(head, 1) == 0xD8 && u(head, 2) == 0xFF) {
            return new Detected("image/jpeg", "jpg", FileKind.IMAGE);
        }
        if (n >= 8 && u(head, 0) == 0x89 && ascii(head, 1, 3).equals("PNG") && u(head, 4) == 0x0D && u(head, 5) == 0x0A
                && u(head, 6) == 0x1A && u(head, 7) == 0x0A) {
            return new Detected("image/png", "png", FileKind.IMAGE);
        }
        if (n >= 12 && ascii(head, 0, 4).equals("RIFF")) {
            String form = ascii(head, 8, 4);
            if (form.equals("WEBP")) {
                return new Detected("image/webp", "webp", FileKind.IMAGE);
            }
            if (form.equals("WAVE")) {
                return new Detected("audio/wav", "wav", FileKind.AUDIO);
            }
            return null;
        }
        if (n >= 12 && ascii(head, 4, 4).equals("ftyp")) {
            return isoMedia(head, n, audioHinted(kindHint, declaredType, fileName));
        }
        if (n >= 8 && QT_ATOMS.contains(ascii(head, 4, 4))) {
            return new Detected("video/quicktime", "mov", FileKind.VIDEO);
        }
        if (n >= 4 && u(head, 0) == 0x1A && u(head, 1) == 0x45 && u(head, 2) == 0xDF && u(head, 3) == 0xA3) {
            // EBML: WebM is allowed, other Matroska files are not
            if (!ascii(head, 0, n).contains("webm")) {
                return null;
            }
            return audioHinted(kindHint, declaredType, fileName)
                    ? new Detected("audio/webm", "webm", FileKind.AUDIO)
                    : new Detected("video/webm", "webm", FileKind.VIDEO);
        }
        if (n >= 3 && ascii(head, 0, 3).equals("ID3")) {
            return new Detected("audio/mpeg", "mp3", FileKind.AUDIO);
        }
        if (n >= 2 && u(head, 0) == 0xFF && (u(head, 1) & 0xE0) == 0xE0
                && ((u(head, 1) >> 1) & 0x3) == 0x1 && ((u(head, 1) >> 3) & 0x3) != 0x1) {
            // MPEG audio frame sync, layer III, a valid version (AAC/ADTS has layer 0 and is not accepted)
            return new Detected("audio/mpeg", "mp3", FileKind.AUDIO);
        }
        if (n >= 6 && ascii(head, 0, 6).equals("#!AMR\n") || n >= 9 && ascii(head, 0, 9).equals("#!AMR-WB\n")) {
            return new Detected("audio/amr", "amr", FileKind.AUDIO);
        }
        if (n >= 4 && ascii(head, 0, 4).equals("OggS")) {
            return new Detected("audio/ogg", "ogg", FileKind.AUDIO);
        }
        if (n >= 5 && ascii(head, 0, 5).equals("%PDF-")) {
            return new Detected("application/pdf", "pdf", FileKind.DOC);
        }
        return null;
    }

    private static Detected isoMedia(byte[] head, int n, boolean audioHinted) {
        long boxSize = ((long) u(head, 0) << 24) | (u(head, 1) << 16) | (u(head, 2) << 8) | u(head, 3);
        int end = (int) Math.min(n, boxSize < 16 ? n : boxSize);
        String major = ascii(head, 8, 4);
        boolean heif = HEIF_BRANDS.contains(major);
        boolean avif = false;
        boolean mp4 = MP4_BRANDS.contains(major);
        for (int i = 16; i + 4 <= end; i += 4) {
            String brand = ascii(head, i, 4);
            heif |= HEIF_BRANDS.contains(brand) && (major.equals("mif1") || major.equals("msf1") || HEIF_BRANDS.contains(major));
            avif |= brand.equals("avif") || brand.equals("avis");
            mp4 |= MP4_BRANDS.contains(brand) && !major.equals("mif1") && !major.equals("msf1");
        }
        if (heif && !avif) {
            return new Detected("image/heic", "heic", FileKind.IMAGE);
        }
        if (major.equals("qt  ")) {
            return new Detected("video/quicktime", "mov", FileKind.VIDEO);
        }
        if (M4A_BRANDS.contains(major)) {
            return new Detected("audio/mp4", "m4a", FileKind.AUDIO);
        }
        if (mp4) {
            return audioHinted
                    ? new Detected("audio/mp4", "m4a", FileKind.AUDIO)
                    : new Detected("video/mp4", "mp4", FileKind.VIDEO);
        }
        return null;
    }

    private static boolean audioHinted(FileKind kindHint, String declaredType, String fileName) {
        if (kindHint != null) {
            return kindHint == FileKind.AUDIO;
        }
        if (declaredType != null && declaredType.strip().toLowerCase(Locale.ROOT).startsWith("audio/")) {
            return true;
        }
        if (fileName != null) {
            String f = fileName.toLowerCase(Locale.ROOT);
            return f.endsWith(".m4a") || f.endsWith(".weba") || f.endsWith(".aac");
        }
        return false;
    }

    private static int u(byte[] b, int i) {
        return b[i] & 0xff;
    }

    private static String ascii(byte[] b, int offset, int len) {
        return new String(b, offset, Math.max(0, Math.min(len, b.length - offset)), StandardCharsets.ISO_8859_1);
    }
}
