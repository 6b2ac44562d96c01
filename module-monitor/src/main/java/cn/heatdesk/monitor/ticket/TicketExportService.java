package cn.heatdesk.monitor.ticket;

import cn.heatdesk.kernel.crypto.Masking;
import cn.heatdesk.kernel.security.PermissionCodes;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.servicedesk.api.TicketApi;
import cn.heatdesk.servicedesk.api.TicketFilter;
import cn.heatdesk.servicedesk.api.TicketRow;
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
import java.util.Map;

/**
 * 工单导出: the filtered tickets of the user's data scope, streamed from {@link TicketApi#stream} into an xlsx
 * in chunks of 1,000 rows — no list of all rows is ever built, and EasyExcel spools finished rows to a temporary
 * file, so memory does not grow with the export. Times, timing and flags are written as text (what the list
 * shows); the caller's phone is masked unless the user holds data:unmask.
 */
@Service
public class TicketExportService {

    public static final int MAX_ROWS = 100_000;
    static final int CHUNK = 1000;
    static final List<String> HEAD = List.of("工单号", "工单类型", "来源", "紧急程度", "状态", "当前节点", "标题", "地址",
            "房屋编码", "联系人", "联系电话", "分公司", "维修站", "维修人员", "处理期限", "时效", "督办", "越级投诉",
            "催办次数", "升级次数", "返工次数", "待审批", "回访结果", "满意度", "受理时间", "受理人", "处理完成时间",
            "办结时间");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Map<String, String> TIMING = Map.of("NORMAL", "正常", "NEAR", "临期", "OVERDUE", "超时");
    private static final Map<String, String> VISIT = Map.of("SATISFIED", "满意", "UNSATISFIED", "不满意",
            "UNREACHABLE", "联系不上");
    private static final Map<Integer, String> SATISFACTION = Map.of(1, "很不满意", 2, "不满意", 3, "一般", 4, "满意",
            5, "很满意");

    private final TicketApi tickets;

    public TicketExportService(TicketApi tickets) {
        this.tickets = tickets;
    }

    public static String fileName() {
        return "工单_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + ".xlsx";
    }

    /** writes the export to {@code out}; returns the number of data rows */
    public long export(TicketFilter filter, OutputStream out) {
        boolean unmask = SecurityContext.current().map(u -> u.hasPermission(PermissionCodes.UNMASK)).orElse(false);
        List<List<String>> head = HEAD.stream().map(List::of).toList();
        try (ExcelWriter writer = EasyExcel.write(out).head(head)
                .registerWriteHandler(new SimpleColumnWidthStyleStrategy(16)).build()) {
            WriteSheet sheet = EasyExcel.writerSheet("工单").build();
            List<List<Object>> chunk = new ArrayList<>(CHUNK);
            long[] count = {0};
            tickets.stream(filter, MAX_ROWS, row -> {
                chunk.add(line(row, unmask));
                count[0]++;
                if (chunk.size() >= CHUNK) {
                    writer.write(chunk, sheet);
                    chunk.clear();
                }
            });
            // an empty export still gets its header row
            writer.write(chunk, sheet);
            return count[0];
        }
    }

    static List<Object> line(TicketRow r, boolean unmask) {
        return Arrays.asList(r.ticketNo(), label(r.ticketTypeLabel(), r.ticketType()), label(r.sourceLabel(), r.source()),
                label(r.urgencyLabel(), r.urgency()),
                label(r.statusLabel(), r.status() == null ? null : r.status().label()), r.nodeName(), r.title(),
                r.address(), r.householdCode(), r.contactName(),
                unmask ? r.callerPhone() : Masking.phone(r.callerPhone()), r.subsidiaryName(), r.stationName(),
                r.workerName(), time(r.deadline()), r.timing() == null ? null : TIMING.getOrDefault(r.timing(), r.timing()),
                r.supervised() ? "是" : "否", r.overLevel() ? "是" : "否", String.valueOf(r.urgeCount()),
                String.valueOf(r.escalationLevel()), String.valueOf(r.reworkCount()), r.pendingApproval() == null ? null
                        : pending(r.pendingApproval()),
                r.visitResult() == null ? null : VISIT.getOrDefault(r.visitResult(), r.visitResult()),
                r.satisfaction() == null ? null : SATISFACTION.getOrDefault(r.satisfaction(), String.valueOf(r.satisfaction())),
                time(r.createdAt()), r.createdByName(), time(r.completedAt()), time(r.closedAt()));
    }

    private static String pending(String action) {
        try {
            return cn.heatdesk.servicedesk.api.TicketAction.valueOf(action).label();
        } catch (IllegalArgumentException e) {
            return action;
        }
    }

    private static String label(String label, String code) {
        return label != null && !label.isBlank() ? label : code;
    }

    private static String time(LocalDateTime t) {
        return t == null ? null : t.format(TIME);
    }
}
