package cn.heatdesk.notice.live;

import cn.heatdesk.kernel.error.BizException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveStreamControllerTest {

    @Test
    void topicsDefaultToNoticeAndAreValidated() {
        assertThat(LiveStreamController.topics(null)).containsExactly("notice");
        assertThat(LiveStreamController.topics(" , ")).containsExactly("notice");
        assertThat(LiveStreamController.topics("ticket, notice,ticket,monitor.kpi")).containsExactly("ticket", "notice", "monitor.kpi");
        assertThatThrownBy(() -> LiveStreamController.topics("Ticket"))
                .isInstanceOf(BizException.class).extracting("field").isEqualTo("topics");
        assertThatThrownBy(() -> LiveStreamController.topics("a\nb")).isInstanceOf(BizException.class);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            many.append("t").append(i).append(',');
        }
        assertThatThrownBy(() -> LiveStreamController.topics(many.toString())).isInstanceOf(BizException.class);
    }
}
