package cn.heatdesk.callcenter.call;

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

/**
 * 通话记录导出: the filtered calls of the user's scope streamed into an xlsx in chunks of 1,000 rows (as the ticket
 * export). Numbers are masked unless the user holds callcenter:number:view; durations in seconds.
 */
@Service
public class CallExportService {

    public static final int MAX_ROWS = 100_000;
    static final int CHUNK = 1000;
    static final List<String> HEAD = List.of("通话编号", "网关", "方向", "主叫号码", "被叫号码", "中继号码", "队列", "坐席工号",
            "坐席姓名", "开始时间", "进入队列", "首次振铃", "接通时间", "结束时间", "排队时长(秒)", "振铃时长(秒)",
            "通话时长(秒)", "保持时长(秒)", "振铃次数", "挂机方", "结果", "满意度", "有录音", "状态", "挂机坐席", "回拨的来电编号");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final CallQueryService calls;

    public CallExportService(CallQueryService calls) {
        this.calls = calls;
    }

    public static String fileName() {
        return "通话记录_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + ".xlsx";
    }

    public long export(CallFilter filter, OutputStream out) {
        List<List<String>> head = HEAD.stream().map(List::of).toList();
        try (ExcelWriter writer = EasyExcel.write(out).head(head)
                .registerWriteHandler(new SimpleColumnWidthStyleStrategy(16)).build()) {
            WriteSheet sheet = EasyExcel.writerSheet("通话记录").build();
            List<List<Object>> chunk = new ArrayList<>(CHUNK);
            long[] count = {0};
            calls.stream(filter, MAX_ROWS, v -> {
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

    static List<Object> line(CallViews.CallView v) {
        return Arrays.asList(String.valueOf(v.id()), String.valueOf(v.gatewayId()), v.directionLabel(),
                v.callerNumber(), v.calledNumber(), v.did(), v.queueName(), v.agentJobNo(), v.agentName(),
                time(v.startedAt()), time(v.queuedAt()), time(v.firstRingAt()), time(v.answeredAt()), time(v.endedAt()),
                secs(v.waitMs()), secs(v.ringMs()), secs(v.talkMs()), secs(v.holdMs()), String.valueOf(v.ringAttempts()),
                v.hangupByLabel(), v.resultLabel(), v.surveyScore() == null ? null : String.valueOf(v.surveyScore()),
                v.recordingId() == null ? "否" : "是", v.statusLabel(), v.hangupAgentName(),
                v.callbackOf() == null ? null : String.valueOf(v.callbackOf()));
    }

    private static String secs(Long ms) {
        return ms == null ? null : String.valueOf(Math.round(ms / 1000.0));
    }

    private static String time(LocalDateTime t) {
        return t == null ? null : t.format(TIME);
    }
}
