package cn.heatdesk.baseinfo.panel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PanelServiceTest {

    @Test
    void callerNumbersAreNormalisedLikeStoredNumbers() {
        assertThat(PanelService.callerNumber("+86 138-1234-5678")).isEqualTo("13812345678");
        assertThat(PanelService.callerNumber("008613812345678")).isEqualTo("13812345678");
        // a PBX trunk 0 in front of a mobile
        assertThat(PanelService.callerNumber("013812345678")).isEqualTo("13812345678");
        // a landline keeps its area code
        assertThat(PanelService.callerNumber("010-12345678")).isEqualTo("01012345678");
        assertThat(PanelService.callerNumber("96069")).isEqualTo("96069");
        assertThat(PanelService.callerNumber("anonymous")).isNull();
        assertThat(PanelService.callerNumber("")).isNull();
        assertThat(PanelService.callerNumber(null)).isNull();
        assertThat(PanelService.callerNumber("12")).isNull();
    }

    @Test
    void pathIdsComeFromTheMaterialisedPath() {
        assertThat(PanelService.pathIds("/1/22/333/")).containsExactly(1L, 22L, 333L);
        assertThat(PanelService.pathIds("/1/x/3/")).containsExactly(1L, 3L);
        assertThat(PanelService.pathIds("")).isEmpty();
        assertThat(PanelService.pathIds(null)).isEmpty();
    }
}
