package cn.heatdesk.callcenter.cti;

import cn.heatdesk.kernel.error.BizException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboundRuleTest {

    final OutboundRule rule = new OutboundRule(new CtiSettings("1,2,3,4,5,6,7,8,0", "00,1900,1600,1700,1659", 5, 13, "*4"));

    @Test
    void localMobileAndLongDistanceNumbersAreAllowedAndNormalised() {
        assertThat(rule.check("number", "13800138000")).isEqualTo("13800138000");
        assertThat(rule.check("number", "+86 138-0013-8000")).isEqualTo("13800138000");
        assertThat(rule.check("number", "+86 (10) 8888 6666")).isEqualTo("01088886666");
        assertThat(rule.check("number", "88886666")).isEqualTo("88886666");
        assertThat(rule.check("number", "010-88886666")).isEqualTo("01088886666");
    }

    @Test
    void internationalAndPremiumAreRefusedNamingTheField() {
        assertThatThrownBy(() -> rule.check("number", "0049 151 12345678"))
                .isInstanceOf(BizException.class).hasMessageContaining("国际长途")
                .satisfies(e -> assertThat(((BizException) e).field()).isEqualTo("number"));
        assertThatThrownBy(() -> rule.check("target", "+4915112345678")).hasMessageContaining("国际长途")
                .satisfies(e -> assertThat(((BizException) e).field()).isEqualTo("target"));
        assertThatThrownBy(() -> rule.check("number", "19001234567")).hasMessageContaining("声讯");
        assertThatThrownBy(() -> rule.check("number", "95598")).hasMessageContaining("不在允许外呼的号段");
        assertThatThrownBy(() -> rule.check("number", "1380013800a")).hasMessageContaining("非法字符");
        assertThatThrownBy(() -> rule.check("number", "1234")).hasMessageContaining("长度");
        assertThatThrownBy(() -> rule.check("number", " ")).hasMessageContaining("请填写");
    }
}
