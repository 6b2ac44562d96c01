package cn.heatdesk.baseinfo.imports;

import com.alibaba.excel.EasyExcel;
import com.alibaba.excel.ExcelWriter;
import com.alibaba.excel.write.metadata.WriteSheet;
import com.alibaba.excel.write.style.column.SimpleColumnWidthStyleStrategy;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** The downloadable import templates: the layout's header row, sample rows, and a 说明 sheet per column. */
final class ImportTemplates {

    private ImportTemplates() {
    }

    static String fileName(ImportKind kind) {
        return kind.label() + "导入模板.xlsx";
    }

    static void write(ImportKind kind, OutputStream out) {
        List<List<String>> head = kind.titles().stream().map(List::of).toList();
        try (ExcelWriter writer = EasyExcel.write(out).registerWriteHandler(new SimpleColumnWidthStyleStrategy(18)).build()) {
            WriteSheet data = EasyExcel.writerSheet(0, kind.label()).head(head).build();
            writer.write(samples(kind), data);
            WriteSheet help = EasyExcel.writerSheet(1, "说明")
                    .head(List.of(List.of("列名"), List.of("是否必填"), List.of("说明"))).build();
            List<List<Object>> rows = new ArrayList<>();
            for (ImportColumn c : kind.columns()) {
                rows.add(List.of(c.title(), c.required() ? "必填" : "选填", c.note()));
            }
            rows.add(List.of("", "", ""));
            rows.add(List.of("导入说明", "", notes(kind)));
            writer.write(rows, help);
        }
    }

    /** one sample row; for the tree one row per level, so the template shows how levels chain by code */
    static List<List<Object>> samples(ImportKind kind) {
        List<List<Object>> rows = new ArrayList<>();
        if (kind == ImportKind.NODE) {
            rows.add(row("GS01", "城北供热公司", "公司", "", "SUB01", "1", "北京路1号", ""));
            rows.add(row("RY01", "城北热源厂", "热源", "GS01", "", "1", "", ""));
            rows.add(row("RZ01", "幸福路换热站", "热站", "RY01", "", "1", "", ""));
            rows.add(row("XQ01", "幸福家园", "小区", "RZ01", "", "1", "幸福路88号", ""));
            rows.add(row("LD01", "3号楼", "楼栋", "XQ01", "", "3", "", ""));
            rows.add(row("DY01", "2单元", "单元", "LD01", "", "2", "", ""));
            return rows;
        }
        rows.add(new ArrayList<>(kind.columns().stream().map(c -> (Object) c.sample()).toList()));
        return rows;
    }

    private static List<Object> row(Object... cells) {
        return List.of(cells);
    }

    private static String notes(ImportKind kind) {
        String common = "第一行为表头，请勿修改列名；从第二行起每行一条数据，示例行请删除后再导入。"
                + "同一文件内编码重复的行，后出现的行导入失败。校验不通过的行不会导入，可在任务列表下载失败行，改正后重新导入。"
                + "重复导入同一文件不会产生重复数据。";
        return switch (kind) {
            case NODE -> common + "层级顺序为 公司→热源→热站→小区→楼栋→单元，上级节点须在本行之前或已存在；"
                    + "已存在的节点只更新名称、排序、地址和外部编号，不会移动位置。";
            case HOUSEHOLD -> common + "房屋按房屋编码新增或更新；单元须已在楼宇信息中存在；户主按客户编号建立或更新，电话只新增不删除。";
            case CUSTOMER -> common + "热用户按客户编号新增或更新；电话只新增不删除。";
        };
    }
}
