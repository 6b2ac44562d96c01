package cn.heatdesk.callcenter.ivr;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Request bodies of the IVR menu screen (语音导航). A menu is saved as a whole tree. */
public final class IvrRequests {

    private IvrRequests() {
    }

    /**
     * @param rootNode       code of the node a call starts in
     * @param operatorQueue  queue of key action OPERATOR (转人工)
     * @param offHoursAction what a call gets outside the work hours or on a holiday; null = no time routing
     */
    public record MenuSave(
            @NotNull(message = "请选择网关") Long gatewayId,
            @NotBlank(message = "热线号码不能为空") @Pattern(regexp = "^\\+?[0-9]{3,31}$", message = "热线号码只能是 3 到 31 位数字（可带 +）") String hotline,
            @NotBlank(message = "菜单名称不能为空") @Size(max = 64, message = "菜单名称不能超过 64 个字") String menuName,
            @NotBlank(message = "请指定起始节点") String rootNode,
            String operatorQueue,
            String offHoursAction,
            String offHoursTarget,
            @Size(max = 128, message = "非工作时间提示音不能超过 128 个字符") String offHoursPrompt,
            @Valid List<WorkHours> workHours,
            List<String> holidays,
            @NotEmpty(message = "至少需要一个菜单节点") @Valid List<NodeSave> nodes,
            Boolean enabled,
            @Size(max = 255, message = "备注不能超过 255 个字") String remark,
            Integer rowVersion) {
    }

    public record WorkHours(
            @NotNull(message = "请选择星期") @Min(value = 1, message = "星期只能是 1（周一）到 7（周日）") @Max(value = 7, message = "星期只能是 1（周一）到 7（周日）") Integer weekday,
            @NotBlank(message = "开始时间不能为空") String start,
            @NotBlank(message = "结束时间不能为空") String end) {
    }

    public record NodeSave(
            @NotBlank(message = "节点编码不能为空") @Pattern(regexp = "^[A-Za-z0-9_\\-]{1,32}$", message = "节点编码只能由字母、数字、下划线和短横线组成（最多 32 位）") String code,
            @NotBlank(message = "节点名称不能为空") @Size(max = 64, message = "节点名称不能超过 64 个字") String name,
            @NotBlank(message = "提示音不能为空") @Size(max = 128, message = "提示音不能超过 128 个字符") String prompt,
            @Min(value = 1, message = "按键等待不能少于 1 秒") @Max(value = 30, message = "按键等待不能超过 30 秒") Integer timeoutSeconds,
            @Min(value = 0, message = "重试次数不能为负数") @Max(value = 5, message = "重试次数不能超过 5 次") Integer maxRetries,
            @Size(max = 128, message = "无效按键提示音不能超过 128 个字符") String invalidPrompt,
            @Size(max = 128, message = "超时提示音不能超过 128 个字符") String timeoutPrompt,
            String failAction,
            String failTarget,
            @Valid List<KeySave> keys) {
    }

    public record KeySave(
            @NotBlank(message = "按键不能为空") @Pattern(regexp = "^[0-9*#]$", message = "按键只能是 0-9、* 或 #") String digit,
            @NotBlank(message = "请选择按键动作") String action,
            String target,
            @Size(max = 64, message = "按键说明不能超过 64 个字") String label) {
    }
}
