package cn.heatdesk.baseinfo.node;

import java.time.LocalDateTime;

/** A repair station's mapping onto a community or building, with names for display. */
public record CoverageView(Long id, Long stationId, String stationCode, String stationName, Long nodeId, String nodeType,
                           String nodeCode, String nodeName, String fullName, Long subsidiaryId, LocalDateTime createdAt) {
}
