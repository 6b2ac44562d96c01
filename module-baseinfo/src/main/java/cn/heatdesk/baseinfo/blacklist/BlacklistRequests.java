package cn.heatdesk.baseinfo.blacklist;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDateTime;

public final class BlacklistRequests {

    private BlacklistRequests() {
    }

    /** expiresAt: a future time, or null for a permanent entry */
    public record Add(
            @NotBlank(message = "电话号码不能为空") String phone,
            @NotBlank(message = "请填写加入黑名单的原因") @Size(max = 500, message = "原因不能超过500个字") String reason,
            LocalDateTime expiresAt) {
    }

    public record Remove(
            @NotBlank(message = "请填写移出黑名单的原因") @Size(max = 500, message = "原因不能超过500个字") String reason,
            Integer rowVersion) {
    }
}
