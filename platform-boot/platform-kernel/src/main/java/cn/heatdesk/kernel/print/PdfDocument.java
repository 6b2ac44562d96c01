package cn.heatdesk.kernel.print;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A simple printable A4 document (ticket sheets, reports): title, subtitle, key–value grids, section headings,
 * paragraphs, tables that wrap their cells and continue on the next page with the header repeated, images (e.g. a
 * signature), and a footer on every page with the page number, the page count and the print time. All text is set
 * in the embedded CJK font ({@link CjkFont}); a character the font lacks is printed as '?', never as an empty box.
 *
 * <pre>{@code
 * byte[] pdf = pdfFonts.newDocument()
 *         .title("维修工单").subtitle("工单号 GD202601050001")
 *         .keyValues(4, List.of(PdfDocument.kv("工单号", "GD202601050001"), PdfDocument.kv("类型", "报修")))
 *         .heading("处理记录")
 *         .table(List.of("时间", "操作", "操作人"), rows)
 *         .footer("HeatDesk 供热客服平台")
 *         .toBytes();
 * }</pre>
 * Built blocks are only recorded; the PDF is laid out by {@link #toBytes()} / {@link #writeTo}. Not thread-safe.
 */
public class PdfDocument {

    /** A label and its value in a {@link #keyValues} grid. */
    public record KeyValue(String key, String value) {
    }

    public static KeyValue kv(String key, Object value) {
        return new KeyValue(key, value == null ? "" : String.valueOf(value));
    }

    static final float MARGIN_X = 42;
    static final float MARGIN_TOP = 46;
    static final float MARGIN_BOTTOM = 52;
    static final float FOOTER_Y = 28;
    static final float BODY_SIZE = 10;
    static final float LINE = 1.4f;
    static final float PAD = 4;
    static final float BORDER = 0.5f;
    static final DateTimeFormatter PRINT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CjkFont cjkFont;
    private final Clock clock;
    private final List<Block> blocks = new ArrayList<>();
    private String footerText = "";
    private String docTitle;

    public PdfDocument(CjkFont font, Clock clock) {
        this.cjkFont = Objects.requireNonNull(font, "font");
        this.clock = clock;
    }

    public PdfDocument title(String text) {
        if (docTitle == null) {
            docTitle = text;
        }
        blocks.add(new Title(text));
        return this;
    }

    public PdfDocument subtitle(String text) {
        blocks.add(new Subtitle(text));
        return this;
    }

    /** A section heading. */
    public PdfDocument heading(String text) {
        blocks.add(new Heading(text));
        return this;
    }

    /** A paragraph of body text; '\n' starts a new line. */
    public PdfDocument paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    /**
     * A bordered grid of labels and values.
     *
     * @param columns 2 (label | value per row) or 4 (label | value | label | value)
     */
    public PdfDocument keyValues(int columns, List<KeyValue> pairs) {
        if (columns != 2 && columns != 4) {
            throw new IllegalArgumentException("columns must be 2 or 4, not " + columns);
        }
        blocks.add(new KeyValues(columns, List.copyOf(pairs)));
        return this;
    }

    /** A table with equal column widths. */
    public PdfDocument table(List<String> headers, List<? extends List<?>> rows) {
        return table(headers, rows, null);
    }

    /**
     * A table whose cells wrap; rows that do not fit continue on the next page, which repeats the header.
     *
     * @param weights relative column widths (same count as headers), null for equal widths
     */
    public PdfDocument table(List<String> headers, List<? extends List<?>> rows, float[] weights) {
        if (headers.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        if (weights != null && weights.length != headers.size()) {
            throw new IllegalArgumentException("one weight per column");
        }
        List<List<String>> copy = new ArrayList<>();
        for (List<?> r : rows) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < headers.size(); i++) {
                Object v = i < r.size() ? r.get(i) : null;
                cells.add(v == null ? "" : String.valueOf(v));
            }
            copy.add(cells);
        }
        blocks.add(new Table(List.copyOf(headers), copy, weights == null ? null : weights.clone()));
        return this;
    }

    /** A JPEG or PNG image (e.g. a signature), scaled down to fit {@code maxWidth} × {@code maxHeight} points. */
    public PdfDocument image(byte[] data, float maxWidth, float maxHeight, String caption) {
        blocks.add(new Image(data.clone(), maxWidth, maxHeight, caption));
        return this;
    }

    /** Vertical space in points. */
    public PdfDocument space(float points) {
        blocks.add(new Space(points));
        return this;
    }

    /** Text at the left of every page's footer (the centre has the page number, the right the print time). */
    public PdfDocument footer(String text) {
        this.footerText = text == null ? "" : text;
        return this;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        writeTo(out);
        return out.toByteArray();
    }

    public void writeTo(OutputStream out) {
        try (CjkFont.Handle handle = cjkFont.open(); PDDocument doc = new PDDocument()) {
            Renderer r = new Renderer(doc, PDType0Font.load(doc, handle.font(), true), handle.font());
            for (Block b : blocks) {
                b.render(r);
            }
            r.finish(footerText, LocalDateTime.now(clock).format(PRINT_TIME));
            PDDocumentInformation info = doc.getDocumentInformation();
            if (docTitle != null) {
                info.setTitle(docTitle);
            }
            info.setCreator("HeatDesk");
            Calendar now = GregorianCalendar.from(LocalDateTime.now(clock).atZone(clock.getZone()));
            info.setCreationDate(now);
            doc.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("PDF 生成失败 / cannot render PDF: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------------------------------------- blocks

    private sealed interface Block permits Title, Subtitle, Heading, Paragraph, KeyValues, Table, Image, Space {
        void render(Renderer r) throws IOException;
    }

    private record Title(String text) implements Block {
        public void render(Renderer r) throws IOException {
            r.centered(text, 18, true, 0f);
            r.y -= 6;
        }
    }

    private record Subtitle(String text) implements Block {
        public void render(Renderer r) throws IOException {
            r.centered(text, 10.5f, false, 0.35f);
            r.y -= 6;
        }
    }

    private record Heading(String text) implements Block {
        public void render(Renderer r) throws IOException {
            r.heading(text);
        }
    }

    private record Paragraph(String text) implements Block {
        public void render(Renderer r) throws IOException {
            r.paragraph(text);
        }
    }

    private record KeyValues(int columns, List<KeyValue> pairs) implements Block {
        public void render(Renderer r) throws IOException {
            float w = r.width();
            float[] widths = columns == 2 ? new float[]{w * 0.22f, w * 0.78f}
                    : new float[]{w * 0.14f, w * 0.36f, w * 0.14f, w * 0.36f};
            boolean[] shaded = columns == 2 ? new boolean[]{true, false} : new boolean[]{true, false, true, false};
            int perRow = columns / 2;
            for (int i = 0; i < pairs.size(); i += perRow) {
                List<String> cells = new ArrayList<>();
                for (int j = 0; j < perRow; j++) {
                    KeyValue kv = i + j < pairs.size() ? pairs.get(i + j) : null;
                    cells.add(kv == null ? "" : kv.key());
                    cells.add(kv == null ? "" : kv.value());
                }
                r.row(widths, cells, shaded, false, null);
            }
            r.y -= 8;
        }
    }

    private record Table(List<String> headers, List<List<String>> rows, float[] weights) implements Block {
        public void render(Renderer r) throws IOException {
            int n = headers.size();
            float[] wts = weights != null ? weights : filled(n);
            float sum = 0;
            for (float f : wts) {
                sum += f;
            }
            float[] widths = new float[n];
            for (int i = 0; i < n; i++) {
                widths[i] = r.width() * wts[i] / sum;
            }
            boolean[] headerShade = new boolean[n];
            Arrays.fill(headerShade, true);
            boolean[] plain = new boolean[n];
            Runnable repeatHeader = () -> {
                try {
                    r.row(widths, headers, headerShade, true, null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            r.row(widths, headers, headerShade, true, null);
            for (List<String> row : rows) {
                r.row(widths, row, plain, false, repeatHeader);
            }
            r.y -= 8;
        }

        private static float[] filled(int n) {
            float[] f = new float[n];
            Arrays.fill(f, 1f);
            return f;
        }
    }

    private record Image(byte[] data, float maxWidth, float maxHeight, String caption) implements Block {
        public void render(Renderer r) throws IOException {
            r.image(data, maxWidth, maxHeight, caption);
        }
    }

    private record Space(float points) implements Block {
        public void render(Renderer r) {
            r.y -= points;
        }
    }

    // ---------------------------------------------------------------------------------------------- layout

    /** Lays out blocks top to bottom, opening pages as needed. */
    private static final class Renderer {
        final PDDocument doc;
        final PDType0Font font;
        final TrueTypeFont ttf;
        final CmapLookup cmap;
        final Map<Integer, Float> widths = new HashMap<>();
        final Map<Integer, Boolean> drawable = new HashMap<>();
        final List<PDPage> pages = new ArrayList<>();
        PDPageContentStream cs;
        float y;

        Renderer(PDDocument doc, PDType0Font font, TrueTypeFont ttf) throws IOException {
            this.doc = doc;
            this.font = font;
            this.ttf = ttf;
            this.cmap = ttf.getUnicodeCmapLookup(false);
            newPage();
        }

        float width() {
            return PDRectangle.A4.getWidth() - 2 * MARGIN_X;
        }

        float top() {
            return PDRectangle.A4.getHeight() - MARGIN_TOP;
        }

        void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            pages.add(page);
            cs = new PDPageContentStream(doc, page);
            y = top();
        }

        void ensure(float height) throws IOException {
            if (y - height < MARGIN_BOTTOM && y < top()) {
                newPage();
            }
        }

        void centered(String text, float size, boolean bold, float gray) throws IOException {
            float lh = size * LINE;
            for (String line : wrap(text, size, width())) {
                ensure(lh);
                float x = MARGIN_X + (width() - textWidth(line, size)) / 2;
                text(line, x, y - size, size, bold, gray);
                y -= lh;
            }
        }

        void heading(String text) throws IOException {
            float size = 12;
            float lh = size * LINE;
            y -= 6;
            ensure(lh + BODY_SIZE * LINE * 2); // keep a heading with at least two lines of what follows
            List<String> lines = wrap(text, size, width() - 8);
            float blockHeight = lines.size() * lh;
            cs.setNonStrokingColor(0.16f, 0.38f, 0.65f);
            cs.addRect(MARGIN_X, y - blockHeight + 2, 3, blockHeight - 2);
            cs.fill();
            for (String line : lines) {
                text(line, MARGIN_X + 8, y - size, size, true, 0f);
                y -= lh;
            }
            y -= 4;
        }

        void paragraph(String text) throws IOException {
            float lh = BODY_SIZE * LINE;
            for (String line : wrap(text, BODY_SIZE, width())) {
                ensure(lh);
                text(line, MARGIN_X, y - BODY_SIZE, BODY_SIZE, false, 0f);
                y -= lh;
            }
            y -= 4;
        }

        /**
         * One bordered row; a row taller than the space left continues on the next page (after {@code onNewPage},
         * which repeats a table header) — also a row taller than a whole page.
         */
        void row(float[] colWidths, List<String> cells, boolean[] shaded, boolean bold, Runnable onNewPage) throws IOException {
            float lh = BODY_SIZE * LINE;
            List<List<String>> lines = new ArrayList<>();
            int maxLines = 1;
            for (int i = 0; i < colWidths.length; i++) {
                List<String> l = wrap(i < cells.size() ? cells.get(i) : "", BODY_SIZE, colWidths[i] - 2 * PAD);
                lines.add(l);
                maxLines = Math.max(maxLines, l.size());
            }
            int done = 0;
            boolean firstSegment = true;
            while (done < maxLines) {
                int fit = (int) Math.floor((y - MARGIN_BOTTOM - 2 * PAD) / lh);
                int remaining = maxLines - done;
                // move the whole row to a new page when it would fit there, or when not even one line fits here
                boolean fitsOnFreshPage = remaining * lh + 2 * PAD <= top() - MARGIN_BOTTOM;
                if (fit < 1 || (firstSegment && fit < remaining && fitsOnFreshPage && y < top())) {
                    newPage();
                    if (onNewPage != null) {
                        onNewPage.run();
                    }
                    continue;
                }
                int take = Math.min(fit, remaining);
                float h = take * lh + 2 * PAD;
                float x = MARGIN_X;
                for (int i = 0; i < colWidths.length; i++) {
                    if (shaded[i]) {
                        cs.setNonStrokingColor(bold ? 0.90f : 0.95f, bold ? 0.93f : 0.95f, bold ? 0.97f : 0.95f);
                        cs.addRect(x, y - h, colWidths[i], h);
                        cs.fill();
                    }
                    cs.setStrokingColor(0.55f);
                    cs.setLineWidth(BORDER);
                    cs.addRect(x, y - h, colWidths[i], h);
                    cs.stroke();
                    List<String> cellLines = lines.get(i);
                    for (int k = 0; k < take && done + k < cellLines.size(); k++) {
                        text(cellLines.get(done + k), x + PAD, y - PAD - (k * lh) - BODY_SIZE * 1.05f, BODY_SIZE, bold, 0f);
                    }
                    x += colWidths[i];
                }
                y -= h;
                done += take;
                firstSegment = false;
                if (done < maxLines) {
                    newPage();
                    if (onNewPage != null) {
                        onNewPage.run();
                    }
                }
            }
        }

        void image(byte[] data, float maxWidth, float maxHeight, String caption) throws IOException {
            PDImageXObject img = PDImageXObject.createFromByteArray(doc, data, "image");
            float scale = Math.min(1f, Math.min(Math.min(maxWidth, width()) / img.getWidth(),
                    Math.min(maxHeight, top() - MARGIN_BOTTOM - 20) / img.getHeight()));
            float w = img.getWidth() * scale;
            float h = img.getHeight() * scale;
            ensure(h + (caption == null ? 0 : BODY_SIZE * LINE));
            if (caption != null && !caption.isBlank()) {
                paragraph(caption);
            }
            cs.drawImage(img, MARGIN_X, y - h, w, h);
            y -= h + 6;
        }

        void text(String s, float x, float baseline, float size, boolean bold, float gray) throws IOException {
            if (s.isEmpty()) {
                return;
            }
            cs.beginText();
            cs.setFont(font, size);
            cs.setNonStrokingColor(gray);
            if (bold) {
                // the CJK fonts come in one weight: stroke the outline too for a bold look
                cs.setRenderingMode(RenderingMode.FILL_STROKE);
                cs.setStrokingColor(gray);
                cs.setLineWidth(size / 30f);
            } else {
                cs.setRenderingMode(RenderingMode.FILL);
            }
            cs.newLineAtOffset(x, baseline);
            cs.showText(s);
            cs.endText();
        }

        /** Greedy line breaking by character width (Chinese has no spaces), honouring '\n'. */
        List<String> wrap(String text, float size, float maxWidth) {
            List<String> out = new ArrayList<>();
            String clean = printable(text == null ? "" : text);
            for (String para : clean.split("\n", -1)) {
                StringBuilder line = new StringBuilder();
                float w = 0;
                int lastSpace = -1;
                for (int i = 0; i < para.length(); ) {
                    int cp = para.codePointAt(i);
                    float cw = charWidth(cp) * size / 1000f;
                    if (w + cw > maxWidth && line.length() > 0) {
                        if (lastSpace > 0 && cp != ' ') {
                            // break Latin words at the last space instead of mid-word
                            String rest = line.substring(lastSpace + 1);
                            out.add(line.substring(0, lastSpace));
                            line.setLength(0);
                            line.append(rest);
                            w = textWidth(rest, size);
                        } else {
                            out.add(line.toString());
                            line.setLength(0);
                            w = 0;
                        }
                        lastSpace = -1;
                        if (cp == ' ') {
                            i += Character.charCount(cp);
                            continue;
                        }
                    }
                    if (cp == ' ') {
                        lastSpace = line.length();
                    }
                    line.appendCodePoint(cp);
                    w += cw;
                    i += Character.charCount(cp);
                }
                out.add(line.toString());
            }
            return out;
        }

        /**
         * Tabs become spaces, other control characters go; a character the font cannot draw is replaced by its
         * compatibility form when the font has that (℃ → °C: WenQuanYi maps ℃ to an empty glyph), else by '?'.
         */
        String printable(String s) {
            StringBuilder sb = new StringBuilder(s.length());
            s.replace("\r\n", "\n").replace('\r', '\n').replace("\t", "    ").codePoints().forEach(cp -> {
                if (cp == '\n') {
                    sb.append('\n');
                } else if (Character.isISOControl(cp)) {
                    // dropped
                } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                    sb.append(cmap.getGlyphId(cp) > 0 ? new String(Character.toChars(cp)) : " ");
                } else if (drawable(cp)) {
                    sb.appendCodePoint(cp);
                } else {
                    String compat = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
                    boolean ok = !compat.isEmpty() && !compat.equals(new String(Character.toChars(cp)))
                            && compat.codePoints().allMatch(c -> c == ' ' || drawable(c));
                    sb.append(ok ? compat : "?");
                }
            });
            return sb.toString();
        }

        /** Mapped to a glyph that has outlines (an empty glyph would print as a blank). */
        boolean drawable(int cp) {
            return drawable.computeIfAbsent(cp, c -> {
                int gid = cmap.getGlyphId(c);
                if (gid <= 0) {
                    return false;
                }
                try {
                    GlyphData g = ttf.getGlyph().getGlyph(gid);
                    return g != null && g.getNumberOfContours() != 0;
                } catch (IOException | RuntimeException e) {
                    return false;
                }
            });
        }

        float charWidth(int cp) {
            return widths.computeIfAbsent(cp, c -> {
                try {
                    return font.getStringWidth(new String(Character.toChars(c)));
                } catch (IOException | IllegalArgumentException e) {
                    return 1000f;
                }
            });
        }

        float textWidth(String s, float size) {
            float w = 0;
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                w += charWidth(cp);
                i += Character.charCount(cp);
            }
            return w * size / 1000f;
        }

        /** Footers need the page count, so they are drawn when everything else is done. */
        void finish(String footerText, String printTime) throws IOException {
            cs.close();
            cs = null;
            int total = pages.size();
            float size = 8;
            for (int i = 0; i < total; i++) {
                try (PDPageContentStream f = new PDPageContentStream(doc, pages.get(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                    cs = f;
                    f.setStrokingColor(0.75f);
                    f.setLineWidth(BORDER);
                    f.moveTo(MARGIN_X, FOOTER_Y + 12);
                    f.lineTo(MARGIN_X + width(), FOOTER_Y + 12);
                    f.stroke();
                    String left = printable(footerText).replace('\n', ' ');
                    if (!left.isEmpty()) {
                        text(left, MARGIN_X, FOOTER_Y, size, false, 0.35f);
                    }
                    String page = "第 " + (i + 1) + " 页 / 共 " + total + " 页";
                    text(page, MARGIN_X + (width() - textWidth(page, size)) / 2, FOOTER_Y, size, false, 0.35f);
                    String time = "打印时间：" + printTime;
                    text(printable(time), MARGIN_X + width() - textWidth(time, size), FOOTER_Y, size, false, 0.35f);
                } finally {
                    cs = null;
                }
            }
        }
    }
}
