package cn.heatdesk.baseinfo.node;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Request bodies of the tree and coverage endpoints. Code and name rules live in {@link NodeWriter} (the one place
 * every write path shares), so they are not repeated as annotations here.
 */
public final class NodeRequests {

    private NodeRequests() {
    }

    /** @param orgId the subsidiary org, companies only */
    public record Create(String nodeType, Long parentId, Long orgId, String nodeCode, String nodeName, Integer sortNo,
                         @Size(max = 255, message = "地址不能超过255个字") String address,
                         @Size(max = 64, message = "外部编号不能超过64个字") String externalId) {
    }

    public record Update(String nodeCode, String nodeName, Integer sortNo,
                         @Size(max = 255, message = "地址不能超过255个字") String address,
                         @Size(max = 64, message = "外部编号不能超过64个字") String externalId,
                         @NotNull(message = "版本号不能为空") Integer rowVersion) {
    }

    /** @param sortNo new position among the siblings; null keeps the current one */
    public record Move(@NotNull(message = "目标上级节点不能为空") Long newParentId, Integer sortNo,
                       @NotBlank(message = "调整原因不能为空") @Size(max = 500, message = "原因不能超过 500 个字符") String reason) {
    }

    public record Reason(@NotBlank(message = "原因不能为空") @Size(max = 500, message = "原因不能超过 500 个字符") String reason) {
    }

    /** @param subtree also enable every disabled node below (undoes a cascading disable) */
    public record Enable(@NotBlank(message = "原因不能为空") @Size(max = 500, message = "原因不能超过 500 个字符") String reason,
                         boolean subtree) {
    }

    public record CoverageCreate(@NotNull(message = "请选择维修站") Long stationId,
                                 @NotEmpty(message = "请选择要服务的小区或楼栋")
                                 @Size(max = 200, message = "一次最多指定200个节点") List<Long> nodeIds) {
    }

    /** what a disable did: the node, how many nodes went down with it and the households below */
    public record DisableResult(NodeView node, int disabledNodes, long households, String warning) {
    }
}
