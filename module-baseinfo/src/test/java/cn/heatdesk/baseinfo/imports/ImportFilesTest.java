package cn.heatdesk.baseinfo.imports;

import com.alibaba.excel.EasyExcel;
import com.alibaba.excel.context.AnalysisContext;
import com.alibaba.excel.event.AnalysisEventListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Templates, the header read at upload time and the job view's progress figures. */
class ImportFilesTest {

    @TempDir
    Path dir;

    @Test
    void theHeaderAndTheDeclaredRowCountAreReadWithoutReadingTheRows() throws Exception {
        Path file = dir.resolve("h.xlsx");
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 1234; i++) {
            rows.add(List.of("H" + i, "U1", "1", "101"));
        }
        EasyExcel.write(file.toFile()).head(List.of(List.of("房屋编码"), List.of("单元编码"), List.of("楼层"), List.of("房号")))
                .sheet("房屋信息").doWrite(rows);
        ImportService.Header h = ImportService.readHeader(file, ExcelFiles.Format.XLSX);
        assertThat(h.cells()).containsEntry(0, "房屋编码").containsEntry(3, "房号");
        assertThat(h.approximateDataRows()).isEqualTo(1234);
        HeaderMapping m = HeaderMapping.of(ImportKind.HOUSEHOLD, h.cells());
        assertThat(m.has("roomNo")).isTrue();
        assertThat(m.has("area")).isFalse();

        Path empty = dir.resolve("e.xlsx");
        EasyExcel.write(empty.toFile()).sheet("空").doWrite(List.of());
        assertThat(ImportService.readHeader(empty, ExcelFiles.Format.XLSX)).isNull();
    }

    @Test
    void eachTemplateHasTheLayoutSamplesThatPassTheHeaderCheckAndAHelpSheet() throws Exception {
        for (ImportKind kind : ImportKind.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImportTemplates.write(kind, out);
            Path file = dir.resolve(kind + ".xlsx");
            Files.write(file, out.toByteArray());
            ExcelFiles.checkContainer(file, ExcelFiles.sniff(file));
            ImportService.Header h = ImportService.readHeader(file, ExcelFiles.Format.XLSX);
            HeaderMapping.of(kind, h.cells());
            assertThat(h.cells().values()).containsExactlyElementsOf(kind.titles());
            assertThat(h.approximateDataRows()).isEqualTo(kind == ImportKind.NODE ? 6 : 1);
            List<Map<Integer, String>> help = new ArrayList<>();
            EasyExcel.read(file.toFile(), new AnalysisEventListener<Map<Integer, String>>() {
                @Override
                public void invoke(Map<Integer, String> data, AnalysisContext context) {
                    help.add(data);
                }

                @Override
                public void doAfterAllAnalysed(AnalysisContext context) {
                }
            }).headRowNumber(1).sheet(1).doRead();
            assertThat(help.stream().map(r -> r.get(0)).toList()).containsAll(kind.titles());
            assertThat(help.stream().filter(r -> "必填".equals(r.get(1))).map(r -> r.get(0)).toList())
                    .containsExactlyElementsOf(kind.columns().stream().filter(ImportColumn::required).map(ImportColumn::title).toList());
        }
        assertThat(ImportTemplates.fileName(ImportKind.CUSTOMER)).isEqualTo("热用户导入模板.xlsx");
    }

    @Test
    void progressFiguresOfTheView() {
        ImportJob j = new ImportJob();
        j.setId(1L);
        j.setJobKind("HOUSEHOLD");
        j.setStatus("RUNNING");
        j.setTotalRows(3000);
        j.setProcessedRows(1000);
        j.setRowsPerSec(new BigDecimal("512.3"));
        ImportJobView v = ImportJobView.of(j, "城北热力分公司");
        assertThat(v.percent()).isEqualByComparingTo("33.3");
        assertThat(v.kindLabel()).isEqualTo("房屋信息");
        assertThat(v.okRows()).isZero();
        j.setProcessedRows(3500);
        assertThat(ImportJobView.of(j, null).percent()).isEqualByComparingTo("100");
        j.setTotalRows(0);
        assertThat(ImportJobView.of(j, null).percent()).isEqualByComparingTo("0");
        j.setStatus("SUCCEEDED");
        assertThat(ImportJobView.of(j, null).percent()).isEqualByComparingTo("100");
        assertThat(ImportRunner.cut("一二三四五", 3)).isEqualTo("一二…");
        assertThat(ImportRunner.cut(null, 3)).isNull();
    }

    @Test
    void aLostConnectionPausesTheJobWhileARefusedStatementFailsOnlyItsRows() {
        assertThat(ImportRunner.connectionLost(new RuntimeException(
                new org.springframework.jdbc.CannotGetJdbcConnectionException("pool exhausted")))).isTrue();
        assertThat(ImportRunner.connectionLost(new org.springframework.transaction.CannotCreateTransactionException("down")))
                .isTrue();
        assertThat(ImportRunner.connectionLost(new org.springframework.dao.DataIntegrityViolationException("x",
                new java.sql.SQLNonTransientConnectionException("socket closed")))).isTrue();
        assertThat(ImportRunner.connectionLost(new org.springframework.dao.DuplicateKeyException("uk"))).isFalse();
        assertThat(ImportRunner.connectionLost(new IllegalStateException("x"))).isFalse();
    }
}
