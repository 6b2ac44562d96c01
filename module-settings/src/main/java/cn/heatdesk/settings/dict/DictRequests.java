package cn.heatdesk.settings.dict;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the dictionary endpoints. */
public final class DictRequests {

    static final String CODE_REGEX = "^[A-Za-z0-9_\\-]{1,64}$";
    /** blank passes here so that an empty code reports only "不能为空" */
    static final String CODE_OR_BLANK = "^(\\s*|[A-Za-z0-9_\\-]{1,64})$";
    static final String COLOR_REGEX = "^(#[0-9A-Fa-f]{6}|primary|success|info|warning|danger)?$";

    private DictRequests() {
    }

    public record CreateType(
            @NotBlank(message = "字典编码不能为空")
            @Pattern(regexp = CODE_OR_BLANK, message = "字典编码只能包含字母、数字、下划线和短横线，最长64个字符")
            String typeCode,
            @NotBlank(message = "字典名称不能为空")
            @Size(max = 64, message = "字典名称不能超过64个字符")
            String typeName,
            @Size(max = 255, message = "备注不能超过255个字符")
            String remark,
            Boolean enabled,
            @Size(max = 500, message = "变更原因不能超过500个字符")
            String reason) {
    }

    public record UpdateType(
            @NotBlank(message = "字典名称不能为空")
            @Size(max = 64, message = "字典名称不能超过64个字符")
            String typeName,
            @Size(max = 255, message = "备注不能超过255个字符")
            String remark,
            @NotNull(message = "数据版本号不能为空")
            Integer rowVersion,
            @Size(max = 500, message = "变更原因不能超过500个字符")
            String reason) {
    }

    public record CreateItem(
            @NotBlank(message = "字典编码不能为空")
            String typeCode,
            @NotBlank(message = "字典项编码不能为空")
            @Pattern(regexp = CODE_OR_BLANK, message = "字典项编码只能包含字母、数字、下划线和短横线，最长64个字符")
            String itemCode,
            @NotBlank(message = "字典项名称不能为空")
            @Size(max = 128, message = "字典项名称不能超过128个字符")
            String itemLabel,
            @Min(value = 0, message = "排序号不能小于0")
            @Max(value = 999999, message = "排序号不能大于999999")
            Integer sortNo,
            @Pattern(regexp = COLOR_REGEX, message = "标签颜色应为 #RRGGBB 或 primary/success/info/warning/danger")
            String tagColor,
            @Size(max = 255, message = "备注不能超过255个字符")
            String remark,
            Boolean enabled,
            @Size(max = 500, message = "变更原因不能超过500个字符")
            String reason) {
    }

    public record UpdateItem(
            @NotBlank(message = "字典项名称不能为空")
            @Size(max = 128, message = "字典项名称不能超过128个字符")
            String itemLabel,
            @Min(value = 0, message = "排序号不能小于0")
            @Max(value = 999999, message = "排序号不能大于999999")
            Integer sortNo,
            @Pattern(regexp = COLOR_REGEX, message = "标签颜色应为 #RRGGBB 或 primary/success/info/warning/danger")
            String tagColor,
            @Size(max = 255, message = "备注不能超过255个字符")
            String remark,
            @NotNull(message = "数据版本号不能为空")
            Integer rowVersion,
            @Size(max = 500, message = "变更原因不能超过500个字符")
            String reason) {
    }

    /**
     * Body of enable / disable / delete; optional.
     *
     * @param rowVersion when given, the change is refused if the row has changed since
     */
    public record State(
            Integer rowVersion,
            @Size(max = 500, message = "变更原因不能超过500个字符")
            String reason) {
        public static final State NONE = new State(null, null);
    }
}
