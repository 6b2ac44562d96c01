package cn.heatdesk.settings.param;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the system-parameter endpoints. */
public final class ParamRequests {

    static final String KEY_REGEX = "^[A-Za-z][A-Za-z0-9_.\\-]{0,127}$";
    /** blank passes here so that an empty key reports only "不能为空" */
    static final String KEY_OR_BLANK = "^(\\s*|[A-Za-z][A-Za-z0-9_.\\-]{0,127})$";

    private ParamRequests() {
    }

    public record Create(
            @NotBlank(message = "参数键不能为空")
            @Pattern(regexp = KEY_OR_BLANK, message = "参数键须以字母开头，只能包含字母、数字、点、下划线和短横线，最长128个字符")
            String paramKey,
            @NotBlank(message = "参数名称不能为空")
            @Size(max = 128, message = "参数名称不能超过128个字符")
            String paramName,
            @NotBlank(message = "参数类型不能为空")
            String valueKind,
            @Size(max = 1000, message = "参数值不能超过1000个字符")
            String paramValue,
            Long minValue,
            Long maxValue,
            @NotBlank(message = "参数分组不能为空")
            @Size(max = 64, message = "参数分组不能超过64个字符")
            String paramGroup,
            @Size(max = 255, message = "备注不能超过255个字符")
            String remark,
            @Size(max = 500, message = "变更原因不能超过500个字符")
            String reason) {
    }

    /** Changes only the value (the usual edit). */
    public record UpdateValue(
            @Size(max = 1000, message = "参数值不能超过1000个字符")
            String paramValue,
            @NotNull(message = "数据版本号不能为空")
            Integer rowVersion,
            @Size(max = 500, message = "变更原因不能超过500个字符")
            String reason) {
    }

    /**
     * Replaces value and definition; for built-in parameters only value and remark may differ.
     * Null bounds mean "no bound".
     */
    public record Update(
            @NotBlank(message = "参数名称不能为空")
            @Size(max = 128, message = "参数名称不能超过128个字符")
            String paramName,
            @Size(max = 1000, message = "参数值不能超过1000个字符")
            String paramValue,
            Long minValue,
            Long maxValue,
            @NotBlank(message = "参数分组不能为空")
            @Size(max = 64, message = "参数分组不能超过64个字符")
            String paramGroup,
            @Size(max = 255, message = "备注不能超过255个字符")
            String remark,
            @NotNull(message = "数据版本号不能为空")
            Integer rowVersion,
            @Size(max = 500, message = "变更原因不能超过500个字符")
            String reason) {
    }
}
