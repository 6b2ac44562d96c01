package cn.heatdesk.monitor.chain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Request bodies of the chain configuration endpoints. */
public final class ChainRequests {

    private ChainRequests() {
    }

    /**
     * @param approverLevel STATION, SUBSIDIARY or GROUP
     * @param approverRole  role code expected at that level (blank: the level's default role)
     * @param timeoutMinutes minutes before the level is overdue; null = no deadline
     */
    public record Step(@NotBlank(message = "请选择审批层级") String approverLevel, String approverRole,
                       Integer timeoutMinutes) {
    }

    /** @param scopeOrgId null or 0: the group default; else the subsidiary this override applies to */
    public record Create(@NotBlank(message = "请选择业务类型") String bizType,
                         @NotBlank(message = "请选择审批事项") String action,
                         Long scopeOrgId,
                         @Size(max = 100, message = "流程名称不能超过 100 个字符") String chainName,
                         @Size(max = 500, message = "备注不能超过 500 个字符") String remark,
                         Boolean enabled,
                         @NotEmpty(message = "至少需要一级审批") @Valid List<Step> steps) {
    }

    public record Update(@NotBlank(message = "流程名称不能为空") @Size(max = 100, message = "流程名称不能超过 100 个字符") String chainName,
                         @Size(max = 500, message = "备注不能超过 500 个字符") String remark,
                         @NotEmpty(message = "至少需要一级审批") @Valid List<Step> steps,
                         @NotNull(message = "缺少版本号") Integer rowVersion) {
    }

    public record Toggle(@NotNull(message = "缺少版本号") Integer rowVersion) {
    }
}
