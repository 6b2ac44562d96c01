package cn.heatdesk.monitor.ticket;

import cn.heatdesk.kernel.security.CurrentUser;
import cn.heatdesk.kernel.security.DataScope;
import cn.heatdesk.kernel.security.SecurityContext;
import cn.heatdesk.servicedesk.api.TicketApi;
import cn.heatdesk.servicedesk.api.TicketFilter;
import cn.heatdesk.servicedesk.api.TicketRow;
import cn.heatdesk.servicedesk.api.TicketStatus;
import com.alibaba.excel.EasyExcel;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

/** The export streams every row the ticket service hands over into a readable xlsx with Chinese headers. */
class TicketExportServiceTest {

    static TicketRow row(int i) {
        return new TicketRow((long) i, "GD" + i, "REPAIR", "报修", "PHONE", "电话", "URGENT", "紧急", 2,
                TicketStatus.IN_PROGRESS, "处理中", "HANDLE", "处理", "暖气不热" + i, "地址" + i, "H" + i, "张三",
                "13800138000", 12L, "城北热力分公司", 57L, "第一维修站", 8L, "孙师傅",
                LocalDateTime.of(2026, 1, 2, 3, 4, 5), i % 2 == 0 ? "OVERDUE" : "NEAR", i % 3 == 0, false, 1, 0, 0,
                i == 1 ? "DELAY" : null, null, null, LocalDateTime.of(2026, 1, 1, 8, 0), "李坐席", null, null, 0);
    }

    private static List<Map<Integer, String>> export(int n, Set<String> perms) {
        TicketApi tickets = mock(TicketApi.class);
        doAnswer(inv -> {
            Consumer<TicketRow> sink = inv.getArgument(2);
            for (int i = 1; i <= n; i++) {
                sink.accept(row(i));
            }
            return null;
        }).when(tickets).stream(any(), eq(TicketExportService.MAX_ROWS), any());
        CurrentUser u = new CurrentUser(1L, "u", "u", null, 1L, "/1/", DataScope.ALL, List.of(), perms, Set.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long rows = SecurityContext.callAs(u, () -> new TicketExportService(tickets).export(TicketFilter.empty(), out));
        assertThat(rows).isEqualTo(n);
        return EasyExcel.read(new ByteArrayInputStream(out.toByteArray())).sheet().headRowNumber(0).doReadSync();
    }

    @Test
    void rowsAreWrittenInChunksUnderChineseHeaders() {
        List<Map<Integer, String>> sheet = export(2_500, Set.of());
        assertThat(sheet).hasSize(2_501);
        assertThat(sheet.get(0).values()).containsExactlyElementsOf(TicketExportService.HEAD);
        Map<Integer, String> first = sheet.get(1);
        assertThat(first.get(0)).isEqualTo("GD1");
        assertThat(first.get(1)).isEqualTo("报修");
        assertThat(first.get(4)).isEqualTo("处理中");
        assertThat(first.get(10)).isEqualTo("138****8000");
        assertThat(first.get(14)).isEqualTo("2026-01-02 03:04:05");
        assertThat(first.get(15)).isEqualTo("临期");
        assertThat(first.get(16)).isEqualTo("否");
        assertThat(first.get(21)).isEqualTo("延期");
        assertThat(sheet.get(2).get(15)).isEqualTo("超时");
        assertThat(sheet.get(3).get(16)).isEqualTo("是");
        assertThat(sheet.get(2_500).get(0)).isEqualTo("GD2500");
    }

    @Test
    void phonesAreShownWithDataUnmaskAndAnEmptyExportKeepsItsHeader() {
        assertThat(export(1, Set.of("data:unmask")).get(1).get(10)).isEqualTo("13800138000");
        List<Map<Integer, String>> empty = export(0, Set.of());
        assertThat(empty).hasSize(1);
        assertThat(empty.get(0).values()).containsExactlyElementsOf(TicketExportService.HEAD);
    }
}
