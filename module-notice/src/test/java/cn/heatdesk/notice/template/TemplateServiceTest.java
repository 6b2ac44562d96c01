package cn.heatdesk.notice.template;

import cn.heatdesk.kernel.error.BizException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateServiceTest {

    final TemplateService service = new TemplateService(null, null);

    @Test
    void smsSegments() {
        assertThat(TemplateService.smsSegments("")).isZero();
        assertThat(TemplateService.smsSegments("短".repeat(70))).isEqualTo(1);
        assertThat(TemplateService.smsSegments("短".repeat(71))).isEqualTo(2);
        assertThat(TemplateService.smsSegments("短".repeat(134))).isEqualTo(2);
        assertThat(TemplateService.smsSegments("短".repeat(135))).isEqualTo(3);
    }

    @Test
    void previewUsesSamplesForMissingParamsAndFlagsUnknownOnes() {
        TemplateViews.Preview p = service.preview(new TemplateViews.PreviewRequest("TICKET_ESCALATED", "IN_APP",
                "升级：${ticketNo}", "工单${ticketNo}升为${level}级，${bogus}", Map.of("level", "三")));
        assertThat(p.title()).isEqualTo("升级：GD2026011500012");
        assertThat(p.content()).isEqualTo("工单GD2026011500012升为三级，〈bogus〉");
        assertThat(p.placeholders()).containsExactly("ticketNo", "level", "bogus");
        assertThat(p.unknown()).containsExactly("bogus");
        assertThat(p.smsSegments()).isEqualTo(1);
    }

    @Test
    void previewNeedsContent() {
        assertThatThrownBy(() -> service.preview(new TemplateViews.PreviewRequest(null, "SMS", null, " ", null)))
                .isInstanceOf(BizException.class).extracting("field").isEqualTo("contentTpl");
    }

    @Test
    void everySeededEventHasSamplesForItsParams() {
        for (NoticeEvents.EventInfo e : NoticeEvents.all()) {
            assertThat(NoticeEvents.samples(e.params()).values())
                    .as(e.code()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotStartWith("〈"));
        }
    }
}
