package cn.heatdesk.callcenter.lost;

import com.alibaba.excel.EasyExcel;
import com.alibaba.excel.ExcelWriter;
import com.alibaba.excel.write.metadata.WriteSheet;
import com.alibaba.excel.write.style.column.SimpleColumnWidthStyleStrategy;
import org.springframework.stereotype.Service;

import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** 呼损明细 and 呼损报表 as xlsx (numbers masked unless the user holds callcenter:number:view). */
@Service
public class LostCallExportService {

    public static final int MAX_ROWS = 100_000;
    private static final int CHUNK = 1000;
    static final List<String> HEAD = List.of("通话编号", "开始时间", "结束时间", "来电号码", "中继号码", "队列", "呼损原因",
            "排队时长(秒)", "振铃次数", "住户编号", "住户地址", "同号码呼损次数", "重复呼损", "处理状态", "回拨次数", "最近回拨时间",
            "最近回拨坐席", "最近回拨结果");
    static final List<String> FIGURE_HEAD = List.of("", "呼入量", "进入队列", "接通", "呼损合计", "排队后呼损", "语音导航中放弃",
            "排队中放弃", "振铃中放弃", "排队超时未接", "呼损率(%)", "平均排队(秒)");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final LostCallService lost;

    public LostCallExportService(LostCallService lost) {
        this.lost = lost;
    }

    public static String fileName(String what) {
        return what + "_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + ".xlsx";
    }

    public long exportList(LostCallFilter filter, OutputStream out) {
        try (ExcelWriter writer = EasyExcel.write(out).head(HEAD.stream().map(List::of).toList())
                .registerWriteHandler(new SimpleColumnWidthStyleStrategy(16)).build()) {
            WriteSheet sheet = EasyExcel.writerSheet("呼损明细").build();
            List<List<Object>> chunk = new ArrayList<>(CHUNK);
            long[] count = {0};
            lost.stream(filter, MAX_ROWS, v -> {
                chunk.add(line(v));
                count[0]++;
                if (chunk.size() >= CHUNK) {
                    writer.write(chunk, sheet);
                    chunk.clear();
                }
            });
            writer.write(chunk, sheet);
            return count[0];
        }
    }

    public LostCallViews.Report exportReport(LostCallFilter filter, OutputStream out) {
        LostCallViews.Report r = lost.report(filter);
        try (ExcelWriter writer = EasyExcel.write(out)
                .registerWriteHandler(new SimpleColumnWidthStyleStrategy(14)).build()) {
            writer.write(figureLines(r.days(), r.total()), sheet(0, "按日", "日期"));
            writer.write(figureLines(r.queues(), r.total()), sheet(1, "按队列", "队列"));
            List<List<Object>> causes = new ArrayList<>();
            for (LostCallViews.CauseCount c : r.causes()) {
                causes.add(Arrays.asList(c.label(), c.count()));
            }
            writer.write(causes, EasyExcel.writerSheet(2, "按原因").head(List.of(List.of("呼损原因"), List.of("次数")))
                    .build());
        }
        return r;
    }

    private static WriteSheet sheet(int no, String name, String first) {
        List<List<String>> head = new ArrayList<>();
        head.add(List.of(first));
        FIGURE_HEAD.stream().skip(1).forEach(h -> head.add(List.of(h)));
        return EasyExcel.writerSheet(no, name).head(head).build();
    }

    private static List<List<Object>> figureLines(List<LostCallViews.Figures> rows, LostCallViews.Figures total) {
        List<List<Object>> out = new ArrayList<>();
        for (LostCallViews.Figures f : rows) {
            out.add(figureLine(f));
        }
        out.add(figureLine(total));
        return out;
    }

    private static List<Object> figureLine(LostCallViews.Figures f) {
        return Arrays.asList(f.label(), f.inbound(), f.offered(), f.answered(), f.lost(), f.lostQueued(), f.ivrLost(),
                f.queueAbandon(), f.ringAbandon(), f.noAnswer(), f.lossRate(),
                f.averageWaitMs() == null ? null : Math.round(f.averageWaitMs() / 1000.0));
    }

    static List<Object> line(LostCallViews.LostCallView v) {
        return Arrays.asList(String.valueOf(v.id()), time(v.startedAt()), time(v.endedAt()), v.callerNumber(), v.did(),
                v.queueName(), v.causeLabel(), v.waitMs() == null ? null : String.valueOf(Math.round(v.waitMs() / 1000.0)),
                String.valueOf(v.ringAttempts()), v.householdCode(), v.householdAddress(), String.valueOf(v.repeatCount()),
                v.repeated() ? "是" : "否", v.stateLabel(), String.valueOf(v.callbackCount()), time(v.lastCallbackAt()),
                v.lastCallbackBy(), v.lastCallbackResult());
    }

    private static String time(LocalDateTime t) {
        return t == null ? null : t.format(TIME);
    }
}
