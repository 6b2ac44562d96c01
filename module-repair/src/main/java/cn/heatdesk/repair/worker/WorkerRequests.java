package cn.heatdesk.repair.worker;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Request bodies of the worker endpoints. */
public final class WorkerRequests {

    private WorkerRequests() {
    }

    /**
     * A node picked from the heat network tree (GET /api/baseinfo/nodes/...): id, id path and full name as the tree
     * showed them. The server checks that the node lies in the station's coverage.
     */
    public record AreaPick(@NotNull(message = "请选择区域节点") Long nodeId,
                           @NotBlank(message = "区域节点路径不能为空") @Size(max = 400, message = "区域节点路径过长") String nodePath,
                           @Size(max = 16) String nodeType,
                           @Size(max = 600, message = "区域名称过长") String nodeName) {
    }

    public record Create(@NotNull(message = "请选择人员") Long userId,
                         @NotBlank(message = "请选择人员类型") String workerType,
                         @Size(max = 20, message = "技能最多选 20 项") List<String> skills,
                         @Valid @Size(max = 200, message = "负责区域最多 200 个") List<AreaPick> areas,
                         Boolean onDuty,
                         @Min(value = 1, message = "工单上限至少为 1") @Max(value = 99, message = "工单上限不能超过 99") Integer maxLoad,
                         @Size(max = 255, message = "备注不能超过 255 个字") String remark) {
    }

    public record Update(@NotBlank(message = "请选择人员类型") String workerType,
                         @Size(max = 20, message = "技能最多选 20 项") List<String> skills,
                         @Valid @Size(max = 200, message = "负责区域最多 200 个") List<AreaPick> areas,
                         Boolean onDuty,
                         @Min(value = 1, message = "工单上限至少为 1") @Max(value = 99, message = "工单上限不能超过 99") Integer maxLoad,
                         @Size(max = 255, message = "备注不能超过 255 个字") String remark,
                         @NotNull(message = "缺少版本号，请刷新后重试") Integer rowVersion) {
    }

    public record Duty(@NotNull(message = "请指定是否在岗") Boolean onDuty) {
    }

    public record SkillSave(@NotBlank(message = "技能编码不能为空") @Size(max = 32, message = "技能编码不能超过 32 个字符") String code,
                            @NotBlank(message = "技能名称不能为空") @Size(max = 64, message = "技能名称不能超过 64 个字") String name,
                            @Size(max = 20, message = "适用工单类型最多 20 项") List<String> ticketTypes,
                            Integer sortNo, Boolean enabled, Integer rowVersion) {
    }
}
