package cn.heatdesk.settings.dict;

import cn.heatdesk.settings.changelog.SettingChangeRollbackRequest;
import cn.heatdesk.settings.param.ParamRequests;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Request bodies reject bad input before the service, with Chinese messages that name the field. */
class DictRequestsValidationTest {

    private static jakarta.validation.ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void setUp() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void tearDown() {
        factory.close();
    }

    private static Map<String, String> errors(Object bean) {
        Set<ConstraintViolation<Object>> v = validator.validate(bean);
        return v.stream().collect(Collectors.toMap(c -> c.getPropertyPath().toString(), ConstraintViolation::getMessage, (a, b) -> a));
    }

    @Test
    void dictionaryBodies() {
        assertThat(validator.validate(new DictRequests.CreateType(" ", "名称", null, null, null)))
                .extracting(ConstraintViolation::getMessage).containsExactly("字典编码不能为空");
        assertThat(validator.validate(new ParamRequests.Create("", "名", "INT", "1", null, null, "组", null, null)))
                .extracting(ConstraintViolation::getMessage).containsExactly("参数键不能为空");
        assertThat(errors(new DictRequests.CreateType("a b", "名称", null, null, null)).get("typeCode")).contains("字典编码");
        Map<String, String> item = errors(new DictRequests.CreateItem("t", "ok", " ", -1, "pink", null, null, null));
        assertThat(item.get("itemLabel")).isEqualTo("字典项名称不能为空");
        assertThat(item.get("sortNo")).contains("排序号");
        assertThat(item.get("tagColor")).contains("标签颜色");
        assertThat(errors(new DictRequests.UpdateItem("x", 1, null, null, null, null))).containsEntry("rowVersion", "数据版本号不能为空");
        assertThat(errors(new DictRequests.CreateItem("t", "OK_1-a", "标签", 0, "#A0b1C2", null, true, null))).isEmpty();
    }

    @Test
    void parameterAndRollbackBodies() {
        assertThat(errors(new ParamRequests.Create("9x", "名", "INT", "1", null, null, "组", null, null)).get("paramKey")).contains("参数键");
        assertThat(errors(new ParamRequests.UpdateValue("1", null, null))).containsEntry("rowVersion", "数据版本号不能为空");
        assertThat(errors(new SettingChangeRollbackRequest(" "))).containsEntry("reason", "回滚原因不能为空");
    }
}
