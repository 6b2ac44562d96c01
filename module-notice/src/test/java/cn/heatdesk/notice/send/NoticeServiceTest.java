package cn.heatdesk.notice.send;

import cn.heatdesk.notice.api.Notice;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeServiceTest {

    @Test
    void genericContentNamesEventNumberAndParams() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("reason", "测试");
        params.put("at", LocalDateTime.of(2026, 1, 2, 3, 4));
        params.put("empty", null);
        String text = NoticeService.genericContent(Notice.of("X_EVENT", null, "TICKET", 1L, "GD9", params), params);
        assertThat(text).isEqualTo("事件 X_EVENT，业务编号 GD9。reason：测试；at：2026-01-02 03:04");
        assertThat(NoticeService.genericContent(Notice.of("Y", null, null, null, null, Map.of()), Map.of()))
                .isEqualTo("事件 Y");
    }
}
