package cn.heatdesk.settings.param;

import cn.heatdesk.kernel.error.BizException;
import cn.heatdesk.kernel.error.ErrorCode;
import cn.heatdesk.kernel.web.PageQuery;
import cn.heatdesk.kernel.web.PageResult;
import cn.heatdesk.settings.api.SettingChangeRecorder;
import cn.heatdesk.settings.api.SystemParamApi;
import cn.heatdesk.settings.changelog.ChangeLogService;
import cn.heatdesk.settings.changelog.SettingChangeLogFilter;
import cn.heatdesk.settings.changelog.SettingChangeLogView;
import cn.heatdesk.settings.changelog.testapp.SettingsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ParamServiceIntegrationTest extends SettingsIntegrationTest {

    @Autowired
    ParamService params;
    @Autowired
    SystemParamApi api;
    @Autowired
    ChangeLogService changeLogs;

    private static BizException biz(Runnable r) {
        try {
            r.run();
        } catch (BizException e) {
            return e;
        }
        throw new AssertionError("expected a BizException");
    }

    private ParamView byKey(String key) {
        PageResult<ParamView> page = asAdmin(() -> params.list(null, key, new PageQuery()));
        return page.records().stream().filter(p -> p.paramKey().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void seededSecurityPolicyIsReadable() {
        assertThat(api.getInt("security.password.min-length", -1)).isEqualTo(8);
        assertThat(api.getInt("security.password.min-classes", -1)).isEqualTo(3);
        assertThat(api.getInt("security.password.history", -1)).isEqualTo(5);
        assertThat(api.getInt("security.password.max-age-days", -1)).isEqualTo(90);
        assertThat(api.getInt("security.lockout.max-attempts", -1)).isEqualTo(5);
        assertThat(api.getInt("security.lockout.minutes", -1)).isEqualTo(15);
        assertThat(api.getInt("security.session.idle-minutes", -1)).isEqualTo(30);
        assertThat(api.getBool("security.password.force-initial-change", false)).isTrue();
        assertThat(api.getString("no.such.param", "默认")).isEqualTo("默认");
        assertThat(api.getInt("no.such.param", 7)).isEqualTo(7);
        assertThat(api.getBool("no.such.param", true)).isTrue();
        assertThat(asAdmin(() -> params.groups())).contains("安全策略");
        assertThat(asAdmin(() -> params.list("安全策略", null, new PageQuery())).total()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void outOfRangeValueIsRefusedNamingTheParameter() {
        ParamView p = byKey("security.lockout.minutes");
        BizException e = biz(() -> asAdmin(() -> params.updateValue(p.id(), new ParamRequests.UpdateValue("0", p.rowVersion(), null))));
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
        assertThat(e.field()).isEqualTo("paramValue");
        assertThat(e.getMessage()).contains("账号锁定时长（分钟）").contains("1 到 1440");
        assertThat(biz(() -> asAdmin(() -> params.updateValue(p.id(), new ParamRequests.UpdateValue("abc", p.rowVersion(), null))))
                .getMessage()).contains("不是有效的数字");
        assertThat(api.getInt("security.lockout.minutes", -1)).isEqualTo(15);

        ParamView b = byKey("security.password.force-initial-change");
        assertThat(biz(() -> asAdmin(() -> params.updateValue(b.id(), new ParamRequests.UpdateValue("maybe", b.rowVersion(), null))))
                .getMessage()).contains("首次登录强制修改密码");
    }

    @Test
    void validValueTakesEffectAndIsLogged() {
        ParamView p = byKey("security.session.idle-minutes");
        ParamView changed = asAdmin(() -> params.updateValue(p.id(), new ParamRequests.UpdateValue(" 45 ", p.rowVersion(), "等保要求")));
        assertThat(changed.paramValue()).isEqualTo("45");
        assertThat(changed.rowVersion()).isEqualTo(p.rowVersion() + 1);
        assertThat(api.getInt("security.session.idle-minutes", -1)).isEqualTo(45);
        List<SettingChangeLogView> logs = asAdmin(() -> changeLogs.list(
                new SettingChangeLogFilter(SettingChangeRecorder.SYS_PARAM, p.id(), null, null, null, null, null), new PageQuery())).records();
        assertThat(logs).isNotEmpty();
        assertThat(logs.get(0).changeKind()).isEqualTo("UPDATE");
        assertThat(logs.get(0).reason()).isEqualTo("等保要求");
        var detail = asAdmin(() -> changeLogs.detail(logs.get(0).id()));
        assertThat(detail.before().get("paramValue").asText()).isEqualTo("30");
        assertThat(detail.after().get("paramValue").asText()).isEqualTo("45");
        // put it back for other tests
        asAdmin(() -> params.updateValue(p.id(), new ParamRequests.UpdateValue("30", changed.rowVersion(), null)));
    }

    @Test
    void builtinParamsKeepTheirDefinitionAndCannotBeDeleted() {
        ParamView p = byKey("security.password.min-length");
        assertThat(biz(() -> asAdmin(() -> params.delete(p.id(), null, null))).code()).isEqualTo(ErrorCode.FORBIDDEN);
        BizException e = biz(() -> asAdmin(() -> params.update(p.id(), new ParamRequests.Update(p.paramName(), "8", 1L, 64L,
                p.paramGroup(), null, p.rowVersion(), null))));
        assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(e.getMessage()).contains("只能修改参数值");
    }

    @Test
    void customParamLifecycle() {
        String key = "custom." + unique("p");
        ParamView created = asAdmin(() -> params.create(new ParamRequests.Create(key, "自定义超时", "DURATION_MIN", "10", 1L, 60L,
                "测试分组", null, null)));
        assertThat(created.builtin()).isFalse();
        assertThat(created.valueKindLabel()).isEqualTo("时长（分钟）");
        assertThat(api.getInt(key, -1)).isEqualTo(10);
        BizException dup = biz(() -> asAdmin(() -> params.create(new ParamRequests.Create(key, "重复", "INT", "1", null, null,
                "测试分组", null, null))));
        assertThat(dup.code()).isEqualTo(ErrorCode.DUPLICATE);
        assertThat(dup.field()).isEqualTo("paramKey");
        assertThat(biz(() -> asAdmin(() -> params.create(new ParamRequests.Create("custom." + unique("q"), "错值", "INT", "100", 1L, 60L,
                "测试分组", null, null)))).field()).isEqualTo("paramValue");
        assertThat(biz(() -> asAdmin(() -> params.create(new ParamRequests.Create("custom." + unique("q"), "错类型", "FLOAT", "1", null, null,
                "测试分组", null, null)))).field()).isEqualTo("valueKind");
        assertThat(biz(() -> asAdmin(() -> params.create(new ParamRequests.Create("1bad", "错键", "INT", "1", null, null,
                "测试分组", null, null)))).field()).isEqualTo("paramKey");

        ParamView widened = asAdmin(() -> params.update(created.id(), new ParamRequests.Update("自定义超时", "90", 1L, 120L,
                "测试分组", "放宽", created.rowVersion(), null)));
        assertThat(widened.maxValue()).isEqualTo(120L);
        assertThat(api.getInt(key, -1)).isEqualTo(90);
        asAdmin(() -> params.delete(created.id(), widened.rowVersion(), "测试结束"));
        assertThat(api.getInt(key, -1)).isEqualTo(-1);
    }
}
