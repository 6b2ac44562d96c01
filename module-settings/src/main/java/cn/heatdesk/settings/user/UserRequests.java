package cn.heatdesk.settings.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

public final class UserRequests {

    private UserRequests() {
    }

    public record Create(
            @NotBlank(message = "用户名不能为空")
            @Pattern(regexp = "^[A-Za-z0-9_.\\-]{3,64}$", message = "用户名只能包含字母、数字、下划线、点和短横线，长度 3-64")
            String username,
            @NotBlank(message = "姓名不能为空") @Size(max = 64, message = "姓名不能超过 64 个字符") String realName,
            @Pattern(regexp = "^[A-Za-z0-9]{1,32}$", message = "工号只能包含字母和数字，长度 1-32") String jobNumber,
            @NotNull(message = "所属机构不能为空") Long orgId,
            @Pattern(regexp = "^1[3-9]\\d{9}$", message = "手机号格式不正确（11 位，以 1 开头）") String phone,
            @Email(message = "邮箱格式不正确") @Size(max = 128, message = "邮箱不能超过 128 个字符") String email,
            /* SM2-encrypted initial password */
            @NotBlank(message = "初始密码不能为空") String initialPassword,
            List<Long> roleIds) {
    }

    public record Update(
            @NotBlank(message = "姓名不能为空") @Size(max = 64, message = "姓名不能超过 64 个字符") String realName,
            @Pattern(regexp = "^[A-Za-z0-9]{1,32}$", message = "工号只能包含字母和数字，长度 1-32") String jobNumber,
            @NotNull(message = "所属机构不能为空") Long orgId,
            /* the masked form the list returned (138****1234) keeps the stored number unchanged */
            @Pattern(regexp = "^(1[3-9]\\d{9}|1\\d{2}\\*{4}\\d{4})$", message = "手机号格式不正确（11 位，以 1 开头）") String phone,
            @Email(message = "邮箱格式不正确") @Size(max = 128, message = "邮箱不能超过 128 个字符") String email,
            @NotNull(message = "版本号不能为空") Integer rowVersion) {
    }

    public record Roles(@NotNull(message = "角色列表不能为空") List<Long> roleIds) {
    }

    public record ResetPassword(@NotBlank(message = "新密码不能为空") String newPassword) {
    }
}
