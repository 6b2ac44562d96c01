package cn.heatdesk.kernel.print;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A TrueType font with Chinese glyphs that PDFs embed (as a subset), so a printed ticket looks the same on every
 * viewer — a PDF without an embedded CJK font shows boxes or nothing. Fonts with TrueType outlines only: PDFBox
 * cannot embed CFF-based OpenType (most .otf files, and the Noto/Source Han .ttc collections), those are skipped.
 *
 * @param file         the font file
 * @param nameInCollection the PostScript name of the chosen font inside a .ttc/.otc, null for a single font
 */
public record CjkFont(Path file, String nameInCollection) {

    /** U+4E2D 中: a font without it is not a Chinese font. */
    static final int PROBE = 0x4E2D;
    private static final Logger log = LoggerFactory.getLogger(CjkFont.class);

    /** Preferred font files, best first (file names, case-insensitive). */
    static final List<Pattern> PREFERRED = Stream.of(
            "wqy-microhei\\.ttc", "wqy-zenhei\\.ttc", "notosanscjk.*\\.(ttc|otf|ttf)", "notosanssc.*\\.(otf|ttf)",
            "sourcehansans(sc|cn).*\\.(otf|ttc|ttf)", "simsun\\.tt[cf]", "msyh\\.tt[cf]", "simhei\\.ttf",
            "droidsansfallback(full)?\\.ttf", "uming\\.ttc", "ukai\\.ttc")
            .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList();

    /** Where fonts usually are on Linux (Kylin, Debian), and on developers' Windows/macOS machines. */
    static final List<Path> SYSTEM_DIRS = List.of(
            Paths.get("/usr/share/fonts"), Paths.get("/usr/local/share/fonts"),
            Paths.get(System.getProperty("user.home", "/root"), ".local", "share", "fonts"),
            Paths.get(System.getProperty("user.home", "/root"), ".fonts"),
            Paths.get("C:\\Windows\\Fonts"), Paths.get("/System/Library/Fonts"), Paths.get("/Library/Fonts"));

    /**
     * The configured font, or the best one found under {@code dirs}.
     *
     * @throws BizException (500) 未找到中文字体 when there is none — the caller must not fall back to a Latin font
     */
    public static CjkFont locate(String configured, List<Path> dirs) {
        if (configured != null && !configured.isBlank()) {
            Path p = Paths.get(configured.strip());
            if (!Files.isRegularFile(p)) {
                throw missing("配置的字体文件 heatdesk.print.font=" + p + " 不存在");
            }
            CjkFont font = probe(p);
            if (font == null) {
                throw missing("配置的字体文件 " + p + " 不含中文字形或不是 TrueType 轮廓字体（CFF/OTF 字体无法嵌入）");
            }
            return font;
        }
        List<Path> candidates = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir, 6, FileVisitOption.FOLLOW_LINKS)) {
                files.filter(f -> rank(f) >= 0 && Files.isRegularFile(f)).forEach(candidates::add);
            } catch (IOException | RuntimeException e) {
                log.debug("cannot search fonts in {}: {}", dir, e.toString());
            }
        }
        candidates.sort(Comparator.comparingInt(CjkFont::rank).thenComparing(Path::toString));
        for (Path c : candidates) {
            CjkFont font = probe(c);
            if (font != null) {
                log.info("PDF 中文字体 / CJK font for PDFs: {}{}", c, font.nameInCollection == null ? "" : " (" + font.nameInCollection + ")");
                return font;
            }
        }
        throw missing("在 " + dirs + " 中没有找到可嵌入的中文字体");
    }

    static int rank(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        for (int i = 0; i < PREFERRED.size(); i++) {
            if (PREFERRED.get(i).matcher(name).matches()) {
                return i;
            }
        }
        return -1;
    }

    /** The usable font in {@code file} (for a collection: a non-monospaced one with TrueType outlines), or null. */
    static CjkFont probe(Path file) {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith(".ttc") || lower.endsWith(".otc")) {
                AtomicReference<String> best = new AtomicReference<>();
                AtomicReference<String> mono = new AtomicReference<>();
                try (TrueTypeCollection ttc = new TrueTypeCollection(file.toFile())) {
                    ttc.processAllFonts(f -> {
                        if (usable(f)) {
                            String name = f.getName();
                            if (name != null && name.toLowerCase(Locale.ROOT).contains("mono")) {
                                mono.compareAndSet(null, name);
                            } else {
                                best.compareAndSet(null, name);
                            }
                        }
                    });
                }
                String chosen = best.get() != null ? best.get() : mono.get();
                return chosen == null ? null : new CjkFont(file, chosen);
            }
            try (TrueTypeFont f = new TTFParser().parse(new RandomAccessReadBufferedFile(file))) {
                return usable(f) ? new CjkFont(file, null) : null;
            }
        } catch (IOException | RuntimeException e) {
            log.debug("font {} is not usable: {}", file, e.toString());
            return null;
        }
    }

    private static boolean usable(TrueTypeFont f) throws IOException {
        if (!f.getTableMap().containsKey("glyf")) {
            return false; // CFF outlines: PDFBox cannot embed them as a CIDFontType2
        }
        CmapLookup cmap = f.getUnicodeCmapLookup(false);
        return cmap != null && cmap.getGlyphId(PROBE) > 0;
    }

    /** Opens the font for one document; close the handle after the document is saved (subsetting reads it). */
    Handle open() throws IOException {
        if (nameInCollection == null) {
            TrueTypeFont f = new TTFParser().parse(new RandomAccessReadBufferedFile(file));
            return new Handle(f, f);
        }
        TrueTypeCollection ttc = new TrueTypeCollection(file.toFile());
        try {
            TrueTypeFont f = ttc.getFontByName(nameInCollection);
            if (f == null) {
                throw new IOException("font " + nameInCollection + " not found in " + file);
            }
            return new Handle(f, ttc);
        } catch (IOException | RuntimeException e) {
            ttc.close();
            throw e;
        }
    }

    record Handle(TrueTypeFont font, Closeable owner) implements Closeable {
        @Override
        public void close() throws IOException {
            owner.close();
        }
    }

    static BizException missing(String detail) {
        return new BizException(ErrorCode.INTERNAL, "未找到中文字体，无法生成 PDF：" + detail
                + "。请安装中文 TrueType 字体（麒麟/CentOS：yum install wqy-microhei-fonts；Debian/Ubuntu："
                + "apt-get install fonts-wqy-microhei）或配置 heatdesk.print.font 指向 .ttf/.ttc 字体文件");
    }
}
