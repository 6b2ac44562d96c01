package cn.heatdesk.settings.param;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParamValueValidatorTest {

    private static BizException invalid(Runnable r) {
        try {
            r.run();
        } catch (BizException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
            return e;
        }
        throw new AssertionError("expected a validation error");
    }

    @Test
    void intWithinBoundsIsNormalised() {
        assertThat(ParamValueValidator.normalize(ParamValueKind.INT, "密码最小长度", " 08 ", 8L, 64L)).isEqualTo("8");
        assertThat(ParamValueValidator.normalize(ParamValueKind.INT, "密码最小长度", "+64", 8L, 64L)).isEqualTo("64");
        assertThat(ParamValueValidator.normalize(ParamValueKind.INT, "x", "-5", null, null)).isEqualTo("-5");
    }

    @Test
    void intOutOfRangeNamesParamAndRange() {
        BizException e = invalid(() -> ParamValueValidator.normalize(ParamValueKind.INT, "密码最小长度", "4", 8L, 64L));
        assertThat(e.field()).isEqualTo("paramValue");
        assertThat(e.getMessage()).contains("密码最小长度").contains("8 到 64").contains("4");
        assertThat(invalid(() -> ParamValueValidator.normalize(ParamValueKind.INT, "密码最小长度", "65", 8L, 64L)).getMessage())
                .contains("8 到 64");
    }

    @Test
    void intNotANumberOrEmptyRefused() {
        assertThat(invalid(() -> ParamValueValidator.normalize(ParamValueKind.INT, "锁定次数", "五", 1L, 100L)).getMessage())
                .contains("锁定次数").contains("不是有效的数字");
        assertThat(invalid(() -> ParamValueValidator.normalize(ParamValueKind.INT, "锁定次数", "1.5", 1L, 100L)).getMessage())
                .contains("锁定次数");
        assertThat(invalid(() -> ParamValueValidator.normalize(ParamValueKind.INT, "锁定次数", "  ", 1L, 100L)).getMessage())
                .contains("不能为空");
        // beyond int although within a careless bound
        invalid(() -> ParamValueValidator.normalize(ParamValueKind.INT, "x", "99999999999", null, null));
    }

    @Test
    void oneSidedBoundsAreWordedAsSuch() {
        assertThat(invalid(() -> ParamValueValidator.normalize(ParamValueKind.INT, "x", "0", 1L, null)).getMessage())
                .contains("不小于 1");
        assertThat(invalid(() -> ParamValueValidator.normalize(ParamValueKind.INT, "x", "11", null, 10L)).getMessage())
                .contains("不大于 10");
    }

    @Test
    void durationIsNonNegativeMinutes() {
        assertThat(ParamValueValidator.normalize(ParamValueKind.DURATION_MIN, "超时", "30", null, null)).isEqualTo("30");
        assertThat(invalid(() -> ParamValueValidator.normalize(ParamValueKind.DURATION_MIN, "超时", "-1", null, null)).getMessage())
                .contains("超时").contains("分钟数");
        invalid(() -> ParamValueValidator.normalize(ParamValueKind.DURATION_MIN, "超时", "500", 5L, 480L));
    }

    @Test
    void boolAcceptsCommonSpellings() {
        for (String t : new String[]{"true", "TRUE", "1", "yes", "on", "是"}) {
            assertThat(ParamValueValidator.normalize(ParamValueKind.BOOL, "开关", t, null, null)).isEqualTo("true");
        }
        for (String f : new String[]{"false", "0", "No", "off", "否"}) {
            assertThat(ParamValueValidator.normalize(ParamValueKind.BOOL, "开关", f, null, null)).isEqualTo("false");
        }
        assertThat(invalid(() -> ParamValueValidator.normalize(ParamValueKind.BOOL, "强制改密", "maybe", null, null)).getMessage())
                .contains("强制改密").contains("true");
        invalid(() -> ParamValueValidator.normalize(ParamValueKind.BOOL, "强制改密", null, null, null));
    }

    @Test
    void stringLengthBounds() {
        assertThat(ParamValueValidator.normalize(ParamValueKind.STRING, "标题", " 供热 ", null, null)).isEqualTo("供热");
        assertThat(ParamValueValidator.normalize(ParamValueKind.STRING, "标题", null, null, null)).isNull();
        assertThat(invalid(() -> ParamValueValidator.normalize(ParamValueKind.STRING, "标题", "", 1L, 10L)).getMessage())
                .contains("标题").contains("不能为空");
        assertThat(invalid(() -> ParamValueValidator.normalize(ParamValueKind.STRING, "标题", "12345678901", 1L, 10L)).getMessage())
                .contains("1 到 10");
        invalid(() -> ParamValueValidator.normalize(ParamValueKind.STRING, "标题", "x".repeat(1001), null, null));
    }

    @Test
    void definitionChecks() {
        ParamValueValidator.checkDefinition(ParamValueKind.INT, 1L, 10L);
        ParamValueValidator.checkDefinition(ParamValueKind.BOOL, null, null);
        assertThat(invalid(() -> ParamValueValidator.checkDefinition(ParamValueKind.INT, 10L, 1L)).field()).isEqualTo("minValue");
        assertThat(invalid(() -> ParamValueValidator.checkDefinition(ParamValueKind.BOOL, 0L, 1L)).getMessage()).contains("开关");
        invalid(() -> ParamValueValidator.checkDefinition(ParamValueKind.DURATION_MIN, -1L, null));
        assertThat(invalid(() -> ParamValueValidator.checkDefinition(ParamValueKind.STRING, null, 5000L)).field()).isEqualTo("maxValue");
        assertThatThrownBy(() -> ParamValueValidator.checkDefinition(ParamValueKind.INT, null, (long) Integer.MAX_VALUE + 1))
                .isInstanceOf(BizException.class);
    }

    @Test
    void kindLookupIsCaseInsensitive() {
        assertThat(ParamValueKind.of("duration_min")).isEqualTo(ParamValueKind.DURATION_MIN);
        assertThat(ParamValueKind.of("FLOAT")).isNull();
    }
}
