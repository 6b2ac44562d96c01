package cn.heatdesk.baseinfo.node;

import cn.heatdesk.baseinfo.api.NodeType;

import java.time.LocalDateTime;

/**
 * A tree node as the console shows it. {@code leaf}: a unit, or no (visible) children; {@code stationId/Name}: the
 * repair station whose coverage is effective on the node (its own mapping or the deepest one above it).
 */
public record NodeView(Long id, Long parentId, String nodeType, String nodeTypeLabel, Integer nodeLevel, String nodeCode,
                       String nodeName, String fullName, String nodePath, boolean enabled, Integer sortNo, Long orgId,
                       Long subsidiaryId, String address, String externalId, String dataSource, boolean leaf,
                       int childCount, Long stationId, String stationName, Integer rowVersion,
                       LocalDateTime createdAt, LocalDateTime updatedAt) {

    static NodeView of(HeatNode n, int childCount, Long stationId, String stationName) {
        NodeType type = NodeType.parse(n.getNodeType()).orElse(null);
        return new NodeView(n.getId(), n.getParentId(), n.getNodeType(), type == null ? n.getNodeType() : type.label(),
                n.getNodeLevel(), n.getNodeCode(), n.getNodeName(), n.getFullName(), n.getNodePath(),
                n.getEnabled() != null && n.getEnabled() == 1, n.getSortNo(), n.getOrgId(), n.getSubsidiaryId(),
                n.getAddress(), n.getExternalId(), n.getDataSource(), type == NodeType.UNIT || childCount == 0,
                childCount, stationId, stationName, n.getRowVersion(), n.getCreatedAt(), n.getUpdatedAt());
    }
}
