package cn.heatdesk.baseinfo.imports;

import cn.heatdesk.kernel.crypto.Sm3;
import cn.heatdesk.kernel.error.BizException;
import com.alibaba.excel.EasyExcel;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExcelFilesTest {

    @TempDir
    Path dir;

    @Test
    void sniffRecognisesZipAndOle2ByTheirMagicBytes() {
        assertThat(ExcelFiles.sniff(new byte[]{0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0})).isEqualTo(ExcelFiles.Format.XLSX);
        assertThat(ExcelFiles.sniff(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1})).isEqualTo(ExcelFiles.Format.XLS);
    }

    @Test
    void sniffRefusesAnythingElseNamingTheFileField() {
        for (byte[] head : List.of(new byte[0], "PK".getBytes(StandardCharsets.US_ASCII),
                "房屋编码,单元编码".getBytes(StandardCharsets.UTF_8), "%PDF-1.7".getBytes(StandardCharsets.US_ASCII),
                new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0})) {
            assertThatThrownBy(() -> ExcelFiles.sniff(head))
                    .isInstanceOfSatisfying(BizException.class, e -> {
                        assertThat(e.field()).isEqualTo("file");
                        assertThat(e.getMessage()).isEqualTo("文件不是有效的Excel文件");
                    });
        }
    }

    @Test
    void aRealWorkbookPassesTheContainerCheck() throws Exception {
        Path xlsx = dir.resolve("a.xlsx");
        EasyExcel.write(xlsx.toFile()).head(List.of(List.of("房屋编码"))).sheet("房屋信息").doWrite(List.of(List.of("H1")));
        ExcelFiles.checkContainer(xlsx, ExcelFiles.sniff(xlsx));

        Path xls = dir.resolve("a.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(xls)) {
            wb.createSheet("房屋信息").createRow(0).createCell(0).setCellValue("房屋编码");
            wb.write(out);
        }
        assertThat(ExcelFiles.sniff(xls)).isEqualTo(ExcelFiles.Format.XLS);
        ExcelFiles.checkContainer(xls, ExcelFiles.Format.XLS);
    }

    @Test
    void otherZipsAndOle2FilesAndGarbageBehindAValidMagicAreRefused() throws Exception {
        Path docx = dir.resolve("a.docx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(docx))) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w/>".getBytes(StandardCharsets.UTF_8));
        }
        assertRefused(docx, ExcelFiles.Format.XLSX);

        Path zipGarbage = dir.resolve("g.xlsx");
        byte[] bytes = new byte[200_000];
        new Random(7).nextBytes(bytes);
        bytes[0] = 0x50;
        bytes[1] = 0x4B;
        bytes[2] = 0x03;
        bytes[3] = 0x04;
        Files.write(zipGarbage, bytes);
        assertRefused(zipGarbage, ExcelFiles.Format.XLSX);

        Path doc = dir.resolve("a.doc");
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(doc)) {
            fs.createDocument(new ByteArrayInputStream(new byte[600]), "WordDocument");
            fs.writeFilesystem(out);
        }
        assertThat(ExcelFiles.sniff(doc)).isEqualTo(ExcelFiles.Format.XLS);
        assertRefused(doc, ExcelFiles.Format.XLS);

        Path enc = dir.resolve("enc.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(enc)) {
            fs.createDocument(new ByteArrayInputStream(new byte[600]), "EncryptedPackage");
            fs.writeFilesystem(out);
        }
        assertThatThrownBy(() -> ExcelFiles.checkContainer(enc, ExcelFiles.Format.XLS))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.getMessage()).contains("加密"));
    }

    @Test
    void copyComputesTheSameSm3AsTheKernel() throws Exception {
        byte[] data = new byte[300_000];
        new Random(1).nextBytes(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String hash = ExcelFiles.copyWithSm3(new ByteArrayInputStream(data), out);
        assertThat(out.toByteArray()).isEqualTo(data);
        assertThat(hash).isEqualTo(Sm3.hashHex(data)).hasSize(64);
    }

    private static void assertRefused(Path file, ExcelFiles.Format format) {
        assertThatThrownBy(() -> ExcelFiles.checkContainer(file, format))
                .isInstanceOfSatisfying(BizException.class, e -> {
                    assertThat(e.field()).isEqualTo("file");
                    assertThat(e.getMessage()).isEqualTo("文件不是有效的Excel文件");
                });
    }
}
