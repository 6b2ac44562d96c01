package cn.heatdesk.kernel.print;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Renders PDFs with the system's CJK font and reads them back with PDFBox's text extraction: the Chinese text must
 * come back as text (an embedded font with a ToUnicode map), not as boxes or nothing. Needs a CJK TrueType font on
 * the machine: Debian fonts-wqy-microhei (CI installs it), Kylin wqy-microhei-fonts.
 */
class PdfDocumentTest {

    static final Clock CLOCK = Clock.fixed(LocalDateTime.of(2026, 1, 5, 9, 30).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
            ZoneId.of("Asia/Shanghai"));
    static CjkFont font;

    @BeforeAll
    static void findFont() {
        try {
            font = CjkFont.locate(null, CjkFont.SYSTEM_DIRS);
        } catch (BizException e) {
            throw new AssertionError("这些测试需要中文 TrueType 字体 / these tests need a CJK TrueType font: "
                    + "apt-get install -y fonts-wqy-microhei — " + e.getMessage(), e);
        }
    }

    /** Keeps the rendered file in target/print-samples for a look (pdftoppm -png). */
    static void keep(String name, byte[] pdf) throws IOException {
        Path dir = Path.of("target", "print-samples");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), pdf);
    }

    @Test
    void chineseTextAndTableCellsComeBackOut() throws IOException {
        byte[] pdf = new PdfDocument(font, CLOCK)
                .title("维修工单")
                .subtitle("工单号 GD202601050001 · 城北热力分公司")
                .keyValues(4, List.of(PdfDocument.kv("工单号", "GD202601050001"), PdfDocument.kv("工单类型", "报修"),
                        PdfDocument.kv("来电号码", "13800138000"), PdfDocument.kv("紧急程度", "紧急"),
                        PdfDocument.kv("地址", "幸福小区 3 号楼 2 单元 501")))
                .keyValues(2, List.of(PdfDocument.kv("诉求内容", "暖气片不热，室温 15℃，家中有老人。")))
                .heading("处理记录")
                .table(List.of("时间", "操作", "操作人", "说明"), List.of(
                        List.of("2026-01-05 08:01", "受理", "张坐席", "来电受理"),
                        List.of("2026-01-05 08:03", "派单", "张坐席", "派往第一维修站")), new float[]{2, 1, 1, 3})
                .paragraph("客户签字：________")
                .footer("HeatDesk 供热客服平台")
                .toBytes();
        keep("ticket-sheet.pdf", pdf);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("维修工单", "城北热力分公司", "工单类型", "报修", "幸福小区 3 号楼 2 单元 501",
                    "暖气片不热，室温 15°C，家中有老人。", "处理记录", "操作人", "张坐席", "派往第一维修站", "客户签字",
                    "第 1 页 / 共 1 页", "打印时间：2026-01-05 09:30", "HeatDesk 供热客服平台");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("维修工单");
            // the CJK font is embedded, and it is the only font: nothing fell back to a Latin standard font
            List<String> fonts = new ArrayList<>();
            for (var name : doc.getPage(0).getResources().getFontNames()) {
                PDFont f = doc.getPage(0).getResources().getFont(name);
                fonts.add(f.getName() + (f.isEmbedded() ? "" : " (not embedded)"));
            }
            assertThat(fonts).hasSize(1).allSatisfy(f -> assertThat(f).doesNotContain("not embedded"));
        }
    }

    @Test
    void longTablesBreakAcrossPagesRepeatingTheHeaderAndLongCellsWrap() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            rows.add(List.of("第" + i + "行", "供热管网巡检记录" + i, i == 60 ? "很长的说明".repeat(40) : "正常"));
        }
        byte[] pdf = new PdfDocument(font, CLOCK).title("巡检报表").table(List.of("序号", "项目", "说明"), rows).toBytes();
        keep("long-table.pdf", pdf);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThan(2);
            String all = new PDFTextStripper().getText(doc).replace("\r", "");
            for (int i = 1; i <= 120; i++) {
                assertThat(all).contains("第" + i + "行", "供热管网巡检记录" + i);
            }
            // the 200-character cell is wrapped over several lines, all of it printed
            assertThat(all.replace("\n", "")).contains("很长的说明".repeat(40));
            PDFTextStripper one = new PDFTextStripper();
            for (int p = 1; p <= pages; p++) {
                one.setStartPage(p);
                one.setEndPage(p);
                String page = one.getText(doc);
                assertThat(page).as("page %d repeats the header", p).contains("序号", "项目", "说明");
                assertThat(page).contains("第 " + p + " 页 / 共 " + pages + " 页");
            }
        }
    }

    @Test
    void aRowTallerThanAPageContinuesOnTheNext() throws IOException {
        String huge = "管道".repeat(3000);
        byte[] pdf = new PdfDocument(font, CLOCK).table(List.of("内容"), List.of(List.of(huge))).toBytes();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            String text = new PDFTextStripper().getText(doc);
            // every character printed once, the column header repeated on each page the row continues on
            int count = (text.length() - text.replace("管道", "").length()) / 2;
            assertThat(count).as("occurrences of 管道").isEqualTo(3000);
            assertThat((text.length() - text.replace("内容", "").length()) / 2).as("header per page").isEqualTo(pages);
        }
    }

    /** WenQuanYi maps ℃ to an empty glyph: it must be printed as °C, not as a blank. */
    @Test
    void charactersTheFontLacksBecomeQuestionMarksNotBoxes() throws IOException {
        byte[] pdf = new PdfDocument(font, CLOCK).paragraph("满意\uD83D\uDE00度\t高\u0007").toBytes();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("满意?度    高");
        }
    }

    @Test
    void noChineseFontIsAClearErrorNeverBoxes(@TempDir Path empty) throws IOException {
        Files.writeString(empty.resolve("readme.txt"), "no fonts here");
        assertThatThrownBy(() -> CjkFont.locate(null, List.of(empty)))
                .isInstanceOf(BizException.class)
                .hasMessageStartingWith("未找到中文字体")
                .satisfies(e -> assertThat(((BizException) e).code()).isEqualTo(ErrorCode.INTERNAL));
        assertThatThrownBy(() -> CjkFont.locate(empty.resolve("nope.ttf").toString(), List.of()))
                .isInstanceOf(BizException.class).hasMessageContaining("nope.ttf");
        // a font file without Chinese glyphs is not accepted either
        Path dejavu = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        if (Files.exists(dejavu)) {
            assertThatThrownBy(() -> CjkFont.locate(dejavu.toString(), List.of()))
                    .isInstanceOf(BizException.class).hasMessageContaining("不含中文字形");
        }
        PrintProperties props = new PrintProperties();
        props.setFont(empty.resolve("missing.ttc").toString());
        assertThatThrownBy(() -> new PdfFonts(props).newDocument()).isInstanceOf(BizException.class);
    }

    @Test
    void theConfiguredFontWinsAndACollectionPicksTheProportionalFace() {
        PrintProperties props = new PrintProperties();
        props.setFont(font.file().toString());
        CjkFont chosen = new PdfFonts(props).font();
        assertThat(chosen.file()).isEqualTo(font.file());
        if (chosen.nameInCollection() != null) {
            assertThat(chosen.nameInCollection().toLowerCase()).doesNotContain("mono");
        }
    }
}
