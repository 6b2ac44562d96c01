package cn.heatdesk.kernel.print;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point for PDFs: {@code pdfFonts.newDocument().title(…)…toBytes()}. Finds the CJK font once (the configured
 * {@code heatdesk.print.font}, else a search of the font directories) and keeps it; while none is found every
 * attempt searches again, so installing a font package needs no restart.
 */
@Component
@EnableConfigurationProperties(PrintProperties.class)
public class PdfFonts {

    private final PrintProperties properties;
    private final Clock clock;
    private volatile CjkFont font;

    @Autowired
    public PdfFonts(PrintProperties properties) {
        this(properties, Clock.systemDefaultZone());
    }

    PdfFonts(PrintProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** A new, empty A4 document using the CJK font; throws 未找到中文字体 when there is none. */
    public PdfDocument newDocument() {
        return new PdfDocument(font(), clock);
    }

    /** The font PDFs use; throws 未找到中文字体 when there is none. */
    public CjkFont font() {
        CjkFont f = font;
        if (f == null) {
            List<Path> dirs = new ArrayList<>();
            properties.getFontDirs().forEach(d -> dirs.add(Paths.get(d)));
            dirs.addAll(CjkFont.SYSTEM_DIRS);
            f = CjkFont.locate(properties.getFont(), dirs);
            font = f;
        }
        return f;
    }
}
