package cn.heatdesk.callcenter.gateway;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the gateway, phone and queue endpoints. */
public final class GatewayRequests {

    static final String HOST = "^[A-Za-z0-9.:\\-\\[\\]]{1,253}$";

    private GatewayRequests() {
    }

    /**
     * Create or edit a gateway. {@code amiSecret}: required on create; on edit blank keeps the stored one.
     * {@code rowVersion}: required on edit.
     */
    public record GatewaySave(
            @NotBlank(message = "网关编码不能为空") @Pattern(regexp = "^[A-Za-z0-9_\\-]{1,32}$", message = "网关编码只能由字母、数字、下划线和短横线组成，最多 32 位") String code,
            @NotBlank(message = "网关名称不能为空") @Size(max = 64, message = "网关名称不能超过 64 个字") String name,
            @NotBlank(message = "请选择网关类型") String kind,
            Long stationOrgId,
            @NotBlank(message = "AMI 地址不能为空") @Pattern(regexp = HOST, message = "AMI 地址应为主机名或 IP 地址") String amiHost,
            @NotNull(message = "AMI 端口不能为空") @Min(value = 1, message = "AMI 端口应在 1 到 65535 之间") @Max(value = 65535, message = "AMI 端口应在 1 到 65535 之间") Integer amiPort,
            @NotBlank(message = "AMI 用户名不能为空") @Pattern(regexp = "^[A-Za-z0-9_.\\-]{1,64}$", message = "AMI 用户名只能由字母、数字、点、下划线和短横线组成") String amiUsername,
            @Size(max = 128, message = "AMI 密码不能超过 128 个字符") String amiSecret,
            @Pattern(regexp = HOST, message = "FastAGI 地址应为主机名或 IP 地址") String agiHost,
            @Min(value = 1, message = "FastAGI 端口应在 1 到 65535 之间") @Max(value = 65535, message = "FastAGI 端口应在 1 到 65535 之间") Integer agiPort,
            @Size(max = 255, message = "录音目录不能超过 255 个字符") String recordingDir,
            Boolean enabled,
            @Size(max = 255, message = "备注不能超过 255 个字") String remark,
            Integer rowVersion) {
    }

    public record Enabled(@NotNull(message = "请指定启用或停用") Boolean enabled) {
    }

    /** create or edit an IP phone; {@code sipSecret} blank on edit keeps the stored one */
    public record PhoneSave(
            @NotNull(message = "请选择网关") Long gatewayId,
            @NotBlank(message = "分机号不能为空") @Pattern(regexp = "^[0-9]{2,16}$", message = "分机号应为 2 到 16 位数字") String extension,
            @Pattern(regexp = "^[A-Za-z0-9_\\-]{1,64}$", message = "PJSIP 终端名只能由字母、数字、下划线和短横线组成") String endpointName,
            @Size(min = 8, max = 64, message = "SIP 密码长度应为 8 到 64 个字符") String sipSecret,
            @Size(max = 64, message = "话机型号不能超过 64 个字") String model,
            @Pattern(regexp = "^([0-9A-Fa-f]{2}[:\\-]?){5}[0-9A-Fa-f]{2}$", message = "MAC 地址格式不正确") String mac,
            @Size(max = 255, message = "备注不能超过 255 个字") String remark,
            Boolean enabled,
            Integer rowVersion) {
    }

    /** create or edit a queue */
    public record QueueSave(
            @NotNull(message = "请选择网关") Long gatewayId,
            @NotBlank(message = "队列名不能为空") @Pattern(regexp = "^[a-z][a-z0-9_\\-]{0,63}$", message = "队列名只能由小写字母、数字、下划线和短横线组成，且以字母开头") String queueName,
            @NotBlank(message = "队列显示名不能为空") @Size(max = 64, message = "队列显示名不能超过 64 个字") String displayName,
            @NotBlank(message = "请选择技能") String skillCode,
            String strategy,
            @Min(value = 5, message = "振铃超时不能少于 5 秒") @Max(value = 120, message = "振铃超时不能超过 120 秒") Integer timeoutSeconds,
            @Min(value = 0, message = "整理时长不能为负数") @Max(value = 600, message = "整理时长不能超过 600 秒") Integer wrapupSeconds,
            @Min(value = 10, message = "最长排队时间不能少于 10 秒") @Max(value = 3600, message = "最长排队时间不能超过 3600 秒") Integer maxWaitSeconds,
            Boolean enabled,
            @Size(max = 255, message = "备注不能超过 255 个字") String remark,
            Integer rowVersion) {
    }
}
