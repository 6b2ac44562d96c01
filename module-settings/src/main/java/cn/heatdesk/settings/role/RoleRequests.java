package cn.heatdesk.settings.role;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

public final class RoleRequests {

    private RoleRequests() {
    }

    public record Save(
            @NotBlank(message = "角色编码不能为空")
            @Pattern(regexp = "^[A-Za-z][A-Za-z0-9_]{1,63}$", message = "角色编码须以字母开头，只能包含字母、数字和下划线，长度 2-64")
            String roleCode,
            @NotBlank(message = "角色名称不能为空") @Size(max = 64, message = "角色名称不能超过 64 个字符") String roleName,
            @NotBlank(message = "数据范围不能为空") String dataScope,
            @Size(max = 255, message = "备注不能超过 255 个字符") String remark,
            Boolean enabled,
            List<String> permissions,
            List<Long> customOrgIds,
            /* group admins may create a role owned by one subsidiary; empty = a group role */
            Long subsidiaryId,
            Integer rowVersion) {
    }

    public record Grant(@NotNull(message = "权限列表不能为空") List<String> permissions) {
    }
}
