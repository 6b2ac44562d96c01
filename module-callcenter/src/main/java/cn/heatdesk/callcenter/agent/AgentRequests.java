package cn.heatdesk.callcenter.agent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Request bodies of the agent endpoints. */
public final class AgentRequests {

    private AgentRequests() {
    }

    public record SkillAssign(@NotNull(message = "请选择技能队列") Long queueId,
                              @NotNull(message = "请填写技能等级") @Min(value = 0, message = "技能等级应在 0 到 9 之间") @Max(value = 9, message = "技能等级应在 0 到 9 之间") Integer level) {
    }

    /**
     * Create an agent for a user. {@code jobNo} blank = the user's job number; {@code phoneId}: bind at once
     * (group users only).
     */
    public record Create(@NotNull(message = "请选择人员") Long userId,
                         @Pattern(regexp = "^[0-9A-Za-z]{2,16}$", message = "工号应为 2 到 16 位字母或数字") String jobNo,
                         Long phoneId,
                         @Valid @Size(max = 20, message = "技能最多 20 项") List<SkillAssign> skills,
                         @Size(max = 255, message = "备注不能超过 255 个字") String remark) {
    }

    public record Update(@NotBlank(message = "工号不能为空") @Pattern(regexp = "^[0-9A-Za-z]{2,16}$", message = "工号应为 2 到 16 位字母或数字") String jobNo,
                         @Size(max = 255, message = "备注不能超过 255 个字") String remark,
                         @NotNull(message = "缺少版本号，请刷新后重试") Integer rowVersion) {
    }

    public record Bind(@NotNull(message = "请选择话机") Long phoneId,
                      @NotNull(message = "缺少版本号，请刷新后重试") Integer rowVersion) {
    }

    public record Unbind(@NotNull(message = "缺少版本号，请刷新后重试") Integer rowVersion) {
    }

    public record Skills(@NotNull(message = "请选择技能") @Valid @Size(max = 20, message = "技能最多 20 项") List<SkillAssign> skills) {
    }

    /** sign in on the phone in front of the agent: its extension (and gateway when extensions repeat) */
    public record SignIn(@NotBlank(message = "请填写所在话机的分机号") @Pattern(regexp = "^[0-9]{2,16}$", message = "分机号应为 2 到 16 位数字") String extension,
                         Long gatewayId) {
    }

    /** the agent's own state commands: SIGN_OUT, SET_BUSY, SET_IDLE, TAKE_BREAK, END_WRAP_UP */
    public record Command(@NotBlank(message = "请指定操作") String action,
                          @Size(max = 64, message = "原因不能超过 64 个字符") String reason) {
    }

    /** a supervisor's forced change: FORCE_BUSY, FORCE_IDLE, FORCE_SIGN_OUT */
    public record Force(@NotBlank(message = "请指定操作") String action,
                        @Size(max = 64, message = "原因不能超过 64 个字符") String reason) {
    }
}
