package cn.heatdesk.notice.template;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateRendererTest {

    @Test
    void fillsPlaceholdersAndFormatsValues() {
        Map<String, Object> p = new HashMap<>();
        p.put("ticketNo", "GD1");
        p.put("deadline", LocalDateTime.of(2026, 1, 15, 18, 5, 33));
        p.put("day", LocalDate.of(2026, 2, 1));
        p.put("workers", List.of("孙师傅", "周师傅"));
        p.put("n", 3);
        TemplateRenderer.Rendered r = TemplateRenderer.render(
                "工单${ticketNo}，期限${deadline}，日期${day}，人员${workers}，共${n}次", p);
        assertThat(r.text()).isEqualTo("工单GD1，期限2026-01-15 18:05，日期2026-02-01，人员孙师傅、周师傅，共3次");
        assertThat(r.missing()).isEmpty();
    }

    @Test
    void missingAndNullParamsPrintEmptyAndAreReported() {
        Map<String, Object> p = new HashMap<>();
        p.put("reason", null);
        TemplateRenderer.Rendered r = TemplateRenderer.render("原因：${reason}；${other}；${reason}", p);
        assertThat(r.text()).isEqualTo("原因：；；");
        assertThat(r.missing()).containsExactly("reason", "other");
        assertThat(TemplateRenderer.render(null, p).text()).isNull();
    }

    @Test
    void replacementTextIsLiteral() {
        // $ and \ in values must not be read as group references
        assertThat(TemplateRenderer.render("x${a}y", Map.of("a", "$1\\n")).text()).isEqualTo("x$1\\ny");
        // not placeholders: no name, invalid start, unclosed
        assertThat(TemplateRenderer.render("${} ${1a} ${a", Map.of("a", "A")).text()).isEqualTo("${} ${1a} ${a");
    }

    @Test
    void placeholdersInOrderWithoutDuplicates() {
        assertThat(TemplateRenderer.placeholders("${b}${a}${b}")).containsExactly("b", "a");
        assertThat(TemplateRenderer.placeholders(null)).isEmpty();
    }

    @Test
    void cutKeepsColumnLimits() {
        assertThat(TemplateRenderer.cut("abcdef", 4)).isEqualTo("abc…").hasSize(4);
        assertThat(TemplateRenderer.cut("abc", 4)).isEqualTo("abc");
        assertThat(TemplateRenderer.cut(null, 4)).isNull();
    }
}
