package cn.heatdesk.settings.changelog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record SettingChangeRollbackRequest(
        @NotBlank(message = "回滚原因不能为空")
        @Size(max = 500, message = "回滚原因不能超过500个字符")
        String reason) {
}
