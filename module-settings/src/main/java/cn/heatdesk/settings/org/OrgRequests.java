package cn.heatdesk.settings.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the org endpoints. */
public final class OrgRequests {

    private OrgRequests() {
    }

    public record Create(
            @NotNull(message = "上级机构不能为空") Long parentId,
            @NotBlank(message = "机构类型不能为空") String orgType,
            @NotBlank(message = "机构编码不能为空")
            @Pattern(regexp = "^[A-Za-z0-9_\\-]{2,64}$", message = "机构编码只能包含字母、数字、下划线和短横线，长度 2-64")
            String orgCode,
            @NotBlank(message = "机构名称不能为空") @Size(max = 128, message = "机构名称不能超过 128 个字符") String orgName,
            Integer sortNo,
            @Size(max = 32, message = "联系电话不能超过 32 个字符") String contactPhone,
            @Size(max = 255, message = "地址不能超过 255 个字符") String address) {
    }

    public record Update(
            @NotBlank(message = "机构编码不能为空")
            @Pattern(regexp = "^[A-Za-z0-9_\\-]{2,64}$", message = "机构编码只能包含字母、数字、下划线和短横线，长度 2-64")
            String orgCode,
            @NotBlank(message = "机构名称不能为空") @Size(max = 128, message = "机构名称不能超过 128 个字符") String orgName,
            Integer sortNo,
            @Size(max = 32, message = "联系电话不能超过 32 个字符") String contactPhone,
            @Size(max = 255, message = "地址不能超过 255 个字符") String address,
            @NotNull(message = "版本号不能为空") Integer rowVersion) {
    }

    public record Move(
            @NotNull(message = "目标上级机构不能为空") Long newParentId,
            @NotBlank(message = "调整原因不能为空") @Size(max = 500, message = "原因不能超过 500 个字符") String reason) {
    }

    public record Reason(
            @NotBlank(message = "原因不能为空") @Size(max = 500, message = "原因不能超过 500 个字符") String reason) {
    }

    public record CreateType(
            @NotBlank(message = "类型编码不能为空")
            @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,31}$", message = "类型编码须为大写字母开头的大写字母、数字或下划线，长度 2-32")
            String typeCode,
            @NotBlank(message = "类型名称不能为空") @Size(max = 64, message = "类型名称不能超过 64 个字符") String typeName,
            @NotBlank(message = "允许的上级类型不能为空") String allowedParents,
            boolean subsidiary,
            Integer sortNo) {
    }
}
